package vn.tinhso.services;

import java.time.Instant;
import java.util.UUID;

/**
 * A file attached to a dossier. {@code slot} is the index of the required document in the
 * procedure's list, or the list's size for other documents.
 */
public record DossierDocument(long id, int slot, UUID fileId, String name, String contentType, long size,
        String sha256, boolean supplement, Instant addedAt) {
}
