package oidcprovider;

import java.util.Map;
import javax.sql.DataSource;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * A real OpenID Connect provider for tests, standing in for the national SSO (VNeID): Spring
 * Authorization Server, configured by Spring Boot, with one registered client (the platform) and
 * one person. Lives outside {@code vn.tinhso} so that the platform's component scan never sees it.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class OidcProvider {

    public static final int PORT = 19199;
    public static final String USER = "nguyen.van.an";
    public static final String PASSWORD = "vneid-test-password";
    public static final String EMAIL = "nguyen.van.an@vneid.test";
    public static final String NAME = "Nguyễn Văn An";

    /** Starts the provider; it shares the test database only because Boot's auto-configuration wants one. */
    public static ConfigurableApplicationContext start(DataSource platformDatabase) {
        String url = ((HikariDataSource) platformDatabase).getJdbcUrl();
        Map<String, Object> settings = Map.ofEntries(
                Map.entry("spring.config.name", "oidc-provider"),
                Map.entry("server.port", PORT),
                Map.entry("spring.application.name", "oidc-provider"),
                Map.entry("spring.datasource.url", url),
                Map.entry("spring.datasource.username", "postgres"),
                Map.entry("spring.flyway.enabled", false),
                Map.entry("spring.autoconfigure.exclude",
                        "org.springframework.boot.session.jdbc.autoconfigure.JdbcSessionAutoConfiguration"),
                Map.entry("spring.modulith.events.jdbc.schema-initialization.enabled", false),
                Map.entry("spring.main.banner-mode", "off"),
                Map.entry("spring.security.user.name", USER),
                Map.entry("spring.security.user.password", "{noop}" + PASSWORD),
                Map.entry("spring.security.oauth2.authorizationserver.issuer", "http://localhost:" + PORT),
                Map.entry("spring.security.oauth2.authorizationserver.client.tinhso.registration.client-id", "tinhso"),
                Map.entry("spring.security.oauth2.authorizationserver.client.tinhso.registration.client-secret",
                        "{noop}tinhso-test-secret"),
                Map.entry("spring.security.oauth2.authorizationserver.client.tinhso.registration.client-authentication-methods",
                        "client_secret_basic"),
                Map.entry("spring.security.oauth2.authorizationserver.client.tinhso.registration.authorization-grant-types",
                        "authorization_code"),
                Map.entry("spring.security.oauth2.authorizationserver.client.tinhso.registration.redirect-uris",
                        "http://127.0.0.1/login/oauth2/code/vneid"),
                Map.entry("spring.security.oauth2.authorizationserver.client.tinhso.registration.scopes",
                        "openid,profile,email"),
                Map.entry("spring.security.oauth2.authorizationserver.client.tinhso.require-authorization-consent",
                        false));
        // As command-line arguments, so that they win over the platform's application.yml.
        return new SpringApplicationBuilder(OidcProvider.class)
                .run(settings.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
    }

    /** Puts the person's verified e-mail and name in the ID token, as the national SSO would. */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> personClaims() {
        return context -> {
            if ("id_token".equals(context.getTokenType().getValue())) {
                context.getClaims().claim("email", EMAIL).claim("email_verified", true).claim("name", NAME);
            }
        };
    }
}
