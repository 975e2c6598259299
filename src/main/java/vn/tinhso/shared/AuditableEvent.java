package vn.tinhso.shared;

import java.util.Map;

/**
 * A domain event that the audit trail records. Every state change and security event of the
 * platform is published as one; the audit module listens to all of them.
 */
public interface AuditableEvent {

    /** Who caused it and from which address. */
    Actor actor();

    /** What happened, dotted, e.g. {@code units.agency.created}. */
    String action();

    /** The kind of thing changed, e.g. {@code agency}. */
    String targetType();

    /** The identifier of the thing changed. */
    String targetId();

    /** {@code success} or {@code failure}. */
    default String outcome() {
        return "success";
    }

    /** Extra facts worth keeping; never secrets. */
    default Map<String, String> details() {
        return Map.of();
    }
}
