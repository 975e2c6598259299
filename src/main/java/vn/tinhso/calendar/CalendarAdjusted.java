package vn.tinhso.calendar;

import java.time.LocalDate;
import java.util.Map;
import vn.tinhso.shared.Actor;
import vn.tinhso.shared.AuditableEvent;

/**
 * An administrator added or removed a make-up working day or a day off; deadlines counted across
 * {@code date} may have changed.
 *
 * @param change {@code added} or {@code removed}
 */
public record CalendarAdjusted(long adjustmentId, LocalDate date, AdjustmentKind kind, String reason, String change,
        Actor actor) implements AuditableEvent {

    @Override
    public String action() {
        return "calendar.adjustment." + change;
    }

    @Override
    public String targetType() {
        return "calendar_adjustment";
    }

    @Override
    public String targetId() {
        return String.valueOf(adjustmentId);
    }

    @Override
    public Map<String, String> details() {
        return Map.of("date", date.toString(), "kind", kind.name(), "reason", reason);
    }
}
