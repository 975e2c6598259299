package vn.tinhso.reports;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.tinhso.shared.Actor;
import vn.tinhso.shared.AuditableEvent;

/**
 * Something that happened to a field report. Each is audited; the reporter and the followers are
 * told of the steps they care about, the agency of new, nearly due and overdue reports.
 */
public sealed interface ReportEvent extends AuditableEvent {

    /**
     * The facts every report event carries; {@code followers} are the accounts following it at the
     * time, {@code note} what the reader needs (the answer, the reason), {@code dueAt} the deadline now running.
     */
    record Facts(UUID reportId, long number, String categoryName, ReportStatus status, long agencyId,
            String agencyName, Long reporterAccount, List<Long> followers, String note, Instant dueAt) {
    }

    Facts facts();

    /** The step as the timeline and the messages know it, e.g. {@code accepted}. */
    String kind();

    @Override
    default String action() {
        return "reports.report." + kind();
    }

    @Override
    default String targetType() {
        return "report";
    }

    @Override
    default String targetId() {
        return String.valueOf(facts().number());
    }

    @Override
    default Map<String, String> details() {
        return Map.of("status", facts().status().name(), "agency", String.valueOf(facts().agencyId()));
    }

    /** Whether the reporter and the followers are told of it. */
    default boolean toldToReporter() {
        return true;
    }

    /** A transition or edit of the report; {@code kind} names it (submitted, accepted, resolved, ...). */
    record Changed(String kind, Facts facts, Actor actor) implements ReportEvent {
        @Override
        public boolean toldToReporter() {
            return !List.of("submitted", "public_text_edited", "visibility_changed", "severity_changed", "followed", "rated")
                    .contains(kind);
        }
    }

    /** The running deadline is near: the agency's officers are reminded. */
    record DeadlineNear(Facts facts, Actor actor) implements ReportEvent {
        @Override
        public String kind() {
            return "deadline_near";
        }

        @Override
        public boolean toldToReporter() {
            return false;
        }
    }

    /** The running deadline passed: the agency's leaders are told. */
    record Escalated(Facts facts, Actor actor) implements ReportEvent {
        @Override
        public String kind() {
            return "escalated";
        }

        @Override
        public boolean toldToReporter() {
            return false;
        }
    }
}
