package vn.tinhso.units;

/**
 * One row of the official 2025 conversion: an old unit flowing into a new one.
 *
 * @param share {@code WHOLE} (nhập toàn bộ) or {@code PART} (nhập một phần: the old unit was split)
 * @param note the note of the official table, as published
 */
public record UnitConversion(Unit oldUnit, Unit newUnit, String share, String note) {
}
