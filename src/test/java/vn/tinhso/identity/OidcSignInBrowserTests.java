package vn.tinhso.identity;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;
import oidcprovider.OidcProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import vn.tinhso.Browser;
import vn.tinhso.IntegrationTest;

/**
 * Sign-in through an external OpenID Connect provider, end to end: a real Spring Authorization
 * Server on its own port, a real browser, the authorization code flow with the ID token's signature
 * checked against the provider's keys.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OidcSignInBrowserTests {

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;
    @Autowired
    IdentityManagement identity;
    ConfigurableApplicationContext provider;
    Browser browser;

    @BeforeAll
    void start() {
        provider = OidcProvider.start(dataSource);
        // 127.0.0.1 for the platform, localhost for the provider: two hosts, two cookie jars.
        browser = new Browser("http://127.0.0.1:" + port);
    }

    @AfterAll
    void stop() {
        browser.close();
        provider.close();
    }

    @Test
    void aPersonSignsInAtTheNationalSsoAndGetsACitizenAccount() {
        browser.open("/login").click("#oidc-login");
        browser.waitFor(d -> d.getCurrentUrl().startsWith("http://localhost:" + OidcProvider.PORT));
        browser.type("#username", OidcProvider.USER).type("#password", OidcProvider.PASSWORD);
        browser.click("button[type=submit]");
        assertThat(browser.text("#nav-account")).isEqualTo(OidcProvider.NAME);

        AccountView account = identity.findByEmail(OidcProvider.EMAIL).orElseThrow();
        assertThat(account.has(Role.CITIZEN)).isTrue();
        assertThat(account.status()).isEqualTo(AccountStatus.ACTIVE);
    }
}
