package vn.tinhso.services;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.tinhso.shared.PageResult;

/** SQL of dossiers, their documents, timeline and daily code sequence. */
@Repository
class Dossiers {

    private static final JsonMapper JSON = ProcedureCatalogue.JSON;
    static final String SELECT = """
            SELECT d.*, p.code AS procedure_code, p.name AS procedure_name FROM services.dossier d
            JOIN services.procedure p ON p.id = d.procedure_id""";

    private final JdbcClient jdbc;

    Dossiers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A raw dossier row; the management class adds the agency and documents. */
    record Row(UUID id, String code, long procedureId, String procedureCode, String procedureName, long agencyId,
            Procedure.Channel channel, DossierStatus status, Long ownerAccountId, String ownerName,
            String registeredBy, Applicant applicant, Map<String, Object> form, Dossier.Delivery delivery,
            String deliveryAddress, String idempotencyKey, String requestHash, Dossier.Supplement supplement,
            String refusalReason, UUID receiptFileId, String receivedBy, Instant submittedAt, Instant receptionDueAt,
            Instant receivedAt, Instant appointmentAt, Instant createdAt, Instant updatedAt, int version) {
    }

    Optional<Row> byId(UUID id, boolean lock) {
        return jdbc.sql(SELECT + " WHERE d.id = :id" + (lock ? " FOR UPDATE OF d" : "")).param("id", id)
                .query(this::row).optional();
    }

    Optional<Row> byCode(String code) {
        return jdbc.sql(SELECT + " WHERE d.code = :code").param("code", code).query(this::row).optional();
    }

    Optional<Row> byIdempotencyKey(long owner, String key) {
        return jdbc.sql(SELECT + " WHERE d.owner_account_id = :owner AND d.idempotency_key = :key")
                .param("owner", owner).param("key", key).query(this::row).optional();
    }

    /** The next number of the agency's day, in the caller's transaction: rolled back with it, so no gaps. */
    int nextSequence(String agencyCode, LocalDate day) {
        return jdbc.sql("""
                INSERT INTO services.dossier_sequence (agency_code, day, last_value) VALUES (:agency, :day, 1)
                ON CONFLICT (agency_code, day) DO UPDATE SET last_value = services.dossier_sequence.last_value + 1
                RETURNING last_value""").param("agency", agencyCode).param("day", day).query(Integer.class).single();
    }

    void insert(Row r) {
        jdbc.sql("""
                INSERT INTO services.dossier (id, code, procedure_id, agency_id, channel, status, owner_account_id,
                  owner_name, registered_by, applicant, form_data, delivery, delivery_address, lookup_digits,
                  idempotency_key, request_hash, submitted_at, reception_due_at, received_at, received_by,
                  appointment_at)
                VALUES (:id, :code, :procedure, :agency, :channel, :status, :owner, :ownerName, :registeredBy,
                  CAST(:applicant AS jsonb), CAST(:form AS jsonb), :delivery, :deliveryAddress,
                  CAST(:digits AS text[]), :key, :hash, :submittedAt, :dueAt, :receivedAt, :receivedBy, :appointmentAt)
                """).params(columns(r)).update();
    }

    /** Rewrites a draft's content. */
    void updateDraft(Row r) {
        jdbc.sql("""
                UPDATE services.dossier SET procedure_id = :procedure, agency_id = :agency, applicant = CAST(:applicant AS jsonb),
                  form_data = CAST(:form AS jsonb), delivery = :delivery, delivery_address = :deliveryAddress,
                  lookup_digits = CAST(:digits AS text[]), version = version + 1, updated_at = now()
                WHERE id = :id AND status = 'DRAFT'""").params(columns(r)).update();
    }

    /** Moves the dossier on, setting the given columns too; false if its status changed meanwhile. */
    boolean transition(UUID id, DossierStatus from, DossierStatus to, Map<String, Object> columns) {
        StringBuilder set = new StringBuilder("status = :to, version = version + 1, updated_at = now()");
        Map<String, Object> params = new LinkedHashMap<>();
        columns.forEach((column, value) -> {
            boolean json = column.equals("supplement");
            set.append(", ").append(column).append(" = ").append(json ? "CAST(:" + column + " AS jsonb)" : ":" + column);
            params.put(column, json && value != null ? JSON.writeValueAsString(value) : value);
        });
        return jdbc.sql("UPDATE services.dossier SET " + set + " WHERE id = :id AND status = :from")
                .params(params).param("id", id).param("from", from.name()).param("to", to.name()).update() == 1;
    }

    /** The checked applicant and form of a submitted draft. */
    void updateSubmitted(UUID id, Applicant applicant, Map<String, Object> form) {
        jdbc.sql("""
                UPDATE services.dossier SET applicant = CAST(:applicant AS jsonb), form_data = CAST(:form AS jsonb),
                  lookup_digits = CAST(:digits AS text[]) WHERE id = :id""")
                .param("applicant", JSON.writeValueAsString(applicant)).param("form", JSON.writeValueAsString(form))
                .param("digits", "{" + String.join(",", lookupDigits(applicant)) + "}").param("id", id).update();
    }

    void setReceipt(UUID id, UUID fileId) {
        jdbc.sql("UPDATE services.dossier SET receipt_file_id = :file WHERE id = :id").param("file", fileId)
                .param("id", id).update();
    }

    void delete(UUID id) {
        jdbc.sql("DELETE FROM services.dossier WHERE id = :id AND status = 'DRAFT'").param("id", id).update();
    }

    long addDocument(UUID dossierId, int slot, vn.tinhso.files.StoredFile file, boolean supplement) {
        return jdbc.sql("""
                INSERT INTO services.dossier_document (dossier_id, slot, file_id, name, content_type, size, sha256, supplement)
                VALUES (:dossier, :slot, :file, :name, :type, :size, :sha, :supplement) RETURNING id""")
                .param("dossier", dossierId).param("slot", slot).param("file", file.id()).param("name", file.name())
                .param("type", file.contentType()).param("size", file.size()).param("sha", file.sha256())
                .param("supplement", supplement).query(Long.class).single();
    }

    boolean removeDocument(UUID dossierId, long documentId) {
        return jdbc.sql("DELETE FROM services.dossier_document WHERE id = :doc AND dossier_id = :dossier")
                .param("doc", documentId).param("dossier", dossierId).update() == 1;
    }

    List<DossierDocument> documents(UUID dossierId) {
        return jdbc.sql("SELECT * FROM services.dossier_document WHERE dossier_id = :id ORDER BY slot, id")
                .param("id", dossierId).query((rs, i) -> new DossierDocument(rs.getLong("id"), rs.getInt("slot"),
                        rs.getObject("file_id", UUID.class), rs.getString("name"), rs.getString("content_type"),
                        rs.getLong("size"), rs.getString("sha256"), rs.getBoolean("supplement"),
                        rs.getTimestamp("added_at").toInstant())).list();
    }

    void addEntry(UUID dossierId, String type, DossierStatus status, String actor, String note) {
        jdbc.sql("""
                INSERT INTO services.dossier_event (dossier_id, type, status, actor, note)
                VALUES (:id, :type, :status, :actor, :note)""").param("id", dossierId).param("type", type)
                .param("status", status.name()).param("actor", actor).param("note", note).update();
    }

    List<DossierEntry> timeline(UUID dossierId) {
        return jdbc.sql("SELECT * FROM services.dossier_event WHERE dossier_id = :id ORDER BY at, id")
                .param("id", dossierId).query((rs, i) -> new DossierEntry(rs.getString("type"),
                        DossierStatus.valueOf(rs.getString("status")), rs.getString("actor"), rs.getString("note"),
                        rs.getTimestamp("at").toInstant())).list();
    }

    PageResult<Row> ofOwner(long owner, PageResult.Request paging) {
        long total = jdbc.sql("SELECT count(*) FROM services.dossier WHERE owner_account_id = :owner")
                .param("owner", owner).query(Long.class).single();
        List<Row> rows = jdbc.sql(SELECT + " WHERE d.owner_account_id = :owner ORDER BY d.updated_at DESC, d.id"
                + " LIMIT :limit OFFSET :offset").param("owner", owner).param("limit", paging.size())
                .param("offset", paging.offset()).query(this::row).list();
        return new PageResult<>(rows, paging.page(), paging.size(), total);
    }

    /** The agencies' dossiers in the statuses, oldest submission first; optionally matching a code or name. */
    PageResult<Row> inbox(Collection<Long> agencies, Collection<DossierStatus> statuses, String text,
            PageResult.Request paging) {
        String where = " WHERE d.agency_id IN (:agencies) AND d.status IN (:statuses)"
                + (text == null ? "" : " AND (d.code ILIKE :text OR platform.unaccent_vi(d.applicant->>'name') LIKE :folded)");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("agencies", agencies.isEmpty() ? List.of(-1L) : agencies);
        params.put("statuses", statuses.stream().map(Enum::name).toList());
        if (text != null) {
            params.put("text", "%" + text + "%");
            params.put("folded", "%" + vn.tinhso.shared.VietnameseText.fold(text) + "%");
        }
        long total = jdbc.sql("SELECT count(*) FROM services.dossier d" + where).params(params)
                .query(Long.class).single();
        List<Row> rows = jdbc.sql(SELECT + where + " ORDER BY d.submitted_at NULLS LAST, d.id LIMIT :limit OFFSET :offset")
                .params(params).param("limit", paging.size()).param("offset", paging.offset()).query(this::row)
                .list();
        return new PageResult<>(rows, paging.page(), paging.size(), total);
    }

    /** Dossier counts by status for the agencies (drafts excluded). */
    Map<DossierStatus, Long> counts(Collection<Long> agencies) {
        Map<DossierStatus, Long> counts = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT status, count(*) FROM services.dossier WHERE agency_id IN (:agencies) AND status <> 'DRAFT'
                GROUP BY status""").param("agencies", agencies.isEmpty() ? List.of(-1L) : agencies)
                .query(rs -> {
                    counts.put(DossierStatus.valueOf(rs.getString(1)), rs.getLong(2));
                });
        return counts;
    }

    /** Of the agencies' dossiers waiting for reception, how many are past their reception deadline. */
    long overdue(Collection<Long> agencies, Instant now) {
        return jdbc.sql("""
                SELECT count(*) FROM services.dossier WHERE agency_id IN (:agencies) AND status = 'SUBMITTED'
                AND reception_due_at < :now""").param("agencies", agencies.isEmpty() ? List.of(-1L) : agencies)
                .param("now", Timestamp.from(now)).query(Long.class).single();
    }

    boolean lookupMatches(String code, String digits) {
        return jdbc.sql("SELECT count(*) FROM services.dossier WHERE code = :code AND :digits = ANY (lookup_digits)")
                .param("code", code).param("digits", digits).query(Long.class).single() > 0;
    }

    private Map<String, Object> columns(Row r) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", r.id());
        p.put("code", r.code());
        p.put("procedure", r.procedureId());
        p.put("agency", r.agencyId());
        p.put("channel", r.channel().name());
        p.put("status", r.status().name());
        p.put("owner", r.ownerAccountId());
        p.put("ownerName", r.ownerName());
        p.put("registeredBy", r.registeredBy());
        p.put("applicant", JSON.writeValueAsString(r.applicant()));
        p.put("form", JSON.writeValueAsString(r.form()));
        p.put("delivery", r.delivery().name());
        p.put("deliveryAddress", r.deliveryAddress());
        p.put("digits", "{" + String.join(",", lookupDigits(r.applicant())) + "}");
        p.put("key", r.idempotencyKey());
        p.put("hash", r.requestHash());
        p.put("submittedAt", ts(r.submittedAt()));
        p.put("dueAt", ts(r.receptionDueAt()));
        p.put("receivedAt", ts(r.receivedAt()));
        p.put("receivedBy", r.receivedBy());
        p.put("appointmentAt", ts(r.appointmentAt()));
        return p;
    }

    /** The second factors of the public lookup: the last 4 digits of the phone and of the ID number. */
    static List<String> lookupDigits(Applicant applicant) {
        return java.util.stream.Stream.of(applicant.phone(), applicant.idNumber())
                .filter(s -> s != null)
                .map(s -> s.replaceAll("\\D", ""))
                .filter(s -> s.length() >= 4)
                .map(s -> s.substring(s.length() - 4)).distinct().toList();
    }

    static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private Row row(ResultSet rs, int i) throws SQLException {
        String supplement = rs.getString("supplement");
        long owner = rs.getLong("owner_account_id");
        Long ownerId = rs.wasNull() ? null : owner;
        return new Row(rs.getObject("id", UUID.class), rs.getString("code"), rs.getLong("procedure_id"),
                rs.getString("procedure_code"), rs.getString("procedure_name"), rs.getLong("agency_id"),
                Procedure.Channel.valueOf(rs.getString("channel")), DossierStatus.valueOf(rs.getString("status")),
                ownerId, rs.getString("owner_name"), rs.getString("registered_by"),
                JSON.readValue(rs.getString("applicant"), Applicant.class),
                JSON.readValue(rs.getString("form_data"), new TypeReference<Map<String, Object>>() { }),
                Dossier.Delivery.valueOf(rs.getString("delivery")), rs.getString("delivery_address"),
                rs.getString("idempotency_key"), rs.getString("request_hash"),
                supplement == null ? null : JSON.readValue(supplement, Dossier.Supplement.class),
                rs.getString("refusal_reason"), rs.getObject("receipt_file_id", UUID.class),
                rs.getString("received_by"), instant(rs, "submitted_at"), instant(rs, "reception_due_at"),
                instant(rs, "received_at"), instant(rs, "appointment_at"), instant(rs, "created_at"),
                instant(rs, "updated_at"), rs.getInt("version"));
    }
}
