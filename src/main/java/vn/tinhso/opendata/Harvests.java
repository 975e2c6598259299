package vn.tinhso.opendata;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;

/** Harvest sources and jobs in PostgreSQL. */
@Repository
class Harvests {

    private final JdbcClient jdbc;

    Harvests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long createSource(String title, HarvestSource.Kind kind, String url, long publisher, HarvestSource.Schedule frequency,
            String by) {
        return jdbc.sql("""
                INSERT INTO opendata.harvest_source (title, kind, url, publisher_id, frequency, created_by)
                VALUES (:title, :kind, :url, :publisher, :frequency, :by) RETURNING id""")
                .param("title", title).param("kind", kind.name()).param("url", url).param("publisher", publisher)
                .param("frequency", frequency.name()).param("by", by).query(Long.class).single();
    }

    boolean urlTaken(HarvestSource.Kind kind, String url) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM opendata.harvest_source WHERE kind = :k AND url = :u)")
                .param("k", kind.name()).param("u", url).query(Boolean.class).single();
    }

    List<HarvestSource> sources() {
        return jdbc.sql("SELECT * FROM opendata.harvest_source ORDER BY id").query(Harvests::source).list();
    }

    Optional<HarvestSource> source(long id) {
        return jdbc.sql("SELECT * FROM opendata.harvest_source WHERE id = :id").param("id", id)
                .query(Harvests::source).optional();
    }

    /** Queues a job unless one is queued or running; returns the open job of the source either way. */
    HarvestJob queue(long source, String by) {
        jdbc.sql("""
                INSERT INTO opendata.harvest_job (source_id, status, requested_by) VALUES (:s, 'QUEUED', :by)
                ON CONFLICT (source_id) WHERE status IN ('QUEUED', 'RUNNING') DO NOTHING""")
                .param("s", source).param("by", by).update();
        return jdbc.sql("SELECT * FROM opendata.harvest_job WHERE source_id = :s AND status IN ('QUEUED', 'RUNNING')")
                .param("s", source).query(Harvests::job).single();
    }

    /** Sources whose schedule says a run is due and that have no open job. */
    List<HarvestSource> due(Instant now) {
        return sources().stream().filter(s -> s.active() && s.frequency().period() != null).filter(s -> {
            Instant last = jdbc.sql("SELECT max(created_at) FROM opendata.harvest_job WHERE source_id = :s")
                    .param("s", s.id()).query(Timestamp.class).optional().map(Timestamp::toInstant).orElse(null);
            return last == null || !last.plus(s.frequency().period()).isAfter(now);
        }).toList();
    }

    /** Takes the oldest queued job for this node, or nothing (several nodes never take the same job). */
    Optional<HarvestJob> claim() {
        return jdbc.sql("""
                UPDATE opendata.harvest_job SET status = 'RUNNING', started_at = now(), heartbeat_at = now()
                WHERE id = (SELECT id FROM opendata.harvest_job WHERE status = 'QUEUED' ORDER BY id
                            LIMIT 1 FOR UPDATE SKIP LOCKED)
                RETURNING *""").query(Harvests::job).optional();
    }

    void progress(long job, int created, int updated, int unchanged, int deleted, List<String> errors) {
        jdbc.sql("""
                UPDATE opendata.harvest_job SET heartbeat_at = now(), created = :c, updated = :u, unchanged = :n,
                  deleted = :d, errors = :e, log = CAST(:log AS jsonb) WHERE id = :id""")
                .param("c", created).param("u", updated).param("n", unchanged).param("d", deleted)
                .param("e", errors.size()).param("log", Datasets.JSON.writeValueAsString(errors.stream().limit(100).toList()))
                .param("id", job).update();
    }

    void finish(long job, HarvestJob.Status status) {
        jdbc.sql("UPDATE opendata.harvest_job SET status = :s, finished_at = now() WHERE id = :id")
                .param("s", status.name()).param("id", job).update();
    }

    /** Marks failed the running jobs whose heartbeat stopped (their node died); returns how many. */
    int failStale(Duration after) {
        return jdbc.sql("""
                UPDATE opendata.harvest_job SET status = 'FAILED', finished_at = now(),
                  log = log || '["interrupted: the node running it stopped"]'::jsonb
                WHERE status = 'RUNNING' AND heartbeat_at < now() - make_interval(secs => :secs)""")
                .param("secs", after.toSeconds()).update();
    }

    Optional<HarvestJob> job(long id) {
        return jdbc.sql("SELECT * FROM opendata.harvest_job WHERE id = :id").param("id", id).query(Harvests::job)
                .optional();
    }

    List<HarvestJob> jobs(long source, int limit) {
        return jdbc.sql("SELECT * FROM opendata.harvest_job WHERE source_id = :s ORDER BY id DESC LIMIT :l")
                .param("s", source).param("l", limit).query(Harvests::job).list();
    }

    /** The harvested datasets of a source that are not deleted: local id and remote reference. */
    List<String[]> harvested(long source) {
        return jdbc.sql("""
                SELECT id::text, harvest_ref, harvest_modified FROM opendata.dataset
                WHERE harvest_source = :s AND state <> 'DELETED'""").param("s", source)
                .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}).list();
    }

    void setHarvestModified(java.util.UUID dataset, String modified) {
        jdbc.sql("UPDATE opendata.dataset SET harvest_modified = :m WHERE id = :id").param("m", modified)
                .param("id", dataset).update();
    }

    private static HarvestSource source(ResultSet rs, int row) throws SQLException {
        return new HarvestSource(rs.getLong("id"), rs.getString("title"),
                HarvestSource.Kind.valueOf(rs.getString("kind")), rs.getString("url"), rs.getLong("publisher_id"),
                HarvestSource.Schedule.valueOf(rs.getString("frequency")), rs.getBoolean("active"),
                rs.getTimestamp("created_at").toInstant());
    }

    private static HarvestJob job(ResultSet rs, int row) throws SQLException {
        return new HarvestJob(rs.getLong("id"), rs.getLong("source_id"), HarvestJob.Status.valueOf(rs.getString("status")),
                rs.getString("requested_by"), instant(rs, "created_at"), instant(rs, "started_at"),
                instant(rs, "finished_at"), rs.getInt("created"), rs.getInt("updated"), rs.getInt("unchanged"),
                rs.getInt("deleted"), rs.getInt("errors"),
                Datasets.JSON.readValue(rs.getString("log"), new TypeReference<List<String>>() {
                }));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
