package vn.tinhso.reports;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.tinhso.shared.ErrorCode;
import vn.tinhso.shared.TinhSoException;
import vn.tinhso.units.Agency;
import vn.tinhso.units.AgencyKind;
import vn.tinhso.units.AgencyLevel;
import vn.tinhso.units.AgencyManagement;

/** Routing rules as data, and the routing of one report: the most specific matching rule, else triage. */
@Component
class Routing {

    private final JdbcClient jdbc;
    private final AgencyManagement agencies;
    private final ReportCategories categories;
    private final ReportsSettings settings;

    Routing(JdbcClient jdbc, AgencyManagement agencies, ReportCategories categories, ReportsSettings settings) {
        this.jdbc = jdbc;
        this.agencies = agencies;
        this.categories = categories;
        this.settings = settings;
    }

    List<RoutingRule> rules() {
        return jdbc.sql("SELECT * FROM reports.routing_rule ORDER BY category_code NULLS LAST, commune_code NULLS FIRST, id")
                .query((rs, n) -> new RoutingRule(rs.getLong("id"), rs.getString("category_code"),
                        rs.getString("commune_code"), (Double) rs.getObject("min_lat"), (Double) rs.getObject("min_lon"),
                        (Double) rs.getObject("max_lat"), (Double) rs.getObject("max_lon"),
                        (Long) rs.getObject("agency_id"), rs.getBoolean("to_commune"), rs.getInt("priority"),
                        rs.getString("note")))
                .list();
    }

    long add(RoutingRule rule) {
        return jdbc.sql("""
                INSERT INTO reports.routing_rule (category_code, commune_code, min_lat, min_lon, max_lat, max_lon,
                  agency_id, to_commune, priority, note)
                VALUES (:c, :cm, :a, :b, :cc, :d, :ag, :tc, :p, :n) RETURNING id""")
                .param("c", rule.categoryCode()).param("cm", rule.communeCode()).param("a", rule.minLat())
                .param("b", rule.minLon()).param("cc", rule.maxLat()).param("d", rule.maxLon())
                .param("ag", rule.agencyId()).param("tc", rule.toCommune()).param("p", rule.priority())
                .param("n", rule.note()).query(Long.class).single();
    }

    boolean remove(long id) {
        return jdbc.sql("DELETE FROM reports.routing_rule WHERE id = :id").param("id", id).update() > 0;
    }

    /** The agency that handles a report of the category at the place; triage when no rule applies. */
    Agency route(String category, String commune, double lat, double lon) {
        List<String> lineage = categories.lineage(category);
        return rules().stream().filter(r -> r.matches(lineage, commune, lat, lon))
                .sorted(Comparator.comparingLong((RoutingRule r) -> r.specificity(lineage)).reversed())
                .map(r -> target(r, commune)).flatMap(Optional::stream).findFirst()
                .orElseGet(this::triage);
    }

    private Optional<Agency> target(RoutingRule rule, String commune) {
        if (rule.toCommune()) {
            return communeCommittee(commune);
        }
        return agencies.find(rule.agencyId()).filter(Agency::active);
    }

    /** The People's Committee of the commune (2025 structure), if the units module knows one. */
    Optional<Agency> communeCommittee(String commune) {
        if (commune == null) {
            return Optional.empty();
        }
        return agencies.all().stream().filter(a -> a.active() && a.level() == AgencyLevel.COMMUNE
                && a.kind() == AgencyKind.PEOPLES_COMMITTEE && commune.equals(a.unitCode())).findFirst();
    }

    /** The province's coordinating centre for reports no rule matches (tinhso.reports.triage-agency-code). */
    Agency triage() {
        String code = settings.triageAgencyCode();
        if (code != null && !code.isBlank()) {
            return agencies.findByCode(code.strip()).orElseThrow(() -> new IllegalStateException(
                    "tinhso.reports.triage-agency-code " + code + " is not an agency"));
        }
        return agencies.all().stream().filter(a -> a.active() && a.kind() == AgencyKind.PUBLIC_ADMINISTRATION_CENTRE
                && a.level() == AgencyLevel.PROVINCE).findFirst()
                .or(() -> agencies.all().stream().filter(a -> a.active() && a.level() == AgencyLevel.PROVINCE).findFirst())
                .orElseThrow(() -> TinhSoException.of(ErrorCode.REPORT_NO_TRIAGE));
    }
}
