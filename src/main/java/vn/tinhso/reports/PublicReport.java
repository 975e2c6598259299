package vn.tinhso.reports;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A report as anyone may see it: the masked public text, no reporter, no contact, only processed
 * photos, the public timeline.
 */
public record PublicReport(long number, String categoryCode, String categoryName, String categoryIcon,
        String text, double lat, double lon, String communeCode, String communeName, String address,
        ReportStatus status, String agencyName, Instant submittedAt, Instant updatedAt, Instant resolvedAt,
        String answer, String rejectReason, Integer rating, int followers, List<Photo> photos,
        List<ReportEntry> timeline) {

    /** A published photo: its public copy and thumbnail. */
    public record Photo(long id, boolean after, UUID file, UUID thumb, Integer width, Integer height) {
    }
}
