package vn.tinhso.units;

/** Level of government an agency belongs to under the two-level structure in force since 2025-07-01. */
public enum AgencyLevel {
    PROVINCE, COMMUNE
}
