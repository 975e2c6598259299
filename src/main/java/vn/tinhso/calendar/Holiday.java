package vn.tinhso.calendar;

/**
 * The public holidays of the Labour Code 2019 (Bộ luật Lao động số 45/2019/QH14), art. 112(1),
 * on which employees, civil servants included, are off with full pay. Names are in the
 * {@code calendar.holiday.*} messages.
 */
enum Holiday {
    /** Point a: Tết Dương lịch, 1 day, 1 January. */
    NEW_YEAR,
    /** Point b: Tết Âm lịch, 5 days; which five the Prime Minister decides each year (art. 112(3)). */
    LUNAR_NEW_YEAR,
    /** Point e: Giỗ Tổ Hùng Vương, 1 day, 10th day of the 3rd lunar month. */
    HUNG_KINGS,
    /** Point c: Ngày Chiến thắng, 1 day, 30 April. */
    VICTORY_DAY,
    /** Point d: Ngày Quốc tế lao động, 1 day, 1 May. */
    LABOUR_DAY,
    /** Point đ: Quốc khánh, 2 days: 2 September and the day before or after (art. 112(3)). */
    NATIONAL_DAY
}
