package vn.tinhso.calendar;

import java.util.Map;
import vn.tinhso.shared.Actor;
import vn.tinhso.shared.AuditableEvent;

/**
 * An administrator gave an agency its own working hours, or removed them (the agency then works
 * the default hours).
 *
 * @param hours the agency's hours now, e.g. {@code 07:30-11:30,13:30-17:00}
 * @param change {@code set} or {@code removed}
 */
public record AgencyWorkingHoursChanged(long agencyId, String hours, String change, Actor actor)
        implements AuditableEvent {

    @Override
    public String action() {
        return "calendar.agency_hours." + change;
    }

    @Override
    public String targetType() {
        return "agency";
    }

    @Override
    public String targetId() {
        return String.valueOf(agencyId);
    }

    @Override
    public Map<String, String> details() {
        return Map.of("hours", hours);
    }
}
