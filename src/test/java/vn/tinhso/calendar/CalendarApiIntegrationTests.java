package vn.tinhso.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import tools.jackson.databind.JsonNode;
import vn.tinhso.IntegrationTest;
import vn.tinhso.TestHttp;
import vn.tinhso.identity.TestAccounts;

@IntegrationTest
@RecordApplicationEvents
class CalendarApiIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Autowired
    CalendarManagement calendar;

    @Autowired
    ApplicationEvents events;

    TestHttp anonymous;
    TestHttp admin;
    TestHttp citizen;

    @BeforeEach
    void clients() {
        anonymous = new TestHttp(port);
        admin = new TestHttp(port).withToken(accounts.token("Admin", TestAccounts.admin()));
        citizen = new TestHttp(port).withToken(accounts.token("Citizen", TestAccounts.citizen()));
    }

    @Test
    void theYearListsHolidaysSubstitutesAndNamesInBothLanguages() {
        TestHttp.Response response = anonymous.get("/api/v1/calendar/2026");
        assertThat(response.status()).isEqualTo(200);
        JsonNode year = response.json();
        assertThat(year.get("workingHours").asString()).isEqualTo("07:00-11:30,13:30-17:00");
        JsonNode tet = dayOff(year, "2026-02-17");
        assertThat(tet.get("kind").asString()).isEqualTo("HOLIDAY");
        assertThat(tet.get("nameVi").asString()).isEqualTo("Tết Âm lịch (1/1 âm lịch)");
        assertThat(tet.get("nameEn").asString()).isEqualTo("Lunar New Year (Tết), lunar 1/1");
        assertThat(dayOff(year, "2026-02-16").get("nameVi").asString()).isEqualTo("Tết Âm lịch (29/12 âm lịch)");
        JsonNode substitute = dayOff(year, "2026-04-27");
        assertThat(substitute.get("kind").asString()).isEqualTo("SUBSTITUTE");
        assertThat(substitute.get("nameVi").asString()).startsWith("Nghỉ bù Giỗ Tổ Hùng Vương");
        assertThat(dates(year.get("daysOff"))).contains("2026-01-01", "2026-04-26", "2026-04-30", "2026-05-01",
                "2026-09-02").hasSize(12);
    }

    @Test
    void aDeadlineInWorkingDaysSkipsTheWeekendAndTet() {
        JsonNode weekend = anonymous.get("/api/v1/calendar/deadline?from=2026-01-09T16:00&workingDays=1").json();
        assertThat(weekend.get("from").asString()).isEqualTo("2026-01-09T16:00:00+07:00");
        assertThat(weekend.get("due").asString()).isEqualTo("2026-01-12T16:00:00+07:00");
        JsonNode tet = anonymous.get("/api/v1/calendar/deadline?from=2026-02-13T16:00&workingDays=1").json();
        assertThat(tet.get("due").asString()).isEqualTo("2026-02-23T16:00:00+07:00");
        JsonNode saturday = anonymous.get("/api/v1/calendar/deadline?from=2026-01-10T09:00&workingHours=2").json();
        assertThat(saturday.get("start").asString()).isEqualTo("2026-01-12T07:00:00+07:00");
        assertThat(saturday.get("due").asString()).isEqualTo("2026-01-12T09:00:00+07:00");
    }

    @Test
    void workingTimeBetweenTwoMoments() {
        JsonNode time = anonymous.get("/api/v1/calendar/working-time?from=2026-01-09T16:00&to=2026-01-13T08:00").json();
        assertThat(time.get("minutes").asLong()).isEqualTo(10 * 60);
        assertThat(time.get("workingDays").asDouble()).isEqualTo(1.25);
        JsonNode day = anonymous.get("/api/v1/calendar/days/2026-09-03").json();
        assertThat(day.get("workingDay").asBoolean()).isFalse();
        assertThat(day.get("dayOff").get("nameVi").asString()).isEqualTo("Quốc khánh");
    }

    @Test
    void badInputIsAProblemNotAServerError() {
        expectProblem("/api/v1/calendar/deadline?from=2025-02-30T08:00&workingDays=1", "invalid_date", "from");
        expectProblem("/api/v1/calendar/deadline?from=abc&workingDays=1", "invalid_date", "from");
        expectProblem("/api/v1/calendar/deadline?workingDays=1", "validation_failed", "from");
        expectProblem("/api/v1/calendar/deadline?from=2026-01-09T16:00&workingDays=-1", "validation_failed",
                "workingDays");
        expectProblem("/api/v1/calendar/deadline?from=2026-01-09T16:00&workingDays=x", "validation_failed",
                "workingDays");
        expectProblem("/api/v1/calendar/deadline?from=2026-01-09T16:00&workingDays=1&workingHours=2",
                "validation_failed", "workingDays");
        expectProblem("/api/v1/calendar/deadline?from=2026-01-09T16:00", "validation_failed", "workingDays");
        expectProblem("/api/v1/calendar/deadline?from=2026-01-09T16:00&workingDays=1&agency=-3", "validation_failed",
                "agency");
        expectProblem("/api/v1/calendar/99999", "validation_failed", "year");
        expectProblem("/api/v1/calendar/abc", "validation_failed", "year");
        expectProblem("/api/v1/calendar/working-time?from=2026-01-09T16:00&to=2026-13-01T08:00", "invalid_date", "to");
        expectProblem("/api/v1/calendar/days/2026-02-29", "invalid_date", "date");
        JsonNode problem = anonymous.get("/api/v1/calendar/99999").json();
        assertThat(problem.get("detail").asString()).isEqualTo("Dữ liệu không hợp lệ: năm phải từ 1900 đến 2100.");
    }

    @Test
    void aMakeUpWorkingDayCountsInDeadlinesUntilItIsRemoved() {
        LocalDate saturday = LocalDate.parse("2031-03-08");
        assertThat(saturday.getDayOfWeek()).isEqualTo(DayOfWeek.SATURDAY);
        String deadline = "/api/v1/calendar/deadline?from=2031-03-07T16:00&workingDays=1";
        assertThat(anonymous.get(deadline).json().get("due").asString()).isEqualTo("2031-03-10T16:00:00+07:00");

        TestHttp.Response added = admin.postJson("/api/v1/calendar/adjustments",
                Map.of("date", "2031-03-08", "kind", "WORKING_DAY", "reason", "Làm bù cho ngày nghỉ 03/03/2031"));
        assertThat(added.status()).isEqualTo(201);
        assertThat(added.json().get("kind").asString()).isEqualTo("WORKING_DAY");
        assertThat(anonymous.get(deadline).json().get("due").asString()).isEqualTo("2031-03-08T16:00:00+07:00");
        JsonNode year = anonymous.get("/api/v1/calendar/2031").json();
        assertThat(dates(year.get("makeUpDays"))).containsExactly("2031-03-08");

        assertThat(admin.delete("/api/v1/calendar/adjustments/" + added.json().get("id").asLong()).status())
                .isEqualTo(204);
        assertThat(anonymous.get(deadline).json().get("due").asString()).isEqualTo("2031-03-10T16:00:00+07:00");
        assertThat(admin.delete("/api/v1/calendar/adjustments/" + added.json().get("id").asLong()).status())
                .isEqualTo(404);
    }

    @Test
    void aDeclaredDayOffIsListedAndSkipped() {
        TestHttp.Response added = admin.postJson("/api/v1/calendar/adjustments",
                Map.of("date", "03/03/2031", "kind", "DAY_OFF", "reason", "Nghỉ hoán đổi"));
        assertThat(added.status()).isEqualTo(201);
        JsonNode day = anonymous.get("/api/v1/calendar/days/2031-03-03").json();
        assertThat(day.get("workingDay").asBoolean()).isFalse();
        assertThat(day.get("dayOff").get("kind").asString()).isEqualTo("ADMIN_DAY_OFF");
        assertThat(day.get("dayOff").get("nameVi").asString()).isEqualTo("Nghỉ hoán đổi");
        assertThat(anonymous.get("/api/v1/calendar/deadline?from=2031-02-28T16:00&workingDays=1").json()
                .get("due").asString()).isEqualTo("2031-03-04T16:00:00+07:00");
        JsonNode listed = admin.get("/api/v1/calendar/adjustments?year=2031").json();
        assertThat(dates(listed)).contains("2031-03-03");
    }

    @Test
    void adjustmentsAreValidated() {
        expectRefused(Map.of("date", "2032-03-10", "kind", "WORKING_DAY", "reason", "x"), 400,
                "invalid_calendar_entry", "date");
        expectRefused(Map.of("date", "2032-03-13", "kind", "DAY_OFF", "reason", "x"), 400,
                "invalid_calendar_entry", "date");
        // 1/1/2033 is a Saturday holiday; Monday 3/1 is its substitute.
        expectRefused(Map.of("date", "2033-01-01", "kind", "WORKING_DAY", "reason", "x"), 400,
                "invalid_calendar_entry", "date");
        expectRefused(Map.of("date", "2033-01-03", "kind", "DAY_OFF", "reason", "x"), 400,
                "invalid_calendar_entry", "date");
        expectRefused(Map.of("date", "2032-02-30", "kind", "DAY_OFF", "reason", "x"), 400, "invalid_date", "date");
        expectRefused(Map.of("date", "1999-03-10", "kind", "DAY_OFF", "reason", "x"), 400, "validation_failed",
                "date");
        expectRefused(Map.of("date", "2032-03-10", "kind", "DAY_OFF", "reason", "  "), 400, "invalid_calendar_entry",
                "reason");
        expectRefused(Map.of("date", "2032-03-10", "kind", "HOLIDAY", "reason", "x"), 400, "invalid_calendar_entry",
                "kind");
        assertThat(admin.postJson("/api/v1/calendar/adjustments",
                Map.of("date", "2032-03-10", "kind", "DAY_OFF", "reason", "Nghỉ")).status()).isEqualTo(201);
        expectRefused(Map.of("date", "2032-03-10", "kind", "DAY_OFF", "reason", "Lần hai"), 409,
                "calendar_entry_exists", "date");
        assertThat(admin.get("/api/v1/calendar/adjustments?year=2032").json().size()).isEqualTo(1);
    }

    @Test
    void onlyAdministratorsAdjustTheCalendar() {
        Map<String, String> body = Map.of("date", "2034-03-11", "kind", "WORKING_DAY", "reason", "Làm bù");
        assertThat(citizen.postJson("/api/v1/calendar/adjustments", body).status()).isEqualTo(403);
        assertThat(citizen.get("/api/v1/calendar/adjustments").status()).isEqualTo(403);
        assertThat(citizen.delete("/api/v1/calendar/adjustments/1").status()).isEqualTo(403);
        TestHttp.Response anonymousList = anonymous.get("/api/v1/calendar/adjustments");
        assertThat(anonymousList.status()).isEqualTo(401);
        assertThat(anonymousList.contentType()).startsWith("application/problem+json");
        // Without session or token a write must authenticate first: 401 problem details.
        TestHttp.Response anonymousPost = anonymous.postJson("/api/v1/calendar/adjustments", body);
        assertThat(anonymousPost.status()).isEqualTo(401);
        assertThat(anonymousPost.contentType()).startsWith("application/problem+json");
        assertThat(anonymous.delete("/api/v1/calendar/adjustments/1").status()).isEqualTo(401);
        TestHttp.Response badToken = new TestHttp(port).withToken("not-a-token")
                .postJson("/api/v1/calendar/adjustments", body);
        assertThat(badToken.status()).isEqualTo(401);
        assertThat(calendar.adjustments(2034)).isEmpty();
    }

    @Test
    void anAgencyMayWorkOtherHours() {
        long agency = 987_654;
        assertThat(citizen.send(citizen.request("/api/v1/calendar/agencies/" + agency + "/working-hours")
                .header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"hours\":\"08:00-12:00\"}"))).status())
                .isEqualTo(403);
        TestHttp.Response set = admin.send(admin.request("/api/v1/calendar/agencies/" + agency + "/working-hours")
                .header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"hours\":\"08:00-12:00\"}")));
        assertThat(set.status()).isEqualTo(200);
        // 2 working hours from Friday 11:00: the agency works 11:00-12:00 and Monday 08:00-09:00; by
        // default it is 11:00-11:30 and 13:30-15:00 the same Friday.
        String deadline = "/api/v1/calendar/deadline?from=2026-01-09T11:00&workingHours=2";
        assertThat(anonymous.get(deadline + "&agency=" + agency).json().get("due").asString())
                .isEqualTo("2026-01-12T09:00:00+07:00");
        assertThat(anonymous.get(deadline).json().get("due").asString()).isEqualTo("2026-01-09T15:00:00+07:00");
        assertThat(anonymous.get("/api/v1/calendar/agencies/" + agency + "/working-hours").json().get("hours")
                .asString()).isEqualTo("08:00-12:00");
        TestHttp.Response bad = admin.send(admin.request("/api/v1/calendar/agencies/" + agency + "/working-hours")
                .header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"hours\":\"12:00-08:00\"}")));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(admin.delete("/api/v1/calendar/agencies/" + agency + "/working-hours").status()).isEqualTo(204);
        assertThat(anonymous.get("/api/v1/calendar/agencies/" + agency + "/working-hours").json().get("own")
                .asBoolean()).isFalse();
    }

    @Test
    void everyChangeIsPublishedForTheAuditTrail() {
        Adjustment added = calendar.addAdjustment(LocalDate.parse("2035-03-12"), AdjustmentKind.DAY_OFF, " Nghỉ  bù ");
        calendar.removeAdjustment(added.id());
        List<CalendarAdjusted> published = events.stream(CalendarAdjusted.class).toList();
        assertThat(published).extracting(CalendarAdjusted::action)
                .containsExactly("calendar.adjustment.added", "calendar.adjustment.removed");
        assertThat(published.get(0).details()).containsEntry("date", "2035-03-12").containsEntry("reason", "Nghỉ bù");
        assertThat(published.get(0).actor().name()).isEqualTo("system");
    }

    @Test
    void deadlinesAreComputedInMemory() {
        // Ten thousand deadlines of a month each: a database query per day would take minutes.
        java.time.Instant from = LocalDate.parse("2027-01-04").atTime(9, 0).atZone(vn.tinhso.shared.Zones.VIETNAM)
                .toInstant();
        long start = System.nanoTime();
        java.time.Instant due = from;
        for (int i = 0; i < 10_000; i++) {
            due = calendar.addWorkingDays(from.plusSeconds(i), 22);
        }
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - start)).isLessThan(java.time.Duration.ofSeconds(5));
        // The last one, received at 11:46 in the lunch break, counts from 13:30 and uses up the
        // morning of its 22nd working day.
        assertThat(due).isEqualTo(java.time.OffsetDateTime.parse("2027-02-03T11:30+07:00").toInstant());
        assertThat(calendar.isWorkingTime(due)).isFalse();
    }

    private void expectProblem(String path, String code, String field) {
        TestHttp.Response response = anonymous.get(path);
        assertThat(response.status()).as(path).isEqualTo(400);
        assertThat(response.contentType()).as(path).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("code").asString()).as(path).isEqualTo(code);
        assertThat(problem.get("errors").get(0).get("field").asString()).as(path).isEqualTo(field);
    }

    private void expectRefused(Map<String, String> body, int status, String code, String field) {
        TestHttp.Response response = admin.postJson("/api/v1/calendar/adjustments", body);
        assertThat(response.status()).as(body.toString()).isEqualTo(status);
        assertThat(response.json().get("code").asString()).as(body.toString()).isEqualTo(code);
        assertThat(response.json().get("errors").get(0).get("field").asString()).as(body.toString()).isEqualTo(field);
    }

    private static JsonNode dayOff(JsonNode year, String date) {
        for (JsonNode day : year.get("daysOff")) {
            if (day.get("date").asString().equals(date)) {
                return day;
            }
        }
        throw new AssertionError("No day off on " + date);
    }

    private static List<String> dates(JsonNode days) {
        List<String> dates = new ArrayList<>();
        days.forEach(d -> dates.add(d.get("date").asString()));
        return dates;
    }
}
