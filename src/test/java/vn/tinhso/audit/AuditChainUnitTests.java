package vn.tinhso.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditChainUnitTests {

    private static final Instant AT = Instant.parse("2026-11-25T01:02:03.456789Z");

    static List<AuditRecord> chain(int length) {
        List<AuditRecord> records = new ArrayList<>();
        AuditRecord last = null;
        for (int i = 0; i < length; i++) {
            last = AuditChain.after(last, AT.plusSeconds(i), "an@example.vn", "127.0.0.1", "files.file.stored",
                    "file", "f" + i, "success", Map.of("size", String.valueOf(i)));
            records.add(last);
        }
        return records;
    }

    static ChainVerification walk(List<AuditRecord> records) {
        AuditChain.Walk walk = new AuditChain.Walk();
        records.forEach(walk::accept);
        return walk.result();
    }

    static AuditRecord with(AuditRecord r, String actor) {
        return new AuditRecord(r.seq(), r.occurredAt(), actor, r.address(), r.action(), r.targetType(), r.targetId(),
                r.outcome(), r.details(), r.prevHash(), r.hash());
    }

    @Test
    void theCanonicalFormIsUnambiguousAndDocumented() {
        AuditRecord first = AuditChain.after(null, AT, "Nguyễn An", null, "x.y", "file", "42", "success",
                Map.of("b", "2", "a", "1;2"));
        assertThat(AuditChain.canonical(first)).isEqualTo("tinhso-audit-v1;1:1;27:2026-11-25T01:02:03.456789Z;"
                + "11:Nguyễn An;-;3:x.y;4:file;2:42;7:success;1:2;1:a;3:1;2;1:b;1:2;64:" + "0".repeat(64) + ";");
        assertThat(first.prevHash()).isEqualTo(AuditChain.GENESIS);
        assertThat(first.hash()).matches("[0-9a-f]{64}").isEqualTo(AuditChain.hash(first));
    }

    @Test
    void everyFieldIsCoveredByTheHash() {
        AuditRecord r = chain(1).get(0);
        List<AuditRecord> changed = List.of(
                with(r, "mallory"),
                new AuditRecord(r.seq(), r.occurredAt().plusNanos(1000), r.actor(), r.address(), r.action(),
                        r.targetType(), r.targetId(), r.outcome(), r.details(), r.prevHash(), null),
                new AuditRecord(r.seq(), r.occurredAt(), r.actor(), "10.0.0.1", r.action(), r.targetType(),
                        r.targetId(), r.outcome(), r.details(), r.prevHash(), null),
                new AuditRecord(r.seq(), r.occurredAt(), r.actor(), r.address(), r.action(), r.targetType(),
                        r.targetId(), "failure", r.details(), r.prevHash(), null),
                new AuditRecord(r.seq(), r.occurredAt(), r.actor(), r.address(), r.action(), r.targetType(),
                        r.targetId(), r.outcome(), Map.of("size", "1"), r.prevHash(), null),
                new AuditRecord(r.seq(), r.occurredAt(), r.actor(), r.address(), r.action(), r.targetType(),
                        r.targetId(), r.outcome(), r.details(), "1".repeat(64), null));
        changed.forEach(c -> assertThat(AuditChain.hash(c)).isNotEqualTo(r.hash()));
        // Shifting text between fields must not give the same form.
        AuditRecord a = AuditChain.after(null, AT, "ab", null, "c", "t", null, "success", Map.of());
        AuditRecord b = AuditChain.after(null, AT, "a", null, "bc", "t", null, "success", Map.of());
        assertThat(a.hash()).isNotEqualTo(b.hash());
    }

    @Test
    void anIntactChainVerifies() {
        ChainVerification result = walk(chain(5));
        assertThat(result.intact()).isTrue();
        assertThat(result.checked()).isEqualTo(5);
        assertThat(result.brokenSeq()).isNull();
    }

    @Test
    void reportsTheFirstChangedRecord() {
        List<AuditRecord> records = new ArrayList<>(chain(5));
        records.set(2, with(records.get(2), "mallory"));
        records.set(3, with(records.get(3), "mallory"));
        ChainVerification result = walk(records);
        assertThat(result.intact()).isFalse();
        assertThat(result.brokenSeq()).isEqualTo(3);
        assertThat(result.reason()).isEqualTo("hash_mismatch");
        assertThat(result.checked()).isEqualTo(2);
    }

    @Test
    void reportsARemovedRecordAtTheOneAfterIt() {
        List<AuditRecord> records = new ArrayList<>(chain(5));
        records.remove(1);
        ChainVerification result = walk(records);
        assertThat(result.brokenSeq()).isEqualTo(3);
        assertThat(result.reason()).isEqualTo("sequence_gap");
    }

    @Test
    void reportsARecordRenumberedToHideARemoval() {
        List<AuditRecord> records = chain(3);
        AuditRecord third = records.get(2);
        AuditRecord renumbered = AuditChain.after(null, third.occurredAt(), third.actor(), third.address(),
                third.action(), third.targetType(), third.targetId(), third.outcome(), third.details());
        renumbered = new AuditRecord(2, renumbered.occurredAt(), renumbered.actor(), renumbered.address(),
                renumbered.action(), renumbered.targetType(), renumbered.targetId(), renumbered.outcome(),
                renumbered.details(), third.prevHash(), null);
        renumbered = new AuditRecord(2, renumbered.occurredAt(), renumbered.actor(), renumbered.address(),
                renumbered.action(), renumbered.targetType(), renumbered.targetId(), renumbered.outcome(),
                renumbered.details(), third.prevHash(), AuditChain.hash(renumbered));
        ChainVerification result = walk(List.of(records.get(0), renumbered));
        assertThat(result.brokenSeq()).isEqualTo(2);
        assertThat(result.reason()).isEqualTo("previous_hash_mismatch");
    }

    @Test
    void cleansTextSoThatTheDatabaseKeepsExactlyWhatWasHashed() {
        assertThat(AuditChain.clean("a\u0000b", 10)).isEqualTo("ab");
        assertThat(AuditChain.clean("x\uD800y", 10)).isEqualTo("x\uFFFDy");
        assertThat(AuditChain.clean("😀😀", 10)).isEqualTo("😀😀");
        assertThat(AuditChain.clean("ab😀", 3)).isEqualTo("ab");
        assertThat(AuditChain.clean("Thanh Hóa", 5)).isEqualTo("Thanh");
        assertThat(AuditChain.clean(null, 5)).isNull();
    }
}
