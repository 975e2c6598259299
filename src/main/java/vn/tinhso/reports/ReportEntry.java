package vn.tinhso.reports;

import java.time.Instant;

/**
 * One line of a report's timeline. {@code previous} keeps the text an edit replaced (the public
 * text), for the agency only; {@code publicEntry} says whether the public page shows it.
 */
public record ReportEntry(long id, String kind, ReportStatus status, String actorName, String agencyName, String note,
        String previous, boolean publicEntry, Instant at) {
}
