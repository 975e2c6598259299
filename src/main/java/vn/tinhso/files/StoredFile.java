package vn.tinhso.files;

import java.time.Instant;
import java.util.UUID;

/** A stored file as other modules see it: metadata only; the content is read through {@link FileManagement}. */
public record StoredFile(UUID id, String name, String contentType, long size, String sha256, String owner,
        Instant createdAt) {

    /** Whether the named user owns the file. */
    public boolean ownedBy(String user) {
        return owner.equals(user);
    }
}
