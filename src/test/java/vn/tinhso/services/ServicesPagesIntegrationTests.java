package vn.tinhso.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.tinhso.IntegrationTest;
import vn.tinhso.MultipartBody;
import vn.tinhso.TestHttp;
import vn.tinhso.files.Samples;
import vn.tinhso.identity.TestAccounts;
import vn.tinhso.units.AgencyManagement;

/** The pages answer refusals with the error page and its status, never a 500, and in the page's language. */
@IntegrationTest
class ServicesPagesIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    TestAccounts accounts;
    @Autowired
    AgencyManagement agencies;

    @Test
    void anUnknownProcedureIsANotFoundPage() {
        TestHttp.Response page = new TestHttp(port).get("/procedures/9.999999.000.00.00.H56", "text/html");
        assertThat(page.status()).isEqualTo(404);
        assertThat(page.body()).contains("Không tìm thấy thủ tục 9.999999.000.00.00.H56.");
        TestHttp.Response english = new TestHttp(port).get("/procedures/9.999999.000.00.00.H56?lang=en", "text/html");
        assertThat(english.body()).contains("Procedure 9.999999.000.00.00.H56 not found.");
    }

    @Test
    void anotherCitizensDossierPageIsNotFound() {
        TestHttp owner = new TestHttp(port).withToken(accounts.token("Chủ hồ sơ", TestAccounts.citizen()));
        TestHttp stranger = new TestHttp(port).withToken(accounts.token("Người lạ", TestAccounts.citizen()));
        String code = ServiceFixtures.code();
        new TestHttp(port).withToken(accounts.token("Quản trị", TestAccounts.admin())).postJson("/api/v1/procedures",
                ServiceFixtures.procedure(code, agencies.findByCode("000.00.05.H56").orElseThrow(), "Thủ tục trang"));
        String a = new MultipartBody().file("file", "a.pdf", Samples.pdf()).post(owner, "/api/v1/files").json()
                .get("id").asString();
        String id = owner.postJson("/api/v1/dossiers", ServiceFixtures.dossier(code, "0912345678",
                Map.of("0", List.of(a), "1", List.of(a)))).json().get("id").asString();

        assertThat(owner.get("/my/dossiers/" + id, "text/html").status()).isEqualTo(200);
        TestHttp.Response foreign = stranger.get("/my/dossiers/" + id, "text/html");
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.body()).contains("Không tìm thấy hồ sơ");
        assertThat(stranger.get("/my/dossiers/" + id + "/receipt", "text/html").status()).isEqualTo(404);
        assertThat(stranger.get("/desk/dossiers/" + id, "text/html").status()).isEqualTo(403);
    }

    @Test
    void theLookupPageExplainsWhatIsWrong() {
        TestHttp anonymous = new TestHttp(port);
        TestHttp.Response missing = anonymous.get("/dossiers/lookup?code=000.00.05.H56-991231-9999&digits=1234", "text/html");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body()).contains("Không tìm thấy hồ sơ 000.00.05.H56-991231-9999");
        TestHttp.Response badDigits = anonymous.get("/dossiers/lookup?code=X&digits=12a", "text/html");
        assertThat(badDigits.status()).isEqualTo(200);
        assertThat(badDigits.body()).contains("is-invalid").contains("Vui lòng nhập đúng 4 chữ số.");
    }
}
