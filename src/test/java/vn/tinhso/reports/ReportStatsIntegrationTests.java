package vn.tinhso.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import vn.tinhso.IntegrationTest;
import vn.tinhso.TestHttp;
import vn.tinhso.shared.Zones;
import vn.tinhso.units.Agency;
import vn.tinhso.units.AgencyManagement;

/**
 * Statistics on a known small data set of March 2001 (no other test reports then): counts by state,
 * on-time rate, handling time, satisfaction, and a ranking that does not let an agency with one
 * report on time beat one with 95 of 100.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportStatsIntegrationTests {

    static final LocalDate FROM = LocalDate.of(2001, 3, 1);
    static final LocalDate TO = LocalDate.of(2001, 3, 31);

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AgencyManagement agencies;
    @Autowired
    ReportStatistics statistics;

    Agency small;
    Agency large;

    @BeforeAll
    void data() {
        small = agencies.findByCode("000.00.07.H56").orElseThrow(); // Sở Nông nghiệp và Môi trường (demo)
        large = agencies.findByCode("000.00.06.H56").orElseThrow(); // Sở Xây dựng (demo)
        Instant submitted = LocalDateTime.of(2001, 3, 10, 10, 0).atZone(Zones.VIETNAM).toInstant();
        insert(small, "waste", "RESOLVED", true, null, submitted, Duration.ofHours(4), null);
        UUID first = null;
        for (int i = 0; i < 100; i++) {
            Integer rating = i < 60 ? Integer.valueOf(5) : i < 80 ? Integer.valueOf(4) : i < 90 ? Integer.valueOf(1) : null;
            UUID id = insert(large, "road-damage", "CLOSED", i < 95, rating, submitted, Duration.ofHours(10), null);
            first = first == null ? id : first;
        }
        for (int i = 0; i < 3; i++) {
            insert(large, "road-damage", "SUBMITTED", null, null, submitted, null, null);
        }
        insert(large, "road-damage", "REJECTED", true, null, submitted, null, first); // a merged duplicate
        insert(large, "road-damage", "CLOSED", false, 1, submitted.minus(Duration.ofDays(30)), Duration.ofHours(1), null);
        statistics.forget();
    }

    private UUID insert(Agency agency, String category, String status, Boolean onTime, Integer rating,
            Instant submitted, Duration handling, UUID mergedInto) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO reports.report (id, category_code, description, public_text, lat, lon, source, status,
                  agency_id, visible, submitted_at, resolved_at, on_time, rating, merged_into, updated_at)
                VALUES (:id, :c, 'Dữ liệu thống kê kiểm thử', 'Dữ liệu thống kê kiểm thử', 19.8, 105.7, 'WEB', :s,
                  :a, false, :sub, :res, :ot, :r, :m, :sub)""")
                .param("id", id).param("c", category).param("s", status).param("a", agency.id())
                .param("sub", Reports.ts(submitted)).param("res", handling == null ? null : Reports.ts(submitted.plus(handling)))
                .param("ot", onTime).param("r", rating).param("m", mergedInto).update();
        return id;
    }

    @Test
    void countsRatesAndAveragesOfThePeriod() {
        ReportStatistics.Stats stats = statistics.of(FROM, TO);

        assertThat(stats.overall().total()).isEqualTo(104);
        assertThat(stats.byStatus().get(ReportStatus.CLOSED)).isEqualTo(100);
        assertThat(stats.byStatus().get(ReportStatus.RESOLVED)).isEqualTo(1);
        assertThat(stats.byStatus().get(ReportStatus.SUBMITTED)).isEqualTo(3);
        assertThat(stats.byStatus().get(ReportStatus.REJECTED)).isZero(); // the merged duplicate does not count
        assertThat(stats.overall().timed()).isEqualTo(101);
        assertThat(stats.overall().onTime()).isEqualTo(96);
        assertThat(stats.overall().onTimeRate()).isCloseTo(96.0 / 101, within(1e-9));
        assertThat(stats.overall().averageHours()).isCloseTo((100 * 10.0 + 4) / 101, within(1e-6));
        assertThat(stats.overall().averageRating()).isCloseTo((60 * 5 + 20 * 4 + 10) / 90.0, within(1e-9));
        assertThat(stats.byCategory()).extracting(ReportStatistics.Figures::key).containsExactly("road-damage", "waste");
        assertThat(stats.byCategory().get(0).name()).isEqualTo("Ổ gà, hư hỏng mặt đường");
    }

    @Test
    void oneReportOnTimeDoesNotBeatNinetyFiveOfAHundred() {
        ReportStatistics.Stats stats = statistics.of(FROM, TO);

        assertThat(stats.ranking()).extracting(ReportStatistics.Figures::name)
                .containsExactly(large.name(), small.name());
        ReportStatistics.Figures top = stats.ranking().get(0);
        ReportStatistics.Figures second = stats.ranking().get(1);
        assertThat(second.onTimeRate()).isEqualTo(1.0); // a perfect rate ...
        assertThat(second.onTimeLowerBound()).isCloseTo(0.2065, within(1e-4)); // ... on one report proves little
        assertThat(top.onTimeRate()).isEqualTo(0.95);
        assertThat(top.onTimeLowerBound()).isCloseTo(0.8882, within(1e-4));
        assertThat(top.satisfiedLowerBound()).isCloseTo(0.8074, within(1e-4));
        assertThat(top.score()).isCloseTo((0.88825 + 0.80742) / 2, within(1e-4));
    }

    @Test
    void theWilsonLowerBoundGrowsWithEvidence() {
        assertThat(ReportStatistics.wilsonLowerBound(0, 0)).isZero();
        assertThat(ReportStatistics.wilsonLowerBound(1, 1)).isLessThan(ReportStatistics.wilsonLowerBound(9, 10));
        assertThat(ReportStatistics.wilsonLowerBound(2, 2)).isLessThan(ReportStatistics.wilsonLowerBound(1900, 2000));
        assertThat(ReportStatistics.wilsonLowerBound(1000, 1000)).isBetween(0.99, 1.0);
    }

    @Test
    void theApiAndThePageShowTheSameFigures() {
        TestHttp http = new TestHttp(port);
        JsonNode json = http.get("/api/v1/reports/stats?from=01/03/2001&to=2001-03-31").json();
        assertThat(json.get("overall").get("total").asLong()).isEqualTo(104);
        assertThat(json.get("byStatus").get("CLOSED").asLong()).isEqualTo(100);
        assertThat(json.get("ranking").get(0).get("name").asString()).isEqualTo(large.name());

        String html = http.get("/reports/stats?from=01/03/2001&to=31/03/2001", "text/html").body();
        assertThat(html).contains("id=\"stats-total\">104<", "id=\"table-ranking\"", "id=\"table-agency\"",
                "id=\"table-commune\"", "id=\"ranking-formula\"", "Wilson");
        assertThat(html.indexOf(large.name(), html.indexOf("table-ranking")))
                .isLessThan(html.indexOf(small.name(), html.indexOf("table-ranking")));

        assertThat(http.get("/api/v1/reports/stats?from=31/03/2001&to=01/03/2001").status()).isEqualTo(400);
        assertThat(http.get("/api/v1/reports/stats?from=hom-qua").status()).isEqualTo(400);
    }
}
