package vn.tinhso.reports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Locale;
import org.apache.tika.Tika;

/** The media type of a photo or video, from its first bytes (the name only breaks ties). */
final class MediaTypes {

    private static final Tika TIKA = new Tika();

    private MediaTypes() {
    }

    static String sniff(byte[] head, String name) {
        try {
            return TIKA.detect(new ByteArrayInputStream(head), name).toLowerCase(Locale.ROOT);
        } catch (IOException e) {
            return "application/octet-stream";
        }
    }
}
