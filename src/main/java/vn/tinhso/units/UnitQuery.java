package vn.tinhso.units;

/** Filters of a unit search; {@code null} means no filter. */
public record UnitQuery(String text, Structure structure, String provinceCode, UnitLevel level) {
}
