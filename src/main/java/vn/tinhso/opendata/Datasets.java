package vn.tinhso.opendata;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Datasets, their resources and revisions in PostgreSQL. */
@Repository
class Datasets {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<Dataset.Extra>> EXTRAS = new TypeReference<>() {
    };
    private static final String COLUMNS = """
            d.id, d.name, d.title, d.title_en, d.notes, d.notes_en, d.publisher_id, d.licence_id, d.state, d.private,
            d.version, d.frequency, d.temporal_start, d.temporal_end, d.spatial, d.contact_name, d.contact_email,
            d.source_url, d.tags, d.domains, d.extras::text AS extras, d.demo, d.harvest_source, d.creator,
            d.review_note, d.views, d.downloads, d.revision, d.created_at, d.modified_at, d.published_at,
            d.data_updated_at, d.change_no""";

    private final JdbcClient jdbc;

    Datasets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Dataset> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM opendata.dataset d WHERE d.id = :id").param("id", id)
                .query(this::dataset).optional().map(d -> d.withResources(resources(d.id())));
    }

    Optional<Dataset> findByName(String name) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM opendata.dataset d WHERE d.name = :name").param("name", name)
                .query(this::dataset).optional().map(d -> d.withResources(resources(d.id())));
    }

    /** Datasets changed after a change number, with resources, ordered by it; for the search index. */
    List<Changed> changedAfter(long changeNo, int limit) {
        List<Changed> rows = jdbc.sql("SELECT " + COLUMNS + " FROM opendata.dataset d WHERE d.change_no > :c "
                + "ORDER BY d.change_no LIMIT :limit").param("c", changeNo).param("limit", limit)
                .query((rs, i) -> new Changed(dataset(rs, i), rs.getLong("change_no"))).list();
        if (rows.isEmpty()) {
            return rows;
        }
        Map<UUID, List<DatasetResource>> byDataset = jdbc.sql("""
                SELECT * FROM opendata.resource WHERE dataset_id = ANY(:ids) ORDER BY dataset_id, position""")
                .param("ids", rows.stream().map(r -> r.dataset().id()).toArray(UUID[]::new))
                .query(Datasets::resource).list().stream()
                .collect(Collectors.groupingBy(DatasetResource::datasetId));
        return rows.stream().map(r -> new Changed(r.dataset().withResources(
                byDataset.getOrDefault(r.dataset().id(), List.of())), r.changeNo())).toList();
    }

    record Changed(Dataset dataset, long changeNo) {
    }

    boolean nameTaken(String name, UUID except) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM opendata.dataset WHERE name = :name AND id IS DISTINCT FROM :id)")
                .param("name", name).param("id", except).query(Boolean.class).single();
    }

    long count() {
        return jdbc.sql("SELECT count(*) FROM opendata.dataset").query(Long.class).single();
    }

    void insert(Dataset d) {
        jdbc.sql("""
                INSERT INTO opendata.dataset (id, name, title, title_en, notes, notes_en, publisher_id, licence_id, state,
                  private, version, frequency, temporal_start, temporal_end, spatial, contact_name, contact_email,
                  source_url, tags, domains, extras, demo, harvest_source, harvest_ref, creator, created_at,
                  modified_at, published_at, data_updated_at)
                VALUES (:id, :name, :title, :titleEn, :notes, :notesEn, :publisher, :licence, :state, :private,
                  :version, :frequency, :tstart, :tend, CAST(:spatial AS text[]), :contactName, :contactEmail,
                  :source, CAST(:tags AS text[]), CAST(:domains AS text[]), CAST(:extras AS jsonb), :demo, :harvest,
                  :harvestRef, :creator, :created, :modified, :published, :dataUpdated)""")
                .params(params(d)).param("harvestRef", null).param("created", ts(d.createdAt()))
                .param("demo", d.demo()).param("harvest", d.harvestSource()).param("creator", d.creator()).update();
    }

    void setHarvestRef(UUID id, String ref) {
        jdbc.sql("UPDATE opendata.dataset SET harvest_ref = :ref WHERE id = :id").param("ref", ref).param("id", id)
                .update();
    }

    /** Replaces the editable fields and state; the revision goes up by one. */
    void update(Dataset d) {
        jdbc.sql("""
                UPDATE opendata.dataset SET name = :name, title = :title, title_en = :titleEn, notes = :notes,
                  notes_en = :notesEn, publisher_id = :publisher, licence_id = :licence, state = :state,
                  private = :private, version = :version, frequency = :frequency, temporal_start = :tstart,
                  temporal_end = :tend, spatial = CAST(:spatial AS text[]), contact_name = :contactName,
                  contact_email = :contactEmail, source_url = :source, tags = CAST(:tags AS text[]),
                  domains = CAST(:domains AS text[]), extras = CAST(:extras AS jsonb), review_note = :reviewNote,
                  revision = revision + 1, modified_at = :modified, published_at = :published,
                  data_updated_at = :dataUpdated, change_no = nextval('opendata.change_no')
                WHERE id = :id""")
                .params(params(d)).param("reviewNote", d.reviewNote()).update();
    }

    private static Map<String, Object> params(Dataset d) {
        Map<String, Object> p = new java.util.HashMap<>();
        p.put("id", d.id());
        p.put("name", d.name());
        p.put("title", d.title());
        p.put("titleEn", d.titleEn());
        p.put("notes", d.notes());
        p.put("notesEn", d.notesEn());
        p.put("publisher", d.publisherId());
        p.put("licence", d.licenceId());
        p.put("state", d.state().name());
        p.put("private", d.isPrivate());
        p.put("version", d.version());
        p.put("frequency", d.frequency());
        p.put("tstart", d.temporalStart());
        p.put("tend", d.temporalEnd());
        p.put("spatial", d.spatial().toArray(String[]::new));
        p.put("contactName", d.contactName());
        p.put("contactEmail", d.contactEmail());
        p.put("source", d.sourceUrl());
        p.put("tags", d.tags().toArray(String[]::new));
        p.put("domains", d.domains().toArray(String[]::new));
        p.put("extras", JSON.writeValueAsString(d.extras()));
        p.put("modified", ts(d.modifiedAt()));
        p.put("published", ts(d.publishedAt()));
        p.put("dataUpdated", ts(d.dataUpdatedAt()));
        return p;
    }

    /** Marks the dataset changed (a resource changed): new revision number, change number, times. */
    void touch(UUID id, Instant now, boolean dataChanged) {
        jdbc.sql("""
                UPDATE opendata.dataset SET revision = revision + 1, modified_at = :now,
                  data_updated_at = CASE WHEN :data THEN :now ELSE data_updated_at END,
                  change_no = nextval('opendata.change_no') WHERE id = :id""")
                .param("now", ts(now)).param("data", dataChanged).param("id", id).update();
    }

    /** Marks the dataset changed for the index only (counters, link checks): no new revision. */
    void reindex(UUID id) {
        jdbc.sql("UPDATE opendata.dataset SET change_no = nextval('opendata.change_no') WHERE id = :id")
                .param("id", id).update();
    }

    void countView(UUID id) {
        jdbc.sql("UPDATE opendata.dataset SET views = views + 1 WHERE id = :id").param("id", id).update();
    }

    void countDownload(UUID resource) {
        jdbc.sql("""
                WITH r AS (UPDATE opendata.resource SET downloads = downloads + 1 WHERE id = :id RETURNING dataset_id)
                UPDATE opendata.dataset SET downloads = downloads + 1 WHERE id = (SELECT dataset_id FROM r)""")
                .param("id", resource).update();
    }

    List<DatasetResource> resources(UUID dataset) {
        return jdbc.sql("SELECT * FROM opendata.resource WHERE dataset_id = :id ORDER BY position")
                .param("id", dataset).query(Datasets::resource).list();
    }

    Optional<DatasetResource> resource(UUID id) {
        return jdbc.sql("SELECT * FROM opendata.resource WHERE id = :id").param("id", id)
                .query(Datasets::resource).optional();
    }

    void insertResource(DatasetResource r) {
        jdbc.sql("""
                INSERT INTO opendata.resource (id, dataset_id, position, name, description, format, url, file_id,
                  mimetype, size, hash, created_at, modified_at)
                VALUES (:id, :dataset, (SELECT coalesce(max(position) + 1, 0) FROM opendata.resource
                  WHERE dataset_id = :dataset), :name, :description, :format, :url, :file, :mimetype, :size, :hash,
                  :created, :modified)""")
                .param("id", r.id()).param("dataset", r.datasetId()).param("name", r.name())
                .param("description", r.description()).param("format", r.format()).param("url", r.url())
                .param("file", r.fileId()).param("mimetype", r.mimetype()).param("size", r.size())
                .param("hash", r.hash()).param("created", ts(r.createdAt())).param("modified", ts(r.modifiedAt()))
                .update();
    }

    void updateResource(DatasetResource r) {
        jdbc.sql("""
                UPDATE opendata.resource SET name = :name, description = :description, format = :format, url = :url,
                  file_id = :file, mimetype = :mimetype, size = :size, hash = :hash, modified_at = :modified,
                  broken = false, check_status = NULL, check_error = NULL, checked_at = NULL
                WHERE id = :id""")
                .param("id", r.id()).param("name", r.name()).param("description", r.description())
                .param("format", r.format()).param("url", r.url()).param("file", r.fileId())
                .param("mimetype", r.mimetype()).param("size", r.size()).param("hash", r.hash())
                .param("modified", ts(r.modifiedAt())).update();
    }

    void deleteResource(UUID id) {
        jdbc.sql("DELETE FROM opendata.resource WHERE id = :id").param("id", id).update();
    }

    void recordCheck(UUID resource, Integer status, String error, boolean broken, Instant at) {
        jdbc.sql("""
                UPDATE opendata.resource SET checked_at = :at, check_status = :status, check_error = :error,
                  broken = :broken WHERE id = :id""")
                .param("at", ts(at)).param("status", status).param("error", error).param("broken", broken)
                .param("id", resource).update();
    }

    void addRevision(UUID dataset, int revision, String change, String by, Object snapshot) {
        jdbc.sql("""
                INSERT INTO opendata.dataset_revision (dataset_id, revision, change, changed_by, snapshot)
                VALUES (:id, :revision, :change, :by, CAST(:snapshot AS jsonb))
                ON CONFLICT (dataset_id, revision) DO NOTHING""")
                .param("id", dataset).param("revision", revision).param("change", change).param("by", by)
                .param("snapshot", JSON.writeValueAsString(snapshot)).update();
    }

    List<Revision> revisions(UUID dataset) {
        return jdbc.sql("""
                SELECT revision, change, changed_by, changed_at, snapshot::text AS snapshot
                FROM opendata.dataset_revision WHERE dataset_id = :id ORDER BY revision DESC""")
                .param("id", dataset).query((rs, i) -> new Revision(rs.getInt("revision"), rs.getString("change"),
                        rs.getString("changed_by"), rs.getTimestamp("changed_at").toInstant(),
                        rs.getString("snapshot"))).list();
    }

    boolean subscribe(UUID dataset, long account) {
        return jdbc.sql("""
                INSERT INTO opendata.subscription (dataset_id, account_id) VALUES (:d, :a) ON CONFLICT DO NOTHING""")
                .param("d", dataset).param("a", account).update() > 0;
    }

    boolean unsubscribe(UUID dataset, long account) {
        return jdbc.sql("DELETE FROM opendata.subscription WHERE dataset_id = :d AND account_id = :a")
                .param("d", dataset).param("a", account).update() > 0;
    }

    boolean subscribed(UUID dataset, long account) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM opendata.subscription WHERE dataset_id = :d AND account_id = :a)")
                .param("d", dataset).param("a", account).query(Boolean.class).single();
    }

    List<Long> subscribers(UUID dataset) {
        return jdbc.sql("SELECT account_id FROM opendata.subscription WHERE dataset_id = :d").param("d", dataset)
                .query(Long.class).list();
    }

    private Dataset dataset(ResultSet rs, int row) throws SQLException {
        return new Dataset(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("title"),
                rs.getString("title_en"), rs.getString("notes"), rs.getString("notes_en"), rs.getLong("publisher_id"),
                rs.getString("licence_id"), DatasetState.valueOf(rs.getString("state")), rs.getBoolean("private"),
                rs.getString("version"), rs.getString("frequency"), date(rs, "temporal_start"),
                date(rs, "temporal_end"), strings(rs.getArray("spatial")), rs.getString("contact_name"),
                rs.getString("contact_email"), rs.getString("source_url"), strings(rs.getArray("tags")),
                strings(rs.getArray("domains")), JSON.readValue(rs.getString("extras"), EXTRAS), rs.getBoolean("demo"),
                (Long) rs.getObject("harvest_source"), rs.getString("creator"), rs.getString("review_note"),
                rs.getLong("views"), rs.getLong("downloads"), rs.getInt("revision"), instant(rs, "created_at"),
                instant(rs, "modified_at"), instant(rs, "published_at"), instant(rs, "data_updated_at"), List.of());
    }

    static DatasetResource resource(ResultSet rs, int row) throws SQLException {
        return new DatasetResource(rs.getObject("id", UUID.class), rs.getObject("dataset_id", UUID.class),
                rs.getInt("position"), rs.getString("name"), rs.getString("description"), rs.getString("format"),
                rs.getString("url"), rs.getObject("file_id", UUID.class), rs.getString("mimetype"),
                (Long) rs.getObject("size"), rs.getString("hash"), rs.getLong("downloads"), instant(rs, "created_at"),
                instant(rs, "modified_at"), instant(rs, "checked_at"), (Integer) rs.getObject("check_status"),
                rs.getString("check_error"), rs.getBoolean("broken"));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : new ArrayList<>(Arrays.asList((String[]) array.getArray()));
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        java.sql.Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    static <T> Map<String, T> byKey(List<T> list, Function<T, String> key) {
        return list.stream().collect(Collectors.toMap(key, Function.identity(), (a, b) -> a,
                java.util.LinkedHashMap::new));
    }
}
