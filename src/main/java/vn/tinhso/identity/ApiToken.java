package vn.tinhso.identity;

import java.time.Instant;

/** A personal API token as listed to its owner; the secret itself is shown only once, at creation. */
public record ApiToken(long id, String name, String prefix, Instant createdAt, Instant expiresAt,
        Instant lastUsedAt, Instant revokedAt) {

    public boolean usable() {
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(Instant.now()));
    }
}
