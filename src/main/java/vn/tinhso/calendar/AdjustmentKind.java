package vn.tinhso.calendar;

/** What an administrator declares for one date. */
public enum AdjustmentKind {
    /** A weekly rest day that is worked (ngày làm bù), usually in exchange for a day off. */
    WORKING_DAY,
    /** A normal working day that is off (ngày nghỉ), e.g. swapped to lengthen Tết. */
    DAY_OFF
}
