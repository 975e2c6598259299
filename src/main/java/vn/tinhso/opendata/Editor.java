package vn.tinhso.opendata;

import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import vn.tinhso.identity.Role;
import vn.tinhso.identity.RoleGrant;
import vn.tinhso.identity.SignedInUser;

/**
 * Who is asking, as the catalogue's rules need it: the agencies where they are an officer or a leader,
 * and whether they administer the platform. Anonymous callers are {@link #NOBODY}.
 */
public record Editor(Long accountId, String name, Set<Long> officerOf, Set<Long> leaderOf, boolean admin) {

    public static final Editor NOBODY = new Editor(null, "anonymous", Set.of(), Set.of(), false);

    public Editor {
        officerOf = Set.copyOf(officerOf);
        leaderOf = Set.copyOf(leaderOf);
    }

    public static Editor of(Authentication auth) {
        if (auth == null || auth instanceof AnonymousAuthenticationToken
                || !(auth.getPrincipal() instanceof SignedInUser user)) {
            return NOBODY;
        }
        return new Editor(user.accountId(), user.email(), agencies(user, Role.OFFICER), agencies(user, Role.LEADER),
                user.grants().stream().anyMatch(g -> g.role() == Role.ADMIN));
    }

    /** The holder of an API token. */
    public static Editor of(vn.tinhso.identity.AccountView account) {
        return new Editor(account.id(), account.email(), agencies(account.roles(), Role.OFFICER),
                agencies(account.roles(), Role.LEADER), account.has(Role.ADMIN));
    }

    private static Set<Long> agencies(java.util.List<RoleGrant> grants, Role role) {
        return grants.stream().filter(g -> g.role() == role).map(RoleGrant::agencyId).collect(Collectors.toSet());
    }

    private static Set<Long> agencies(SignedInUser user, Role role) {
        return user.grants().stream().filter(g -> g.role() == role).map(RoleGrant::agencyId)
                .collect(Collectors.toSet());
    }

    /** Officers and leaders edit the datasets of their agencies; administrators all. */
    public boolean edits(long publisher) {
        return admin || officerOf.contains(publisher) || leaderOf.contains(publisher);
    }

    /** Leaders publish the datasets of their agencies; administrators all. */
    public boolean publishes(long publisher) {
        return admin || leaderOf.contains(publisher);
    }

    /** The agencies whose private datasets and drafts they see. */
    public Set<Long> publishers() {
        Set<Long> all = new java.util.HashSet<>(officerOf);
        all.addAll(leaderOf);
        return all;
    }

    public boolean signedIn() {
        return accountId != null;
    }
}
