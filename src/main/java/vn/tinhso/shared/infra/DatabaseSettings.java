package vn.tinhso.shared.infra;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The embedded PostgreSQL started when no {@code spring.datasource.url} is configured.
 *
 * @param dataDir where the cluster lives; it survives restarts unless {@code clean} is set
 * @param port TCP port on loopback, 0 picks a free one
 * @param clean wipe the data directory at start (tests only)
 */
@ConfigurationProperties("tinhso.database.embedded")
public record DatabaseSettings(Path dataDir, int port, boolean clean) {

    public DatabaseSettings {
        dataDir = dataDir == null ? Path.of("data", "postgres") : dataDir;
    }
}
