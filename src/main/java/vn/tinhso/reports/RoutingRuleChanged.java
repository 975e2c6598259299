package vn.tinhso.reports;

import java.util.Map;
import vn.tinhso.shared.Actor;
import vn.tinhso.shared.AuditableEvent;

/** A routing rule was added or removed (audited). */
public record RoutingRuleChanged(long ruleId, String change, String rule, Actor actor) implements AuditableEvent {

    @Override
    public String action() {
        return "reports.routing_rule." + change;
    }

    @Override
    public String targetType() {
        return "routing_rule";
    }

    @Override
    public String targetId() {
        return String.valueOf(ruleId);
    }

    @Override
    public Map<String, String> details() {
        return Map.of("rule", rule);
    }
}
