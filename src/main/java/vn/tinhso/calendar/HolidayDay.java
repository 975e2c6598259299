package vn.tinhso.calendar;

import java.time.LocalDate;

/**
 * A statutory day off: a holiday itself, or its substitute.
 *
 * @param lunar the lunar date for holidays of the lunar calendar (Tết, Giỗ Tổ), else {@code null}
 */
record HolidayDay(LocalDate date, Holiday holiday, DayOffKind kind, LunarDate lunar) {
}
