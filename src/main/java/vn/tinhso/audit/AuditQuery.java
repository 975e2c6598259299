package vn.tinhso.audit;

import java.time.Instant;
import vn.tinhso.shared.ErrorCode;
import vn.tinhso.shared.TinhSoException;

/**
 * Filters of the audit trail, each optional: {@code actor} contains the text (case ignored),
 * {@code action} starts with the text ({@code identity.} finds every identity action), and the
 * record happened in [{@code from}, {@code to}).
 */
public record AuditQuery(String actor, String action, Instant from, Instant to) {

    public static final AuditQuery ALL = new AuditQuery(null, null, null, null);

    public AuditQuery {
        actor = blankToNull(actor);
        action = blankToNull(action);
        if (from != null && to != null && !from.isBefore(to)) {
            throw new TinhSoException(ErrorCode.VALIDATION_FAILED, "to", "to");
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
