package vn.tinhso.identity;

import java.time.Instant;
import java.util.List;

/** An account as other modules and the admin console see it; never the password hash. */
public record AccountView(long id, String email, String displayName, AccountStatus status, String locale,
        List<RoleGrant> roles, Instant lockedUntil, Instant lastSignInAt, Instant createdAt)
        implements java.io.Serializable {

    public boolean locked() {
        return lockedUntil != null && lockedUntil.isAfter(Instant.now());
    }

    public boolean has(Role role) {
        return roles.stream().anyMatch(r -> r.role() == role);
    }
}
