package vn.tinhso.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.unbescape.html.HtmlEscape;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import vn.tinhso.IntegrationTest;
import vn.tinhso.TestHttp;
import vn.tinhso.identity.TestAccounts;

@IntegrationTest
class CalendarPagesIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    TestHttp admin;

    @BeforeEach
    void signIn() {
        admin = new TestHttp(port).withToken(accounts.token("Admin", TestAccounts.admin()));
    }

    @Test
    void thePublicPageShowsTheYearsDaysOffInVietnamese() {
        TestHttp.Response page = new TestHttp(port).get("/calendar?year=2026");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Lịch làm việc năm 2026", "id=\"days-off\"", "Tháng Hai", "17/02/2026",
                "Tết Âm lịch (1/1 âm lịch)", "Nghỉ bù Giỗ Tổ Hùng Vương", "27/04/2026", "Thứ Hai", "id=\"deadline-form\"",
                "« 2025", "2027 »");
        assertThat(new TestHttp(port).get("/calendar?year=2026&lang=en").body()).contains("February",
                "Lunar New Year (Tết), lunar 1/1");
    }

    @Test
    void aBadYearIsExplainedNotAServerError() {
        TestHttp.Response page = new TestHttp(port).get("/calendar?year=99999");
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.body()).contains("Năm phải từ 1900 đến 2100.", "id=\"days-off\"");
    }

    @Test
    void theCalculatorGivesTheDueMomentAndKeepsWhatWasTyped() {
        TestHttp.Response ok = new TestHttp(port).get(
                "/calendar?year=2026&from=2026-02-13T16:00&amount=1&unit=DAYS");
        assertThat(ok.body()).contains("16:00, Thứ Hai 23/02/2026");
        TestHttp.Response bad = new TestHttp(port).get("/calendar?year=2026&from=2026-02-30T08:00&amount=abc&unit=DAYS");
        assertThat(bad.status()).isEqualTo(200);
        assertThat(bad.body()).contains("value=\"2026-02-30T08:00\"", "value=\"abc\"", "is-invalid",
                "Thời điểm &quot;2026-02-30T08:00&quot; không hợp lệ.",
                "Số ngày làm việc phải là số nguyên từ 0 đến 1000.")
                .doesNotContain("id=\"deadline-due\"");
        TestHttp.Response beyond = new TestHttp(port).get("/calendar?from=2100-12-31T08:00&amount=5&unit=DAYS");
        assertThat(beyond.status()).isEqualTo(200);
        assertThat(beyond.body()).contains("Hạn xử lý rơi sau năm 2100").doesNotContain("id=\"deadline-due\"");
    }

    @Test
    void onlyAdministratorsOpenTheAdminPage() {
        TestHttp.Response anonymous = new TestHttp(port).get("/admin/calendar");
        assertThat(anonymous.status()).isEqualTo(302);
        assertThat(anonymous.header("Location")).endsWith("/login");
        TestHttp citizen = new TestHttp(port).withToken(accounts.token("Citizen", TestAccounts.citizen()));
        assertThat(citizen.get("/admin/calendar").status()).isEqualTo(403);
        assertThat(citizen.postForm("/admin/calendar/adjustments",
                form("08/03/2036", "WORKING_DAY", "Làm bù")).status()).isEqualTo(403);
        TestHttp.Response page = admin.get("/admin/calendar");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"adjustment-form\"", "name=\"date\"", "name=\"kind\"",
                "value=\"WORKING_DAY\"", "value=\"DAY_OFF\"", "name=\"reason\"", "id=\"adjustment-submit\"",
                "id=\"adjustments\"", "<label for=\"date\"", "<label for=\"reason\"");
    }

    @Test
    void mistakesAreShownNextToTheirFieldsWithWhatWasTyped() {
        TestHttp.Response page = admin.postForm("/admin/calendar/adjustments", form("30/02/2036", "WORKING_DAY", " "));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("value=\"30/02/2036\"",
                "Ngày &quot;30/02/2036&quot; không hợp lệ: nhập theo dạng ngày/tháng/năm, ví dụ 07/02/2026.",
                "Vui lòng nhập lý do (tối đa 200 ký tự).", "id=\"date-error\"", "id=\"reason-error\"");

        // 2036-03-05 is a Wednesday: a make-up working day must fall on a weekend.
        TestHttp.Response weekday = admin.postForm("/admin/calendar/adjustments",
                form("05/03/2036", "WORKING_DAY", "Làm bù cho thứ Hai"));
        assertThat(HtmlEscape.unescapeHtml(weekday.body())).contains("value=\"05/03/2036\"",
                "value=\"Làm bù cho thứ Hai\"",
                "Ngày làm bù phải là thứ Bảy hoặc Chủ nhật không trùng ngày lễ, Tết.")
                .containsPattern("value=\"WORKING_DAY\"[^>]*checked");
        assertThat(admin.get("/api/v1/calendar/adjustments?year=2036").json().size()).isZero();
    }

    @Test
    void anAdministratorAddsAMakeUpDayAndDeletesIt() {
        TestHttp.Response added = admin.postForm("/admin/calendar/adjustments",
                form("07/03/2037", "WORKING_DAY", "Làm bù cho ngày 02/03/2037"));
        assertThat(added.status()).isEqualTo(302);
        TestHttp.Response page = admin.get("/admin/calendar");
        assertThat(page.body()).contains("Đã thêm ngày điều chỉnh 07/03/2037.", "Làm bù cho ngày 02/03/2037");
        JsonNode listed = admin.get("/api/v1/calendar/adjustments?year=2037").json();
        assertThat(listed.size()).isEqualTo(1);
        assertThat(new TestHttp(port).get("/calendar?year=2037").body()).contains("id=\"make-up-days\"",
                "07/03/2037");

        long id = listed.get(0).get("id").asLong();
        assertThat(page.body()).contains("id=\"adjustment-delete-" + id + "\"");
        assertThat(admin.postForm("/admin/calendar/adjustments/" + id + "/delete", Map.of()).status()).isEqualTo(302);
        assertThat(admin.get("/admin/calendar").body()).contains("Đã xóa ngày điều chỉnh 07/03/2037.");
        assertThat(admin.get("/api/v1/calendar/adjustments?year=2037").json().size()).isZero();
    }

    private static Map<String, String> form(String date, String kind, String reason) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("date", date);
        fields.put("kind", kind);
        fields.put("reason", reason);
        return fields;
    }
}
