package vn.tinhso.identity;

/** A role held by an account, within an agency for OFFICER and LEADER ({@code agencyId} null otherwise). */
public record RoleGrant(Role role, Long agencyId) implements java.io.Serializable {

    public RoleGrant {
        if (role == null || role.scopedToAgency() != (agencyId != null)) {
            throw new IllegalArgumentException("OFFICER and LEADER need an agency, other roles none");
        }
    }

    /** {@code ADMIN}, or {@code OFFICER@12} for a role within agency 12 (as audit details show it). */
    @Override
    public String toString() {
        return agencyId == null ? role.name() : role.name() + "@" + agencyId;
    }
}
