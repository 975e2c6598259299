package vn.tinhso.opendata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import vn.tinhso.IntegrationTest;
import vn.tinhso.TestHttp;
import vn.tinhso.identity.TestAccounts;

/** "Request a dataset": asked by anyone, answered by the publisher asked, public without e-mail addresses. */
@IntegrationTest
class DatasetRequestsIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    TestAccounts accounts;
    @Autowired
    DatasetManagement catalogue;

    @Test
    void aRequestIsAnsweredByItsPublisherAndShownWithoutTheRequestersAddress() {
        TestHttp anonymous = new TestHttp(port);
        TestHttp.Response asked = anonymous.postJson("/api/v1/opendata/requests", Map.of(
                "title", "Danh sách nhà thuốc đạt chuẩn GPP", "description",
                "Đề nghị công bố danh sách nhà thuốc đạt chuẩn GPP theo xã, phường, có địa chỉ và giờ mở cửa.",
                "requester", "Nguyễn Văn An", "email", "an.nguyen@example.org", "publisher", "so-y-te"));
        assertThat(asked.status()).as(asked.body()).isEqualTo(201);
        long id = asked.json().get("id").asLong();
        assertThat(asked.json().get("status").asString()).isEqualTo("OPEN");

        Publisher health = catalogue.publisher("so-y-te").orElseThrow();
        Publisher finance = catalogue.publisher("so-tai-chinh").orElseThrow();
        TestHttp outsider = new TestHttp(port).withToken(accounts.token("Cán bộ Sở Tài chính",
                TestAccounts.officer(finance.agencyId())));
        assertThat(outsider.postJson("/api/v1/opendata/requests/" + id + "/answer", Map.of("status", "ANSWERED",
                "answer", "Không thuộc thẩm quyền.")).status()).isEqualTo(403);
        TestHttp officer = new TestHttp(port).withToken(accounts.token("Cán bộ Sở Y tế",
                TestAccounts.officer(health.agencyId())));
        TestHttp.Response missing = officer.postJson("/api/v1/opendata/requests/" + id + "/answer",
                Map.of("status", "PUBLISHED", "answer", "Đã công bố.", "dataset", "khong-co"));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("errors").findValuesAsString("field")).contains("dataset");
        String published = catalogue.search(DatasetQuery.publicSearch(null, Map.of(Facet.PUBLISHER,
                java.util.List.of(java.util.Set.of("so-y-te"))), java.util.List.of(), 0, 1)).results().get(0).name();
        TestHttp.Response answered = officer.postJson("/api/v1/opendata/requests/" + id + "/answer",
                Map.of("status", "PUBLISHED", "answer", "Sở Y tế đã công bố bộ dữ liệu này.", "dataset", published));
        assertThat(answered.status()).as(answered.body()).isEqualTo(200);

        JsonNode list = anonymous.get("/api/v1/opendata/requests?status=PUBLISHED").json();
        assertThat(list.get("items").findValuesAsString("title")).contains("Danh sách nhà thuốc đạt chuẩn GPP");
        JsonNode one = anonymous.get("/api/v1/opendata/requests/" + id).json();
        assertThat(one.get("datasetName").asString()).isEqualTo(published);
        assertThat(anonymous.get("/api/v1/opendata/requests").body()).doesNotContain("an.nguyen@example.org",
                "Nguyễn Văn An");
    }

    @Test
    void badRequestsAreRefusedFieldByField() {
        TestHttp anonymous = new TestHttp(port);
        TestHttp.Response bad = anonymous.postJson("/api/v1/opendata/requests", Map.of("title", "x",
                "description", "ngắn", "email", "khong-phai-email", "publisher", "khong-co"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/problem+json");
        assertThat(bad.json().get("errors").findValuesAsString("field"))
                .contains("title", "description", "requester", "email", "publisher");
        assertThat(anonymous.get("/api/v1/opendata/requests?status=KHONG").status()).isEqualTo(400);
        assertThat(anonymous.get("/api/v1/opendata/requests/999999").status()).isEqualTo(404);
    }

    @Test
    void theRequestPageTakesAFormAndAnswersBadInputInVietnameseNextToTheFields() {
        TestHttp browser = new TestHttp(port);
        TestHttp.Response page = browser.get("/data/requests", "text/html");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Đề nghị công bố dữ liệu", "id=\"request-form\"");
        String csrf = csrf(page.body());

        TestHttp.Response bad = browser.postForm("/data/requests", Map.of("_csrf", csrf, "title", "x",
                "description", "ngắn", "requester", "", "email", "sai"));
        assertThat(bad.status()).isEqualTo(200);
        assertThat(bad.body()).contains("Tên dữ liệu đề nghị cần từ 5 đến 300 ký tự.", "Mô tả cần từ 10 đến 5.000 ký tự.",
                "Địa chỉ thư điện tử không hợp lệ.", "is-invalid");

        TestHttp.Response good = browser.postForm("/data/requests", Map.of("_csrf", csrf(bad.body()),
                "title", "Lịch thu gom rác theo tổ dân phố", "description",
                "Đề nghị công bố lịch và tuyến thu gom rác thải sinh hoạt theo từng tổ dân phố, phường Hàm Rồng.",
                "requester", "Lê Thị Bình", "email", "binh.le@example.org"));
        assertThat(good.status()).isEqualTo(302);
        TestHttp.Response after = browser.get("/data/requests", "text/html");
        assertThat(after.body()).contains("Lịch thu gom rác theo tổ dân phố", "Đã ghi nhận đề nghị của bạn")
                .doesNotContain("binh.le@example.org", "Lê Thị Bình");
    }

    private static String csrf(String html) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"|name=\"_csrf\" value=\"([^\"]+)\"")
                .matcher(html);
        assertThat(m.find()).as("a CSRF token on the page").isTrue();
        return m.group(1) != null ? m.group(1) : m.group(2);
    }
}
