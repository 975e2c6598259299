package vn.tinhso.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.tinhso.Browser;
import vn.tinhso.IntegrationTest;
import vn.tinhso.identity.AccountView;
import vn.tinhso.identity.TestAccounts;

/**
 * Field reports in Chromium: a citizen sends a report with a photo and a pin from the phone form,
 * the routed agency accepts, starts and resolves it with an "after" photo, the citizen rates and
 * reopens it; and a report sent without network waits on the device and is sent once when the
 * network returns.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportBrowserTests {

    @LocalServerPort
    int port;
    @Autowired
    TestAccounts accounts;
    @Autowired
    JdbcClient jdbc;

    Browser citizen;
    Path photo;
    Path after;

    @BeforeAll
    void start() {
        AccountView person = accounts.create("Phạm Thị Phản Ánh", TestAccounts.citizen());
        citizen = new Browser("http://localhost:" + port).signIn(person.email(), TestAccounts.PASSWORD);
        citizen.find("#nav-account");
        photo = ReportSamples.jpegFile("den-hong.jpg", Color.ORANGE);
        after = ReportSamples.jpegFile("da-sua.jpg", Color.CYAN);
    }

    @AfterAll
    void stop() {
        citizen.close();
    }

    private long count(String description) {
        return jdbc.sql("SELECT count(*) FROM reports.report WHERE description = :d").param("d", description)
                .query(Long.class).single();
    }

    /** Fills the form: a category, the text, and the pin typed in (a map tap is tested on its own). */
    private void fill(String category, String description, double lat, double lon) {
        citizen.open("/reports/new");
        citizen.click("label[for='cat-" + category + "']");
        citizen.type("#description", description);
        citizen.type("#lat", String.valueOf(lat)).type("#lon", String.valueOf(lon));
        citizen.click("#address");
    }

    /** Sends; when similar reports nearby are offered, sends a new one anyway. */
    private void send() {
        citizen.click("#report-submit");
        citizen.waitFor(d -> {
            if (d.findElement(By.cssSelector("#report-duplicates")).isDisplayed()) {
                d.findElement(By.cssSelector("#send-anyway")).click();
                return null;
            }
            return d.findElements(By.cssSelector("#report-done, #report-queued-note")).isEmpty() ? null : true;
        });
    }

    @Test
    void aCitizenReportsTheAgencyResolvesAndTheCitizenRatesAndReopens() {
        String text = "Đèn đường cột số 14 không sáng, kiểm thử trình duyệt " + UUID.randomUUID();
        citizen.open("/reports/new");
        citizen.click("label[for='cat-lighting']");
        citizen.type("#description", text);
        citizen.find("#photos").sendKeys(photo.toString());
        citizen.waitFor(d -> d.findElements(By.cssSelector("#photos-list img")).size() == 1);
        String before = citizen.find("#lat").getAttribute("value");
        WebElement map = citizen.find("#report-map");
        ((JavascriptExecutor) citizen.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'});", map);
        new Actions(citizen.driver()).moveToElement(map, 70, -50).click().perform();
        citizen.waitFor(d -> !d.findElement(By.cssSelector("#lat")).getAttribute("value").equals(before));
        assertThat(Double.parseDouble(citizen.find("#lat").getAttribute("value"))).isBetween(19.25, 20.70);
        send();
        assertThat(citizen.shown("#report-done")).startsWith("Đã gửi phản ánh số #");
        String link = citizen.find("#report-done-link").getAttribute("href");
        UUID id = UUID.fromString(link.substring(link.lastIndexOf('/') + 1));
        assertThat(count(text)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT source FROM reports.report WHERE id = :id").param("id", id).query(String.class)
                .single()).isEqualTo("APP");

        long agency = jdbc.sql("SELECT agency_id FROM reports.report WHERE id = :id").param("id", id)
                .query(Long.class).single();
        AccountView clerk = accounts.create("Lê Văn Xử Lý", TestAccounts.officer(agency));
        try (Browser officer = new Browser("http://localhost:" + port).signIn(clerk.email(), TestAccounts.PASSWORD)) {
            officer.open("/desk/reports");
            officer.open(officer.waitFor(d -> d.findElement(By.cssSelector("a[href='/desk/reports/" + id + "']")))
                    .getAttribute("href"));
            assertThat(officer.text("#report-description")).isEqualTo(text);
            assertThat(officer.text("#report-reporter")).contains("Phạm Thị Phản Ánh");
            new org.openqa.selenium.support.ui.Select(officer.find("#accept-severity")).selectByValue("URGENT");
            officer.navigate("#desk-accept");
            assertThat(officer.shown("#desk-done")).isEqualTo("Đã tiếp nhận phản ánh.");
            assertThat(officer.text("#report-severity")).isEqualTo("Khẩn cấp");
            officer.navigate("#desk-start");
            assertThat(officer.shown("#desk-done")).isEqualTo("Đã chuyển sang đang xử lý.");
            officer.type("#answer", "Ngắn");
            officer.find("#after-photos").sendKeys(after.toString());
            officer.navigate("#desk-resolve");
            assertThat(officer.shown("#answer-msg")).isEqualTo("Vui lòng nhập nội dung trả lời công khai (từ 10 đến 4.000 ký tự).");
            assertThat(officer.text("#report-status")).isEqualTo("Đang xử lý");
            officer.type("#answer", "Đã thay bóng đèn mới và kiểm tra đường dây, đèn sáng bình thường.");
            officer.find("#after-photos").sendKeys(after.toString());
            officer.navigate("#desk-resolve");
            assertThat(officer.shown("#desk-done")).isEqualTo("Đã báo xử lý xong; người gửi được thông báo.");
            assertThat(officer.text("#timeline")).contains("Tiếp nhận").contains("Bắt đầu xử lý").contains("Đã xử lý xong");
        }

        citizen.open("/my/reports");
        assertThat(citizen.text("#my-reports")).contains("Đã xử lý");
        citizen.open("/my/reports/" + id);
        assertThat(citizen.text("#report-answer")).contains("Đã thay bóng đèn mới");
        assertThat(citizen.find("#report-answer img").getAttribute("alt")).isEqualTo("Ảnh sau khi xử lý 1");
        citizen.click("label[for='rating-4']");
        citizen.type("#comment", "Xử lý nhanh, cảm ơn.");
        citizen.navigate("#rate-submit");
        assertThat(citizen.shown("#report-done")).isEqualTo("Cảm ơn bạn đã đánh giá. Phản ánh đã được đóng.");
        assertThat(citizen.text("#report-status")).isEqualTo("Đã đóng");
        assertThat(citizen.text("#report-rating")).startsWith("4/5 sao");

        ((JavascriptExecutor) citizen.driver()).executeScript("window.confirm = function () { return true; };");
        citizen.type("#reason", "Đèn lại tắt từ tối qua.");
        citizen.navigate("#reopen-submit");
        assertThat(citizen.shown("#report-done")).isEqualTo("Đã mở lại phản ánh; cơ quan xử lý sẽ tiếp nhận lại.");
        assertThat(citizen.text("#report-status")).isEqualTo("Mở lại");
        assertThat(citizen.text("#timeline")).contains("Người gửi đánh giá").contains("Người gửi mở lại");
    }

    @Test
    void aReportSentOfflineWaitsOnTheDeviceAndIsSentOnceWhenTheNetworkReturns() {
        String text = "Cống thoát nước bị tắc, kiểm thử ngoại tuyến " + UUID.randomUUID();
        fill("flooding", text, 19.7901, 105.7702);
        ChromeDriver driver = (ChromeDriver) citizen.driver();
        driver.executeCdpCommand("Network.enable", Map.of());
        network(driver, true);
        try {
            send();
            assertThat(citizen.shown("#report-queued-note")).contains("Chưa có mạng");
            assertThat(citizen.text("#report-outbox")).contains("Đang chờ gửi").contains(text);
            assertThat(citizen.find("#description").getAttribute("value")).isEmpty();
            sleep(Duration.ofSeconds(2));
            assertThat(count(text)).isZero();
        } finally {
            network(driver, false);
        }
        // Sent on the "online" event, or at the latest by the periodic retry (every 20 s).
        new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(45))
                .until(d -> !d.findElement(By.cssSelector("#report-outbox-box")).isDisplayed());
        assertThat(citizen.shown("#report-done")).startsWith("Phản ánh chờ gửi đã được gửi: số #");
        assertThat(count(text)).isEqualTo(1);

        citizen.open("/my/reports");
        assertThat(citizen.text("#my-reports")).contains(text.substring(0, 30));
        sleep(Duration.ofSeconds(2));
        assertThat(citizen.find("#report-outbox-box").isDisplayed()).isFalse();
        assertThat(count(text)).isEqualTo(1);
    }

    private static void network(ChromeDriver driver, boolean offline) {
        driver.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", offline, "latency", 0,
                "downloadThroughput", -1, "uploadThroughput", -1));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
