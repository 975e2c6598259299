package vn.tinhso.audit;

import java.time.Instant;

/**
 * The result of walking the audit chain: {@code checked} records were intact up to
 * {@code brokenSeq}, the first record that is not (null when all are), for {@code reason}:
 * {@code hash_mismatch} (the record was changed), {@code previous_hash_mismatch} or
 * {@code sequence_gap} (a record before it was removed or replaced).
 */
public record ChainVerification(boolean intact, long checked, Long brokenSeq, String reason, Instant checkedAt) {

    static ChainVerification intact(long checked) {
        return new ChainVerification(true, checked, null, null, Instant.now());
    }

    static ChainVerification broken(long checked, long seq, String reason) {
        return new ChainVerification(false, checked, seq, reason, Instant.now());
    }
}
