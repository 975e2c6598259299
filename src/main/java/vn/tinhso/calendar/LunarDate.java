package vn.tinhso.calendar;

/**
 * A date of the Vietnamese lunisolar calendar (âm lịch).
 *
 * @param year the Gregorian year in which this lunar year's New Year's day (mùng 1 Tết) falls
 * @param month 1 to 12
 * @param leapMonth whether the month is the leap (nhuận) repetition of {@code month}
 * @param day 1 to 30
 */
record LunarDate(int year, int month, boolean leapMonth, int day) {
}
