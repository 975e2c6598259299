package vn.tinhso.identity;

/** Roles of the platform; OFFICER and LEADER are always held within an agency. */
public enum Role {
    CITIZEN, OFFICER, LEADER, ADMIN;

    public boolean scopedToAgency() {
        return this == OFFICER || this == LEADER;
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
