package vn.tinhso.audit;

import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * An audit record as an Elastic Common Schema (ECS 8) document, one line of the export; fields of
 * our own (the target and the chain) live under {@code tinhso.audit}.
 */
final class EcsFormat {

    static final String ECS_VERSION = "8.11.0";
    private static final Pattern IP = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}|[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*");

    private EcsFormat() {
    }

    static Map<String, Object> document(AuditRecord r) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("@timestamp", DateTimeFormatter.ISO_INSTANT.format(r.occurredAt()));
        doc.put("ecs", Map.of("version", ECS_VERSION));
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("kind", "event");
        event.put("category", List.of(category(r.action(), r.targetType())));
        event.put("action", r.action());
        event.put("outcome", outcome(r.outcome()));
        event.put("dataset", "tinhso.audit");
        event.put("sequence", r.seq());
        event.put("hash", r.hash());
        doc.put("event", event);
        doc.put("user", Map.of("name", r.actor()));
        Map<String, Object> related = new LinkedHashMap<>();
        related.put("user", List.of(r.actor()));
        if (r.address() != null) {
            Map<String, Object> source = new LinkedHashMap<>();
            source.put("address", r.address());
            if (IP.matcher(r.address()).matches()) {
                source.put("ip", r.address());
                related.put("ip", List.of(r.address()));
            }
            doc.put("source", source);
        }
        doc.put("related", related);
        if (!r.details().isEmpty()) {
            Map<String, String> labels = new LinkedHashMap<>();
            r.details().forEach((key, value) -> labels.put(key.replace('.', '_'), value));
            doc.put("labels", labels);
        }
        Map<String, Object> audit = new LinkedHashMap<>();
        audit.put("seq", r.seq());
        audit.put("hash", r.hash());
        audit.put("prev_hash", r.prevHash());
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("type", r.targetType());
        target.put("id", r.targetId());
        audit.put("target", target);
        audit.put("outcome", r.outcome());
        doc.put("tinhso", Map.of("audit", audit));
        return doc;
    }

    /** The ECS category: sign-ins are authentication, other account matters iam, and so on. */
    static String category(String action, String targetType) {
        if (action.startsWith("identity.sign_in") || action.endsWith(".signed_in")) {
            return "authentication";
        }
        if (action.startsWith("identity.")) {
            return "iam";
        }
        if (action.startsWith("files.") || "file".equals(targetType)) {
            return "file";
        }
        if (action.startsWith("notification.")) {
            return "email";
        }
        if (action.startsWith("units.") || action.startsWith("calendar.")) {
            return "configuration";
        }
        return "database";
    }

    static String outcome(String outcome) {
        return "success".equals(outcome) || "failure".equals(outcome) ? outcome : "unknown";
    }
}
