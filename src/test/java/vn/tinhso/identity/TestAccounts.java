package vn.tinhso.identity;

import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Test fixture: creates active accounts with known passwords and API tokens. Lives in the
 * identity package to reach the package-private creation method; registered by component scan of
 * the test classpath only.
 */
@Component
public class TestAccounts {

    public static final String PASSWORD = "Mat-khau-thu-nghiem-1";

    private final IdentityManagement identity;

    TestAccounts(IdentityManagement identity) {
        this.identity = identity;
    }

    /** A new active account with a unique e-mail, the given roles and {@link #PASSWORD}. */
    public AccountView create(String name, RoleGrant... grants) {
        String email = name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "") + "-"
                + UUID.randomUUID().toString().substring(0, 8) + "@test.tinhso.vn";
        return identity.createActive(email, name, PASSWORD, List.of(grants));
    }

    /** A new account with the roles and an API token for it; returns the token secret. */
    public String token(String name, RoleGrant... grants) {
        AccountView account = create(name, grants);
        return identity.createApiToken(account.id(), "test", null);
    }

    public static RoleGrant admin() {
        return new RoleGrant(Role.ADMIN, null);
    }

    public static RoleGrant citizen() {
        return new RoleGrant(Role.CITIZEN, null);
    }

    public static RoleGrant officer(long agencyId) {
        return new RoleGrant(Role.OFFICER, agencyId);
    }

    public static RoleGrant leader(long agencyId) {
        return new RoleGrant(Role.LEADER, agencyId);
    }
}
