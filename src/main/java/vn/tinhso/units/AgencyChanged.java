package vn.tinhso.units;

import java.util.Map;
import vn.tinhso.shared.Actor;
import vn.tinhso.shared.AuditableEvent;

/** An agency was created or changed by an administrator. */
public record AgencyChanged(long agencyId, String code, String change, Actor actor) implements AuditableEvent {

    @Override
    public String action() {
        return "units.agency." + change;
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
        return Map.of("code", code);
    }
}
