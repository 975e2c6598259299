package vn.tinhso.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxFailedAttempts failed sign-ins in a row before the account is locked
 * @param lockDuration how long a locked account stays locked
 * @param signInsPerMinute sign-in attempts allowed per client address per minute (per node)
 * @param verificationValidity how long an e-mail verification link works
 * @param resetValidity how long a password reset link works
 * @param passwordMinLength minimum password length
 * @param baseUrl the public address of the portal, used in links sent by e-mail
 * @param oidcRegistration the Spring Security client registration id of the national SSO (VNeID)
 */
@ConfigurationProperties("tinhso.identity")
public record IdentitySettings(@DefaultValue("5") int maxFailedAttempts,
        @DefaultValue("15m") Duration lockDuration,
        @DefaultValue("20") int signInsPerMinute,
        @DefaultValue("24h") Duration verificationValidity,
        @DefaultValue("1h") Duration resetValidity,
        @DefaultValue("10") int passwordMinLength,
        @DefaultValue("http://localhost:8080") String baseUrl,
        @DefaultValue("vneid") String oidcRegistration) {
}
