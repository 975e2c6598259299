package vn.tinhso.reports;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The states of a field report (see docs/reports.md). Submitted reports wait for the handling
 * agency to accept them; a resolved report is closed when the reporter rates it or when the
 * reopening window passes; a reopened report goes back to the same agency with its history.
 */
public enum ReportStatus {
    /** Sent by the reporter, routed to an agency (or to triage), not yet accepted (đã gửi). */
    SUBMITTED,
    /** Accepted by the handling agency (đã tiếp nhận). */
    ACCEPTED,
    /** Being handled (đang xử lý). */
    IN_PROGRESS,
    /** Handled, with a public answer and an "after" photo (đã xử lý). */
    RESOLVED,
    /** Closed: rated, or the reopening window passed (đã đóng). */
    CLOSED,
    /** Rejected with a reason the reporter reads (từ chối). */
    REJECTED,
    /** Reopened by the reporter: the problem is back (mở lại). */
    REOPENED;

    private static final Map<ReportStatus, Set<ReportStatus>> NEXT = Map.of(
            SUBMITTED, EnumSet.of(ACCEPTED, REJECTED),
            ACCEPTED, EnumSet.of(IN_PROGRESS, RESOLVED, REJECTED),
            IN_PROGRESS, EnumSet.of(RESOLVED),
            RESOLVED, EnumSet.of(CLOSED, REOPENED),
            CLOSED, EnumSet.of(REOPENED),
            REJECTED, EnumSet.noneOf(ReportStatus.class),
            REOPENED, EnumSet.of(ACCEPTED, IN_PROGRESS, RESOLVED));

    public boolean canMoveTo(ReportStatus next) {
        return NEXT.get(this).contains(next);
    }

    /** Whether the agency still has work to do on it. */
    public boolean open() {
        return this == SUBMITTED || this == ACCEPTED || this == IN_PROGRESS || this == REOPENED;
    }

    /** Whether it waits for the agency to accept it. */
    public boolean awaitsAcceptance() {
        return this == SUBMITTED || this == REOPENED;
    }

    /** Open311's two states: {@code open} while the agency works on it, else {@code closed}. */
    public String open311() {
        return open() ? "open" : "closed";
    }
}
