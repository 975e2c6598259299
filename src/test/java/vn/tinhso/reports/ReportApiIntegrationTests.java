package vn.tinhso.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.GpsDirectory;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
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
import vn.tinhso.identity.AccountView;
import vn.tinhso.identity.TestAccounts;
import vn.tinhso.notification.NotificationManagement;
import vn.tinhso.shared.PageResult;
import vn.tinhso.units.Agency;
import vn.tinhso.units.AgencyManagement;

/**
 * Field reports through the API: submission with photos and pin, privacy of the public outputs,
 * routing, handling with deadlines, rating and reopening, duplicates, the map, and the bad inputs.
 */
@IntegrationTest
class ReportApiIntegrationTests {

    /** Each test works in its own small area, routed by its own rule, so that tests do not meet. */
    private static final AtomicInteger AREA = new AtomicInteger();

    @LocalServerPort
    int port;
    @Autowired
    TestAccounts accounts;
    @Autowired
    AgencyManagement agencies;
    @Autowired
    CalendarManagement calendar;
    @Autowired
    ReportManagement reports;
    @Autowired
    ReportJobs jobs;
    @Autowired
    NotificationManagement notifications;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    vn.tinhso.identity.IdentityManagement identity;
    @Autowired
    CapturedEvents events;

    Agency construction;
    Agency health;
    double lat;
    double lon;
    TestHttp citizen;
    TestHttp otherCitizen;
    AccountView other;
    TestHttp officer;
    TestHttp foreignOfficer;
    TestHttp admin;
    TestHttp anonymous;
    AccountView leader;

    @BeforeEach
    void setUp() {
        construction = agencies.findByCode("000.00.06.H56").orElseThrow();
        health = agencies.findByCode("000.00.09.H56").orElseThrow();
        int n = AREA.incrementAndGet();
        lat = 19.30 + n * 0.02;
        lon = 104.60 + n * 0.02;
        admin = new TestHttp(port).withToken(accounts.token("Quản trị", TestAccounts.admin()));
        TestHttp.Response rule = admin.postJson("/api/v1/admin/report-routing", Map.of("categoryCode", "roads",
                "minLat", lat - 0.005, "minLon", lon - 0.005, "maxLat", lat + 0.005, "maxLon", lon + 0.005,
                "agencyId", construction.id(), "toCommune", false, "note", "test area " + n));
        assertThat(rule.status()).as(rule.body()).isEqualTo(200);
        citizen = new TestHttp(port).withToken(accounts.token("Lê Văn Dân", TestAccounts.citizen()));
        other = accounts.create("Phạm Thị Hàng", TestAccounts.citizen());
        otherCitizen = new TestHttp(port).withToken(identity.createApiToken(other.id(), "test", null));
        officer = new TestHttp(port).withToken(accounts.token("Cán bộ Xây dựng", TestAccounts.officer(construction.id())));
        foreignOfficer = new TestHttp(port).withToken(accounts.token("Cán bộ Y tế", TestAccounts.officer(health.id())));
        leader = accounts.create("Lãnh đạo Sở Xây dựng", TestAccounts.leader(construction.id()));
        anonymous = new TestHttp(port);
    }

    private MultipartBody report(String category, String description, double la, double lo) {
        return new MultipartBody().field("category", category, null).field("description", description, null)
                .field("lat", String.valueOf(la), null).field("lon", String.valueOf(lo), null);
    }

    private JsonNode send(TestHttp who, MultipartBody body, String... headers) {
        TestHttp.Response r = body.post(who, "/api/v1/reports", headers);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    private JsonNode pothole(TestHttp who) {
        return send(who, report("road-damage", "Ổ gà lớn giữa đường, xe máy dễ ngã.", lat, lon)
                .file("photos", "o-ga.jpg", TestPhotos.jpeg(800, 600)));
    }

    private long count() {
        return jdbc.sql("SELECT count(*) FROM reports.report").query(Long.class).single();
    }

    private static void hasViolation(TestHttp.Response r, String field) {
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("errors").findValuesAsString("field")).as(r.body()).contains(field);
    }

    @Test
    void aReportWithPhotoAndPinIsRoutedByItsRuleAndWaitsForAcceptance() {
        JsonNode report = pothole(citizen);

        assertThat(report.get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(report.get("agencyId").asLong()).isEqualTo(construction.id());
        assertThat(report.get("number").asLong()).isPositive();
        Instant submitted = Instant.parse(report.get("submittedAt").asString());
        assertThat(Instant.parse(report.get("acceptDueAt").asString()))
                .isEqualTo(calendar.addWorkingHours(submitted, Duration.ofHours(8), construction.id()));
        assertThat(report.get("media")).hasSize(1);
        assertThat(report.get("reporter").get("name").asString()).isEqualTo("Lê Văn Dân");
        assertThat(citizen.get("/api/v1/reports/mine").json().get("items").findValuesAsString("id"))
                .contains(report.get("id").asString());
        assertThat(events.of(ReportEvent.Changed.class).filter(e -> e.kind().equals("submitted"))
                .map(e -> e.facts().number())).contains(report.get("number").asLong());
    }

    @Test
    void exifPlaceAndTimeAreReadAndNothingOfThemIsPublished() throws Exception {
        byte[] photo = TestPhotos.jpegWithExif(1200, 900, 19.8075, 105.7764, "2026:11:20 08:30:00");
        JsonNode report = send(citizen, report("road-damage", "Mặt đường bị sụt lún sau mưa lớn.", lat, lon)
                .file("photos", "IMG_2026.jpg", photo));

        JsonNode media = report.get("media").get(0);
        assertThat(media.get("exifLat").asDouble()).isCloseTo(19.8075, org.assertj.core.data.Offset.offset(0.0001));
        assertThat(media.get("exifLon").asDouble()).isCloseTo(105.7764, org.assertj.core.data.Offset.offset(0.0001));
        assertThat(Instant.parse(media.get("takenAt").asString())).isEqualTo(Instant.parse("2026-11-20T01:30:00Z"));

        long number = report.get("number").asLong();
        JsonNode published = awaitPhoto(number);
        assertThat(published.get("width").asInt()).isEqualTo(1200);
        HttpResponse<byte[]> large = bytes(anonymous, "/api/v1/reports/photos/" + published.get("id").asLong());
        assertThat(large.statusCode()).isEqualTo(200);
        assertThat(large.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(large.body()));
        assertThat(metadata.getFirstDirectoryOfType(GpsDirectory.class)).isNull();
        assertThat(metadata.getFirstDirectoryOfType(ExifSubIFDDirectory.class)).isNull();
        HttpResponse<byte[]> thumb = bytes(anonymous, "/api/v1/reports/photos/" + published.get("id").asLong()
                + "?size=thumb");
        assertThat(javax.imageio.ImageIO.read(new ByteArrayInputStream(thumb.body())).getWidth()).isEqualTo(360);

        // The original keeps its EXIF, for the reporter and the agency only.
        String original = "/api/v1/reports/media/" + media.get("id").asLong() + "/original";
        HttpResponse<byte[]> mine = bytes(citizen, original);
        assertThat(mine.statusCode()).isEqualTo(200);
        assertThat(ImageMetadataReader.readMetadata(new ByteArrayInputStream(mine.body()))
                .getFirstDirectoryOfType(GpsDirectory.class)).isNotNull();
        assertThat(bytes(officer, original).statusCode()).isEqualTo(200);
        assertThat(bytes(otherCitizen, original).statusCode()).isEqualTo(404);
        assertThat(bytes(foreignOfficer, original).statusCode()).isEqualTo(404);
        assertThat(bytes(anonymous, original).statusCode()).isEqualTo(401);
    }

    private JsonNode awaitPhoto(long number) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            JsonNode photos = anonymous.get("/api/v1/reports/public/" + number).json().get("photos");
            if (photos.size() > 0) {
                return photos.get(0);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the photo of report " + number + " was not processed");
    }

    private HttpResponse<byte[]> bytes(TestHttp who, String path) {
        try {
            return java.net.http.HttpClient.newHttpClient().send(who.request(path).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void thePublicNeverSeesTheReporterNorContactDetailsWrittenInTheText() {
        String description = "Cống tắc gây ngập, liên hệ tôi 0912 345 678 hoặc dan.le@example.vn, CCCD 038090001234.";
        JsonNode report = send(citizen, report("roads", description, lat, lon).field("name", "Lê Văn Dân", null)
                .field("phone", "0987654321", null));
        long number = report.get("number").asLong();

        assertThat(report.get("description").asString()).isEqualTo(description);
        TestHttp.Response one = anonymous.get("/api/v1/reports/public/" + number);
        TestHttp.Response list = anonymous.get("/api/v1/reports/public?size=100");
        TestHttp.Response nearby = anonymous.get("/api/v1/reports/nearby?category=roads&lat=" + lat + "&lon=" + lon);
        for (TestHttp.Response r : List.of(one, list, nearby)) {
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body()).doesNotContain("0912 345 678", "dan.le@example.vn", "038090001234", "0987654321",
                    "Lê Văn Dân");
        }
        assertThat(one.json().get("text").asString())
                .isEqualTo("Cống tắc gây ngập, liên hệ tôi ••• hoặc •••, CCCD •••.");

        // The officer edits the public text; the original and the replaced text are kept, and audited.
        UUID id = UUID.fromString(report.get("id").asString());
        TestHttp.Response edited = officer.postJson("/api/v1/desk/reports/" + id + "/public-text",
                Map.of("text", "Cống thoát nước bị tắc gây ngập, gọi 0912345678."));
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(anonymous.get("/api/v1/reports/public/" + number).json().get("text").asString())
                .isEqualTo("Cống thoát nước bị tắc gây ngập, gọi •••.");
        JsonNode detail = officer.get("/api/v1/desk/reports/" + id).json();
        assertThat(detail.get("report").get("description").asString()).isEqualTo(description);
        assertThat(detail.get("timeline").findValuesAsString("previous")).contains(
                "Cống tắc gây ngập, liên hệ tôi ••• hoặc •••, CCCD •••.");
        assertThat(audited("reports.report.public_text_edited", number)).isTrue();
    }

    private boolean audited(String action, long number) {
        return eventually(() -> jdbc.sql("SELECT count(*) FROM audit.record WHERE action = :a AND target_id = :t")
                .param("a", action).param("t", String.valueOf(number)).query(Long.class).single() > 0);
    }

    /** Whether the condition holds within 10 seconds (asynchronous listeners: audit, messages). */
    private static boolean eventually(java.util.function.BooleanSupplier condition) {
        for (int i = 0; i < 100; i++) {
            if (condition.getAsBoolean()) {
                return true;
            }
            sleep(100);
        }
        return false;
    }

    @Test
    void badInputGetsAFieldMessageAndSavesNothing() {
        long before = count();
        hasViolation(report("road-damage", "Ảnh không phải là ảnh thật.", lat, lon)
                .file("photos", "anh.jpg", Samples.text("không phải ảnh")).post(citizen, "/api/v1/reports"), "photos[0]");
        hasViolation(report("road-damage", "Ảnh hỏng, chỉ có phần đầu tệp.", lat, lon)
                .file("photos", "hong.jpg", Samples.jpeg()).post(citizen, "/api/v1/reports"), "photos[0]");
        byte[] huge = new byte[11 * 1024 * 1024];
        System.arraycopy(TestPhotos.jpeg(10, 10), 0, huge, 0, 200);
        hasViolation(report("road-damage", "Ảnh quá lớn so với giới hạn.", lat, lon)
                .file("photos", "lon.jpg", huge).post(citizen, "/api/v1/reports"), "photos[0]");
        hasViolation(report("road-damage", "Vị trí ở Hà Nội, ngoài tỉnh.", 21.0285, 105.8542)
                .post(citizen, "/api/v1/reports"), "location");
        hasViolation(report("road-damage", "Vĩ độ vượt quá giới hạn.", 91, 105.8)
                .post(citizen, "/api/v1/reports"), "location");
        hasViolation(report("road-damage", "Kinh độ vượt quá giới hạn.", 19.8, -181)
                .post(citizen, "/api/v1/reports"), "location");
        hasViolation(report("khong-co", "Lĩnh vực không tồn tại.", lat, lon).post(citizen, "/api/v1/reports"),
                "category");
        TestHttp.Response text = new MultipartBody().field("category", "roads", null)
                .field("description", "Tọa độ là chữ.", null).field("lat", "mười chín", null)
                .field("lon", "105", null).post(citizen, "/api/v1/reports");
        hasViolation(text, "location");
        TestHttp.Response tooMany = report("road-damage", "Quá nhiều ảnh trong một phản ánh.", lat, lon)
                .file("photos", "1.jpg", TestPhotos.jpeg(20, 20)).file("photos", "2.jpg", TestPhotos.jpeg(20, 20))
                .file("photos", "3.jpg", TestPhotos.jpeg(20, 20)).file("photos", "4.jpg", TestPhotos.jpeg(20, 20))
                .file("photos", "5.jpg", TestPhotos.jpeg(20, 20)).file("photos", "6.jpg", TestPhotos.jpeg(20, 20))
                .post(citizen, "/api/v1/reports");
        hasViolation(tooMany, "photos");
        assertThat(tooMany.json().get("errors").get(0).get("message").asString()).isEqualTo("Tối đa 5 ảnh hoặc video.");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void withoutAnAccountAReportNeedsContactUnlessItIsAnonymousWhereTheCategoryAllowsIt() {
        long before = count();
        hasViolation(report("road-damage", "Không có liên hệ nào cả.", lat, lon).post(anonymous, "/api/v1/reports"),
                "phone");
        hasViolation(report("land", "Lấn chiếm đất công ẩn danh.", lat, lon).field("anonymous", "true", null)
                .post(anonymous, "/api/v1/reports"), "anonymous");
        assertThat(count()).isEqualTo(before);

        JsonNode anon = send(anonymous, report("road-damage", "Đèn tín hiệu hỏng, báo ẩn danh.", lat, lon)
                .field("anonymous", "true", null).field("name", "Tên bị bỏ qua", null));
        assertThat(anon.get("reporter").get("anonymous").asBoolean()).isTrue();
        assertThat(anon.get("reporter").get("name").isNull()).isTrue();
        JsonNode desk = officer.get("/api/v1/desk/reports/" + anon.get("id").asString()).json();
        assertThat(desk.get("report").get("reporter").get("name").isNull()).isTrue();

        JsonNode withContact = send(anonymous, report("road-damage", "Cột điện nghiêng sắp đổ.", lat, lon)
                .field("name", "Nguyễn Văn Khách", null).field("phone", "0912 345 678", null));
        assertThat(withContact.get("reporter").get("phone").asString()).isEqualTo("0912345678");
    }

    @Test
    void aResentReportWithTheSameKeyCreatesOneReport() {
        String key = UUID.randomUUID().toString();
        MultipartBody body = report("road-damage", "Gửi lại khi có mạng trở lại.", lat, lon)
                .file("photos", "a.jpg", TestPhotos.jpeg(50, 50));
        long before = count();
        TestHttp.Response first = body.post(citizen, "/api/v1/reports", "Idempotency-Key", key);
        TestHttp.Response second = body.post(citizen, "/api/v1/reports", "Idempotency-Key", key);

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(second.status()).as(second.body()).isEqualTo(200);
        assertThat(second.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
        assertThat(count()).isEqualTo(before + 1);
        hasViolation(body.post(citizen, "/api/v1/reports", "Idempotency-Key", "short"), "clientKey");
    }

    @Test
    void theAgencyAcceptsHandlesAndResolvesWithAnAfterPhotoThenTheReporterRatesAndReopens() {
        JsonNode report = pothole(citizen);
        String id = report.get("id").asString();
        long number = report.get("number").asLong();

        assertThat(foreignOfficer.postJson("/api/v1/desk/reports/" + id + "/accept", Map.of()).status())
                .isEqualTo(404);
        assertThat(foreignOfficer.get("/api/v1/desk/reports").json().get("page").get("items")
                .findValuesAsString("id")).doesNotContain(id);
        assertThat(officer.get("/api/v1/desk/reports?status=SUBMITTED&q=" + number).json().get("page").get("items")
                .findValuesAsString("id")).contains(id);
        hasViolation(officer.postJson("/api/v1/desk/reports/" + id + "/accept", Map.of("severity", "RẤT GẤP")),
                "severity");

        JsonNode accepted = officer.postJson("/api/v1/desk/reports/" + id + "/accept", Map.of("severity", "URGENT"))
                .json();
        assertThat(accepted.get("status").asString()).isEqualTo("ACCEPTED");
        Instant acceptedAt = Instant.parse(accepted.get("acceptedAt").asString());
        assertThat(Instant.parse(accepted.get("handleDueAt").asString()))
                .isEqualTo(calendar.addWorkingHours(acceptedAt, Duration.ofHours(4), construction.id()));
        assertThat(officer.postJson("/api/v1/desk/reports/" + id + "/accept", Map.of()).status()).isEqualTo(409);
        assertThat(officer.postJson("/api/v1/desk/reports/" + id + "/start", Map.of()).json().get("status")
                .asString()).isEqualTo("IN_PROGRESS");

        hasViolation(new MultipartBody().field("answer", "Đã vá ổ gà bằng bê tông nhựa.", null)
                .post(officer, "/api/v1/desk/reports/" + id + "/resolve"), "photos");
        hasViolation(new MultipartBody().field("answer", "Xong.", null).file("photos", "sau.jpg",
                TestPhotos.jpeg(400, 300)).post(officer, "/api/v1/desk/reports/" + id + "/resolve"), "answer");
        TestHttp.Response resolved = new MultipartBody().field("answer", "Đã vá ổ gà bằng bê tông nhựa.", null)
                .file("photos", "sau.jpg", TestPhotos.jpeg(400, 300))
                .post(officer, "/api/v1/desk/reports/" + id + "/resolve");
        assertThat(resolved.status()).as(resolved.body()).isEqualTo(200);
        assertThat(resolved.json().get("status").asString()).isEqualTo("RESOLVED");
        assertThat(resolved.json().get("onTime").asBoolean()).isTrue();
        assertThat(resolved.json().get("media").findValuesAsString("stage")).containsExactly("BEFORE", "AFTER");
        assertThat(anonymous.get("/api/v1/reports/public/" + number).json().get("answer").asString())
                .isEqualTo("Đã vá ổ gà bằng bê tông nhựa.");

        assertThat(otherCitizen.postJson("/api/v1/reports/mine/" + id + "/rating", Map.of("rating", 5)).status())
                .isEqualTo(404);
        hasViolation(citizen.postJson("/api/v1/reports/mine/" + id + "/rating", Map.of("rating", 6)), "rating");
        JsonNode rated = citizen.postJson("/api/v1/reports/mine/" + id + "/rating",
                Map.of("rating", 4, "comment", "Xử lý nhanh.")).json();
        assertThat(rated.get("status").asString()).isEqualTo("CLOSED");
        assertThat(rated.get("rating").asInt()).isEqualTo(4);

        hasViolation(citizen.postJson("/api/v1/reports/mine/" + id + "/reopen", Map.of("reason", "Lại")), "reason");
        JsonNode reopened = citizen.postJson("/api/v1/reports/mine/" + id + "/reopen",
                Map.of("reason", "Ổ gà lại xuất hiện sau trận mưa.")).json();
        assertThat(reopened.get("status").asString()).isEqualTo("REOPENED");
        assertThat(reopened.get("agencyId").asLong()).isEqualTo(construction.id());
        assertThat(reopened.get("reopenCount").asInt()).isEqualTo(1);
        assertThat(reopened.get("rating").isNull()).isTrue();
        JsonNode timeline = citizen.get("/api/v1/reports/mine/" + id).json().get("timeline");
        assertThat(timeline.findValuesAsString("kind")).containsExactly("submitted", "accepted", "started", "resolved",
                "rated", "reopened");
        assertThat(officer.postJson("/api/v1/desk/reports/" + id + "/accept", Map.of()).json().get("status")
                .asString()).isEqualTo("ACCEPTED");
        for (String kind : List.of("accepted", "started", "resolved", "rated", "reopened")) {
            assertThat(audited("reports.report." + kind, number)).as(kind).isTrue();
        }
    }

    @Test
    void aReportCannotBeReopenedAfterTheWindow() {
        JsonNode report = pothole(citizen);
        String id = report.get("id").asString();
        officer.postJson("/api/v1/desk/reports/" + id + "/accept", Map.of());
        new MultipartBody().field("answer", "Đã xử lý xong ổ gà.", null).file("photos", "sau.jpg",
                TestPhotos.jpeg(100, 100)).post(officer, "/api/v1/desk/reports/" + id + "/resolve");
        jdbc.sql("UPDATE reports.report SET resolved_at = now() - interval '11 days' WHERE id = :id")
                .param("id", UUID.fromString(id)).update();

        TestHttp.Response r = citizen.postJson("/api/v1/reports/mine/" + id + "/reopen",
                Map.of("reason", "Ổ gà lại xuất hiện."));
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.json().get("detail").asString()).contains("10 ngày");

        // The deadline watch closes it: the window has passed.
        jobs.watch(Instant.now());
        assertThat(citizen.get("/api/v1/reports/mine/" + id).json().get("report").get("status").asString())
                .isEqualTo("CLOSED");
    }

    @Test
    void anAgencyReturnsWhatIsNotItsMatterToTriageWhichRoutesItAndRejectionNeedsAReason() {
        Agency triage = agencies.findByCode("000.00.01.H56").orElseThrow();
        TestHttp triageOfficer = new TestHttp(port).withToken(accounts.token("Điều phối", TestAccounts.officer(triage.id())));
        JsonNode report = pothole(citizen);
        String id = report.get("id").asString();

        hasViolation(officer.postJson("/api/v1/desk/reports/" + id + "/reroute", Map.of("note", "")), "note");
        JsonNode returned = officer.postJson("/api/v1/desk/reports/" + id + "/reroute",
                Map.of("note", "Thuộc thẩm quyền của xã, đề nghị chuyển.")).json();
        assertThat(returned.get("agencyId").asLong()).isEqualTo(triage.id());
        assertThat(officer.get("/api/v1/desk/reports/" + id).status()).isEqualTo(404);

        JsonNode routed = triageOfficer.postJson("/api/v1/desk/reports/" + id + "/reroute",
                Map.of("agencyId", health.id(), "note", "Chuyển Sở Y tế xử lý.")).json();
        assertThat(routed.get("agencyId").asLong()).isEqualTo(health.id());
        Instant due = Instant.parse(routed.get("acceptDueAt").asString());
        assertThat(due).isAfter(Instant.parse(report.get("acceptDueAt").asString()).minusSeconds(1));

        hasViolation(foreignOfficer.postJson("/api/v1/desk/reports/" + id + "/reject", Map.of("reason", "")), "reason");
        JsonNode rejected = foreignOfficer.postJson("/api/v1/desk/reports/" + id + "/reject",
                Map.of("reason", "Sự việc đã được xử lý trước khi nhận phản ánh.")).json();
        assertThat(rejected.get("status").asString()).isEqualTo("REJECTED");
        assertThat(citizen.get("/api/v1/reports/mine/" + id).json().get("report").get("rejectReason").asString())
                .isEqualTo("Sự việc đã được xử lý trước khi nhận phản ánh.");
        assertThat(citizen.get("/api/v1/reports/mine/" + id).json().get("timeline").findValuesAsString("kind"))
                .containsExactly("submitted", "returned", "rerouted", "rejected");
    }

    @Test
    void aDuplicateNearbyIsOfferedFollowedAndMerged() {
        JsonNode first = pothole(citizen);
        long number = first.get("number").asLong();
        // 100 m north: a duplicate; 1 km away: not.
        List<String> near = anonymous.get("/api/v1/reports/nearby?category=road-damage&lat=" + (lat + 0.0009)
                + "&lon=" + lon).json().findValuesAsString("number");
        assertThat(near).contains(String.valueOf(number));
        assertThat(anonymous.get("/api/v1/reports/nearby?category=road-damage&lat=" + (lat + 0.009) + "&lon=" + lon)
                .json().findValuesAsString("number")).doesNotContain(String.valueOf(number));
        assertThat(anonymous.get("/api/v1/reports/nearby?category=lighting&lat=" + lat + "&lon=" + lon).json()
                .findValuesAsString("number")).doesNotContain(String.valueOf(number));
        hasViolation(anonymous.get("/api/v1/reports/nearby?category=roads&lat=95&lon=105"), "location");

        TestHttp follower = new TestHttp(port).withToken(accounts.token("Người theo dõi", TestAccounts.citizen()));
        assertThat(follower.postJson("/api/v1/reports/" + number + "/follow", Map.of()).json().get("following")
                .asBoolean()).isTrue();
        assertThat(anonymous.postJson("/api/v1/reports/" + number + "/follow", Map.of()).status()).isEqualTo(401);

        JsonNode second = send(otherCitizen, report("road-damage", "Ổ gà ở đoạn đường này rất nguy hiểm.",
                lat + 0.0005, lon));
        String secondId = second.get("id").asString();
        hasViolation(officer.postJson("/api/v1/desk/reports/" + secondId + "/merge", Map.of("into", 99_999_999)),
                "into");
        JsonNode merged = officer.postJson("/api/v1/desk/reports/" + secondId + "/merge", Map.of("into", number))
                .json();
        assertThat(merged.get("status").asString()).isEqualTo("REJECTED");
        assertThat(merged.get("rejectReason").asString()).isEqualTo("#" + number);
        // The second reporter now follows the first report and hears of its progress.
        assertThat(otherCitizen.get("/api/v1/reports/mine").json().get("items").findValuesAsString("id"))
                .contains(first.get("id").asString());
        officer.postJson("/api/v1/desk/reports/" + first.get("id").asString() + "/accept", Map.of());
        assertThat(awaitMessage(other.id(), "#" + number + " đã được tiếp nhận")).isTrue();
    }

    private boolean awaitMessage(long accountId, String title) {
        return eventually(() -> notifications.messages(accountId, false, new PageResult.Request(0, 50)).items()
                .stream().anyMatch(m -> m.title().contains(title)));
    }

    @Test
    void overdueReportsRemindTheOfficersAndEscalateToTheLeaders() {
        JsonNode report = pothole(citizen);
        long number = report.get("number").asLong();
        Instant due = Instant.parse(report.get("acceptDueAt").asString());

        jobs.watch(due.minusSeconds(60));
        assertThat(events.of(ReportEvent.DeadlineNear.class).map(e -> e.facts().number())).contains(number);
        jobs.watch(due.plusSeconds(60));
        assertThat(events.of(ReportEvent.Escalated.class).map(e -> e.facts().number())).contains(number);
        assertThat(awaitMessage(leader.id(), "#" + number + " đã quá hạn")).isTrue();
        // Once each: a second round tells nobody again.
        long escalations = events.of(ReportEvent.Escalated.class).filter(e -> e.facts().number() == number).count();
        jobs.watch(due.plusSeconds(120));
        assertThat(events.of(ReportEvent.Escalated.class).filter(e -> e.facts().number() == number).count())
                .isEqualTo(escalations);
        JsonNode queue = officer.get("/api/v1/desk/reports?overdue=true&size=100").json();
        assertThat(queue.get("counts").get("OVERDUE").asLong()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void theMapShowsPublicReportsInViewAsPointsAndManyAsClusters() {
        JsonNode shown = pothole(citizen);
        JsonNode hidden = pothole(otherCitizen);
        officer.postJson("/api/v1/desk/reports/" + hidden.get("id").asString() + "/visibility", Map.of("visible", false));
        String box = (lon - 0.01) + "," + (lat - 0.01) + "," + (lon + 0.01) + "," + (lat + 0.01);

        JsonNode view = anonymous.get("/api/v1/reports/map?zoom=15&bbox=" + box).json();
        List<String> numbers = view.get("points").findValuesAsString("number");
        assertThat(numbers).contains(shown.get("number").asString()).doesNotContain(hidden.get("number").asString());
        assertThat(anonymous.get("/api/v1/reports/map?zoom=15&category=lighting&bbox=" + box).json().get("points")
                .findValuesAsString("number")).doesNotContain(shown.get("number").asString());
        assertThat(anonymous.get("/api/v1/reports/public/" + hidden.get("number").asLong()).status()).isEqualTo(404);

        // 600 reports in one square: too many to draw one by one, so clusters that add up.
        double cLat = lat + 0.003;
        jdbc.sql("""
                INSERT INTO reports.report (id, category_code, description, public_text, lat, lon, agency_id,
                  source, status, submitted_at, updated_at)
                SELECT gen_random_uuid(), 'waste', 'Rác thải thử nghiệm', 'Rác thải thử nghiệm',
                  :lat + (i % 30) * 0.00005, :lon + (i / 30) * 0.00005, :ag, 'DEMO', 'SUBMITTED', now(), now()
                FROM generate_series(1, 600) AS i""").param("lat", cLat).param("lon", lon).param("ag", construction.id())
                .update();
        String small = (lon - 0.002) + "," + (cLat - 0.002) + "," + (lon + 0.004) + "," + (cLat + 0.004);
        // Written behind the application's back (as another node would): the index catches up within a second.
        JsonNode clustered = null;
        for (int i = 0; i < 30 && (clustered == null || clustered.get("total").asInt() < 600); i++) {
            sleep(100);
            clustered = anonymous.get("/api/v1/reports/map?zoom=12&category=waste&bbox=" + small).json();
        }
        assertThat(clustered.get("total").asInt()).isEqualTo(600);
        assertThat(clustered.get("points")).isEmpty();
        int sum = 0;
        for (JsonNode c : clustered.get("clusters")) {
            sum += c.get("count").asInt();
        }
        assertThat(sum).isEqualTo(600);

        // A wide view without filters adds up whole blocks of reports; it must draw what scanning every report
        // draws (a filter on every state makes the index scan them one by one).
        String wide = "104.0,19.0,106.5,21.0";
        JsonNode summed = anonymous.get("/api/v1/reports/map?zoom=9&bbox=" + wide).json();
        JsonNode scanned = anonymous.get("/api/v1/reports/map?zoom=9&bbox=" + wide
                + "&status=SUBMITTED,ACCEPTED,IN_PROGRESS,RESOLVED,CLOSED,REJECTED,REOPENED").json();
        assertThat(summed.get("total").asInt()).isGreaterThanOrEqualTo(600).isEqualTo(scanned.get("total").asInt());
        assertThat(summed.get("clusters")).isNotEmpty();
        assertThat(clusters(summed)).isEqualTo(clusters(scanned));

        hasViolation(anonymous.get("/api/v1/reports/map?bbox=1,2,3"), "bbox");
        hasViolation(anonymous.get("/api/v1/reports/map?bbox=106,20,105,19"), "bbox");
        hasViolation(anonymous.get("/api/v1/reports/map?status=MO"), "status");
        hasViolation(anonymous.get("/api/v1/reports/map?from=31/02/2026"), "from");
    }

    /** Clusters as sorted "count@lat,lon" texts, positions to 6 decimals. */
    private static List<String> clusters(JsonNode view) {
        List<String> list = new java.util.ArrayList<>();
        for (JsonNode c : view.get("clusters")) {
            list.add(c.get("count").asInt() + "@" + String.format(java.util.Locale.ROOT, "%.6f,%.6f",
                    c.get("lat").asDouble(), c.get("lon").asDouble()));
        }
        java.util.Collections.sort(list);
        return list;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void categoriesAreATreeWithIconsAndTheRoutingRulesAreForAdministrators() {
        JsonNode categories = anonymous.get("/api/v1/report-categories").json();
        assertThat(categories.findValuesAsString("code")).contains("roads", "road-damage", "lighting", "environment",
                "water", "traffic", "construction", "land", "health", "security", "attitude", "other");
        assertThat(categories.findValuesAsString("parentCode")).contains("roads");
        assertThat(officer.get("/api/v1/admin/report-routing").status()).isEqualTo(403);
        hasViolation(admin.postJson("/api/v1/admin/report-routing", Map.of("categoryCode", "khong-co",
                "agencyId", construction.id())), "categoryCode");
        hasViolation(admin.postJson("/api/v1/admin/report-routing", Map.of("categoryCode", "roads")), "agencyId");

        // Administrators grow the tree; a new sub-category is routed by its parent's rules at once.
        String code = "bridge-" + AREA.incrementAndGet();
        TestHttp.Response created = admin.postJson("/api/v1/admin/report-categories", Map.of("code", code,
                "parentCode", "roads", "name", "Cầu hư hỏng", "nameEn", "Damaged bridges", "icon", "🌉"));
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        assertThat(anonymous.get("/api/v1/report-categories").json().findValuesAsString("code")).contains(code);
        JsonNode bridge = send(citizen, report(code, "Lan can cầu bị gãy, rất nguy hiểm.", lat, lon));
        assertThat(bridge.get("agencyId").asLong()).isEqualTo(construction.id());
        hasViolation(admin.postJson("/api/v1/admin/report-categories", Map.of("code", code, "name", "Trùng",
                "nameEn", "Taken", "icon", "x")), "code");
        hasViolation(admin.postJson("/api/v1/admin/report-categories", Map.of("code", "Có Dấu", "name", "",
                "nameEn", "x", "icon", "x")), "code");
        TestHttp.Response retired = admin.send(admin.request("/api/v1/admin/report-categories/" + code).header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"name\":\"Cầu hư hỏng\",\"nameEn\":\"Damaged bridges\","
                                + "\"icon\":\"🌉\",\"parentCode\":\"roads\",\"active\":false}")));
        assertThat(retired.status()).as(retired.body()).isEqualTo(200);
        hasViolation(report(code, "Lĩnh vực đã ngừng sử dụng.", lat, lon).post(citizen, "/api/v1/reports"), "category");
        assertThat(officer.postJson("/api/v1/admin/report-categories", Map.of("code", "x")).status()).isEqualTo(403);
    }
}
