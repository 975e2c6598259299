package vn.tinhso.audit;

import java.util.Map;
import vn.tinhso.shared.Actor;
import vn.tinhso.shared.AuditableEvent;

/** The background verification found the chain broken: an alarm for the security officers. */
public record AuditChainBroken(long seq, String reason, Actor actor) implements AuditableEvent {

    @Override
    public String action() {
        return "audit.chain.broken";
    }

    @Override
    public String targetType() {
        return "audit_record";
    }

    @Override
    public String targetId() {
        return String.valueOf(seq);
    }

    @Override
    public String outcome() {
        return "failure";
    }

    @Override
    public Map<String, String> details() {
        return Map.of("reason", reason);
    }
}
