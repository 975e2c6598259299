package vn.tinhso.audit;

import java.util.Map;
import vn.tinhso.shared.Actor;
import vn.tinhso.shared.AuditableEvent;

/** Someone exported audit records (or began to: {@code complete} is false when the export broke off). */
public record AuditExported(String from, String to, long records, boolean complete, Actor actor)
        implements AuditableEvent {

    @Override
    public String action() {
        return "audit.records.exported";
    }

    @Override
    public String targetType() {
        return "audit_trail";
    }

    @Override
    public String targetId() {
        return "audit.record";
    }

    @Override
    public String outcome() {
        return complete ? "success" : "failure";
    }

    @Override
    public Map<String, String> details() {
        return Map.of("from", from, "to", to, "records", String.valueOf(records));
    }
}
