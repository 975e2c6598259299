package vn.tinhso.reports;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.tinhso.shared.PageResult;

/** Storage of reports, their media, timeline and followers (plain SQL). */
@Repository
class Reports {

    /** A report row; names are resolved by {@link ReportManagement}. */
    record Row(UUID id, long seq, String categoryCode, String description, String publicText,
            boolean publicTextEdited, double lat, double lon, String communeCode, String address,
            Long reporterAccount, String reporterName, String reporterPhone, String reporterEmail, boolean anonymous,
            String source, String clientKey, ReportStatus status, Severity severity, long agencyId, boolean visible,
            Instant submittedAt, Instant acceptDueAt, Instant acceptedAt, Instant handleDueAt, Instant resolvedAt,
            Instant closedAt, String answer, String rejectReason, Integer rating, String ratingComment,
            Instant ratedAt, int reopenCount, UUID mergedInto, Instant remindedAt, Instant escalatedAt,
            Boolean onTime, int followers, long changeSeq, Instant updatedAt, int version) {
    }

    /** What the list of an agency or a reporter filters on. */
    record Filter(List<Long> agencies, Long reporterAccount, List<ReportStatus> statuses, String category,
            String commune, boolean overdueOnly, String text) {
    }

    private final JdbcClient jdbc;

    Reports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    void insert(Row r) {
        jdbc.sql("""
                INSERT INTO reports.report (id, category_code, description, public_text, lat, lon, commune_code,
                  address, reporter_account, reporter_name, reporter_phone, reporter_email, anonymous, source,
                  client_key, status, agency_id, visible, submitted_at, accept_due_at, updated_at)
                VALUES (:id, :cat, :d, :pt, :lat, :lon, :cm, :addr, :ra, :rn, :rp, :re, :an, :src, :ck, :st, :ag,
                  :vis, :sub, :due, :sub)""")
                .param("id", r.id()).param("cat", r.categoryCode()).param("d", r.description())
                .param("pt", r.publicText()).param("lat", r.lat()).param("lon", r.lon()).param("cm", r.communeCode())
                .param("addr", r.address()).param("ra", r.reporterAccount()).param("rn", r.reporterName())
                .param("rp", r.reporterPhone()).param("re", r.reporterEmail()).param("an", r.anonymous())
                .param("src", r.source()).param("ck", r.clientKey()).param("st", r.status().name())
                .param("ag", r.agencyId()).param("vis", r.visible()).param("sub", ts(r.submittedAt()))
                .param("due", ts(r.acceptDueAt())).update();
    }

    Optional<Row> byId(UUID id, boolean forUpdate) {
        return jdbc.sql("SELECT * FROM reports.report WHERE id = :id" + (forUpdate ? " FOR UPDATE" : ""))
                .param("id", id).query(this::map).optional();
    }

    Optional<Row> bySeq(long seq) {
        return jdbc.sql("SELECT * FROM reports.report WHERE seq = :s").param("s", seq).query(this::map).optional();
    }

    Optional<Row> byClientKey(Long account, String key) {
        return jdbc.sql("SELECT * FROM reports.report WHERE coalesce(reporter_account, 0) = :a AND client_key = :k")
                .param("a", account == null ? 0L : account).param("k", key).query(this::map).optional();
    }

    List<Row> bySeqs(List<Long> seqs) {
        if (seqs.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT * FROM reports.report WHERE seq IN (:s) ORDER BY seq").param("s", seqs)
                .query(this::map).list();
    }

    /**
     * Updates columns of a report that is in the expected status, with a new status; bumps its
     * version, change number and update time. False when it is no longer in that status.
     */
    boolean transition(UUID id, ReportStatus from, ReportStatus to, Instant now, Map<String, Object> columns) {
        StringBuilder sql = new StringBuilder("UPDATE reports.report SET status = :to, updated_at = :now,"
                + " version = version + 1, change_seq = nextval('reports.change_seq')");
        columns.keySet().forEach(c -> sql.append(", ").append(c).append(" = :").append(c));
        sql.append(" WHERE id = :id AND status = :from");
        var spec = jdbc.sql(sql.toString()).param("to", to.name()).param("now", ts(now)).param("id", id)
                .param("from", from.name());
        for (var e : columns.entrySet()) {
            spec = spec.param(e.getKey(), e.getValue() instanceof Instant i ? ts(i) : e.getValue());
        }
        return spec.update() == 1;
    }

    /** Updates columns without a change of status. */
    void update(UUID id, Instant now, Map<String, Object> columns) {
        Row row = byId(id, false).orElseThrow();
        transition(id, row.status(), row.status(), now, columns);
    }

    void addEntry(UUID id, String kind, ReportStatus status, String actor, Long agencyId, String note,
            String previous, boolean publicEntry, Instant at) {
        jdbc.sql("""
                INSERT INTO reports.report_event (report_id, kind, status, actor_name, agency_id, note, previous,
                  public, at) VALUES (:id, :k, :s, :a, :ag, :n, :p, :pub, :at)""")
                .param("id", id).param("k", kind).param("s", status.name()).param("a", actor).param("ag", agencyId)
                .param("n", note).param("p", previous).param("pub", publicEntry).param("at", ts(at)).update();
    }

    /** The timeline, oldest first, with agency ids (names are resolved by the caller). */
    List<Map.Entry<ReportEntry, Long>> entries(UUID id) {
        return jdbc.sql("SELECT * FROM reports.report_event WHERE report_id = :id ORDER BY id").param("id", id)
                .query((rs, n) -> Map.entry(new ReportEntry(rs.getLong("id"), rs.getString("kind"),
                        ReportStatus.valueOf(rs.getString("status")), rs.getString("actor_name"), null,
                        rs.getString("note"), rs.getString("previous"), rs.getBoolean("public"),
                        instant(rs, "at")), rs.getObject("agency_id") == null ? -1L : rs.getLong("agency_id")))
                .list();
    }

    long addMedia(UUID reportId, String stage, String kind, UUID original, Integer width, Integer height,
            Instant takenAt, Double exifLat, Double exifLon, Instant at) {
        return jdbc.sql("""
                INSERT INTO reports.media (report_id, stage, kind, original_file, width, height, taken_at, exif_lat,
                  exif_lon, added_at) VALUES (:r, :st, :k, :o, :w, :h, :t, :la, :lo, :at) RETURNING id""")
                .param("r", reportId).param("st", stage).param("k", kind).param("o", original).param("w", width)
                .param("h", height).param("t", ts(takenAt)).param("la", exifLat).param("lo", exifLon)
                .param("at", ts(at)).query(Long.class).single();
    }

    List<ReportMedia> media(UUID reportId) {
        return media(List.of(reportId)).getOrDefault(reportId, List.of());
    }

    Map<UUID, List<ReportMedia>> media(List<UUID> reportIds) {
        Map<UUID, List<ReportMedia>> map = new LinkedHashMap<>();
        if (reportIds.isEmpty()) {
            return map;
        }
        jdbc.sql("SELECT * FROM reports.media WHERE report_id IN (:ids) ORDER BY id").param("ids", reportIds)
                .query((rs, n) -> Map.entry(rs.getObject("report_id", UUID.class), mediaOf(rs))).list()
                .forEach(e -> map.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return map;
    }

    Optional<Map.Entry<UUID, ReportMedia>> mediaById(long id) {
        return jdbc.sql("SELECT * FROM reports.media WHERE id = :id").param("id", id)
                .query((rs, n) -> Map.entry(rs.getObject("report_id", UUID.class), mediaOf(rs))).optional();
    }

    /** Photos not yet processed (no public copy), oldest first. */
    List<Long> unprocessedPhotos(int limit) {
        return jdbc.sql("SELECT id FROM reports.media WHERE public_file IS NULL AND kind = 'PHOTO'"
                + " AND process_failures < 3 ORDER BY id LIMIT :l")
                .param("l", limit).query(Long.class).list();
    }

    /** Counts a failed attempt at the public copy (after three, the photo is no longer tried). */
    void processFailed(long mediaId) {
        jdbc.sql("UPDATE reports.media SET process_failures = process_failures + 1 WHERE id = :id")
                .param("id", mediaId).update();
    }

    void processed(long mediaId, UUID publicFile, UUID thumbFile, int width, int height) {
        jdbc.sql("UPDATE reports.media SET public_file = :p, thumb_file = :t, width = :w, height = :h WHERE id = :id")
                .param("p", publicFile).param("t", thumbFile).param("w", width).param("h", height)
                .param("id", mediaId).update();
    }

    private static ReportMedia mediaOf(ResultSet rs) throws SQLException {
        return new ReportMedia(rs.getLong("id"), rs.getString("stage"), rs.getString("kind"),
                rs.getObject("original_file", UUID.class), rs.getObject("public_file", UUID.class),
                rs.getObject("thumb_file", UUID.class), (Integer) rs.getObject("width"),
                (Integer) rs.getObject("height"), instant(rs, "taken_at"), (Double) rs.getObject("exif_lat"),
                (Double) rs.getObject("exif_lon"), instant(rs, "added_at"));
    }

    boolean follow(UUID id, long account, Instant at) {
        int added = jdbc.sql("INSERT INTO reports.follower (report_id, account_id, since) VALUES (:r, :a, :t)"
                + " ON CONFLICT DO NOTHING").param("r", id).param("a", account).param("t", ts(at)).update();
        if (added > 0) {
            jdbc.sql("UPDATE reports.report SET followers = followers + 1 WHERE id = :r").param("r", id).update();
        }
        return added > 0;
    }

    boolean unfollow(UUID id, long account) {
        int removed = jdbc.sql("DELETE FROM reports.follower WHERE report_id = :r AND account_id = :a")
                .param("r", id).param("a", account).update();
        if (removed > 0) {
            jdbc.sql("UPDATE reports.report SET followers = followers - 1 WHERE id = :r").param("r", id).update();
        }
        return removed > 0;
    }

    List<Long> followers(UUID id) {
        return jdbc.sql("SELECT account_id FROM reports.follower WHERE report_id = :r ORDER BY account_id")
                .param("r", id).query(Long.class).list();
    }

    boolean follows(UUID id, long account) {
        return jdbc.sql("SELECT count(*) FROM reports.follower WHERE report_id = :r AND account_id = :a")
                .param("r", id).param("a", account).query(Long.class).single() > 0;
    }

    /** Open reports of the categories whose pin lies in the box (the caller measures the distance). */
    List<Row> openNear(List<String> categories, double minLat, double minLon, double maxLat, double maxLon) {
        return jdbc.sql("""
                SELECT * FROM reports.report WHERE category_code IN (:c) AND status NOT IN ('CLOSED', 'REJECTED')
                  AND merged_into IS NULL AND lat BETWEEN :a AND :b AND lon BETWEEN :cc AND :d
                ORDER BY submitted_at DESC LIMIT 50""")
                .param("c", categories).param("a", minLat).param("b", maxLat).param("cc", minLon).param("d", maxLon)
                .query(this::map).list();
    }

    PageResult<Row> list(Filter f, PageResult.Request paging, boolean oldestFirst) {
        StringBuilder where = new StringBuilder(" WHERE merged_into IS NULL");
        Map<String, Object> params = new LinkedHashMap<>();
        if (f.agencies() != null) {
            where.append(" AND agency_id IN (:ag)");
            params.put("ag", f.agencies().isEmpty() ? List.of(-1L) : f.agencies());
        }
        if (f.reporterAccount() != null) {
            where.append(" AND (reporter_account = :ra OR id IN (SELECT report_id FROM reports.follower WHERE account_id = :ra))");
            params.put("ra", f.reporterAccount());
        }
        if (f.statuses() != null && !f.statuses().isEmpty()) {
            where.append(" AND status IN (:st)");
            params.put("st", f.statuses().stream().map(Enum::name).toList());
        }
        if (f.category() != null) {
            where.append(" AND category_code = :cat");
            params.put("cat", f.category());
        }
        if (f.commune() != null) {
            where.append(" AND commune_code = :cm");
            params.put("cm", f.commune());
        }
        if (f.overdueOnly()) {
            where.append(" AND ((status IN ('SUBMITTED', 'REOPENED') AND accept_due_at < now())"
                    + " OR (status IN ('ACCEPTED', 'IN_PROGRESS') AND handle_due_at < now()))");
        }
        if (f.text() != null && !f.text().isBlank()) {
            String t = f.text().strip();
            if (t.matches("\\d{1,18}")) {
                where.append(" AND seq = :seq");
                params.put("seq", Long.parseLong(t));
            } else {
                where.append(" AND platform.unaccent_vi(description || ' ' || coalesce(address, '')) LIKE :q");
                params.put("q", "%" + vn.tinhso.shared.VietnameseText.fold(t).replace("%", "") + "%");
            }
        }
        return page(where.toString(), params, " ORDER BY submitted_at " + (oldestFirst ? "ASC" : "DESC") + ", seq",
                paging);
    }

    /** Visible reports (not merged) matching the public filters, newest first. */
    PageResult<Row> publicList(ReportManagement.PublicQuery q, PageResult.Request paging) {
        StringBuilder where = new StringBuilder(" WHERE visible AND merged_into IS NULL");
        Map<String, Object> params = new LinkedHashMap<>();
        if (q.category() != null) {
            where.append(" AND category_code IN (:cat)");
            params.put("cat", q.categories());
        }
        if (q.commune() != null) {
            where.append(" AND commune_code = :cm");
            params.put("cm", q.commune());
        }
        if (q.statuses() != null && !q.statuses().isEmpty()) {
            where.append(" AND status IN (:st)");
            params.put("st", q.statuses().stream().map(Enum::name).toList());
        }
        if (q.from() != null) {
            where.append(" AND submitted_at >= :from");
            params.put("from", ts(q.from()));
        }
        if (q.to() != null) {
            where.append(" AND submitted_at < :to");
            params.put("to", ts(q.to()));
        }
        return page(where.toString(), params, " ORDER BY submitted_at DESC, seq DESC", paging);
    }

    /** One page of reports matching the WHERE clause, with the total. */
    private PageResult<Row> page(String where, Map<String, Object> params, String order, PageResult.Request paging) {
        var count = jdbc.sql("SELECT count(*) FROM reports.report" + where);
        var select = jdbc.sql("SELECT * FROM reports.report" + where + order + " LIMIT :lim OFFSET :off");
        for (var e : params.entrySet()) {
            count = count.param(e.getKey(), e.getValue());
            select = select.param(e.getKey(), e.getValue());
        }
        long total = count.query(Long.class).single();
        List<Row> rows = select.param("lim", paging.size()).param("off", paging.offset()).query(this::map).list();
        return new PageResult<>(rows, paging.page(), paging.size(), total);
    }

    /** Counts of an agency set's open reports by status, and how many are overdue. */
    Map<String, Long> counts(List<Long> agencies) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql("SELECT status, count(*) AS n FROM reports.report WHERE agency_id IN (:ag) AND merged_into IS NULL"
                + " GROUP BY status").param("ag", agencies.isEmpty() ? List.of(-1L) : agencies)
                .query((rs, n) -> Map.entry(rs.getString("status"), rs.getLong("n"))).list()
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        counts.put("OVERDUE", jdbc.sql("""
                SELECT count(*) FROM reports.report WHERE agency_id IN (:ag) AND merged_into IS NULL AND (
                  (status IN ('SUBMITTED', 'REOPENED') AND accept_due_at < now())
                  OR (status IN ('ACCEPTED', 'IN_PROGRESS') AND handle_due_at < now()))""")
                .param("ag", agencies.isEmpty() ? List.of(-1L) : agencies).query(Long.class).single());
        return counts;
    }

    /** Open reports whose deadline falls before the moment and that were not reminded yet. */
    List<UUID> dueBefore(Instant moment, boolean escalation) {
        String flag = escalation ? "escalated_at" : "reminded_at";
        return jdbc.sql("""
                SELECT id FROM reports.report WHERE %s IS NULL AND merged_into IS NULL AND (
                  (status IN ('SUBMITTED', 'REOPENED') AND accept_due_at < :m)
                  OR (status IN ('ACCEPTED', 'IN_PROGRESS') AND handle_due_at < :m)) ORDER BY submitted_at LIMIT 500"""
                .formatted(flag)).param("m", ts(moment)).query(UUID.class).list();
    }

    /** Resolved reports whose reopening window closed before the moment. */
    List<UUID> resolvedBefore(Instant moment) {
        return jdbc.sql("SELECT id FROM reports.report WHERE status = 'RESOLVED' AND resolved_at < :m LIMIT 500")
                .param("m", ts(moment)).query(UUID.class).list();
    }

    private Row map(ResultSet rs, int n) throws SQLException {
        String severity = rs.getString("severity");
        return new Row(rs.getObject("id", UUID.class), rs.getLong("seq"), rs.getString("category_code"),
                rs.getString("description"), rs.getString("public_text"), rs.getBoolean("public_text_edited"),
                rs.getDouble("lat"), rs.getDouble("lon"), rs.getString("commune_code"), rs.getString("address"),
                (Long) rs.getObject("reporter_account"), rs.getString("reporter_name"), rs.getString("reporter_phone"),
                rs.getString("reporter_email"), rs.getBoolean("anonymous"), rs.getString("source"),
                rs.getString("client_key"), ReportStatus.valueOf(rs.getString("status")),
                severity == null ? null : Severity.valueOf(severity), rs.getLong("agency_id"), rs.getBoolean("visible"),
                instant(rs, "submitted_at"), instant(rs, "accept_due_at"), instant(rs, "accepted_at"),
                instant(rs, "handle_due_at"), instant(rs, "resolved_at"), instant(rs, "closed_at"),
                rs.getString("answer"), rs.getString("reject_reason"), (Integer) rs.getObject("rating"),
                rs.getString("rating_comment"), instant(rs, "rated_at"), rs.getInt("reopen_count"),
                rs.getObject("merged_into", UUID.class), instant(rs, "reminded_at"), instant(rs, "escalated_at"),
                (Boolean) rs.getObject("on_time"), rs.getInt("followers"), rs.getLong("change_seq"),
                instant(rs, "updated_at"), rs.getInt("version"));
    }
}
