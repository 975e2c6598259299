package vn.tinhso.reports;

import java.util.Map;
import vn.tinhso.shared.Actor;
import vn.tinhso.shared.AuditableEvent;

/** A report category was created or changed (audited). */
public record CategoryChanged(String code, String change, String category, Actor actor) implements AuditableEvent {

    @Override
    public String action() {
        return "reports.category." + change;
    }

    @Override
    public String targetType() {
        return "report_category";
    }

    @Override
    public String targetId() {
        return code;
    }

    @Override
    public Map<String, String> details() {
        return Map.of("category", category);
    }
}
