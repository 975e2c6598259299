package vn.tinhso.services;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A dossier (hồ sơ) as its applicant and the agency's staff see it.
 *
 * @param ownerAccountId the account that may follow it online, or {@code null} for a dossier
 *        registered at the desk for someone without an account
 * @param receptionDueAt when the desk must have acted on an online dossier
 * @param appointmentAt the appointment date for the result (ngày hẹn trả), set at reception
 */
public record Dossier(UUID id, String code, String procedureCode, String procedureName, long agencyId,
        String agencyCode, String agencyName, Procedure.Channel channel, DossierStatus status, Long ownerAccountId,
        Applicant applicant, Map<String, Object> form, Delivery delivery, String deliveryAddress,
        Supplement supplement, String refusalReason, UUID receiptFileId, String receivedBy, Instant submittedAt,
        Instant receptionDueAt, Instant receivedAt, Instant appointmentAt, Instant createdAt, Instant updatedAt,
        List<DossierDocument> documents) {

    /** How the applicant receives the result. */
    public enum Delivery {
        ONLINE, DESK, POST
    }

    /** What the desk asked to add or correct, once and for all. */
    public record Supplement(String note, List<String> items, Instant requestedAt, String requestedBy) {
    }

    public List<DossierDocument> documents(int slot) {
        return documents.stream().filter(d -> d.slot() == slot).toList();
    }
}
