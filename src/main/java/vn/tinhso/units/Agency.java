package vn.tinhso.units;

/** An agency (cơ quan) attached to an administrative unit, as read by other modules. */
public record Agency(long id, String code, String name, AgencyKind kind, AgencyLevel level, int unitStructure,
        String unitCode, String unitName, String email, String phone, boolean active) {
}
