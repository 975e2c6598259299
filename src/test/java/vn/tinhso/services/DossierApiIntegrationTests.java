package vn.tinhso.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import vn.tinhso.CapturedEvents;
import vn.tinhso.IntegrationTest;
import vn.tinhso.MultipartBody;
import vn.tinhso.TestHttp;
import vn.tinhso.calendar.CalendarManagement;
import vn.tinhso.files.Samples;
import vn.tinhso.identity.TestAccounts;
import vn.tinhso.units.Agency;
import vn.tinhso.units.AgencyManagement;

/** Submission, reception and lookup of dossiers through the API, with the bad inputs and the access rules. */
@IntegrationTest
class DossierApiIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    TestAccounts accounts;
    @Autowired
    AgencyManagement agencies;
    @Autowired
    ProcedureManagement procedures;
    @Autowired
    CalendarManagement calendar;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CapturedEvents events;

    Agency justice;
    Agency construction;
    String code;
    TestHttp citizen;
    TestHttp otherCitizen;
    TestHttp officer;
    TestHttp foreignOfficer;
    TestHttp anonymous;

    @BeforeEach
    void setUp() {
        justice = agencies.findByCode("000.00.05.H56").orElseThrow();
        construction = agencies.findByCode("000.00.06.H56").orElseThrow();
        code = ServiceFixtures.code();
        new TestHttp(port).withToken(accounts.token("Quản trị", TestAccounts.admin()))
                .postJson("/api/v1/procedures", ServiceFixtures.procedure(code, justice, "Cấp bản sao trích lục thử nghiệm"));
        citizen = new TestHttp(port).withToken(accounts.token("Công dân A", TestAccounts.citizen()));
        otherCitizen = new TestHttp(port).withToken(accounts.token("Công dân B", TestAccounts.citizen()));
        officer = new TestHttp(port).withToken(accounts.token("Cán bộ Tư pháp", TestAccounts.officer(justice.id())));
        foreignOfficer = new TestHttp(port)
                .withToken(accounts.token("Cán bộ Xây dựng", TestAccounts.officer(construction.id())));
        anonymous = new TestHttp(port);
    }

    private String upload(TestHttp who, String name, byte[] content) {
        TestHttp.Response r = new MultipartBody().file("file", name, content).post(who, "/api/v1/files");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asString();
    }

    private TestHttp.Response submit(TestHttp who, String phone) {
        return who.postJson("/api/v1/dossiers", ServiceFixtures.dossier(code, phone, Map.of(
                "0", List.of(upload(who, "to-khai.pdf", Samples.pdf())),
                "1", List.of(upload(who, "can-cuoc.jpg", Samples.jpeg())))));
    }

    private long dossierCount() {
        return jdbc.sql("SELECT count(*) FROM services.dossier").query(Long.class).single();
    }

    @Test
    void aSubmittedDossierGetsAReadableCodeAndWaitsAtTheDesk() {
        TestHttp.Response r = submit(citizen, "0912345678");

        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode dossier = r.json();
        String today = java.time.LocalDate.now(vn.tinhso.shared.Zones.VIETNAM)
                .format(java.time.format.DateTimeFormatter.ofPattern("yyMMdd"));
        assertThat(dossier.get("code").asString()).matches("000\\.00\\.05\\.H56-" + today + "-\\d{4}");
        assertThat(dossier.get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(dossier.get("documents")).hasSize(2);
        assertThat(dossier.get("form").get("birthDate").asString()).isEqualTo("1990-09-05");
        assertThat(r.header("Location")).isEqualTo("/api/v1/dossiers/" + dossier.get("id").asString());
        assertThat(citizen.get("/api/v1/dossiers/mine").json().get("items").findValuesAsString("code"))
                .contains(dossier.get("code").asString());
        assertThat(events.of(DossierEvent.Submitted.class).map(e -> e.facts().code()))
                .contains(dossier.get("code").asString());
    }

    @Test
    void multipartSubmissionCarriesItsFiles() {
        String json = vn.tinhso.services.ProcedureCatalogue.JSON.writeValueAsString(
                ServiceFixtures.dossier(code, "0912345678", Map.of()));
        TestHttp.Response r = new MultipartBody().field("dossier", json, "application/json")
                .file("document.0", "Tờ khai.pdf", Samples.pdf())
                .file("document.1", "Căn cước.png", Samples.png())
                .post(citizen, "/api/v1/dossiers");

        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().get("documents").findValuesAsString("name")).containsExactly("Tờ khai.pdf", "Căn cước.png");
    }

    @Test
    void theSameIdempotencyKeyCreatesOneDossier() {
        Map<String, Object> body = ServiceFixtures.dossier(code, "0912345678", Map.of(
                "0", List.of(upload(citizen, "a.pdf", Samples.pdf())), "1", List.of(upload(citizen, "b.pdf", Samples.pdf()))));
        long before = dossierCount();
        var request = (java.util.function.Supplier<TestHttp.Response>) () -> citizen.send(citizen.request("/api/v1/dossiers")
                .header("Content-Type", "application/json").header("Idempotency-Key", "key-" + code)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        ProcedureCatalogue.JSON.writeValueAsString(body))));

        TestHttp.Response first = request.get();
        TestHttp.Response second = request.get();

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(second.json().get("id")).isEqualTo(first.json().get("id"));
        assertThat(dossierCount()).isEqualTo(before + 1);

        Map<String, Object> other = new java.util.HashMap<>(body);
        other.put("delivery", "DESK");
        TestHttp.Response reused = citizen.send(citizen.request("/api/v1/dossiers")
                .header("Content-Type", "application/json").header("Idempotency-Key", "key-" + code)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(ProcedureCatalogue.JSON.writeValueAsString(other))));
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.json().get("code").asString()).isEqualTo("idempotency_key_reused");
    }

    @Test
    void concurrentSubmissionsGetDistinctCodesWithoutGaps() throws Exception {
        List<Callable<String>> tasks = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            tasks.add(() -> {
                TestHttp.Response r = submit(citizen, "0912345678");
                assertThat(r.status()).as(r.body()).isEqualTo(201);
                return r.json().get("code").asString();
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        Set<String> codes = new HashSet<>();
        try {
            for (Future<String> f : pool.invokeAll(tasks)) {
                codes.add(f.get());
            }
        } finally {
            pool.shutdown();
        }
        assertThat(codes).hasSize(16);
        String prefix = codes.iterator().next().substring(0, codes.iterator().next().lastIndexOf('-') + 1);
        List<Integer> all = jdbc.sql("SELECT code FROM services.dossier WHERE code LIKE :p ORDER BY code")
                .param("p", prefix + "%").query(String.class).list().stream()
                .map(c -> Integer.parseInt(c.substring(c.lastIndexOf('-') + 1))).sorted().toList();
        assertThat(all.get(all.size() - 1) - all.get(0) + 1).as("no gaps in %s", all).isEqualTo(all.size());
        assertThat(new HashSet<>(all)).hasSameSizeAs(all);
    }

    @Test
    void aTextFileNamedPdfIsRefusedAndNothingIsSaved() {
        long before = dossierCount();
        String json = ProcedureCatalogue.JSON.writeValueAsString(ServiceFixtures.dossier(code, "0912345678", Map.of()));
        TestHttp.Response r = new MultipartBody().field("dossier", json, "application/json")
                .file("document.0", "to-khai.pdf", Samples.text("không phải PDF"))
                .file("document.1", "can-cuoc.pdf", Samples.pdf())
                .post(citizen, "/api/v1/dossiers");

        assertThat(r.status()).isEqualTo(415);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("detail").asString()).contains("to-khai.pdf").contains("theo nội dung tệp");
        assertThat(dossierCount()).isEqualTo(before);
    }

    @Test
    void anOversizedDocumentIsRefused() {
        byte[] big = new byte[10 * 1024 * 1024 + 1];
        byte[] pdf = Samples.pdf();
        System.arraycopy(pdf, 0, big, 0, pdf.length);
        long before = dossierCount();
        String json = ProcedureCatalogue.JSON.writeValueAsString(ServiceFixtures.dossier(code, "0912345678", Map.of()));
        TestHttp.Response r = new MultipartBody().field("dossier", json, "application/json")
                .file("document.0", "lon.pdf", big).file("document.1", "b.pdf", pdf).post(citizen, "/api/v1/dossiers");

        assertThat(r.status()).isEqualTo(413);
        assertThat(r.json().get("detail").asString()).contains("lon.pdf").contains("10 MB");
        assertThat(dossierCount()).isEqualTo(before);
    }

    @Test
    void anInvalidFormIsRefusedFieldByFieldInVietnamese() {
        long before = dossierCount();
        Map<String, Object> body = new java.util.HashMap<>(ServiceFixtures.dossier(code, "12345", Map.of()));
        body.put("form", Map.of("birthDate", "31/02/2025", "ownerId", "03819001234", "copies", 11, "phone", "0123"));
        TestHttp.Response r = citizen.postJson("/api/v1/dossiers", body);

        assertThat(r.status()).isEqualTo(400);
        Map<String, String> errors = new java.util.HashMap<>();
        r.json().get("errors").forEach(e -> errors.put(e.get("field").asString(), e.get("message").asString()));
        assertThat(errors).containsEntry("form.fullName", "Vui lòng nhập thông tin này.")
                .containsEntry("form.birthDate", "Ngày không hợp lệ: nhập theo dạng dd/MM/yyyy, ví dụ 25/11/2026.")
                .containsEntry("form.ownerId", "Số định danh cá nhân gồm đúng 12 chữ số.")
                .containsEntry("form.copies", "Giá trị phải trong khoảng 1 đến 10.")
                .containsKey("form.phone").containsKey("applicant.phone")
                .containsEntry("document.0", "Thiếu giấy tờ bắt buộc: Tờ khai.");
        assertThat(dossierCount()).isEqualTo(before);
    }

    @Test
    void aRetiredProcedureTakesNoDossier() {
        procedures.retire(code);
        TestHttp.Response r = citizen.postJson("/api/v1/dossiers", ServiceFixtures.dossier(code, "0912345678", Map.of()));

        assertThat(r.status()).isEqualTo(409);
        assertThat(r.json().get("code").asString()).isEqualTo("procedure_not_available");
        assertThat(r.json().get("detail").asString()).contains("không tiếp nhận hồ sơ");
    }

    @Test
    void citizensSeeOnlyTheirOwnDossiersAndOfficersOnlyTheirAgencies() {
        JsonNode dossier = submit(citizen, "0912345678").json();
        String id = dossier.get("id").asString();

        assertThat(otherCitizen.get("/api/v1/dossiers/" + id).status()).isEqualTo(404);
        assertThat(otherCitizen.get("/api/v1/dossiers/mine").json().get("items").findValuesAsString("id"))
                .doesNotContain(id);
        assertThat(foreignOfficer.get("/api/v1/desk/dossiers/" + id).status()).isEqualTo(404);
        assertThat(foreignOfficer.postJson("/api/v1/desk/dossiers/" + id + "/receive", Map.of()).status())
                .isEqualTo(404);
        assertThat(foreignOfficer.get("/api/v1/desk/dossiers?size=200").json().get("items").findValuesAsString("id"))
                .doesNotContain(id);
        assertThat(officer.get("/api/v1/desk/dossiers?size=200").json().get("items").findValuesAsString("id"))
                .contains(id);
        assertThat(citizen.get("/api/v1/desk/dossiers").status()).isEqualTo(403);
        assertThat(anonymous.get("/api/v1/dossiers/mine").status()).isEqualTo(401);
        assertThat(citizen.get("/api/v1/dossiers/not-a-uuid").status()).isEqualTo(400);
    }

    @Test
    void receptionSetsTheAppointmentFromTheCalendarAndIssuesTheReceipt() {
        String id = submit(citizen, "0912345678").json().get("id").asString();

        TestHttp.Response received = officer.postJson("/api/v1/desk/dossiers/" + id + "/receive", Map.of());

        assertThat(received.status()).as(received.body()).isEqualTo(200);
        JsonNode d = received.json();
        assertThat(d.get("status").asString()).isEqualTo("RECEIVED");
        Instant receivedAt = Instant.parse(d.get("receivedAt").asString());
        assertThat(Instant.parse(d.get("appointmentAt").asString()))
                .isEqualTo(calendar.addWorkingDays(receivedAt, 5, justice.id()));
        TestHttp.Response pdf = citizen.get("/api/v1/dossiers/" + id + "/receipt");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        String slip = receiptText(id);
        String appointment = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy").withZone(
                vn.tinhso.shared.Zones.VIETNAM).format(Instant.parse(d.get("appointmentAt").asString()));
        assertThat(slip).contains(d.get("code").asString()).contains("Nguyễn Thị Hồng Nhung")
                .contains("Cấp bản sao trích lục thử nghiệm").contains("5 ngày làm việc").contains(appointment)
                .contains("UBND TỈNH THANH HÓA").contains("SỞ TƯ PHÁP").contains("Tờ khai");
        assertThat(otherCitizen.get("/api/v1/dossiers/" + id + "/receipt").status()).isEqualTo(404);
        assertThat(officer.postJson("/api/v1/desk/dossiers/" + id + "/receive", Map.of()).status()).isEqualTo(409);
        JsonNode timeline = citizen.get("/api/v1/dossiers/" + id).json().get("timeline");
        assertThat(timeline.findValuesAsString("type")).containsExactly("submitted", "received");
        assertThat(events.of(DossierEvent.Received.class).map(e -> e.facts().dossierId().toString())).contains(id);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                jdbc.sql("SELECT action || ' ' || actor FROM audit.record WHERE target_type = 'dossier' AND target_id = :c"
                        + " ORDER BY seq").param("c", d.get("code").asString()).query(String.class).list())
                .as("every change is audited, with who did it")
                .anyMatch(a -> a.startsWith("services.dossier.submitted "))
                .anyMatch(a -> a.startsWith("services.dossier.received ")));
    }

    /** The slip's text as PDFBox extracts it; the PDF is kept in target/ to be looked at. */
    private String receiptText(String id) {
        try {
            byte[] bytes = java.net.http.HttpClient.newHttpClient().send(citizen.request("/api/v1/dossiers/" + id
                    + "/receipt").GET().build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray()).body();
            java.nio.file.Files.write(java.nio.file.Path.of("target", "receipt-sample.pdf"), bytes);
            try (var document = org.apache.pdfbox.Loader.loadPDF(bytes)) {
                return java.text.Normalizer.normalize(new org.apache.pdfbox.text.PDFTextStripper().getText(document),
                        java.text.Normalizer.Form.NFC);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void supplementRoundTrip() {
        String id = submit(citizen, "0912345678").json().get("id").asString();

        TestHttp.Response asked = officer.postJson("/api/v1/desk/dossiers/" + id + "/supplement-request",
                Map.of("items", List.of("Bản chụp Căn cước rõ nét hai mặt"), "note", "Ảnh hiện tại bị mờ"));
        assertThat(asked.status()).as(asked.body()).isEqualTo(200);
        JsonNode mine = citizen.get("/api/v1/dossiers/" + id).json().get("dossier");
        assertThat(mine.get("status").asString()).isEqualTo("SUPPLEMENT_REQUESTED");
        assertThat(mine.get("supplement").get("items").get(0).asString()).isEqualTo("Bản chụp Căn cước rõ nét hai mặt");
        assertThat(officer.postJson("/api/v1/desk/dossiers/" + id + "/receive", Map.of()).status()).isEqualTo(409);

        TestHttp.Response early = citizen.postJson("/api/v1/dossiers/" + id + "/resubmit", Map.of());
        assertThat(early.status()).isEqualTo(400);
        TestHttp.Response added = new MultipartBody().file("file", "can-cuoc-ro.png", Samples.png())
                .post(citizen, "/api/v1/dossiers/" + id + "/documents?slot=1");
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        TestHttp.Response back = citizen.postJson("/api/v1/dossiers/" + id + "/resubmit", Map.of());
        assertThat(back.status()).isEqualTo(200);
        assertThat(back.json().get("status").asString()).isEqualTo("SUBMITTED");
        TestHttp.Response again = officer.postJson("/api/v1/desk/dossiers/" + id + "/supplement-request",
                Map.of("items", List.of("Giấy tờ khác")));
        assertThat(again.status()).as("the desk asks once only").isEqualTo(409);
        assertThat(again.json().get("code").asString()).isEqualTo("supplement_already_requested");
        assertThat(officer.postJson("/api/v1/desk/dossiers/" + id + "/receive", Map.of()).status()).isEqualTo(200);
        assertThat(events.of(DossierEvent.SupplementRequested.class).map(e -> e.facts().dossierId().toString())).contains(id);
        assertThat(events.of(DossierEvent.Supplemented.class).map(e -> e.facts().dossierId().toString())).contains(id);
    }

    @Test
    void refusalNeedsAReasonAndIsFinal() {
        String id = submit(citizen, "0912345678").json().get("id").asString();

        assertThat(officer.postJson("/api/v1/desk/dossiers/" + id + "/refuse", Map.of("reason", " ")).status())
                .isEqualTo(400);
        TestHttp.Response refused = officer.postJson("/api/v1/desk/dossiers/" + id + "/refuse",
                Map.of("reason", "Thủ tục không thuộc thẩm quyền của cơ quan"));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.json().get("status").asString()).isEqualTo("REFUSED");
        assertThat(officer.postJson("/api/v1/desk/dossiers/" + id + "/receive", Map.of()).status()).isEqualTo(409);
    }

    @Test
    void thePublicLookupNeedsTheSecondFactorAndShowsNothingPersonal() {
        String dossierCode = submit(citizen, "0987654321").json().get("code").asString();

        TestHttp.Response found = anonymous.get("/api/v1/dossiers/" + dossierCode + "/status?digits=4321");
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.json().get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(found.json().get("agencyName").asString()).isEqualTo(justice.name());
        assertThat(found.body()).doesNotContain("Nhung").doesNotContain("0987654321").doesNotContain("038190012345");
        assertThat(anonymous.get("/api/v1/dossiers/" + dossierCode + "/status?digits=2345").status()).isEqualTo(200);
        assertThat(anonymous.get("/api/v1/dossiers/" + dossierCode + "/status?digits=1111").status()).isEqualTo(404);
        TestHttp.Response missing = anonymous.get("/api/v1/dossiers/000.00.05.H56-991231-9999/status?digits=4321");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("detail").asString()).contains("Không tìm thấy hồ sơ");
        assertThat(anonymous.get("/api/v1/dossiers/" + dossierCode + "/status").status()).isEqualTo(400);
    }
}
