package vn.tinhso.identity;

import java.util.Set;
import java.util.stream.Collectors;

/** The principal of every signed-in request (form, OIDC or API token). */
public interface SignedInUser {

    long accountId();

    String email();

    String displayName();

    java.util.List<RoleGrant> grants();

    /** Agencies in which the user holds the role. */
    default Set<Long> agencies(Role role) {
        return grants().stream().filter(g -> g.role() == role).map(RoleGrant::agencyId).collect(Collectors.toSet());
    }

    /** Whether the user may act for the agency as OFFICER or LEADER. */
    default boolean actsFor(long agencyId) {
        return grants().stream().anyMatch(g -> g.agencyId() != null && g.agencyId() == agencyId);
    }
}
