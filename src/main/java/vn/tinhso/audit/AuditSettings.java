package vn.tinhso.audit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param verifyEvery how often the whole chain is verified in the background (a broken chain is
 *        logged as an error and recorded as {@code audit.chain.broken})
 * @param fetchSize rows fetched per round trip when exporting or verifying, which stream
 */
@ConfigurationProperties("tinhso.audit")
public record AuditSettings(@DefaultValue(AuditSettings.VERIFY_EVERY) Duration verifyEvery,
        @DefaultValue("500") int fetchSize) {

    static final String VERIFY_EVERY = "1h";

    public AuditSettings {
        if (fetchSize < 1) {
            throw new IllegalArgumentException("tinhso.audit.fetch-size must be positive");
        }
    }
}
