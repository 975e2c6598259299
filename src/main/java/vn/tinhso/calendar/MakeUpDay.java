package vn.tinhso.calendar;

import java.time.LocalDate;

/** A weekly rest day that is worked (ngày làm bù), with the reason the administrator gave. */
public record MakeUpDay(LocalDate date, String reason) {
}
