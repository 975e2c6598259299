package vn.tinhso.calendar;

/**
 * Which day joins 2 September as the second day of Quốc khánh (Labour Code 2019 art. 112(1)(đ):
 * "ngày 02 tháng 9 dương lịch và 01 ngày liền kề trước hoặc sau"); the Prime Minister decides it
 * each year (art. 112(3)).
 */
public enum NationalDayAdjacent {
    /** 1 September. */
    BEFORE,
    /** 3 September. */
    AFTER,
    /**
     * The neighbour that joins the holiday to the weekly rest: never a rest day (it would only move
     * to a substitute day), else the one next to a rest day, else (2 September on a Wednesday) the
     * day after. This is what the government chose in every year from 2021 to 2025.
     */
    NEAREST_WEEKEND
}
