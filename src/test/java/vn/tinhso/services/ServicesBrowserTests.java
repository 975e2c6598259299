package vn.tinhso.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.tinhso.Browser;
import vn.tinhso.IntegrationTest;
import vn.tinhso.files.Samples;
import vn.tinhso.identity.AccountView;
import vn.tinhso.identity.TestAccounts;
import vn.tinhso.units.Agency;
import vn.tinhso.units.AgencyManagement;

/**
 * The whole path in Chromium: a citizen finds a procedure without diacritics, fills the e-form,
 * uploads two documents and submits; an officer receives it; the citizen sees the status and the
 * receipt. Then a supplement round trip.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServicesBrowserTests {

    @LocalServerPort
    int port;
    @Autowired
    TestAccounts accounts;
    @Autowired
    AgencyManagement agencies;
    @Autowired
    ProcedureManagement procedures;

    Browser citizen;
    Browser officer;
    String code;
    String name;
    Path pdf;
    Path png;
    Path fakePdf;

    @BeforeAll
    void start() throws Exception {
        Agency justice = agencies.findByCode("000.00.05.H56").orElseThrow();
        code = ServiceFixtures.code();
        name = "Cấp bản sao trích lục hộ tịch kiểm thử " + code.substring(2, 8);
        org.springframework.security.core.context.SecurityContextHolder.clearContext();
        procedures.save(ServiceFixtures.procedure(code, justice, name), true);
        AccountView person = accounts.create("Nguyễn Thị Hồng Nhung", TestAccounts.citizen());
        AccountView clerk = accounts.create("Lê Văn Tiếp Nhận", TestAccounts.officer(justice.id()));
        citizen = new Browser("http://localhost:" + port).signIn(person.email(), TestAccounts.PASSWORD);
        citizen.find("#nav-account");
        officer = new Browser("http://localhost:" + port).signIn(clerk.email(), TestAccounts.PASSWORD);
        officer.find("#nav-account");
        Path dir = Files.createTempDirectory("tinhso-upload");
        pdf = Files.write(dir.resolve("To khai.pdf"), Samples.pdf());
        png = Files.write(dir.resolve("Can cuoc.png"), Samples.png());
        fakePdf = Files.write(dir.resolve("gia-mao.pdf"), Samples.text("không phải PDF"));
    }

    @AfterAll
    void stop() {
        citizen.close();
        officer.close();
    }

    /** Submits a dossier of the test procedure through the pages and returns its code. */
    private String submitThroughThePages() {
        citizen.open("/procedures").type("#q", "ban sao trich luc ho tich kiem thu " + code.substring(2, 8));
        citizen.waitFor(d -> d.findElement(By.cssSelector("#procedure-list")).getText().contains(name));
        citizen.open(citizen.driver().findElement(By.linkText(name)).getAttribute("href"));
        citizen.navigate("#start-dossier");

        citizen.type("#a-idNumber", "038190012345").type("#a-phone", "0912 345 678")
                .type("#f-fullName", "Nguyễn Thị Hồng Nhung").type("#f-birthDate", "31/02/1990")
                .type("#f-ownerId", "038190012345").type("#f-copies", "2");
        citizen.navigate("#draft-next");
        assertThat(citizen.shown("#f-birthDate-msg")).isEqualTo("Ngày không hợp lệ: nhập theo dạng dd/MM/yyyy, ví dụ 25/11/2026.");
        assertThat(citizen.find("#f-fullName").getAttribute("value")).isEqualTo("Nguyễn Thị Hồng Nhung");
        citizen.type("#f-birthDate", "05/09/1990").navigate("#draft-next");

        citizen.find("#file-0").sendKeys(fakePdf.toString());
        citizen.navigate("#upload-0");
        citizen.waitFor(d -> d.findElement(By.cssSelector("#draft-documents")).getText().contains("không phải PDF"));
        assertThat(citizen.text("#draft-documents")).contains("không phải PDF, JPEG, PNG, DOCX hoặc XLSX");
        citizen.find("#file-0").sendKeys(pdf.toString());
        citizen.navigate("#upload-0");
        citizen.find("#file-1").sendKeys(png.toString());
        citizen.navigate("#upload-1");
        citizen.waitFor(d -> d.findElement(By.cssSelector("#draft-documents")).getText().contains("Can cuoc.png"));
        assertThat(citizen.text("#draft-documents")).contains("To khai.pdf").contains("Can cuoc.png");
        citizen.navigate("#to-review");
        citizen.navigate("#draft-submit");
        String submitted = citizen.shown("#dossier-code");
        assertThat(submitted).matches("000\\.00\\.05\\.H56-\\d{6}-\\d{4}");
        assertThat(citizen.text("#submitted-note")).contains(submitted);
        assertThat(citizen.text("main")).contains("Chờ tiếp nhận");
        return submitted;
    }

    private void officerOpens(String dossierCode) {
        officer.open("/desk").type("#desk-q", dossierCode.substring(dossierCode.length() - 9)).navigate("#desk-search");
        officer.open(officer.waitFor(d -> d.findElement(By.linkText(dossierCode))).getAttribute("href"));
        assertThat(officer.text("#dossier-code")).isEqualTo(dossierCode);
    }

    @Test
    void aCitizenSubmitsAndTheDeskReceivesWithAReceipt() {
        String dossierCode = submitThroughThePages();

        officerOpens(dossierCode);
        assertThat(officer.text("#desk-documents")).contains("To khai.pdf").contains("Can cuoc.png");
        officer.navigate("#desk-receive");
        assertThat(officer.shown("#desk-done")).isEqualTo("Đã tiếp nhận hồ sơ và cấp Giấy tiếp nhận.");
        assertThat(officer.text("#appointment")).matches("\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}");

        citizen.open("/my/dossiers");
        assertThat(citizen.text("#my-dossiers")).contains(dossierCode).contains("Đã tiếp nhận");
        citizen.open(citizen.driver().findElement(By.cssSelector("#my-dossiers")).findElement(By.xpath(
                ".//tr[td[text()='" + dossierCode + "']]//a")).getAttribute("href"));
        assertThat(citizen.text("#appointment")).isEqualTo(officer.text("#appointment"));
        assertThat(citizen.text("#timeline")).contains("Nộp hồ sơ").contains("Tiếp nhận hồ sơ").contains("Lê Văn Tiếp Nhận");
        String receipt = citizen.find("#receipt-link").getAttribute("href");
        assertThat(receipt).endsWith("/receipt");

        citizen.open("/dossiers/lookup?code=" + dossierCode + "&digits=5678");
        assertThat(citizen.text("#lookup-result")).contains("Đã tiếp nhận").contains(name).doesNotContain("Nhung");
    }

    @Test
    void aSupplementGoesToTheCitizenAndComesBack() {
        String dossierCode = submitThroughThePages();

        officerOpens(dossierCode);
        officer.type("#items", "Bản chụp Căn cước rõ nét hai mặt").type("#note", "Ảnh đã nộp bị mờ");
        officer.navigate("#desk-supplement");
        assertThat(officer.shown("#desk-done")).isEqualTo("Đã gửi yêu cầu bổ sung cho người nộp.");

        citizen.open("/my/dossiers");
        citizen.open(citizen.driver().findElement(By.cssSelector("#my-dossiers")).findElement(By.xpath(
                ".//tr[td[text()='" + dossierCode + "']]//a")).getAttribute("href"));
        assertThat(citizen.text("#supplement-items")).isEqualTo("Bản chụp Căn cước rõ nét hai mặt");
        citizen.navigate("#supplement-send");
        citizen.waitFor(d -> d.findElement(By.cssSelector("#supplement")).getText().contains("Vui lòng tải lên"));
        assertThat(citizen.text("#supplement")).contains("Vui lòng tải lên ít nhất một giấy tờ bổ sung");
        new org.openqa.selenium.support.ui.Select(citizen.find("#supplement-slot")).selectByIndex(1);
        citizen.find("#supplement-file").sendKeys(png.toString());
        citizen.navigate("#supplement-upload");
        citizen.navigate("#supplement-send");
        citizen.waitFor(d -> d.findElement(By.cssSelector("main")).getText().contains("Đã gửi lại hồ sơ"));
        assertThat(citizen.text("main")).contains("Đã gửi lại hồ sơ").contains("Chờ tiếp nhận");

        officerOpens(dossierCode);
        assertThat(officer.text("#timeline")).contains("Yêu cầu bổ sung hồ sơ").contains("Bổ sung hồ sơ");
        officer.navigate("#desk-receive");
        assertThat(officer.shown("#desk-done")).isEqualTo("Đã tiếp nhận hồ sơ và cấp Giấy tiếp nhận.");
    }

    @Test
    void theDeskRegistersADossierBroughtInPerson() {
        officer.open("/desk").navigate("#desk-register");
        officer.type("#procedure-code", code).navigate("#register-find");
        officer.type("#a-name", "Trần Văn Bình").type("#a-idNumber", "038085001234").type("#a-phone", "0987654321")
                .type("#f-fullName", "Trần Văn Bình").type("#f-birthDate", "01/01/1985").type("#f-ownerId", "0380")
                .type("#f-copies", "1");
        officer.find("#document-0").sendKeys(pdf.toString());
        officer.navigate("#register-submit");
        assertThat(officer.shown("#register-errors")).contains("Số định danh cá nhân gồm đúng 12 chữ số.");
        assertThat(officer.find("#a-name").getAttribute("value")).isEqualTo("Trần Văn Bình");

        officer.type("#f-ownerId", "038085001234");
        officer.find("#document-0").sendKeys(pdf.toString());
        officer.find("#document-1").sendKeys(png.toString());
        officer.navigate("#register-submit");
        assertThat(officer.shown("#desk-done")).isEqualTo("Đã tiếp nhận hồ sơ và cấp Giấy tiếp nhận.");
        assertThat(officer.text("main")).contains("Đã tiếp nhận").contains("Trần Văn Bình");
        assertThat(officer.find("#receipt-link").getAttribute("href")).endsWith("/receipt");
        assertThat(officer.text("#timeline")).contains("Tiếp nhận tại Bộ phận Một cửa");
    }

    @Test
    void theCatalogueSearchIgnoresDiacriticsInThePage() {
        citizen.open("/procedures");
        String all = citizen.text("#procedure-count");
        citizen.type("#q", "giay phep xay dung");
        citizen.waitFor(d -> !d.findElement(By.cssSelector("#procedure-count")).getText().equals(all));
        assertThat(citizen.text("#procedure-list").lines().findFirst().orElseThrow()).containsIgnoringCase("giấy phép xây dựng");
        assertThat(citizen.text("#procedure-list")).contains("Cấp giấy phép xây dựng mới đối với công trình cấp I, cấp II");
        String building = citizen.text("#procedure-count");
        citizen.click("#level-COMMUNE");
        citizen.waitFor(d -> !d.findElement(By.cssSelector("#procedure-count")).getText().equals(building));
        assertThat(citizen.text("#procedure-list")).doesNotContain("Cấp giấy phép xây dựng mới đối với công trình cấp I, cấp II");
        assertThat(citizen.text("#procedure-list")).contains("Cấp giấy phép xây dựng đối với nhà ở riêng lẻ");
    }
}
