package vn.tinhso.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.tinhso.shared.PageResult;

/** Storage of the audit trail: appends under a lock, searches, and streams in chain order. */
@Repository
class AuditRecords {

    /** The advisory lock that serialises appends, so that each record sees the one before it. */
    static final long APPEND_LOCK = 0x617564_6974L;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, String>> DETAILS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JdbcClient streaming;

    AuditRecords(JdbcClient jdbc, DataSource dataSource, AuditSettings settings) {
        this.jdbc = jdbc;
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setFetchSize(settings.fetchSize());
        this.streaming = JdbcClient.create(template);
    }

    /** Appends the record that {@code next} builds on the tip of the chain; call inside a transaction. */
    AuditRecord append(Function<AuditChain.Tip, AuditRecord> next) {
        jdbc.sql("SELECT pg_advisory_xact_lock(:key)").param("key", APPEND_LOCK).query((rs, n) -> 0).list();
        AuditChain.Tip tip = jdbc.sql("SELECT seq, hash FROM audit.record ORDER BY seq DESC LIMIT 1")
                .query((rs, n) -> new AuditChain.Tip(rs.getLong("seq"), rs.getString("hash")))
                .optional().orElse(AuditChain.Tip.START);
        AuditRecord record = next.apply(tip);
        jdbc.sql("""
                INSERT INTO audit.record (seq, occurred_at, actor, address, action, target_type, target_id, outcome,
                                          details, prev_hash, hash)
                VALUES (:seq, :at, :actor, :address, :action, :type, :target, :outcome, CAST(:details AS jsonb),
                        :prev, :hash)""")
                .param("seq", record.seq()).param("at", Timestamp.from(record.occurredAt()))
                .param("actor", record.actor()).param("address", record.address()).param("action", record.action())
                .param("type", record.targetType()).param("target", record.targetId())
                .param("outcome", record.outcome()).param("details", JSON.writeValueAsString(record.details()))
                .param("prev", record.prevHash()).param("hash", record.hash())
                .update();
        return record;
    }

    PageResult<AuditRecord> search(AuditQuery query, PageResult.Request paging) {
        Where where = where(query);
        long total = jdbc.sql("SELECT count(*) FROM audit.record" + where.sql()).params(where.params())
                .query(Long.class).single();
        List<AuditRecord> items = jdbc.sql("SELECT * FROM audit.record" + where.sql()
                        + " ORDER BY seq DESC LIMIT :limit OFFSET :offset")
                .params(where.params()).param("limit", paging.size()).param("offset", paging.offset())
                .query(AuditRecords::map).list();
        return new PageResult<>(items, paging.page(), paging.size(), total);
    }

    /**
     * Feeds the matching records in chain order to the consumer, a few hundred rows at a time, until
     * it returns false; call inside a transaction, or PostgreSQL sends every row at once.
     */
    void walk(AuditQuery query, Predicate<AuditRecord> consumer) {
        Where where = where(query);
        try (Stream<AuditRecord> records = streaming.sql("SELECT * FROM audit.record" + where.sql() + " ORDER BY seq")
                .params(where.params()).query(AuditRecords::map).stream()) {
            var iterator = records.iterator();
            while (iterator.hasNext() && consumer.test(iterator.next())) {
                // the consumer does the work
            }
        }
    }

    private record Where(String sql, Map<String, Object> params) {
    }

    private static Where where(AuditQuery query) {
        StringBuilder sql = new StringBuilder(" WHERE TRUE");
        Map<String, Object> params = new HashMap<>();
        if (query.actor() != null) {
            sql.append(" AND lower(actor) LIKE :actor ESCAPE '\\'");
            params.put("actor", "%" + like(query.actor().toLowerCase(java.util.Locale.ROOT)) + "%");
        }
        if (query.action() != null) {
            sql.append(" AND action LIKE :action ESCAPE '\\'");
            params.put("action", like(query.action()) + "%");
        }
        if (query.from() != null) {
            sql.append(" AND occurred_at >= :from");
            params.put("from", Timestamp.from(query.from()));
        }
        if (query.to() != null) {
            sql.append(" AND occurred_at < :to");
            params.put("to", Timestamp.from(query.to()));
        }
        return new Where(sql.toString(), params);
    }

    private static String like(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static AuditRecord map(ResultSet rs, int n) throws SQLException {
        Instant at = rs.getObject("occurred_at", OffsetDateTime.class).toInstant();
        return new AuditRecord(rs.getLong("seq"), at, rs.getString("actor"), rs.getString("address"),
                rs.getString("action"), rs.getString("target_type"), rs.getString("target_id"),
                rs.getString("outcome"), JSON.readValue(rs.getString("details"), DETAILS), rs.getString("prev_hash"),
                rs.getString("hash"));
    }
}
