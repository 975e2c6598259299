package vn.tinhso.audit;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * One entry of the audit trail: who ({@code actor}, from {@code address}) did what ({@code action} on
 * {@code targetType}/{@code targetId}, with {@code outcome} and {@code details}) and when. {@code seq}
 * orders the chain; {@code hash} covers every field and {@code prevHash}, the hash of record seq-1.
 */
public record AuditRecord(long seq, Instant occurredAt, String actor, String address, String action,
        String targetType, String targetId, String outcome, Map<String, String> details, String prevHash,
        String hash) {

    public AuditRecord {
        details = java.util.Collections.unmodifiableMap(new TreeMap<>(details));
    }
}
