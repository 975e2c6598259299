package vn.tinhso.opendata;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.tinhso.Browser;
import vn.tinhso.IntegrationTest;
import vn.tinhso.identity.AccountView;
import vn.tinhso.identity.TestAccounts;

/**
 * The open data portal in Chromium: a visitor narrows a search with a publisher's facet and opens a
 * dataset; an officer writes a dataset with the form, uploads a CSV and sends it for review, a leader
 * of the same publisher publishes it, and the public finds it.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpendataBrowserTests {

    @LocalServerPort
    int port;
    @Autowired
    TestAccounts accounts;
    @Autowired
    DatasetManagement catalogue;

    Browser visitor;

    @BeforeAll
    void start() {
        visitor = new Browser("http://localhost:" + port);
    }

    @AfterAll
    void stop() {
        visitor.close();
    }

    @Test
    void aPublishersFacetNarrowsTheSearchAndADatasetOpens() {
        Dataset budget = catalogue.search(DatasetQuery.publicSearch("quyet toan ngan sach tinh thanh hoa", Map.of(),
                List.of(), 0, 1)).results().get(0);
        String publisher = catalogue.publisher(budget.publisherId()).orElseThrow().name();
        long expected = catalogue.search(DatasetQuery.publicSearch("thanh hoa",
                Map.of(Facet.PUBLISHER, List.of(Set.of(publisher))), List.of(), 0, 0)).count();
        visitor.open("/dataset?q=thanh+hoa");
        String all = visitor.text("#dataset-count");
        assertThat(visitor.text("#dataset-list")).contains(budget.title(), "Mạng lưới đường tỉnh và quốc lộ");

        visitor.click("input[name='organization'][value='" + publisher + "']");

        visitor.waitFor(d -> d.findElement(By.cssSelector("#dataset-count")).getText().equals(expected + " bộ dữ liệu"));
        assertThat(all).isNotEqualTo(expected + " bộ dữ liệu");
        visitor.waitFor(d -> !d.findElement(By.cssSelector("#dataset-list")).getText().contains("Mạng lưới đường tỉnh"));
        assertThat(visitor.driver().getCurrentUrl()).contains("organization=" + publisher);
        assertThat(visitor.find("input[name='organization'][value='" + publisher + "']").isSelected()).isTrue();

        visitor.navigate("#dataset-list li[data-name='" + budget.name() + "'] a.dataset-link");

        assertThat(visitor.text("#dataset-title")).isEqualTo(budget.title());
        assertThat(visitor.text("#dataset-resources")).contains("CSV");
        assertThat(visitor.text("#dataset-citation")).contains(budget.title() + ". Cổng dữ liệu mở.");
    }

    @Test
    void anOfficerWritesAndSubmitsADatasetALeaderPublishesItAndThePublicFindsIt() throws Exception {
        Publisher health = catalogue.publisher("so-y-te").orElseThrow();
        AccountView author = accounts.create("Lê Thị Dữ Liệu", TestAccounts.officer(health.agencyId()));
        AccountView head = accounts.create("Trần Văn Duyệt", TestAccounts.leader(health.agencyId()));
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String title = "Danh sách nhà thuốc đạt chuẩn GPP kiểm thử " + suffix;
        Path csv = Files.writeString(Files.createTempDirectory("tinhso-opendata").resolve("nha-thuoc-gpp.csv"),
                "ma,ten,xa\n1,Nhà thuốc Minh Châu,Phường Hạc Thành\n2,Nhà thuốc Hồng Đức,Phường Đông Tiến\n",
                StandardCharsets.UTF_8);

        String name;
        try (Browser officer = new Browser("http://localhost:" + port).signIn(author.email(), TestAccounts.PASSWORD)) {
            officer.find("#nav-account");
            officer.open("/staff/datasets").navigate("#new-dataset");
            officer.type("#f-title", title)
                    .type("#f-notes", "Danh sách các nhà thuốc trên địa bàn tỉnh đạt chuẩn Thực hành tốt cơ sở bán lẻ "
                            + "thuốc (GPP), với mã, tên và xã, phường nơi đặt nhà thuốc.")
                    .type("#f-tags", "nhà thuốc, GPP, y tế")
                    .type("#f-temporal_start", "01/01/2025")
                    .type("#f-contact_email", "nghiepvuduoc@test.tinhso.vn");
            new Select(officer.find("#f-frequency")).selectByValue("QUARTERLY");
            officer.click("input[name='groups'][value='hanh-chinh-cong']"); // not y-te: CkanApiIntegrationTests counts its datasets
            officer.navigate("#dataset-save");
            assertThat(officer.shown("#staff-done")).contains("Đã tạo bộ dữ liệu");
            assertThat(officer.text("#dataset-state")).isEqualTo("Nháp");
            name = officer.driver().getCurrentUrl().replaceAll("^.*/staff/datasets/([^/]+)/edit.*$", "$1");
            assertThat(name).startsWith("danh-sach-nha-thuoc-dat-chuan-gpp-kiem-thu-");

            officer.find("#upload-file").sendKeys(csv.toString());
            officer.navigate("#upload-submit");
            assertThat(officer.shown("#staff-done")).isEqualTo("Đã thêm tài nguyên.");
            assertThat(officer.text("#staff-resources")).contains("nha-thuoc-gpp.csv", "CSV");
            assertThat(officer.driver().findElements(By.id("publish"))).isEmpty();

            officer.navigate("#submit-review");
            assertThat(officer.shown("#staff-done")).contains("Đã gửi duyệt");
            assertThat(officer.text("#dataset-state")).isEqualTo("Chờ duyệt");
        }
        visitor.open("/dataset/" + name);
        assertThat(visitor.text("p.display-4")).isEqualTo("404");

        try (Browser leader = new Browser("http://localhost:" + port).signIn(head.email(), TestAccounts.PASSWORD)) {
            leader.find("#nav-account");
            leader.open("/staff/datasets?state=REVIEW");
            leader.navigate("#staff-datasets tr[data-name='" + name + "'] a");
            assertThat(leader.text("#dataset-state")).isEqualTo("Chờ duyệt");
            leader.navigate("#publish");
            assertThat(leader.shown("#staff-done")).isEqualTo("Đã công bố bộ dữ liệu.");
            assertThat(leader.text("#dataset-state")).isEqualTo("Đã công bố");
        }

        visitor.open("/dataset?q=nha+thuoc+dat+chuan+gpp+kiem+thu+" + suffix);
        visitor.waitFor(d -> d.findElement(By.cssSelector("#dataset-list")).getText().contains(title));
        visitor.navigate("#dataset-list li[data-name='" + name + "'] a.dataset-link");
        assertThat(visitor.text("#dataset-title")).isEqualTo(title);
        assertThat(visitor.text("#dataset-resources")).contains("nha-thuoc-gpp.csv");
        assertThat(visitor.text("#dataset-temporal")).startsWith("01/01/2025");
    }
}
