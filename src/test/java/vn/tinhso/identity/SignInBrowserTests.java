package vn.tinhso.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.tinhso.Browser;
import vn.tinhso.IntegrationTest;

@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignInBrowserTests {

    @LocalServerPort
    int port;
    @Autowired
    TestAccounts accounts;
    Browser browser;

    @BeforeAll
    void start() {
        browser = new Browser("http://localhost:" + port);
    }

    @AfterAll
    void stop() {
        browser.close();
    }

    @BeforeEach
    void signedOut() {
        browser.driver().manage().deleteAllCookies();
    }

    @Test
    void aPersonSignsInAndSeesTheirNameThenSignsOut() {
        AccountView account = accounts.create("Hoàng Thị Mai", TestAccounts.citizen());
        browser.signIn(account.email(), TestAccounts.PASSWORD);
        assertThat(browser.text("#nav-account")).isEqualTo("Hoàng Thị Mai");
        browser.click("#sign-out");
        assertThat(browser.text("#nav-sign-in")).isEqualTo("Đăng nhập");
    }

    @Test
    void aWrongPasswordSaysSoAndFiveLockTheAccount() {
        AccountView account = accounts.create("Trịnh Văn Khóa", TestAccounts.citizen());
        browser.signIn(account.email(), "mat-khau-sai");
        assertThat(browser.text("#login-error")).isEqualTo("E-mail hoặc mật khẩu không đúng.");
        for (int i = 0; i < 4; i++) {
            browser.signIn(account.email(), "mat-khau-sai");
        }
        browser.signIn(account.email(), TestAccounts.PASSWORD);
        assertThat(browser.text("#login-error")).contains("tạm thời bị khóa");
        assertThat(browser.driver().findElements(org.openqa.selenium.By.id("nav-account"))).isEmpty();
    }
}
