package vn.tinhso.files;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param store where file content lives: {@code local} (the only store so far; see docs/files.md for S3)
 * @param root the directory of the local store
 * @param maxSize the largest file accepted
 * @param allowedTypes media types accepted, as sniffed from the content
 */
@ConfigurationProperties("tinhso.files")
public record FilesSettings(@DefaultValue("local") String store,
        @DefaultValue("data/files") Path root,
        @DefaultValue("20MB") DataSize maxSize,
        @DefaultValue({"application/pdf", "image/jpeg", "image/png",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "text/csv", "application/json", "text/plain", "application/xml",
                "application/vnd.oasis.opendocument.spreadsheet", "video/mp4", "video/webm", "video/quicktime"})
        List<String> allowedTypes) {

    public FilesSettings {
        if (!"local".equals(store)) {
            throw new IllegalArgumentException("tinhso.files.store=" + store
                    + " is not available; only 'local' is implemented (see docs/files.md)");
        }
        if (maxSize.toBytes() < 1) {
            throw new IllegalArgumentException("tinhso.files.max-size must be positive");
        }
        allowedTypes = allowedTypes.stream().map(t -> t.strip().toLowerCase(Locale.ROOT)).toList();
    }

    /** The size limit as people read it, e.g. {@code 20 MB}. */
    public String maxSizeText() {
        return vn.tinhso.shared.DataSizes.text(maxSize);
    }
}
