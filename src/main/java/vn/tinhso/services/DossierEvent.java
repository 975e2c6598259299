package vn.tinhso.services;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import vn.tinhso.shared.Actor;
import vn.tinhso.shared.AuditableEvent;

/**
 * Something that happened to a dossier. Each is audited and told to the applicant; the processing
 * workflow adds its own. {@code notice} carries what the applicant needs to read: the supplement
 * list, the refusal reason.
 */
public sealed interface DossierEvent extends AuditableEvent permits DossierEvent.Submitted, DossierEvent.Received,
        DossierEvent.SupplementRequested, DossierEvent.Supplemented, DossierEvent.Refused {

    /** The facts every dossier event carries. */
    record Facts(UUID dossierId, String code, Long ownerAccountId, String applicantEmail, String applicantName,
            String procedureName, String agencyName) {
    }

    Facts facts();

    /** The event's name as the timeline and messages know it, e.g. {@code submitted}. */
    String kind();

    @Override
    default String action() {
        return "services.dossier." + kind();
    }

    @Override
    default String targetType() {
        return "dossier";
    }

    @Override
    default String targetId() {
        return facts().code();
    }

    /** Submitted online (or resubmitted after a supplement: see {@link Supplemented}). */
    record Submitted(Facts facts, Instant receptionDueAt, Actor actor) implements DossierEvent {
        @Override
        public String kind() {
            return "submitted";
        }
    }

    /** Received at the desk: the receipt and the appointment date exist. */
    record Received(Facts facts, Instant appointmentAt, UUID receiptFileId, Actor actor) implements DossierEvent {
        @Override
        public String kind() {
            return "received";
        }

        @Override
        public Map<String, String> details() {
            return Map.of("appointmentAt", String.valueOf(appointmentAt));
        }
    }

    /** The desk asked for documents to be added or corrected. */
    record SupplementRequested(Facts facts, String notice, Actor actor) implements DossierEvent {
        @Override
        public String kind() {
            return "supplement_requested";
        }
    }

    /** The applicant added what was asked and sent the dossier back. */
    record Supplemented(Facts facts, Actor actor) implements DossierEvent {
        @Override
        public String kind() {
            return "supplemented";
        }
    }

    /** Refused at reception, with a reason. */
    record Refused(Facts facts, String notice, Actor actor) implements DossierEvent {
        @Override
        public String kind() {
            return "refused";
        }
    }
}
