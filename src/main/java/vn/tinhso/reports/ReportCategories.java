package vn.tinhso.reports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import vn.tinhso.shared.ErrorCode;
import vn.tinhso.shared.TinhSoException;

/**
 * The category tree, held in memory (a few dozen rows read on every form and map). The default set
 * ({@code reports/categories.json}) is loaded into an empty table at start-up, demo or not.
 */
@Component
@Order(5)
class ReportCategories implements ApplicationRunner {

    static final String DEFAULTS = "reports/categories.json";

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final TransactionTemplate tx;
    private final AtomicReference<Map<String, Category>> all = new AtomicReference<>();

    ReportCategories(JdbcClient jdbc, ObjectMapper json, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.json = json;
        this.tx = tx;
    }

    @Override
    public void run(ApplicationArguments args) {
        tx.executeWithoutResult(status -> {
            if (jdbc.sql("SELECT count(*) FROM reports.category").query(Long.class).single() == 0) {
                List<JsonNode> nodes = defaults();
                int[] position = {0};
                nodes.forEach(node -> insert(node, null, position));
            }
        });
        reload();
    }

    /** The default set as shipped, with each node's demo routing hint ({@code route}). */
    List<JsonNode> defaults() {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(DEFAULTS)) {
            List<JsonNode> list = new ArrayList<>();
            json.readTree(in).forEach(list::add);
            return list;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void insert(JsonNode node, String parent, int[] position) {
        jdbc.sql("""
                INSERT INTO reports.category (code, parent_code, name, name_en, icon, anonymous_allowed,
                  public_by_default, position) VALUES (:c, :p, :n, :ne, :i, :a, :pub, :pos)""")
                .param("c", node.get("code").asString()).param("p", parent).param("n", node.get("name").asString())
                .param("ne", node.get("nameEn").asString()).param("i", node.get("icon").asString())
                .param("a", !node.has("anonymous") || node.get("anonymous").asBoolean())
                .param("pub", !node.has("public") || node.get("public").asBoolean())
                .param("pos", position[0]++).update();
        if (node.has("children")) {
            node.get("children").forEach(child -> insert(child, node.get("code").asString(), position));
        }
    }

    /** Inserts or updates a category (the caller checked it). */
    void save(Category c, boolean insert) {
        if (insert) {
            jdbc.sql("""
                    INSERT INTO reports.category (code, parent_code, name, name_en, description, icon, anonymous_allowed,
                      public_by_default, position, active) VALUES (:c, :p, :n, :ne, :d, :i, :a, :pub, :pos, :act)""")
                    .param("c", c.code()).param("p", c.parentCode()).param("n", c.name()).param("ne", c.nameEn())
                    .param("d", c.description()).param("i", c.icon()).param("a", c.anonymousAllowed())
                    .param("pub", c.publicByDefault()).param("pos", c.position()).param("act", c.active()).update();
        } else {
            jdbc.sql("""
                    UPDATE reports.category SET parent_code = :p, name = :n, name_en = :ne, description = :d, icon = :i,
                      anonymous_allowed = :a, public_by_default = :pub, position = :pos, active = :act WHERE code = :c""")
                    .param("c", c.code()).param("p", c.parentCode()).param("n", c.name()).param("ne", c.nameEn())
                    .param("d", c.description()).param("i", c.icon()).param("a", c.anonymousAllowed())
                    .param("pub", c.publicByDefault()).param("pos", c.position()).param("act", c.active()).update();
        }
        org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                new org.springframework.transaction.support.TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        reload();
                    }
                });
    }

    void reload() {
        Map<String, Category> map = new LinkedHashMap<>();
        jdbc.sql("SELECT * FROM reports.category ORDER BY position, code").query((rs, n) -> new Category(
                rs.getString("code"), rs.getString("parent_code"), rs.getString("name"), rs.getString("name_en"),
                rs.getString("description"), rs.getString("icon"), rs.getBoolean("anonymous_allowed"),
                rs.getBoolean("public_by_default"), rs.getInt("position"), rs.getBoolean("active")))
                .list().forEach(c -> map.put(c.code(), c));
        all.set(Map.copyOf(map));
        ordered = List.copyOf(map.values());
    }

    private volatile List<Category> ordered = List.of();

    /** Every category in tree order (parents before their children). */
    List<Category> list() {
        return ordered;
    }

    Optional<Category> find(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(all.get().get(code));
    }

    /** An active category; REPORT_CATEGORY_UNKNOWN otherwise. */
    Category active(String code) {
        return find(code).filter(Category::active)
                .orElseThrow(() -> TinhSoException.of(ErrorCode.REPORT_CATEGORY_UNKNOWN, String.valueOf(code)));
    }

    /** The category and its ancestors, nearest first. */
    List<String> lineage(String code) {
        List<String> codes = new ArrayList<>();
        Optional<Category> c = find(code);
        while (c.isPresent() && codes.size() < 10) {
            codes.add(c.get().code());
            c = find(c.get().parentCode());
        }
        return codes;
    }
}
