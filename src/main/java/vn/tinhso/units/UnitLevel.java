package vn.tinhso.units;

/** Level of an administrative unit; districts exist only in the 2024 structure. */
public enum UnitLevel {
    PROVINCE, DISTRICT, COMMUNE
}
