package vn.tinhso.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import vn.tinhso.IntegrationTest;

/**
 * The demo reports, loaded in a transaction that is rolled back (the test profile starts without
 * them): 150 reports of the last 90 days in every state, routed by the demo rules, masked, marked.
 */
@IntegrationTest
class DemoReportsIntegrationTests {

    @Autowired
    DemoReports demo;
    @Autowired
    Routing routing;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;

    @Test
    void demoReportsCoverEveryStateFollowTheRulesAndAreMarked() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        tx.executeWithoutResult(status -> {
            int created = demo.load(now, new Random(2026));
            List<Map<String, Object>> rows = jdbc.sql("""
                    SELECT category_code, commune_code, lat, lon, agency_id, status, submitted_at, description,
                      public_text, escalated_at FROM reports.report WHERE source = 'DEMO'""").query().listOfRows();
            status.setRollbackOnly();

            assertThat(created).isEqualTo(DemoReports.COUNT);
            assertThat(rows).hasSize(DemoReports.COUNT);
            assertThat(rows).extracting(r -> r.get("status")).containsAll(
                    List.of("SUBMITTED", "ACCEPTED", "IN_PROGRESS", "RESOLVED", "CLOSED", "REJECTED", "REOPENED"));
            assertThat(rows).allSatisfy(r -> {
                assertThat(((java.sql.Timestamp) r.get("submitted_at")).toInstant())
                        .isBetween(now.minus(91, ChronoUnit.DAYS), now);
                assertThat(r.get("commune_code")).isNotNull();
                assertThat(((Number) r.get("agency_id")).longValue()).isEqualTo(routing.route(
                        (String) r.get("category_code"), (String) r.get("commune_code"),
                        ((Number) r.get("lat")).doubleValue(), ((Number) r.get("lon")).doubleValue()).id());
            });
            assertThat(rows).anyMatch(r -> r.get("escalated_at") != null); // some are overdue
            assertThat(rows).filteredOn(r -> ((String) r.get("description")).contains("0912 345 678"))
                    .isNotEmpty().allMatch(r -> !((String) r.get("public_text")).contains("0912")
                            && ((String) r.get("public_text")).contains(PublicText.MASK));
            assertThat(routing.rules()).anyMatch(RoutingRule::toCommune).anyMatch(rule -> rule.agencyId() != null);
            assertThat(demo.any()).isTrue();
        });
        assertThat(demo.any()).isFalse();
    }
}
