package vn.tinhso.reports;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A field report as the reporter and the handling agency see it: with the reporter's contact and
 * the original description. The public never gets this; see {@link PublicReport}.
 */
public record Report(UUID id, long number, String categoryCode, String categoryName, String categoryIcon,
        String description, String publicText, boolean publicTextEdited, double lat, double lon, String communeCode,
        String communeName, String address, Reporter reporter, String source, ReportStatus status, Severity severity,
        long agencyId, String agencyName, boolean visible, Instant submittedAt, Instant acceptDueAt,
        Instant acceptedAt, Instant handleDueAt, Instant resolvedAt, Instant closedAt, String answer,
        String rejectReason, Integer rating, String ratingComment, int reopenCount, UUID mergedInto,
        Instant escalatedAt, Boolean onTime, int followers, Instant updatedAt, List<ReportMedia> media) {

    /** Who sent it; all null but the account for an anonymous report. */
    public record Reporter(Long accountId, String name, String phone, String email, boolean anonymous) {
    }

    /** The deadline now running: acceptance while it waits, handling after; null when none runs. */
    public Instant dueAt() {
        if (status.awaitsAcceptance()) {
            return acceptDueAt;
        }
        return status.open() ? handleDueAt : null;
    }

    /** Whether the running deadline has passed at the moment. */
    public boolean overdue(Instant now) {
        Instant due = dueAt();
        return due != null && now.isAfter(due);
    }
}
