package vn.tinhso.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import org.apache.tika.Tika;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;
import vn.tinhso.shared.ErrorCode;
import vn.tinhso.shared.TinhSoException;

/**
 * Decides a file's type from its bytes. The name may only refine what the bytes say (text that is
 * CSV or JSON, a ZIP container that is DOCX or XLSX); it never makes unknown or other bytes into an
 * allowed type, so an executable renamed to {@code .pdf} stays an executable.
 */
final class FileTypes {

    private static final Tika TIKA = new Tika();
    private static final MediaTypeRegistry REGISTRY = MimeTypes.getDefaultMimeTypes().getMediaTypeRegistry();

    private final List<String> allowed;

    FileTypes(List<String> allowed) {
        this.allowed = List.copyOf(allowed);
    }

    /** The type of the content; the stream must support mark/reset and is left at its start. */
    String detect(InputStream content, String name) {
        if (!content.markSupported()) {
            throw new IllegalArgumentException("The stream must support mark/reset");
        }
        try {
            MediaType byContent = TIKA.getDetector().detect(content, new org.apache.tika.metadata.Metadata())
                    .getBaseType();
            if (MediaType.OCTET_STREAM.equals(byContent) || REGISTRY.getChildTypes(byContent).isEmpty()) {
                // Nothing the name could refine (a PDF, a JPEG): the second, name-aware pass is skipped.
                return byContent.toString().toLowerCase(Locale.ROOT);
            }
            MediaType withName = MediaType.parse(TIKA.detect(content, name)).getBaseType();
            return decide(byContent, withName).toString().toLowerCase(Locale.ROOT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static MediaType decide(MediaType byContent, MediaType withName) {
        if (MediaType.OCTET_STREAM.equals(byContent)) {
            return byContent;
        }
        if (withName.equals(byContent) || REGISTRY.isSpecializationOf(withName, byContent)) {
            return withName;
        }
        return byContent;
    }

    /** Refuses a type that is not on the allowed list, naming it. */
    void checkAllowed(String type) {
        if (!allowed.contains(type)) {
            throw new TinhSoException(ErrorCode.FILE_TYPE_FORBIDDEN, "file", type);
        }
    }
}
