package vn.tinhso.reports;

import java.io.IOException;
import java.io.InputStream;

/** A photo or video sent with a report: where to read it and the name the user gave it. */
public record MediaUpload(Source content, String name) {

    /** Opens the content; may be called more than once (the photo is read for EXIF, then stored). */
    @FunctionalInterface
    public interface Source {
        InputStream open() throws IOException;
    }
}
