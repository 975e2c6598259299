package vn.tinhso.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.tinhso.IntegrationTest;
import vn.tinhso.TestHttp;
import vn.tinhso.identity.AccountView;
import vn.tinhso.identity.IdentityManagement;
import vn.tinhso.identity.TestAccounts;
import vn.tinhso.shared.Actor;
import vn.tinhso.shared.PageResult;
import vn.tinhso.shared.Zones;

@IntegrationTest
class AuditIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Autowired
    IdentityManagement identity;

    @Autowired
    AuditManagement audit;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    JdbcClient jdbc;

    TestHttp admin() {
        return new TestHttp(port).withToken(accounts.token("Quản trị", TestAccounts.admin()));
    }

    @Test
    void recordsWhoStoredAFileFromWhereAndWhatItWas() {
        AccountView citizen = accounts.create("Công dân", TestAccounts.citizen());
        TestHttp http = new TestHttp(port).withToken(identity.createApiToken(citizen.id(), "test", null));
        String fileId = upload(http, "%PDF-1.4\n%%EOF\n").get("id").asString();

        JsonNode record = awaitOne(admin(), "/api/v1/audit?actor=" + citizen.email() + "&action=files.file.stored");
        assertThat(record.get("actor").asString()).isEqualTo(citizen.email());
        assertThat(record.get("address").asString()).isEqualTo("127.0.0.1");
        assertThat(record.get("targetType").asString()).isEqualTo("file");
        assertThat(record.get("targetId").asString()).isEqualTo(fileId);
        assertThat(record.get("outcome").asString()).isEqualTo("success");
        assertThat(record.at("/details/contentType").asString()).isEqualTo("application/pdf");
        assertThat(record.at("/details/sha256").asString()).matches("[0-9a-f]{64}");
        assertThat(record.get("hash").asString()).matches("[0-9a-f]{64}");
    }

    @Test
    void recordsRefusedUploadsAsFailures() {
        AccountView citizen = accounts.create("Người thử", TestAccounts.citizen());
        TestHttp http = new TestHttp(port).withToken(identity.createApiToken(citizen.id(), "test", null));
        assertThat(uploadResponse(http, "MZ\u0090\u0000\u0003").status()).isEqualTo(415);

        JsonNode record = awaitOne(admin(), "/api/v1/audit?actor=" + citizen.email() + "&action=files.file.rejected");
        assertThat(record.get("outcome").asString()).isEqualTo("failure");
        assertThat(record.at("/details/reason").asString()).isEqualTo("file_type_forbidden");
        assertThat(record.at("/details/detail").asString()).isEqualTo("application/x-msdownload");
    }

    @Test
    void searchFiltersByActorActionAndPeriodAndRefusesBadInput() {
        String tag = "test.search." + UUID.randomUUID().toString().substring(0, 8);
        publish(new TestEvent(tag + ".one", "1", Map.of(), new Actor("Trần Bình", "10.1.2.3")));
        publish(new TestEvent(tag + ".two", "2", Map.of(), new Actor("Lê Chi", null)));
        TestHttp admin = admin();
        await().atMost(Duration.ofSeconds(10)).until(() -> total(admin, "/api/v1/audit?action=" + tag) == 2);

        String today = LocalDate.now(Zones.VIETNAM).toString();
        assertThat(total(admin, "/api/v1/audit?action=" + tag + "&actor=trần")).isEqualTo(1);
        assertThat(total(admin, "/api/v1/audit?action=" + tag + ".two")).isEqualTo(1);
        assertThat(total(admin, "/api/v1/audit?action=" + tag + "&from=" + today + "&to=" + today)).isEqualTo(2);
        assertThat(total(admin, "/api/v1/audit?action=" + tag + "&to=2000-01-01")).isZero();
        assertThat(total(admin, "/api/v1/audit?action=test.search._")).isZero();
        JsonNode page = admin.get("/api/v1/audit?action=" + tag + "&size=1&page=1").json();
        assertThat(page.get("items")).hasSize(1);
        assertThat(page.get("items").get(0).get("action").asString()).isEqualTo(tag + ".one");
        assertThat(page.get("size").asInt()).isEqualTo(1);

        TestHttp.Response badDate = admin.get("/api/v1/audit?from=25/11/2026");
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.json().get("code").asString()).isEqualTo("invalid_date");
        assertThat(badDate.json().at("/errors/0/field").asString()).isEqualTo("from");
        assertThat(admin.get("/api/v1/audit?from=2026-11-25&to=2026-11-24").json().get("code").asString())
                .isEqualTo("validation_failed");
        assertThat(admin.get("/api/v1/audit?size=0").status()).isEqualTo(400);
        assertThat(admin.get("/api/v1/audit?page=x").status()).isEqualTo(400);
    }

    @Test
    void onlyAdministratorsReadTheTrail() {
        TestHttp citizen = new TestHttp(port).withToken(accounts.token("Công dân", TestAccounts.citizen()));
        for (String path : List.of("/api/v1/audit", "/api/v1/audit/verify", "/api/v1/audit/export")) {
            assertThat(citizen.get(path).status()).as(path).isEqualTo(403);
            assertThat(new TestHttp(port).get(path).status()).as(path).isEqualTo(401);
        }
        assertThat(citizen.get("/admin/audit").status()).isEqualTo(403);
        assertThat(new TestHttp(port).get("/admin/audit").status()).isEqualTo(302);
    }

    @Test
    void theDatabaseRefusesToChangeOrDeleteRecords() {
        long seq = recordOne();
        String before = jdbc.sql("SELECT hash FROM audit.record WHERE seq = :s").param("s", seq)
                .query(String.class).single();
        for (String sql : List.of("UPDATE audit.record SET actor = 'mallory' WHERE seq = " + seq,
                "DELETE FROM audit.record WHERE seq = " + seq, "TRUNCATE audit.record")) {
            assertThatThrownBy(() -> jdbc.sql(sql).update()).as(sql).isInstanceOf(DataAccessException.class)
                    .rootCause().hasMessageContaining("append-only");
        }
        assertThat(jdbc.sql("SELECT hash FROM audit.record WHERE seq = :s").param("s", seq)
                .query(String.class).single()).isEqualTo(before);
    }

    @Test
    void verificationFindsAChangedRecordEvenPastTheTrigger() {
        long seq = recordOne();
        assertThat(audit.verify().intact()).isTrue();

        // Someone able to disable the trigger changes a record; the transaction is rolled back after.
        tx.executeWithoutResult(status -> {
            jdbc.sql("ALTER TABLE audit.record DISABLE TRIGGER record_append_only").update();
            jdbc.sql("UPDATE audit.record SET actor = 'mallory' WHERE seq = :s").param("s", seq).update();
            ChainVerification result = audit.verify();
            assertThat(result.intact()).isFalse();
            assertThat(result.brokenSeq()).isEqualTo(seq);
            assertThat(result.reason()).isEqualTo("hash_mismatch");
            assertThat(result.checked()).isEqualTo(seq - 1);
            status.setRollbackOnly();
        });
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void verificationFindsARemovedRecord() {
        long seq = recordOne();
        recordOne();
        tx.executeWithoutResult(status -> {
            jdbc.sql("ALTER TABLE audit.record DISABLE TRIGGER record_append_only").update();
            jdbc.sql("DELETE FROM audit.record WHERE seq = :s").param("s", seq).update();
            ChainVerification result = audit.verify();
            assertThat(result.brokenSeq()).isEqualTo(seq + 1);
            assertThat(result.reason()).isEqualTo("sequence_gap");
            status.setRollbackOnly();
        });
        JsonNode verified = admin().get("/api/v1/audit/verify").json();
        assertThat(verified.get("intact").asBoolean()).isTrue();
        assertThat(verified.get("checked").asLong()).isGreaterThanOrEqualTo(seq + 1);
    }

    @Test
    void concurrentEventsFormOneUnbrokenChain() throws Exception {
        String tag = "test.concurrent." + UUID.randomUUID().toString().substring(0, 8);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String id = String.valueOf(i);
                done.add(pool.submit(() -> publish(new TestEvent(tag, id, Map.of("i", id), new Actor("máy", null)))));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        AuditQuery query = new AuditQuery(null, tag, null, null);
        await().atMost(Duration.ofSeconds(20)).until(() -> audit.search(query, new PageResult.Request(0, 1)).total() == 40);
        List<AuditRecord> records = audit.search(query, new PageResult.Request(0, 100)).items();
        assertThat(records).extracting(AuditRecord::seq).doesNotHaveDuplicates();
        assertThat(records).extracting(AuditRecord::targetId).hasSize(40).doesNotHaveDuplicates();
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void keepsTextThePostgresqlWouldRefuseWithoutBreakingTheChain() {
        String tag = "test.text." + UUID.randomUUID().toString().substring(0, 8);
        publish(new TestEvent(tag, "x", Map.of("note", "a\u0000b\uD800"), new Actor("kẻ\u0000gian", null)));
        AuditQuery query = new AuditQuery(null, tag, null, null);
        await().atMost(Duration.ofSeconds(10)).until(() -> audit.search(query, new PageResult.Request(0, 1)).total() == 1);
        AuditRecord record = audit.search(query, new PageResult.Request(0, 1)).items().get(0);
        assertThat(record.actor()).isEqualTo("kẻgian");
        assertThat(record.details()).containsEntry("note", "ab\uFFFD");
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void exportsEcsJsonLinesInChainOrderAndRecordsTheExport() {
        String tag = "test.export." + UUID.randomUUID().toString().substring(0, 8);
        publish(new TestEvent(tag, "1", Map.of("k", "v"), new Actor("Phạm Dũng", "192.168.1.7")));
        TestHttp admin = admin();
        await().atMost(Duration.ofSeconds(10)).until(() -> total(admin, "/api/v1/audit?action=" + tag) == 1);

        TestHttp.Response mine = admin.get("/api/v1/audit/export?action=" + tag);
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.contentType()).startsWith("application/x-ndjson");
        List<JsonNode> lines = lines(mine.body());
        assertThat(lines).hasSize(1);
        JsonNode line = lines.get(0);
        assertThat(line.get("@timestamp").asString()).endsWith("Z");
        assertThat(line.at("/event/action").asString()).isEqualTo(tag);
        assertThat(line.at("/event/outcome").asString()).isEqualTo("success");
        assertThat(line.at("/event/category/0").asString()).isEqualTo("database");
        assertThat(line.at("/user/name").asString()).isEqualTo("Phạm Dũng");
        assertThat(line.at("/source/ip").asString()).isEqualTo("192.168.1.7");
        assertThat(line.at("/related/user/0").asString()).isEqualTo("Phạm Dũng");
        assertThat(line.at("/labels/k").asString()).isEqualTo("v");
        assertThat(line.at("/tinhso/audit/hash").asString()).matches("[0-9a-f]{64}");

        List<JsonNode> all = lines(admin.get("/api/v1/audit/export").body());
        assertThat(all.size()).isGreaterThan(1);
        for (int i = 1; i < all.size(); i++) {
            assertThat(all.get(i).at("/tinhso/audit/prev_hash").asString())
                    .isEqualTo(all.get(i - 1).at("/tinhso/audit/hash").asString());
            assertThat(all.get(i).at("/event/sequence").asLong()).isEqualTo(all.get(i - 1).at("/event/sequence").asLong() + 1);
        }
        assertThat(lines(admin.get("/api/v1/audit/export?to=2000-01-01").body())).isEmpty();
        assertThat(admin.get("/api/v1/audit/export?from=gestern").json().get("code").asString())
                .isEqualTo("invalid_date");
        await().atMost(Duration.ofSeconds(10)).until(() -> total(admin, "/api/v1/audit?action=audit.records.exported") >= 3);
    }

    @Test
    void theAdminPageListsRecordsAndTheStateOfTheChain() {
        String tag = "test.page." + UUID.randomUUID().toString().substring(0, 8);
        publish(new TestEvent(tag, "1", Map.of("ghi chú", "xin chào"), new Actor("Đỗ Giang", "10.0.0.9")));
        TestHttp admin = admin();
        await().atMost(Duration.ofSeconds(10)).until(() -> total(admin, "/api/v1/audit?action=" + tag) == 1);
        admin.postForm("/admin/audit/verify", Map.of());

        TestHttp.Response page = admin.get("/admin/audit?action=" + tag);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Nhật ký kiểm toán", tag, "Đỗ Giang", "10.0.0.9", "xin chào",
                "Chuỗi băm nguyên vẹn", "alert-success");
        TestHttp.Response english = admin.get("/admin/audit?lang=en&action=" + tag);
        assertThat(english.body()).contains("Audit trail", "The hash chain is intact");
        TestHttp.Response badDate = admin.get("/admin/audit?from=25%2F11%2F2026");
        assertThat(badDate.status()).isEqualTo(200);
        assertThat(badDate.body()).contains("is-invalid");
    }

    private void publish(TestEvent event) {
        tx.executeWithoutResult(status -> events.publishEvent(event));
    }

    /** Publishes an event and waits for its record; returns its seq. */
    private long recordOne() {
        String tag = "test.one." + UUID.randomUUID();
        publish(new TestEvent(tag, "1", Map.of(), new Actor("kiểm thử", null)));
        AuditQuery query = new AuditQuery(null, tag, null, null);
        await().atMost(Duration.ofSeconds(10)).until(() -> audit.search(query, new PageResult.Request(0, 1)).total() == 1);
        return audit.search(query, new PageResult.Request(0, 1)).items().get(0).seq();
    }

    private static long total(TestHttp http, String path) {
        return http.get(path).json().get("total").asLong();
    }

    private static JsonNode awaitOne(TestHttp http, String path) {
        await().atMost(Duration.ofSeconds(10)).until(() -> total(http, path) == 1);
        return http.get(path).json().get("items").get(0);
    }

    private static List<JsonNode> lines(String body) {
        return body.lines().filter(l -> !l.isBlank()).map(JSON::readTree).toList();
    }

    private static JsonNode upload(TestHttp http, String content) {
        TestHttp.Response response = uploadResponse(http, content);
        assertThat(response.status()).isEqualTo(201);
        return response.json();
    }

    private static TestHttp.Response uploadResponse(TestHttp http, String content) {
        String boundary = "b" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"don.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n";
        return http.send(http.request("/api/v1/files").header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.ISO_8859_1)));
    }
}
