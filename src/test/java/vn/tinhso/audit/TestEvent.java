package vn.tinhso.audit;

import java.util.Map;
import vn.tinhso.shared.Actor;
import vn.tinhso.shared.AuditableEvent;

/** An auditable event of no module, published by tests. */
public record TestEvent(String action, String targetId, Map<String, String> details, Actor actor)
        implements AuditableEvent {

    @Override
    public String targetType() {
        return "test";
    }
}
