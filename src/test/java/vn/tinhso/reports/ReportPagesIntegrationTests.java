package vn.tinhso.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import vn.tinhso.IntegrationTest;
import vn.tinhso.MultipartBody;
import vn.tinhso.TestHttp;
import vn.tinhso.files.Samples;
import vn.tinhso.identity.TestAccounts;
import vn.tinhso.units.AgencyManagement;

/** The report pages over HTTP: who may open what, and refusals shown in Vietnamese next to the fields. */
@IntegrationTest
class ReportPagesIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    TestAccounts accounts;
    @Autowired
    AgencyManagement agencies;

    private TestHttp citizen() {
        return new TestHttp(port).withToken(accounts.token("Trần Văn Dân", TestAccounts.citizen()));
    }

    /** A report sent through the API, as the app sends it. */
    private JsonNode report(TestHttp who, String text) {
        TestHttp.Response sent = new MultipartBody().field("category", "lighting", null)
                .field("description", text, "text/plain; charset=UTF-8").field("lat", "19.8070", null)
                .field("lon", "105.7760", null).field("phone", "0912345678", null)
                .file("photos", "den.jpg", ReportSamples.jpeg(Color.ORANGE))
                .post(who, "/api/v1/reports", "Idempotency-Key", UUID.randomUUID().toString(), "X-Report-Source", "app");
        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        return sent.json();
    }

    @Test
    void anyoneCanOpenTheReportFormInVietnameseOrEnglish() {
        TestHttp.Response form = new TestHttp(port).get("/reports/new", "text/html");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("Gửi phản ánh hiện trường").contains("Chiếu sáng công cộng")
                .contains("id=\"report-map\"").contains("/js/report-app.js").contains("name=\"_csrf\"")
                .contains("capture=\"environment\"").contains("accept=\"image/*,video/*\"");
        TestHttp.Response english = new TestHttp(port).get("/reports/new?lang=en", "text/html");
        assertThat(english.body()).contains("Report a problem").contains("Street lighting");
    }

    @Test
    void myReportsNeedSigningIn() {
        TestHttp.Response page = new TestHttp(port).get("/my/reports", "text/html");
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.header("Location")).endsWith("/login");
        assertThat(citizen().get("/my/reports", "text/html").status()).isEqualTo(200);
    }

    @Test
    void theReporterSeesTheirReportAndNoOneElseDoes() {
        TestHttp owner = citizen();
        JsonNode report = report(owner, "Đèn đường trước số 12 bị tắt nhiều ngày, kiểm thử trang của tôi");
        String id = report.get("id").asString();
        TestHttp.Response mine = owner.get("/my/reports/" + id, "text/html");
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.body()).contains("#" + report.get("number").asLong()).contains("Đã gửi")
                .contains("Đèn đường trước số 12");
        assertThat(owner.get("/my/reports", "text/html").body()).contains("#" + report.get("number").asLong());
        assertThat(owner.get("/my/reports/" + id + "?lang=en", "text/html").body()).contains("Street lighting")
                .contains("Submitted").contains("Progress");
        assertThat(citizen().get("/my/reports/" + id, "text/html").status()).isEqualTo(404);
    }

    @Test
    void anOfficerOfAnotherAgencyGetsNotFound() {
        JsonNode report = report(citizen(), "Đèn đường hỏng ở ngõ 5, kiểm thử quyền của cán bộ");
        String id = report.get("id").asString();
        long routed = report.get("agencyId").asLong();
        long other = agencies.all().stream().filter(a -> a.id() != routed).findFirst().orElseThrow().id();
        TestHttp stranger = new TestHttp(port).withToken(accounts.token("Cán bộ nơi khác", TestAccounts.officer(other)));
        TestHttp.Response foreign = stranger.get("/desk/reports/" + id, "text/html");
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.body()).contains("Không tìm thấy phản ánh");
        assertThat(stranger.get("/desk/reports", "text/html").body()).doesNotContain(id);

        TestHttp officer = new TestHttp(port).withToken(accounts.token("Cán bộ xử lý", TestAccounts.officer(routed)));
        TestHttp.Response own = officer.get("/desk/reports/" + id, "text/html");
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.body()).contains("Trần Văn Dân").contains("0912345678").contains("id=\"desk-accept\"");
        assertThat(officer.get("/desk/reports?tab=WAITING", "text/html").body()).contains(id);
        assertThat(citizen().get("/desk/reports/" + id, "text/html").status()).isEqualTo(403);
    }

    @Test
    void theFormShowsEachProblemInVietnameseNextToItsField() {
        TestHttp.Response page = new MultipartBody().field("category", "khong-co", null)
                .field("description", "ngắn", "text/plain; charset=UTF-8").field("lat", "10.5", null)
                .field("lon", "106.7", null).field("clientKey", UUID.randomUUID().toString(), null)
                .file("photos", "anh.jpg", Samples.text("không phải ảnh"))
                .post(citizen(), "/reports/new");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("<div class=\"invalid-feedback d-block\" id=\"category-msg\">Vui lòng chọn lĩnh vực phản ánh trong danh sách.</div>")
                .contains("id=\"description-msg\">Vui lòng mô tả vấn đề (từ 10 đến 4.000 ký tự).</div>")
                .contains("id=\"location-msg\">Vị trí nằm ngoài địa bàn tỉnh. Vui lòng kéo ghim về đúng nơi xảy ra sự việc.</div>")
                .contains("id=\"photos-msg\">Tệp &quot;anh.jpg&quot; không phải ảnh JPEG, PNG hoặc video MP4, WebM.</div>")
                .contains("id=\"photos-lost\"").contains(">ngắn</textarea>");
    }

    @Test
    void theFormWithoutJavaScriptSendsTheReport() {
        TestHttp owner = citizen();
        TestHttp.Response sent = new MultipartBody().field("category", "waste", null)
                .field("description", "Rác thải đổ trộm bên bờ sông, kiểm thử gửi không cần JavaScript",
                        "text/plain; charset=UTF-8")
                .field("lat", "19.8100", null).field("lon", "105.7700", null)
                .field("clientKey", UUID.randomUUID().toString(), null)
                .file("photos", "rac.jpg", ReportSamples.jpeg(Color.GREEN)).post(owner, "/reports/new");
        assertThat(sent.status()).isEqualTo(302);
        assertThat(sent.header("Location")).contains("/my/reports/");
        TestHttp.Response page = owner.get(sent.header("Location").replaceFirst("^https?://[^/]+", ""), "text/html");
        assertThat(page.body()).contains("Rác thải đổ trộm bên bờ sông").contains("id=\"report-sent\"");
    }

    @Test
    void theApiAnswersWithVietnameseFieldErrorsForTheApp() {
        TestHttp.Response refused = new MultipartBody().field("category", "lighting", null)
                .field("description", "Đèn đường hỏng, kiểm thử ảnh giả", "text/plain; charset=UTF-8")
                .field("lat", "21.0285", null).field("lon", "105.8542", null)
                .file("photos", "anh.png", Samples.text("không phải ảnh"))
                .post(citizen(), "/api/v1/reports", "Idempotency-Key", UUID.randomUUID().toString());
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("\"field\":\"location\"").contains("Vị trí nằm ngoài địa bàn tỉnh")
                .contains("\"field\":\"photos[0]\"").contains("không phải ảnh JPEG, PNG");
    }
}
