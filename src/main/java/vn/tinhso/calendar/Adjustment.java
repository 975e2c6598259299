package vn.tinhso.calendar;

import java.time.Instant;
import java.time.LocalDate;

/** An administrator's declaration for one date: a make-up working day or an extra day off. */
public record Adjustment(long id, LocalDate date, AdjustmentKind kind, String reason, String createdBy,
        Instant createdAt) {
}
