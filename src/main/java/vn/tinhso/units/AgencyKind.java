package vn.tinhso.units;

/** Kinds of agency (cơ quan) the one-stop shop deals with. */
public enum AgencyKind {
    /** Sở: a specialised department of the provincial People's Committee. */
    DEPARTMENT,
    /** Trung tâm Phục vụ hành chính công: the provincial public administration service centre. */
    PUBLIC_ADMINISTRATION_CENTRE,
    /** Ủy ban nhân dân: a People's Committee (of a commune, or of the province). */
    PEOPLES_COMMITTEE,
    OTHER
}
