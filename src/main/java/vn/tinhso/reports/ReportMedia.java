package vn.tinhso.reports;

import java.time.Instant;
import java.util.UUID;

/**
 * A photo or video of a report. {@code stage} BEFORE is the reporter's, AFTER the agency's proof of
 * fix. The original file is for the agency only; the public file (re-encoded, without EXIF) and the
 * thumbnail exist once the photo is processed.
 */
public record ReportMedia(long id, String stage, String kind, UUID originalFile, UUID publicFile, UUID thumbFile,
        Integer width, Integer height, Instant takenAt, Double exifLat, Double exifLon, Instant addedAt) {

    public boolean photo() {
        return "PHOTO".equals(kind);
    }

    public boolean after() {
        return "AFTER".equals(stage);
    }

    /** Whether it can be shown to the public: a processed photo (videos stay with the agency). */
    public boolean publishable() {
        return photo() && publicFile != null;
    }
}
