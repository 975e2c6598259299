package vn.tinhso.services;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.tinhso.shared.VietnameseText;

/** SQL of the procedure catalogue; search is answered by {@link ProcedureIndex} from what this loads. */
@Repository
class ProcedureCatalogue {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String COLUMNS = """
            p.id, p.code, p.name, p.domain_code, d.name AS domain_name, d.name_en AS domain_name_en, p.levels,
            p.agency_code, p.online_level, p.applicants, p.methods::text AS methods, p.fees::text AS fees,
            p.documents::text AS documents, p.result, p.legal_basis::text AS legal_basis, p.conditions,
            p.form::text AS form, p.status, p.demo, p.version, p.updated_at
            """;
    private final JdbcClient jdbc;

    ProcedureCatalogue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Procedure> byCode(String code) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM services.procedure p JOIN services.domain d ON d.code = p.domain_code"
                + " WHERE p.code = :code").param("code", code).query(this::procedure).optional();
    }

    Optional<Procedure> byId(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM services.procedure p JOIN services.domain d ON d.code = p.domain_code"
                + " WHERE p.id = :id").param("id", id).query(this::procedure).optional();
    }

    List<Procedure> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM services.procedure p JOIN services.domain d ON d.code = p.domain_code"
                + " ORDER BY p.sort_key, p.code").query(this::procedure).list();
    }

    long count() {
        return jdbc.sql("SELECT count(*) FROM services.procedure").query(Long.class).single();
    }

    List<Domain> domains() {
        return jdbc.sql("SELECT code, name, name_en FROM services.domain ORDER BY sort_key")
                .query((rs, i) -> new Domain(rs.getString(1), rs.getString(2), rs.getString(3))).list();
    }

    void saveDomain(Domain domain) {
        jdbc.sql("""
                INSERT INTO services.domain (code, name, name_en, sort_key) VALUES (:code, :name, :en, :key)
                ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, name_en = EXCLUDED.name_en,
                  sort_key = EXCLUDED.sort_key""")
                .param("code", domain.code()).param("name", domain.name()).param("en", domain.nameEn())
                .param("key", VietnameseText.sortKey(domain.name())).update();
    }

    /** Inserts or, when the code exists, replaces the procedure; returns its id. */
    long save(Procedure p) {
        return jdbc.sql("""
                INSERT INTO services.procedure (code, name, domain_code, levels, agency_code, online_level, applicants,
                  methods, fees, documents, result, legal_basis, conditions, form, status, demo, sort_key)
                VALUES (:code, :name, :domain, CAST(:levels AS text[]), :agency, :online, :applicants,
                  CAST(:methods AS jsonb), CAST(:fees AS jsonb), CAST(:documents AS jsonb), :result,
                  CAST(:legal AS jsonb), :conditions, CAST(:form AS jsonb), :status, :demo, :key)
                ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, domain_code = EXCLUDED.domain_code,
                  levels = EXCLUDED.levels, agency_code = EXCLUDED.agency_code, online_level = EXCLUDED.online_level,
                  applicants = EXCLUDED.applicants, methods = EXCLUDED.methods, fees = EXCLUDED.fees,
                  documents = EXCLUDED.documents, result = EXCLUDED.result, legal_basis = EXCLUDED.legal_basis,
                  conditions = EXCLUDED.conditions, form = EXCLUDED.form, status = EXCLUDED.status,
                  demo = EXCLUDED.demo, sort_key = EXCLUDED.sort_key, version = services.procedure.version + 1,
                  updated_at = now()
                RETURNING id""")
                .param("code", p.code()).param("name", p.name()).param("domain", p.domain().code())
                .param("levels", "{" + String.join(",", p.levels().stream().map(Enum::name).toList()) + "}")
                .param("agency", p.agencyCode()).param("online", p.onlineLevel().name())
                .param("applicants", p.applicants()).param("methods", JSON.writeValueAsString(p.methods()))
                .param("fees", JSON.writeValueAsString(p.fees()))
                .param("documents", JSON.writeValueAsString(p.documents())).param("result", p.result())
                .param("legal", JSON.writeValueAsString(p.legalBasis())).param("conditions", p.conditions())
                .param("form", p.form() == null ? null : JSON.writeValueAsString(p.form()))
                .param("status", p.status().name()).param("demo", p.demo())
                .param("key", VietnameseText.sortKey(p.name())).query(Long.class).single();
    }

    boolean setStatus(String code, ProcedureStatus status) {
        return jdbc.sql("""
                UPDATE services.procedure SET status = :status, version = version + 1, updated_at = now()
                WHERE code = :code AND status <> :status""")
                .param("status", status.name()).param("code", code).update() > 0;
    }

    /** Every procedure as a search result shows it, for the in-memory index. */
    List<ProcedureSummary> summaries() {
        return jdbc.sql("""
                SELECT p.code, p.name, p.domain_code, d.name AS domain_name, p.levels, p.agency_code, p.online_level,
                  p.status, p.demo, p.methods::text AS methods
                FROM services.procedure p JOIN services.domain d ON d.code = p.domain_code""")
                .query(this::summary).list();
    }

    /** Changes whenever a procedure or a domain changes: the in-memory index compares it. */
    String version() {
        return jdbc.sql("""
                SELECT (SELECT count(*) || ':' || coalesce(max(updated_at)::text, '') || ':' || coalesce(sum(version), 0)
                        FROM services.procedure)
                  || ':' || (SELECT coalesce(md5(string_agg(code || name || coalesce(name_en, ''), ',' ORDER BY code)), '')
                        FROM services.domain)""").query(String.class).single();
    }

    private ProcedureSummary summary(ResultSet rs, int row) throws SQLException {
        List<Procedure.Method> methods = JSON.readValue(rs.getString("methods"), new TypeReference<>() { });
        Procedure.Method fastest = methods.stream()
                .min(java.util.Comparator.comparingInt((Procedure.Method m) -> m.days() * 8
                        + (m.hours() == null ? 0 : m.hours()))).orElse(null);
        return new ProcedureSummary(rs.getString("code"), rs.getString("name"), rs.getString("domain_code"),
                rs.getString("domain_name"), levels(rs.getArray("levels")), rs.getString("agency_code"), null,
                Procedure.OnlineLevel.valueOf(rs.getString("online_level")),
                ProcedureStatus.valueOf(rs.getString("status")), fastest == null ? null : fastest.days(),
                fastest == null ? null : fastest.hours(), rs.getBoolean("demo"));
    }

    private Procedure procedure(ResultSet rs, int row) throws SQLException {
        String form = rs.getString("form");
        return new Procedure(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                new Domain(rs.getString("domain_code"), rs.getString("domain_name"), rs.getString("domain_name_en")),
                levels(rs.getArray("levels")), rs.getString("agency_code"),
                Procedure.OnlineLevel.valueOf(rs.getString("online_level")), rs.getString("applicants"),
                JSON.readValue(rs.getString("methods"), new TypeReference<List<Procedure.Method>>() { }),
                JSON.readValue(rs.getString("fees"), new TypeReference<List<Procedure.Fee>>() { }),
                JSON.readValue(rs.getString("documents"), new TypeReference<List<Procedure.RequiredDocument>>() { }),
                rs.getString("result"),
                JSON.readValue(rs.getString("legal_basis"), new TypeReference<List<String>>() { }),
                rs.getString("conditions"), form == null ? null : JSON.readValue(form, EForm.class),
                ProcedureStatus.valueOf(rs.getString("status")), rs.getBoolean("demo"), rs.getInt("version"),
                rs.getTimestamp("updated_at").toInstant());
    }

    private static List<Procedure.Level> levels(Array array) throws SQLException {
        return Arrays.stream((String[]) array.getArray()).map(Procedure.Level::valueOf).toList();
    }
}
