package vn.tinhso.opendata;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import vn.tinhso.IntegrationTest;
import vn.tinhso.TestHttp;
import vn.tinhso.TinhSoApplication;
import vn.tinhso.identity.TestAccounts;
import vn.tinhso.units.Agency;
import vn.tinhso.units.AgencyLevel;
import vn.tinhso.units.AgencyManagement;

/**
 * Harvesting from a second Tỉnh Số started in the test, with its own database and its 198 demo and
 * platform datasets: through its CKAN Action API, then again after it changed and deleted datasets
 * (incremental), and through its paged DCAT catalogue; a job left running by a dead node is failed.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HarvestIntegrationTests {

    static final java.nio.file.Path SOURCE_DB = java.nio.file.Path.of("target", "harvest-source-postgres");

    @LocalServerPort
    int port;
    @Autowired
    TestAccounts accounts;
    @Autowired
    DatasetManagement catalogue;
    @Autowired
    AgencyManagement agencies;
    @Autowired
    JdbcClient jdbc;

    ConfigurableApplicationContext source;
    TestHttp remote;
    String remoteAdmin;
    TestHttp admin;

    @BeforeAll
    void startTheSource() {
        // A known port, so that the source's own links (DCAT paging, resource URLs) name it.
        int sourcePort;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            sourcePort = free.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        source = new SpringApplicationBuilder(TinhSoApplication.class).run("--server.port=" + sourcePort,
                "--tinhso.identity.base-url=http://localhost:" + sourcePort,
                "--spring.profiles.active=test", "--spring.main.banner-mode=off",
                "--tinhso.database.embedded.data-dir=" + SOURCE_DB, "--tinhso.database.embedded.clean=true",
                "--tinhso.files.root=target/harvest-source-files");
        remote = new TestHttp(((WebServerApplicationContext) source).getWebServer().getPort());
        remoteAdmin = source.getBean(TestAccounts.class).token("Quản trị nguồn", TestAccounts.admin());
        admin = new TestHttp(port).withToken(accounts.token("Quản trị thu thập", TestAccounts.admin()));
    }

    @Autowired
    DatasetIndex index;

    @AfterAll
    void stopTheSource() {
        source.close();
        // The harvested copies would change the counts other test classes see in the shared catalogue.
        jdbc.sql("""
                UPDATE opendata.dataset SET state = 'DELETED', change_no = nextval('opendata.change_no')
                WHERE harvest_source IS NOT NULL""").update();
        index.invalidate();

    }

    /** Registers a commune's committee as a fresh publisher, so that its datasets are the harvested ones. */
    Publisher freshPublisher(String name) {
        Agency agency = agencies.all().stream().filter(a -> a.level() == AgencyLevel.COMMUNE)
                .filter(a -> catalogue.publisher(a.id()).isEmpty()).findFirst().orElseThrow();
        TestHttp.Response r = admin.postJson("/api/v1/admin/opendata/publishers", Map.of("agencyId", agency.id(),
                "name", name, "title", agency.name()));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return catalogue.publisher(name).orElseThrow();
    }

    long createSource(String kind, String url, Publisher publisher) {
        TestHttp.Response r = admin.postJson("/api/v1/admin/opendata/harvest-sources", Map.of("title",
                "Cổng dữ liệu nguồn " + kind, "kind", kind, "url", url, "publisher", publisher.name()));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    JsonNode runToEnd(long sourceId) {
        TestHttp.Response started = admin.send(admin.request("/api/v1/admin/opendata/harvest-sources/" + sourceId
                + "/run").POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        long job = started.json().get("id").asLong();
        for (int i = 0; i < 600; i++) {
            JsonNode j = admin.get("/api/v1/admin/opendata/harvest-jobs/" + job).json();
            if (j.get("status").asString().equals("DONE") || j.get("status").asString().equals("FAILED")) {
                return j;
            }
            sleep(200);
        }
        throw new AssertionError("harvest job " + job + " did not finish");
    }

    long countOf(Publisher p) {
        return catalogue.search(new DatasetQuery(null, Map.of(Facet.PUBLISHER, java.util.List.of(java.util.Set.of(
                p.name()))), java.util.Set.of(), true, false, java.util.List.of(), 0, 0, java.util.List.of(), 0)).count();
    }

    long remoteCount() {
        return remote.get("/api/3/action/package_search?rows=0").json().get("result").get("count").asLong();
    }

    @Test
    void aCkanSourceIsHarvestedWholeThenIncrementally() {
        Publisher target = freshPublisher("xa-thu-thap-ckan");
        long sourceId = createSource("CKAN", remote.base(), target);
        long total = remoteCount();
        assertThat(total).isGreaterThanOrEqualTo(198);

        JsonNode first = runToEnd(sourceId);
        assertThat(first.get("status").asString()).as(first.toString()).isEqualTo("DONE");
        assertThat(first.get("created").asLong()).isEqualTo(total);
        assertThat(first.get("errors").asInt()).as(first.toString()).isZero();
        assertThat(countOf(target)).isEqualTo(total);
        Dataset harvested = catalogue.find("don-vi-hanh-chinh-cap-xa-2025-h" + sourceId, Editor.NOBODY).orElseThrow();
        assertThat(harvested.resources()).hasSize(1);
        assertThat(harvested.resources().get(0).url()).contains("/dataset/don-vi-hanh-chinh-cap-xa-2025/resource/");

        // The source changes one dataset and deletes another.
        ckan("package_patch", Map.of("id", "ty-le-ho-ngheo-va-ho-can-ngheo-theo-xa", "title", "Tỷ lệ hộ nghèo (đã sửa)"));
        ckan("package_delete", Map.of("id", "tai-nan-lao-dong-va-thiet-hai"));
        JsonNode second = runToEnd(sourceId);
        assertThat(second.get("status").asString()).isEqualTo("DONE");
        assertThat(second.get("created").asInt()).isZero();
        assertThat(second.get("updated").asInt()).isEqualTo(1);
        assertThat(second.get("deleted").asInt()).isEqualTo(1);
        assertThat(second.get("unchanged").asLong()).isEqualTo(total - 2);
        assertThat(catalogue.find("ty-le-ho-ngheo-va-ho-can-ngheo-theo-xa-h" + sourceId, Editor.NOBODY)
                .orElseThrow().title()).isEqualTo("Tỷ lệ hộ nghèo (đã sửa)");
        assertThat(catalogue.find("tai-nan-lao-dong-va-thiet-hai-h" + sourceId, Editor.NOBODY)).isEmpty();
        assertThat(countOf(target)).isEqualTo(total - 1);
    }

    @Test
    void aDcatCatalogueIsHarvestedFollowingItsPages() {
        Publisher target = freshPublisher("xa-thu-thap-dcat");
        long sourceId = createSource("DCAT", remote.base() + "/catalog.ttl", target);
        long total = remoteCount();
        JsonNode job = runToEnd(sourceId);
        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("DONE");
        assertThat(job.get("created").asLong()).isEqualTo(total);
        assertThat(job.get("errors").asInt()).as(job.toString()).isZero();
        assertThat(countOf(target)).isEqualTo(total);
        Dataset one = catalogue.search(new DatasetQuery("sản lượng lúa", Map.of(Facet.PUBLISHER, java.util.List.of(
                java.util.Set.of(target.name()))), java.util.Set.of(), false, false, java.util.List.of(), 0, 1,
                java.util.List.of(), 0)).results().get(0);
        assertThat(one.licenceId()).isIn("vn-open-data", "cc-by");
        assertThat(one.tags()).contains("lúa");
        assertThat(one.resources().get(0).format()).isEqualTo("CSV");
        assertThat(runToEnd(sourceId).get("unchanged").asLong()).isEqualTo(total);
    }

    @Test
    void aJobLeftRunningByADeadNodeIsFailedAndBadSourcesAreRefused() {
        Publisher target = freshPublisher("xa-thu-thap-loi");
        long sourceId = createSource("CKAN", "http://localhost:1", target);
        long stale = jdbc.sql("""
                INSERT INTO opendata.harvest_job (source_id, status, requested_by, started_at, heartbeat_at)
                VALUES (:s, 'RUNNING', 'test', now() - interval '2 hours', now() - interval '1 hour') RETURNING id""")
                .param("s", sourceId).query(Long.class).single();
        JsonNode job = runToEnd(sourceId);
        assertThat(job.get("id").asLong()).isNotEqualTo(stale);
        assertThat(job.get("status").asString()).isEqualTo("FAILED");
        assertThat(job.get("log").get(0).asString()).contains("localhost:1");
        JsonNode dead = admin.get("/api/v1/admin/opendata/harvest-jobs/" + stale).json();
        assertThat(dead.get("status").asString()).isEqualTo("FAILED");
        assertThat(dead.get("log").toString()).contains("interrupted");

        TestHttp.Response bad = admin.postJson("/api/v1/admin/opendata/harvest-sources", Map.of("title", "x",
                "kind", "FTP", "url", "ftp://example.org", "publisher", "khong-co"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/problem+json");
        assertThat(bad.json().get("errors").findValuesAsString("field")).contains("title", "kind", "url", "publisher");
        assertThat(admin.send(admin.request("/api/v1/admin/opendata/harvest-sources/999999/run")
                .POST(HttpRequest.BodyPublishers.noBody())).status()).isEqualTo(404);
        TestHttp officer = new TestHttp(port).withToken(accounts.token("Cán bộ", TestAccounts.officer(target.agencyId())));
        assertThat(officer.get("/api/v1/admin/opendata/harvest-sources").status()).isEqualTo(403);
    }

    private void ckan(String action, Map<String, Object> body) {
        TestHttp.Response r = remote.send(remote.request("/api/3/action/" + action)
                .header("Content-Type", "application/json").header("Authorization", remoteAdmin)
                .POST(HttpRequest.BodyPublishers.ofString(tools.jackson.databind.json.JsonMapper.builder().build()
                        .writeValueAsString(body))));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
