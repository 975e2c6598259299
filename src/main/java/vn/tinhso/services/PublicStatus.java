package vn.tinhso.services;

import java.time.Instant;

/** What the public lookup shows of a dossier: nothing personal. */
public record PublicStatus(String code, DossierStatus status, String procedureName, String agencyName,
        Instant submittedAt, Instant receivedAt, Instant appointmentAt) {
}
