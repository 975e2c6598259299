package vn.tinhso.identity;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Agency scoping for access rules, e.g.
 * {@code @PreAuthorize("@agencyAccess.actsFor(authentication, #agencyId)")}: an officer or leader
 * acts only within the agencies of their grants; administrators manage but do not act for agencies.
 */
@Component("agencyAccess")
public class AgencyAccess {

    /** Whether the caller holds OFFICER or LEADER in the agency. */
    public boolean actsFor(Authentication authentication, Long agencyId) {
        return agencyId != null && authentication != null
                && authentication.getPrincipal() instanceof SignedInUser user && user.actsFor(agencyId);
    }

    /** Whether the caller holds the given role in the agency. */
    public boolean holds(Authentication authentication, String role, Long agencyId) {
        return agencyId != null && authentication != null
                && authentication.getPrincipal() instanceof SignedInUser user
                && user.agencies(Role.valueOf(role)).contains(agencyId);
    }
}
