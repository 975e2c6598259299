package vn.tinhso.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.tinhso.Browser;
import vn.tinhso.IntegrationTest;

@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalBrowserTests {

    @LocalServerPort
    int port;
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
    void fresh() {
        browser.driver().manage().deleteAllCookies();
    }

    @Test
    void theLanguageSwitchTurnsThePortalIntoEnglishAndBack() {
        browser.open("/");
        assertThat(browser.find("html").getAttribute("lang")).isEqualTo("vi");
        assertThat(browser.text("#nav-sign-in")).isEqualTo("Đăng nhập");
        browser.click("#lang-switch");
        browser.waitFor(d -> d.findElement(By.cssSelector("html")).getAttribute("lang").equals("en"));
        assertThat(browser.text("#nav-sign-in")).isEqualTo("Sign in");
        browser.open("/units");
        assertThat(browser.text("h1")).isEqualTo("Administrative units");
        browser.click("#lang-switch");
        browser.waitFor(d -> d.findElement(By.cssSelector("html")).getAttribute("lang").equals("vi"));
        assertThat(browser.text("h1")).isEqualTo("Đơn vị hành chính");
    }

    @Test
    void typingAUnitNameWithoutDiacriticsFindsIt() {
        browser.open("/units");
        browser.type("#q", "ham rong");
        browser.waitFor(d -> d.findElements(By.cssSelector("#unit-table tbody tr")).size() > 0
                && d.getCurrentUrl().contains("q=ham"));
        List<String> names = browser.driver().findElements(By.cssSelector("#unit-table tbody td:first-child"))
                .stream().map(WebElement::getText).toList();
        assertThat(names).contains("Phường Hàm Rồng");
        browser.driver().findElement(By.linkText("Phường Hàm Rồng")).click();
        assertThat(browser.text("h1")).isEqualTo("Phường Hàm Rồng");
        assertThat(browser.text("#conversion")).contains("Phường Đông Thọ");
    }

    @Test
    void theErrorPageSpeaksBothLanguages() {
        browser.open("/khong-co-trang-nay");
        assertThat(browser.text("h1")).isEqualTo("Không tìm thấy trang bạn yêu cầu.");
        browser.open("/khong-co-trang-nay?lang=en");
        assertThat(browser.text("h1")).isEqualTo("The page you asked for was not found.");
    }
}
