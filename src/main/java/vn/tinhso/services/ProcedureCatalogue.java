package vn.tinhso.services;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.tinhso.shared.PageResult;
import vn.tinhso.shared.VietnameseText;

/** SQL of the procedure catalogue. Search folds diacritics and tolerates typos with pg_trgm. */
@Repository
class ProcedureCatalogue {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String COLUMNS = """
            p.id, p.code, p.name, p.domain_code, d.name AS domain_name, d.name_en AS domain_name_en, p.levels,
            p.agency_code, p.online_level, p.applicants, p.methods::text AS methods, p.fees::text AS fees,
            p.documents::text AS documents, p.result, p.legal_basis::text AS legal_basis, p.conditions,
            p.form::text AS form, p.status, p.demo, p.version, p.updated_at
            """;
    /**
     * Matches of the folded query: a word-similarity match (one typo passes) or a substring, both
     * answered by the trigram index. Criteria are only written when given, so that every statement
     * the planner sees can use the index (a "param IS NULL OR ..." condition cannot).
     */
    private static final String MATCH = """
            (CAST(:q AS text) OPERATOR(platform.<%) p.search_text OR p.search_text LIKE '%' || CAST(:q AS text) || '%')""";

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

    PageResult<ProcedureSummary> search(ProcedureQuery query, PageResult.Request paging) {
        Map<String, Object> params = params(query);
        String where = " WHERE " + base(params) + dimensions(params, true, true, true, true);
        long total = jdbc.sql("SELECT count(*) FROM services.procedure p" + where).params(params)
                .query(Long.class).single();
        boolean byName = "name".equals(query.sort()) || !params.containsKey("q");
        String order = byName ? " ORDER BY p.sort_key, p.code"
                : " ORDER BY (p.search_text LIKE '%' || CAST(:q AS text) || '%') DESC,"
                        + " platform.word_similarity(CAST(:q AS text), p.search_text) DESC, p.sort_key, p.code";
        List<ProcedureSummary> items = jdbc.sql("""
                SELECT p.code, p.name, p.domain_code, d.name AS domain_name, d.name_en AS domain_name_en, p.levels,
                  p.agency_code, p.online_level, p.status, p.demo, p.methods::text AS methods
                FROM services.procedure p JOIN services.domain d ON d.code = p.domain_code""" + where + order
                + " LIMIT :limit OFFSET :offset")
                .params(params).param("limit", paging.size()).param("offset", paging.offset())
                .query(this::summary).list();
        return new PageResult<>(items, paging.page(), paging.size(), total);
    }

    /** Facet counts: for each dimension, the matches of every other criterion, in one pass. */
    Map<String, Map<String, Long>> facets(ProcedureQuery query) {
        Map<String, Object> params = params(query);
        String sql = """
                WITH m AS (SELECT p.domain_code, coalesce(p.agency_code, 'commune') AS agency, p.online_level, p.levels,
                  %s AS dom_ok, %s AS lvl_ok, %s AS ag_ok, %s AS on_ok
                  FROM services.procedure p WHERE %s)
                SELECT grouping(domain_code, agency, online_level) AS g, domain_code, agency, online_level,
                  count(*) FILTER (WHERE lvl_ok AND ag_ok AND on_ok) AS c_domain,
                  count(*) FILTER (WHERE dom_ok AND lvl_ok AND on_ok) AS c_agency,
                  count(*) FILTER (WHERE dom_ok AND lvl_ok AND ag_ok) AS c_online,
                  count(*) FILTER (WHERE dom_ok AND ag_ok AND on_ok AND 'PROVINCE' = ANY (levels)) AS c_province,
                  count(*) FILTER (WHERE dom_ok AND ag_ok AND on_ok AND 'COMMUNE' = ANY (levels)) AS c_commune
                FROM m GROUP BY GROUPING SETS ((domain_code), (agency), (online_level), ())
                """.formatted(condition(params, "domain"), condition(params, "level"), condition(params, "agency"),
                condition(params, "online"), base(params));
        Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
        for (String name : List.of("domain", "level", "agency", "online")) {
            facets.put(name, new LinkedHashMap<>());
        }
        jdbc.sql(sql).params(params).query(rs -> {
            int g = rs.getInt("g");
            if (g == 0b011) {
                put(facets.get("domain"), rs.getString("domain_code"), rs.getLong("c_domain"));
            } else if (g == 0b101) {
                put(facets.get("agency"), rs.getString("agency"), rs.getLong("c_agency"));
            } else if (g == 0b110) {
                put(facets.get("online"), rs.getString("online_level"), rs.getLong("c_online"));
            } else {
                put(facets.get("level"), "PROVINCE", rs.getLong("c_province"));
                put(facets.get("level"), "COMMUNE", rs.getLong("c_commune"));
            }
        });
        return facets;
    }

    /** The text match (when there is a text) and the status condition. */
    private static String base(Map<String, Object> params) {
        String status = params.containsKey("status") ? "p.status = CAST(:status AS text)"
                : params.containsKey("anyStatus") ? "true" : "p.status = 'PUBLISHED'";
        return params.containsKey("q") ? MATCH + " AND " + status : status;
    }

    private static void put(Map<String, Long> facet, String key, long count) {
        if (count > 0) {
            facet.put(key, count);
        }
    }

    /** The given criteria among those asked for, each starting with AND. */
    private static String dimensions(Map<String, Object> params, boolean domain, boolean level, boolean agency,
            boolean online) {
        StringBuilder sql = new StringBuilder();
        for (String name : List.of("domain", "level", "agency", "online")) {
            boolean wanted = switch (name) {
                case "domain" -> domain;
                case "level" -> level;
                case "agency" -> agency;
                default -> online;
            };
            if (wanted && params.containsKey(name)) {
                sql.append(" AND ").append(condition(params, name));
            }
        }
        return sql.toString();
    }

    /** One criterion as a condition, {@code true} when it was not given. */
    private static String condition(Map<String, Object> params, String name) {
        if (!params.containsKey(name)) {
            return "true";
        }
        return switch (name) {
            case "domain" -> "p.domain_code = CAST(:domain AS text)";
            case "level" -> "CAST(:level AS text) = ANY (p.levels)";
            case "agency" -> "coalesce(p.agency_code, 'commune') = CAST(:agency AS text)";
            case "online" -> "p.online_level = CAST(:online AS text)";
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** The parameters that are given, and only those. */
    private static Map<String, Object> params(ProcedureQuery query) {
        Map<String, Object> params = new LinkedHashMap<>();
        if (query.text() != null && !query.text().isBlank()) {
            params.put("q", VietnameseText.fold(query.text()));
        }
        putIfGiven(params, "domain", blankToNull(query.domain()));
        putIfGiven(params, "level", query.level() == null ? null : query.level().name());
        putIfGiven(params, "agency", blankToNull(query.agency()));
        putIfGiven(params, "online", query.online() == null ? null : query.online().name());
        putIfGiven(params, "status", query.status() == null ? null : query.status().name());
        if (query.status() == null && query.staff()) {
            params.put("anyStatus", true);
        }
        return params;
    }

    private static void putIfGiven(Map<String, Object> params, String name, Object value) {
        if (value != null) {
            params.put(name, value);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
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
