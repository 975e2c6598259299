package vn.tinhso.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.tinhso.Browser;
import vn.tinhso.IntegrationTest;

/**
 * The public map in Chromium: pins for the reports in view, a category filter that changes them
 * and the list, and the report's page opened from the list.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportPublicBrowserTests {

    // A spot in the west of the province that no other test uses.
    static final double LAT = 20.45;
    static final double LON = 104.60;

    @LocalServerPort
    int port;
    @Autowired
    ReportManagement reports;

    Browser browser;
    Report light;
    Report waste;

    @BeforeAll
    void start() {
        light = ReportFixtures.submit(reports, "lighting", LAT, LON, "Đèn đường trước nhà văn hóa bản bị hỏng cả tháng nay.");
        waste = ReportFixtures.submit(reports, "waste", LAT + 0.001, LON + 0.001, "Rác thải đổ trộm cạnh suối đầu bản.");
        browser = new Browser("http://localhost:" + port);
    }

    @AfterAll
    void stop() {
        browser.close();
    }

    private static Set<String> pins(WebDriver d) {
        return d.findElements(By.cssSelector("#report-map .rp-pin [data-number]")).stream()
                .map(e -> e.getAttribute("data-number")).collect(Collectors.toSet());
    }

    @Test
    void theMapShowsPinsInViewAndTheCategoryFilterChangesThemAndTheList() {
        browser.open("/reports?lat=" + LAT + "&lon=" + LON + "&zoom=16");
        String a = String.valueOf(light.number());
        String b = String.valueOf(waste.number());
        browser.waitFor(d -> pins(d).containsAll(List.of(a, b)));
        assertThat(browser.text("#map-status")).contains("phản ánh trong vùng bản đồ");
        assertThat(browser.text("#report-list")).contains("#" + a, "#" + b);

        new Select(browser.find("#f-category")).selectByValue("lighting");

        browser.waitFor(d -> pins(d).contains(a) && !pins(d).contains(b));
        browser.waitFor(d -> {
            String list = d.findElement(By.cssSelector("#report-list")).getText();
            return list.contains("#" + a) && !list.contains("#" + b);
        });
        assertThat(browser.driver().getCurrentUrl()).contains("category=lighting");
    }

    @Test
    void theListOpensTheReportsPage() {
        browser.open("/reports?category=waste");
        browser.navigate("#report-list li[data-number='" + waste.number() + "'] a.rp-item-link");

        assertThat(browser.text("#report-number")).isEqualTo("Phản ánh số " + waste.number());
        assertThat(browser.text("#report-text")).isEqualTo("Rác thải đổ trộm cạnh suối đầu bản.");
        browser.find("#report-minimap .rp-pin");
    }
}
