package vn.tinhso.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import vn.tinhso.shared.Actor;
import vn.tinhso.shared.AuditableEvent;

/**
 * Records every auditable event of the platform. The listener runs after the publisher's commit in a
 * transaction of its own; should it fail, the event publication stays incomplete and is retried.
 */
@Component
class AuditTrail {

    static final int MAX_TEXT = 1_000;
    static final int MAX_DETAIL = 4_000;
    static final int MAX_DETAILS = 50;

    private final AuditRecords records;

    AuditTrail(AuditRecords records) {
        this.records = records;
    }

    @ApplicationModuleListener
    void on(AuditableEvent event) {
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Actor actor = event.actor() == null ? new Actor(Actor.SYSTEM, null) : event.actor();
        Map<String, String> details = details(event.details());
        records.append(tip -> AuditChain.seal(tip, at,
                text(actor.name() == null ? Actor.SYSTEM : actor.name()), text(actor.address()),
                text(event.action()), text(event.targetType()), text(event.targetId()),
                text(event.outcome() == null ? "unknown" : event.outcome()), details));
    }

    private static String text(String value) {
        return AuditChain.clean(value, MAX_TEXT);
    }

    private static Map<String, String> details(Map<String, String> details) {
        Map<String, String> clean = new HashMap<>();
        if (details != null) {
            details.entrySet().stream().filter(e -> e.getKey() != null).limit(MAX_DETAILS).forEach(e ->
                    clean.put(AuditChain.clean(e.getKey(), 100),
                            e.getValue() == null ? "" : AuditChain.clean(e.getValue(), MAX_DETAIL)));
        }
        return clean;
    }
}
