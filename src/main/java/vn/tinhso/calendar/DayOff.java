package vn.tinhso.calendar;

import java.time.LocalDate;

/**
 * A day that is not worked although it is not a weekly rest day, or a holiday that falls on one.
 *
 * @param nameVi what it is, in Vietnamese, e.g. "Quốc khánh", "Nghỉ bù Tết Dương lịch"
 * @param nameEn the same in English; for a day declared by an administrator, the reason as entered
 */
public record DayOff(LocalDate date, DayOffKind kind, String nameVi, String nameEn) {
}
