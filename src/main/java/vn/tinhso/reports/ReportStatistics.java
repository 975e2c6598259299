package vn.tinhso.reports;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.tinhso.shared.VietnameseText;
import vn.tinhso.shared.Zones;
import vn.tinhso.units.AgencyManagement;

/**
 * Public statistics of field reports over a period of submission: counts by state, on-time rate,
 * average handling time (calendar hours from submission to resolution), average rating, by
 * category, commune and agency, and a ranking of agencies that is fair to small and large ones
 * (Wilson lower bounds; docs/reports.md). Every report counts, hidden ones too (an agency must not
 * improve its figures by hiding reports); merged duplicates do not. One SQL scan per period,
 * cached for {@link #CACHE_MILLIS}.
 */
@Component
class ReportStatistics {

    /** The normal quantile of the 95% confidence level of the lower bounds. */
    static final double Z = 1.96;
    static final long CACHE_MILLIS = 60_000;

    /** Figures of one group (a category, a commune, an agency) or of everything. */
    record Figures(String key, String name, String icon, long total, long open, long resolved, long rejected,
            long timed, long onTime, Double onTimeRate, Double averageHours, long rated, Double averageRating,
            long satisfied, double onTimeLowerBound, double satisfiedLowerBound, double score) {
    }

    /** The statistics of a period [from, to] (days in Asia/Ho_Chi_Minh). */
    record Stats(LocalDate from, LocalDate to, Map<ReportStatus, Long> byStatus, Figures overall,
            List<Figures> byCategory, List<Figures> byCommune, List<Figures> byAgency, List<Figures> ranking) {
    }

    private record Cached(Stats stats, long at) {
    }

    private final JdbcClient jdbc;
    private final ReportCategories categories;
    private final ReportManagement reports;
    private final AgencyManagement agencies;
    private final Map<List<LocalDate>, Cached> cache = new ConcurrentHashMap<>();

    ReportStatistics(JdbcClient jdbc, ReportCategories categories, ReportManagement reports,
            AgencyManagement agencies) {
        this.jdbc = jdbc;
        this.categories = categories;
        this.reports = reports;
        this.agencies = agencies;
    }

    /** The statistics of reports submitted from the first to the last day, both included. */
    Stats of(LocalDate from, LocalDate to) {
        List<LocalDate> key = List.of(from, to);
        Cached hit = cache.get(key);
        if (hit != null && System.currentTimeMillis() - hit.at() < CACHE_MILLIS) {
            return hit.stats();
        }
        if (cache.size() > 100) {
            cache.clear();
        }
        Stats stats = compute(from, to);
        cache.put(key, new Cached(stats, System.currentTimeMillis()));
        return stats;
    }

    /** Forgets cached figures (tests that add reports, an officer who wants the latest). */
    void forget() {
        cache.clear();
    }

    private record Group(String dimension, String key, Figures figures) {
    }

    private Stats compute(LocalDate from, LocalDate to) {
        Instant start = from.atStartOfDay(Zones.VIETNAM).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(Zones.VIETNAM).toInstant();
        List<Group> groups = jdbc.sql("""
                SELECT GROUPING(status) AS g_status, GROUPING(category_code) AS g_category,
                  GROUPING(commune_code) AS g_commune, GROUPING(agency_id) AS g_agency,
                  status, category_code, commune_code, agency_id, count(*) AS total,
                  count(*) FILTER (WHERE status IN ('SUBMITTED', 'ACCEPTED', 'IN_PROGRESS', 'REOPENED')) AS open,
                  count(*) FILTER (WHERE status IN ('RESOLVED', 'CLOSED')) AS resolved,
                  count(*) FILTER (WHERE status = 'REJECTED') AS rejected,
                  count(on_time) AS timed, count(*) FILTER (WHERE on_time) AS on_time,
                  avg(extract(epoch FROM resolved_at - submitted_at) / 3600.0) AS hours,
                  count(rating) AS rated, avg(rating) AS rating, count(*) FILTER (WHERE rating >= 4) AS satisfied
                FROM reports.report
                WHERE merged_into IS NULL AND submitted_at >= :start AND submitted_at < :end
                GROUP BY GROUPING SETS ((status), (category_code), (commune_code), (agency_id), ())""")
                .param("start", Reports.ts(start)).param("end", Reports.ts(end)).query(this::group).list();
        Map<ReportStatus, Long> byStatus = new EnumMap<>(ReportStatus.class);
        for (ReportStatus s : ReportStatus.values()) {
            byStatus.put(s, 0L);
        }
        Figures overall = figures("", "", "", 0, 0, 0, 0, 0, 0, null, 0, null, 0);
        List<Figures> byCategory = new ArrayList<>();
        List<Figures> byCommune = new ArrayList<>();
        List<Figures> byAgency = new ArrayList<>();
        Map<String, String> communes = new HashMap<>();
        reports.communes().forEach(u -> communes.put(u.code(), u.name()));
        Map<String, String> agencyNames = new HashMap<>();
        agencies.all().forEach(a -> agencyNames.put(String.valueOf(a.id()), a.name()));
        for (Group g : groups) {
            Figures f = g.figures();
            switch (g.dimension()) {
                case "status" -> byStatus.put(ReportStatus.valueOf(g.key()), f.total());
                case "category" -> {
                    Category c = categories.find(g.key()).orElse(null);
                    byCategory.add(named(f, g.key(), c == null ? g.key() : c.name(), c == null ? "" : c.icon()));
                }
                case "commune" -> byCommune.add(named(f, g.key() == null ? "" : g.key(),
                        g.key() == null ? null : communes.getOrDefault(g.key(), g.key()), ""));
                case "agency" -> byAgency.add(named(f, g.key(), agencyNames.getOrDefault(g.key(), "#" + g.key()), ""));
                default -> overall = f;
            }
        }
        Comparator<Figures> byVolume = Comparator.comparingLong(Figures::total).reversed()
                .thenComparing(Figures::name, VietnameseText.order());
        byCategory.sort(byVolume);
        byCommune.sort(Comparator.comparing((Figures f) -> f.name() == null).thenComparing(byVolume));
        byAgency.sort(byVolume);
        List<Figures> ranking = new ArrayList<>(byAgency);
        ranking.sort(Comparator.comparingDouble(Figures::score).reversed().thenComparing(byVolume));
        return new Stats(from, to, byStatus, overall, byCategory, byCommune, byAgency, ranking);
    }

    private Group group(ResultSet rs, int n) throws SQLException {
        String dimension = rs.getInt("g_status") == 0 ? "status" : rs.getInt("g_category") == 0 ? "category"
                : rs.getInt("g_commune") == 0 ? "commune" : rs.getInt("g_agency") == 0 ? "agency" : "all";
        String key = switch (dimension) {
            case "status" -> rs.getString("status");
            case "category" -> rs.getString("category_code");
            case "commune" -> rs.getString("commune_code");
            case "agency" -> rs.getString("agency_id");
            default -> "";
        };
        Number hours = (Number) rs.getObject("hours");
        Number rating = (Number) rs.getObject("rating");
        return new Group(dimension, key, figures(key, "", "", rs.getLong("total"), rs.getLong("open"),
                rs.getLong("resolved"), rs.getLong("rejected"), rs.getLong("timed"), rs.getLong("on_time"),
                hours == null ? null : hours.doubleValue(), rs.getLong("rated"),
                rating == null ? null : rating.doubleValue(), rs.getLong("satisfied")));
    }

    static Figures figures(String key, String name, String icon, long total, long open, long resolved, long rejected,
            long timed, long onTime, Double hours, long rated, Double rating, long satisfied) {
        double onTimeLower = wilsonLowerBound(onTime, timed);
        double satisfiedLower = wilsonLowerBound(satisfied, rated);
        return new Figures(key, name, icon, total, open, resolved, rejected, timed, onTime,
                timed == 0 ? null : (double) onTime / timed, hours, rated, rating, satisfied, onTimeLower,
                satisfiedLower, (onTimeLower + satisfiedLower) / 2);
    }

    private static Figures named(Figures f, String key, String name, String icon) {
        return new Figures(key, name, icon, f.total(), f.open(), f.resolved(), f.rejected(), f.timed(), f.onTime(),
                f.onTimeRate(), f.averageHours(), f.rated(), f.averageRating(), f.satisfied(), f.onTimeLowerBound(),
                f.satisfiedLowerBound(), f.score());
    }

    /**
     * The lower bound of the Wilson score interval (95%) of a proportion of {@code k} successes in
     * {@code n} trials: what the rate is at least, given how few trials there were. 0 when n is 0.
     */
    static double wilsonLowerBound(long k, long n) {
        if (n <= 0) {
            return 0;
        }
        double p = (double) k / n;
        double z2 = Z * Z;
        double centre = p + z2 / (2.0 * n);
        double margin = Z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        return Math.max(0, (centre - margin) / (1 + z2 / n));
    }
}
