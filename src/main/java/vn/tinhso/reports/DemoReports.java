package vn.tinhso.reports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import vn.tinhso.calendar.CalendarManagement;
import vn.tinhso.shared.DemoSettings;
import vn.tinhso.shared.VietnameseText;
import vn.tinhso.shared.Zones;
import vn.tinhso.units.Agency;
import vn.tinhso.units.AgencyManagement;
import vn.tinhso.units.Unit;

/**
 * Demo field reports at first start (only when {@code tinhso.demo.enabled} and
 * {@code tinhso.reports.demo-reports}, into an empty store, all or nothing): routing rules from the
 * default categories' {@code route} hints, then about 150 reports of the last 90 days in every state
 * around approximate town centres ({@code reports/demo-reports.json}), routed by those rules. They
 * are marked: source {@code DEMO}, and a "Dữ liệu mẫu" badge on the public pages.
 */
@Component
@Order(6)
class DemoReports implements ApplicationRunner {

    static final String RESOURCE = "reports/demo-reports.json";
    static final int COUNT = 150;
    static final String NOTE = "Dữ liệu mẫu";
    private static final Logger log = LoggerFactory.getLogger(DemoReports.class);

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final TransactionTemplate tx;
    private final DemoSettings demo;
    private final ReportsSettings settings;
    private final ReportCategories categories;
    private final ReportManagement reports;
    private final Routing routing;
    private final AgencyManagement agencies;
    private final CalendarManagement calendar;

    DemoReports(JdbcClient jdbc, ObjectMapper json, TransactionTemplate tx, DemoSettings demo,
            ReportsSettings settings, ReportCategories categories, ReportManagement reports, Routing routing,
            AgencyManagement agencies, CalendarManagement calendar) {
        this.jdbc = jdbc;
        this.json = json;
        this.tx = tx;
        this.demo = demo;
        this.settings = settings;
        this.categories = categories;
        this.reports = reports;
        this.routing = routing;
        this.agencies = agencies;
        this.calendar = calendar;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demo.enabled() || !settings.demoReports()) {
            return;
        }
        Integer created = tx.execute(status -> jdbc.sql("SELECT EXISTS (SELECT 1 FROM reports.report)")
                .query(Boolean.class).single() ? 0 : load(Instant.now().truncatedTo(ChronoUnit.SECONDS), new Random(2026)));
        if (created != null && created > 0) {
            log.info("Created {} demo field reports", created);
        }
    }

    /** Whether any demo report exists (pages show the "Dữ liệu mẫu" notice). */
    boolean any() {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM reports.report WHERE source = 'DEMO')").query(Boolean.class)
                .single();
    }

    /** Which of the numbers are demo reports. */
    Set<Long> demoNumbers(Collection<Long> numbers) {
        if (numbers.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("SELECT seq FROM reports.report WHERE source = 'DEMO' AND seq IN (:n)")
                .param("n", numbers).query(Long.class).list());
    }

    /** Creates the demo rules (if there are none) and reports; returns how many reports. Call in a transaction. */
    int load(Instant now, Random random) {
        JsonNode data = read();
        if (jdbc.sql("SELECT count(*) FROM reports.routing_rule").query(Long.class).single() == 0) {
            categories.defaults().forEach(this::addRules);
        }
        List<Place> places = places(data.get("places"));
        if (places.isEmpty()) {
            return 0;
        }
        List<String> weighted = new ArrayList<>();
        data.get("categories").properties().forEach(e -> {
            if (categories.find(e.getKey()).filter(Category::active).isPresent()) {
                for (int i = 0; i < e.getValue().get("weight").asInt(); i++) {
                    weighted.add(e.getKey());
                }
            }
        });
        DemoLifecycle lifecycle = new DemoLifecycle(calendar, settings, random, now, data);
        for (int i = 0; i < COUNT; i++) {
            Place place = places.get(random.nextInt(places.size()));
            String category = weighted.get(random.nextInt(weighted.size()));
            double[] pin = jitter(place, random);
            Agency agency = routing.route(category, place.commune().code(), pin[0], pin[1]);
            insert(lifecycle.next(category, place.commune(), pin, agency, categories.find(category).orElseThrow()));
        }
        return COUNT;
    }

    private void addRules(JsonNode node) {
        String route = node.has("route") ? node.get("route").asString() : null;
        if (route != null) {
            String code = node.get("code").asString();
            if ("commune".equals(route)) {
                routing.add(new RoutingRule(0, code, null, null, null, null, null, null, true, 0, NOTE));
            } else {
                agencies.all().stream().filter(a -> a.active() && route.equals(a.name())).findFirst().ifPresent(a ->
                        routing.add(new RoutingRule(0, code, null, null, null, null, null, a.id(), false, 0, NOTE)));
            }
        }
        if (node.has("children")) {
            node.get("children").forEach(this::addRules); // a child without a route inherits its parent's rule
        }
    }

    record Place(Unit commune, double lat, double lon) {
    }

    private List<Place> places(JsonNode list) {
        Map<String, Unit> byName = new HashMap<>();
        reports.communes().forEach(u -> byName.put(VietnameseText.fold(u.name()), u));
        List<Place> places = new ArrayList<>();
        list.forEach(p -> {
            Unit unit = byName.get(VietnameseText.fold(p.get("commune").asString()));
            double lat = p.get("lat").asDouble();
            double lon = p.get("lon").asDouble();
            if (unit != null && settings.area().contains(lat, lon)) {
                places.add(new Place(unit, lat, lon));
            }
        });
        return places;
    }

    /** A point within about 1.5 km of the place, uniformly over the disc. */
    static double[] jitter(Place place, Random random) {
        double meters = 1500 * Math.sqrt(random.nextDouble());
        double angle = random.nextDouble() * 2 * Math.PI;
        double lat = place.lat() + meters * Math.cos(angle) / 111_320.0;
        double lon = place.lon() + meters * Math.sin(angle) / (111_320.0 * Math.cos(Math.toRadians(place.lat())));
        return new double[] {Math.round(lat * 1e6) / 1e6, Math.round(lon * 1e6) / 1e6};
    }

    private JsonNode read() {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(RESOURCE)) {
            return json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void insert(DemoLifecycle.Demo d) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO reports.report (id, category_code, description, public_text, lat, lon, commune_code, address,
                  reporter_name, anonymous, source, status, severity, agency_id, visible, submitted_at,
                  accept_due_at, accepted_at, handle_due_at, resolved_at, closed_at, answer, reject_reason, rating,
                  rating_comment, rated_at, reopen_count, escalated_at, on_time, updated_at)
                VALUES (:id, :cat, :d, :pt, :lat, :lon, :cm, :addr, :rn, :an, 'DEMO', :st, :sev, :ag, :vis, :sub,
                  :adue, :acc, :hdue, :res, :clo, :ans, :rej, :rat, :ratc, :rated, :reo, :esc, :ont, :upd)""")
                .param("id", id).param("cat", d.category()).param("d", d.description())
                .param("pt", PublicText.mask(d.description())).param("lat", d.lat()).param("lon", d.lon())
                .param("cm", d.commune()).param("addr", d.address()).param("rn", d.anonymous() ? null : d.reporter())
                .param("an", d.anonymous()).param("st", d.status().name())
                .param("sev", d.severity() == null ? null : d.severity().name()).param("ag", d.agencyId())
                .param("vis", d.visible()).param("sub", Reports.ts(d.submittedAt()))
                .param("adue", Reports.ts(d.acceptDueAt())).param("acc", Reports.ts(d.acceptedAt()))
                .param("hdue", Reports.ts(d.handleDueAt())).param("res", Reports.ts(d.resolvedAt()))
                .param("clo", Reports.ts(d.closedAt())).param("ans", d.answer()).param("rej", d.rejectReason())
                .param("rat", d.rating()).param("ratc", d.ratingComment()).param("rated", Reports.ts(d.ratedAt()))
                .param("reo", d.reopenCount()).param("esc", Reports.ts(d.escalatedAt())).param("ont", d.onTime())
                .param("upd", Reports.ts(d.updatedAt())).update();
        for (DemoLifecycle.Step s : d.steps()) {
            jdbc.sql("""
                    INSERT INTO reports.report_event (report_id, kind, status, actor_name, agency_id, note, public, at)
                    VALUES (:id, :k, :s, :a, :ag, :n, true, :at)""")
                    .param("id", id).param("k", s.kind()).param("s", s.status().name()).param("a", s.actor())
                    .param("ag", d.agencyId()).param("n", s.note()).param("at", Reports.ts(s.at())).update();
        }
    }

    /** The moment of a day at the given hour and minute in Vietnam. */
    static Instant at(Instant day, int hour, int minute) {
        ZonedDateTime z = day.atZone(Zones.VIETNAM).withHour(hour).withMinute(minute).withSecond(0).withNano(0);
        return z.toInstant();
    }

    static Duration hours(double h) {
        return Duration.ofMinutes(Math.round(h * 60));
    }
}
