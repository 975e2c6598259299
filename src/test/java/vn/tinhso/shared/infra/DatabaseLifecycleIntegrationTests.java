package vn.tinhso.shared.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.tinhso.TestHttp;
import vn.tinhso.TinhSoApplication;
import vn.tinhso.identity.TestAccounts;

/**
 * The platform as an operator runs it, outside the shared test context: restarted on its data
 * directory, and pointed at an external (empty) PostgreSQL instead of the embedded one.
 */
class DatabaseLifecycleIntegrationTests {

    @Test
    void whatAUserEnteredSurvivesARestartOfTheWholePlatform() throws Exception {
        Path dir = Path.of("target", "restart-postgres");
        // Zonky deletes a "clean" data directory when it stops, so both runs keep it, as in production.
        org.springframework.util.FileSystemUtils.deleteRecursively(dir);
        String agencyId;
        try (ConfigurableApplicationContext first = start("--tinhso.database.embedded.data-dir=" + dir,
                "--tinhso.database.embedded.clean=false")) {
            String token = first.getBean(TestAccounts.class).token("Admin", TestAccounts.admin());
            TestHttp http = new TestHttp(port(first)).withToken(token);
            TestHttp.Response created = http.postJson("/api/v1/agencies", Map.of("code", "SO-KHAC-01",
                    "name", "Sở Thử Khởi Động Lại", "kind", "DEPARTMENT", "level", "PROVINCE", "unitCode", "38",
                    "active", true));
            assertThat(created.status()).isEqualTo(201);
            agencyId = created.json().get("id").asString();
        }
        EmbeddedPostgresConfiguration.stop(dir);

        try (ConfigurableApplicationContext second = start("--tinhso.database.embedded.data-dir=" + dir,
                "--tinhso.database.embedded.clean=false")) {
            TestHttp.Response agency = new TestHttp(port(second)).get("/api/v1/agencies/" + agencyId);
            assertThat(agency.status()).isEqualTo(200);
            assertThat(agency.json().get("name").asString()).isEqualTo("Sở Thử Khởi Động Lại");
            JdbcClient jdbc = second.getBean(JdbcClient.class);
            assertThat(jdbc.sql("SELECT count(*) FROM units.unit WHERE structure = 2025 AND level = 'COMMUNE'")
                    .query(Long.class).single()).isEqualTo(3_321);
        } finally {
            EmbeddedPostgresConfiguration.stop(dir);
        }
    }

    @Test
    void aPostgresLeftRunningByAKilledJvmDoesNotBlockTheNextStart() throws Exception {
        Path dir = Path.of("target", "orphan-postgres");
        org.springframework.util.FileSystemUtils.deleteRecursively(dir);
        // What a JVM killed with -9 leaves behind: a running postmaster nobody will stop.
        EmbeddedPostgres orphan = EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(false)
                .setRegisterShutdownHook(false).start();
        // A dead JVM's file lock on the data directory is gone with it; here the JVM lives on.
        java.lang.reflect.Field lock = EmbeddedPostgres.class.getDeclaredField("lock");
        lock.setAccessible(true);
        ((java.nio.channels.FileLock) lock.get(orphan)).release();
        long pid = Long.parseLong(java.nio.file.Files.readAllLines(dir.resolve("postmaster.pid")).get(0).strip());
        assertThat(ProcessHandle.of(pid)).isPresent();
        try (ConfigurableApplicationContext app = start("--tinhso.database.embedded.data-dir=" + dir,
                "--tinhso.database.embedded.clean=false", "--tinhso.demo.enabled=false")) {
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
            assertThat(new TestHttp(port(app)).get("/actuator/health").status()).isEqualTo(200);
        } finally {
            EmbeddedPostgresConfiguration.stop(dir);
        }
        assertThat(orphan.getPort()).isPositive();
    }

    @Test
    void flywayMigratesAnEmptyExternalDatabase() throws Exception {
        try (EmbeddedPostgres external = EmbeddedPostgres.builder()
                .setDataDirectory(Path.of("target", "external-postgres")).setCleanDataDirectory(true).start()) {
            String url = "jdbc:postgresql://localhost:" + external.getPort() + "/postgres";
            try (ConfigurableApplicationContext app = start("--spring.datasource.url=" + url,
                    "--spring.datasource.username=postgres", "--tinhso.demo.enabled=false")) {
                JdbcClient jdbc = app.getBean(JdbcClient.class);
                assertThat(jdbc.sql("SELECT count(*) FROM platform.flyway_schema_history WHERE NOT success")
                        .query(Long.class).single()).isZero();
                assertThat(jdbc.sql("SELECT count(*) FROM platform.flyway_schema_history WHERE success")
                        .query(Long.class).single()).isGreaterThanOrEqualTo(3);
                assertThat(jdbc.sql("SELECT count(*) FROM units.unit").query(Long.class).single()).isGreaterThan(13_000);
                assertThat(jdbc.sql("SELECT count(*) FROM units.agency").query(Long.class).single()).isZero();
                assertThat(new TestHttp(port(app)).get("/actuator/health").status()).isEqualTo(200);
            }
        }
    }

    private static ConfigurableApplicationContext start(String... args) {
        String[] all = java.util.stream.Stream.concat(java.util.stream.Stream.of("--server.port=0",
                "--spring.profiles.active=test", "--spring.main.banner-mode=off"), java.util.Arrays.stream(args))
                .toArray(String[]::new);
        return new SpringApplicationBuilder(TinhSoApplication.class).run(all);
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
