package vn.tinhso.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.tinhso.IntegrationTest;
import vn.tinhso.TestHttp;
import vn.tinhso.identity.TestAccounts;

/**
 * The public map, list and report pages: what a resident sees, never the reporter's name or
 * contact, a hidden or unknown report is not found, bad filters get a Vietnamese message.
 */
@IntegrationTest
class ReportPublicPagesIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    ReportManagement reports;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestAccounts accounts;

    private TestHttp.Response page(String path) {
        return new TestHttp(port).get(path, "text/html");
    }

    @Test
    void theMapPageHasTheMapTheFiltersAndTheListOfReports() {
        Report r = ReportFixtures.submit(reports, "lighting", 19.80, 105.77, "Cả dãy đèn đường ngõ 5 bị hỏng từ tuần trước.");

        TestHttp.Response map = page("/reports");

        assertThat(map.status()).isEqualTo(200);
        assertThat(map.body()).contains("id=\"report-map\"", "id=\"report-filters\"", "name=\"category\"",
                "name=\"commune\"", "name=\"from\"", "name=\"to\"", "id=\"f-status-IN_PROGRESS\"", "Đang xử lý",
                "Chiếu sáng công cộng", "id=\"map-legend\"", "/webjars/leaflet/dist/leaflet.js");
        assertThat(map.body()).contains("href=\"/reports/" + r.number() + "\"");
        TestHttp.Response filtered = page("/reports?category=waste&status=SUBMITTED");
        assertThat(filtered.status()).isEqualTo(200);
        assertThat(filtered.body()).doesNotContain("href=\"/reports/" + r.number() + "\"")
                .contains("value=\"waste\" selected=\"selected\"");
        assertThat(page("/reports?category=lighting&status=SUBMITTED&status=ACCEPTED").body())
                .contains("href=\"/reports/" + r.number() + "\"");
    }

    @Test
    void thePublicPageShowsTheMaskedTextAndNeverTheReporter() {
        Report r = ReportFixtures.submit(reports, "road-damage", 19.81, 105.78,
                "Ổ gà rất sâu trước nhà số 12, cần gấp. Gọi tôi 0912 345 678 hoặc viết cho nguyenvana.bimat@example.com");

        TestHttp.Response page = page("/reports/" + r.number());

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Ổ gà rất sâu trước nhà số 12", PublicText.MASK, "Ổ gà, hư hỏng mặt đường",
                "Ngõ 5 phố kiểm thử", "Đã gửi", "id=\"report-timeline\"", "Người dân gửi phản ánh");
        assertThat(page.body()).doesNotContain("Dữ liệu mẫu"); // a real report is not marked as demo
        for (String secret : new String[] {"0912 345 678", "0912345678", "nguyenvana.bimat", "Người Gửi Kiểm Thử",
                "0987654321", "nguoigui.kiemthu"}) {
            assertThat(page.body()).doesNotContain(secret);
            assertThat(page("/reports").body()).doesNotContain(secret);
        }
    }

    @Test
    void theShareTagsNameTheReportItsTextItsFirstPhotoAndItsAddress() {
        Report r = ReportFixtures.submit(reports, "waste", 19.82, 105.79,
                "Rác thải sinh hoạt tập kết bừa bãi ở góc đường đã 3 ngày chưa được thu gom, gọi 0912345678.",
                ReportFixtures.photo());
        reports.unprocessedPhotos(100).forEach(reports::processPhoto);
        long photo = reports.publicReport(r.number()).photos().get(0).id();

        String html = page("/reports/" + r.number()).body();

        assertThat(html).contains("<meta property=\"og:title\" content=\"Phản ánh số " + r.number()
                + ": Rác thải, vệ sinh môi trường\">");
        assertThat(html).contains("<meta property=\"og:description\" content=\"Rác thải sinh hoạt tập kết bừa bãi")
                .contains("gọi " + PublicText.MASK);
        assertThat(html).containsPattern("<meta property=\"og:url\" content=\"https?://[^\"]+/reports/" + r.number() + "\">");
        assertThat(html).containsPattern("<meta property=\"og:image\" content=\"https?://[^\"]+/api/v1/reports/photos/"
                + photo + "\">");
        assertThat(html).contains("<meta name=\"twitter:card\" content=\"summary_large_image\">");
        assertThat(html).contains("href=\"/api/v1/reports/photos/" + photo + "?size=large\"",
                "src=\"/api/v1/reports/photos/" + photo + "?size=thumb\"");
        assertThat(html).doesNotContain("0912345678");
    }

    @Test
    void aHiddenOrUnknownReportIsNotFound() {
        Report r = ReportFixtures.submit(reports, "lighting", 19.83, 105.80, "Đèn đường nhấp nháy rồi tắt hẳn gần chợ.");
        jdbc.sql("UPDATE reports.report SET visible = false WHERE seq = :n").param("n", r.number()).update();

        TestHttp.Response hidden = page("/reports/" + r.number());
        TestHttp.Response unknown = page("/reports/999999999");

        assertThat(hidden.status()).isEqualTo(404);
        assertThat(hidden.body()).contains("Không tìm thấy phản ánh " + r.number());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(page("/reports").body()).doesNotContain("href=\"/reports/" + r.number() + "\"");
    }

    @Test
    void badFiltersGetAMessageInVietnameseNotAnError() {
        TestHttp.Response status = page("/reports?status=DONE");
        TestHttp.Response date = page("/reports?from=31/02/2026&to=abc");
        TestHttp.Response order = page("/reports?from=10/03/2026&to=01/03/2026");
        TestHttp.Response other = page("/reports?category=khong-co&commune=xyz&page=-3");

        assertThat(status.status()).isEqualTo(200);
        assertThat(status.body()).contains("Trạng thái: Vui lòng chọn một giá trị trong danh sách.");
        assertThat(date.status()).isEqualTo(200);
        assertThat(date.body()).contains("Từ ngày: Ngày không hợp lệ: nhập theo dạng dd/MM/yyyy")
                .contains("Đến ngày: Ngày không hợp lệ").contains("value=\"31/02/2026\"")
                .containsPattern("id=\"f-from\"[^>]*aria-invalid=\"true\"");
        assertThat(order.body()).contains("Ngày bắt đầu phải trước hoặc bằng ngày kết thúc.");
        assertThat(other.status()).isEqualTo(200);
        assertThat(other.body()).contains("Lĩnh vực: Vui lòng chọn lĩnh vực phản ánh trong danh sách.")
                .contains("Xã, phường: Không tìm thấy đơn vị hành chính này.");
        assertThat(page("/reports/stats?from=32/01/2026").body()).contains("Từ ngày: Ngày không hợp lệ");
    }

    @Test
    void aSignedInResidentFollowsAReportWithTheFormAndSeesItCounted() {
        Report r = ReportFixtures.submit(reports, "flooding", 19.84, 105.81, "Mưa to là đường ngập sâu 40 cm, cống tắc.");
        TestHttp resident = new TestHttp(port).withToken(accounts.token("Người Theo Dõi", TestAccounts.citizen()));
        assertThat(page("/reports/" + r.number()).body()).contains("id=\"follow-sign-in\"");
        assertThat(resident.get("/reports/" + r.number(), "text/html").body()).contains("id=\"follow-form\"")
                .contains("method=\"post\"");

        TestHttp.Response followed = resident.postForm("/reports/" + r.number() + "/follow", Map.of("action", "follow"));

        assertThat(followed.status()).isEqualTo(302);
        assertThat(followed.header("Location")).endsWith("/reports/" + r.number());
        String html = resident.get("/reports/" + r.number(), "text/html").body();
        assertThat(html).contains("id=\"following-note\"").contains("Bỏ theo dõi");
        assertThat(reports.publicReport(r.number()).followers()).isEqualTo(1);
        assertThat(new TestHttp(port).postForm("/reports/" + r.number() + "/follow", Map.of()).status())
                .isNotEqualTo(200).isLessThan(500);
    }
}
