package vn.tinhso.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

class AgencyAccessUnitTests {

    private final AgencyAccess access = new AgencyAccess();

    @Test
    void anOfficerActsOnlyForTheAgenciesOfTheirGrants() {
        Authentication officer = signedIn(new RoleGrant(Role.OFFICER, 7L), new RoleGrant(Role.LEADER, 9L));
        assertThat(access.actsFor(officer, 7L)).isTrue();
        assertThat(access.actsFor(officer, 9L)).isTrue();
        assertThat(access.actsFor(officer, 8L)).isFalse();
        assertThat(access.holds(officer, "LEADER", 9L)).isTrue();
        assertThat(access.holds(officer, "LEADER", 7L)).isFalse();
    }

    @Test
    void citizensAdministratorsAndAnonymousCallersDoNotActForAgencies() {
        assertThat(access.actsFor(signedIn(new RoleGrant(Role.CITIZEN, null)), 7L)).isFalse();
        assertThat(access.actsFor(signedIn(new RoleGrant(Role.ADMIN, null)), 7L)).isFalse();
        assertThat(access.actsFor(null, 7L)).isFalse();
        assertThat(access.actsFor(signedIn(new RoleGrant(Role.OFFICER, 7L)), null)).isFalse();
    }

    private static Authentication signedIn(RoleGrant... grants) {
        AccountView view = new AccountView(1, "a@example.vn", "A", AccountStatus.ACTIVE, "vi", List.of(grants),
                null, null, Instant.now());
        AccountPrincipal principal = new AccountPrincipal(view);
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
    }
}
