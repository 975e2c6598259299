package vn.tinhso.calendar;

/** Why a day that would be a working day is not. */
public enum DayOffKind {
    /** A public holiday of the Labour Code 2019, art. 112(1). */
    HOLIDAY,
    /** A compensatory day for a holiday that fell on a weekly rest day (art. 111(3)). */
    SUBSTITUTE,
    /** A day off declared by an administrator, e.g. a day swapped with a make-up working day. */
    ADMIN_DAY_OFF
}
