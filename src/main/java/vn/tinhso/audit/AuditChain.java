package vn.tinhso.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The hash chain. A record's hash is the SHA-256 of its canonical form: the version tag, then each
 * field as {@code <UTF-8 byte length>:<value>;} ({@code -;} for none) in a fixed order, the details
 * as their count and key/value pairs sorted by the keys' UTF-8 bytes, and last the previous hash.
 * Length prefixes make the form unambiguous whatever the values contain.
 */
final class AuditChain {

    static final String GENESIS = "0".repeat(64);
    static final String VERSION = "tinhso-audit-v1";

    private AuditChain() {
    }

    static String hash(AuditRecord record) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonical(record).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    static String canonical(AuditRecord r) {
        StringBuilder out = new StringBuilder(VERSION).append(';');
        field(out, String.valueOf(r.seq()));
        field(out, DateTimeFormatter.ISO_INSTANT.format(r.occurredAt()));
        field(out, r.actor());
        field(out, r.address());
        field(out, r.action());
        field(out, r.targetType());
        field(out, r.targetId());
        field(out, r.outcome());
        List<Map.Entry<String, String>> details = new ArrayList<>(r.details().entrySet());
        details.sort((a, b) -> Arrays.compareUnsigned(utf8(a.getKey()), utf8(b.getKey())));
        field(out, String.valueOf(details.size()));
        details.forEach(e -> field(field(out, e.getKey()), e.getValue()));
        field(out, r.prevHash());
        return out.toString();
    }

    private static StringBuilder field(StringBuilder out, String value) {
        if (value == null) {
            return out.append("-;");
        }
        return out.append(utf8(value).length).append(':').append(value).append(';');
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Text as the database keeps it exactly: without NUL (which PostgreSQL refuses) and with lone
     * surrogates replaced, at most {@code max} characters. Otherwise a stored value could differ from
     * the hashed one, or an event could never be stored and be retried for ever.
     */
    static String clean(String text, int max) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), max));
        text.codePoints().forEach(cp -> {
            if (cp != 0) {
                out.appendCodePoint(cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE ? 0xFFFD : cp);
            }
        });
        if (out.length() > max) {
            int end = Character.isHighSurrogate(out.charAt(max - 1)) ? max - 1 : max;
            out.setLength(end);
        }
        return out.toString();
    }

    /** Walks records in seq order and stops at the first that breaks the chain. */
    static final class Walk {
        private long checked;
        private String previous = GENESIS;
        private ChainVerification broken;

        /** Checks the next record; false once the chain is broken. */
        boolean accept(AuditRecord record) {
            if (broken != null) {
                return false;
            }
            if (record.seq() != checked + 1) {
                broken = ChainVerification.broken(checked, record.seq(), "sequence_gap");
            } else if (!record.prevHash().equals(previous)) {
                broken = ChainVerification.broken(checked, record.seq(), "previous_hash_mismatch");
            } else if (!hash(record).equals(record.hash())) {
                broken = ChainVerification.broken(checked, record.seq(), "hash_mismatch");
            } else {
                checked++;
                previous = record.hash();
                return true;
            }
            return false;
        }

        ChainVerification result() {
            return broken != null ? broken : ChainVerification.intact(checked);
        }
    }

    /** The end of the chain that the next record links to: the last seq and hash (0 and 64 zeros at first). */
    record Tip(long seq, String hash) {
        static final Tip START = new Tip(0, GENESIS);
    }

    /** The next record of the chain after {@code last} (null for the first), sealed with its hash. */
    static AuditRecord after(AuditRecord last, Instant at, String actor, String address, String action,
            String targetType, String targetId, String outcome, Map<String, String> details) {
        Tip tip = last == null ? Tip.START : new Tip(last.seq(), last.hash());
        return seal(tip, at, actor, address, action, targetType, targetId, outcome, details);
    }

    static AuditRecord seal(Tip tip, Instant at, String actor, String address, String action,
            String targetType, String targetId, String outcome, Map<String, String> details) {
        long seq = tip.seq() + 1;
        AuditRecord unsealed = new AuditRecord(seq, at, actor, address, action, targetType, targetId, outcome,
                details, tip.hash(), null);
        return new AuditRecord(seq, at, actor, address, action, targetType, targetId, outcome, details, tip.hash(),
                hash(unsealed));
    }
}
