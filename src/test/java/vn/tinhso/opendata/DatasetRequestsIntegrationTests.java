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
}
