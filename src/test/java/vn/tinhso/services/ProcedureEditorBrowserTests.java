package vn.tinhso.services;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.tinhso.Browser;
import vn.tinhso.IntegrationTest;
import vn.tinhso.identity.AccountView;
import vn.tinhso.identity.TestAccounts;
import vn.tinhso.units.AgencyManagement;

/** Staff create, edit, publish and retire procedures in the catalogue editor; officers only their agency's. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProcedureEditorBrowserTests {

    @LocalServerPort
    int port;
    @Autowired
    TestAccounts accounts;
    @Autowired
    AgencyManagement agencies;
    @Autowired
    ProcedureManagement procedures;

    Browser leader;

    @BeforeAll
    void start() {
        long construction = agencies.findByCode("000.00.06.H56").orElseThrow().id();
        AccountView account = accounts.create("Trưởng phòng Xây dựng", TestAccounts.officer(construction),
                TestAccounts.leader(construction));
        leader = new Browser("http://localhost:" + port).signIn(account.email(), TestAccounts.PASSWORD);
        leader.find("#nav-account");
    }

    @AfterAll
    void stop() {
        leader.close();
    }

    @Test
    void aLeaderCreatesEditsPublishesAndRetiresAProcedureOfTheirAgency() throws Exception {
        String code = ServiceFixtures.code();
        leader.open("/staff/procedures").navigate("#new-procedure");
        leader.type("#code", code).type("#name", "Cấp giấy phép thử nghiệm của trình soạn");
        new Select(leader.find("#domain")).selectByValue("hoat-dong-xay-dung");
        new Select(leader.find("#agency")).selectByValue("000.00.06.H56");
        leader.click("#level-PROVINCE").click("#m-ONLINE").type("#m-ONLINE-days", "abc");
        leader.type("input[name='doc[0].name']", "Đơn đề nghị");
        leader.navigate("#procedure-save");
        assertThat(leader.shown("#procedure-errors")).contains("Thời hạn giải quyết phải lớn hơn 0");
        assertThat(leader.find("#name").getAttribute("value")).isEqualTo("Cấp giấy phép thử nghiệm của trình soạn");

        java.nio.file.Path template = java.nio.file.Files.write(java.nio.file.Files.createTempDirectory("tpl")
                .resolve("Mẫu đơn.pdf"), vn.tinhso.files.Samples.pdf());
        leader.find("#doc-tpl-0").sendKeys(template.toString());
        leader.type("#m-ONLINE-days", "7").type("input[name='field[0].name']", "soTang")
                .type("input[name='field[0].label']", "Số tầng");
        new Select(leader.find("select[name='field[0].type']")).selectByValue("NUMBER");
        leader.navigate("#procedure-save");
        assertThat(leader.shown("#procedure-saved")).contains(code);
        Procedure saved = procedures.get(code);
        assertThat(saved.status()).isEqualTo(ProcedureStatus.DRAFT);
        assertThat(saved.method(Procedure.Channel.ONLINE).orElseThrow().days()).isEqualTo(7);
        assertThat(saved.documents()).extracting(Procedure.RequiredDocument::name).containsExactly("Đơn đề nghị");
        assertThat(saved.form().fields()).extracting(EForm.Field::name).containsExactly("soTang");
        assertThat(leader.find("#legalBasis").getText()).isEmpty();

        leader.navigate("#publish");
        assertThat(procedures.get(code).status()).isEqualTo(ProcedureStatus.PUBLISHED);
        leader.open("/procedures/" + code);
        assertThat(leader.text("#procedure-name")).isEqualTo("Cấp giấy phép thử nghiệm của trình soạn");
        String download = leader.driver().findElement(org.openqa.selenium.By.linkText("Tải mẫu đơn, tờ khai"))
                .getAttribute("href");
        var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(download)).build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as("anyone downloads the form template").isEqualTo(200);
        assertThat(response.body()).isEqualTo(vn.tinhso.files.Samples.pdf());
        leader.open("/staff/procedures/" + code + "/edit").navigate("#retire");
        assertThat(procedures.get(code).status()).isEqualTo(ProcedureStatus.RETIRED);
    }

    @Test
    void anotherAgencysProcedureIsNotTheirsToEdit() {
        leader.open("/staff/procedures/1.001370.000.00.00.H56/edit");
        assertThat(leader.text("main")).contains("403");
    }
}
