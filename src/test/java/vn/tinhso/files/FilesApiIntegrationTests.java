package vn.tinhso.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import vn.tinhso.IntegrationTest;
import vn.tinhso.TestHttp;
import vn.tinhso.identity.TestAccounts;

@IntegrationTest
class FilesApiIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    FilesSettings settings;

    TestHttp citizen;

    @BeforeEach
    void signIn() {
        citizen = new TestHttp(port).withToken(accounts.token("Công dân", TestAccounts.citizen()));
    }

    @Test
    void storesAFileAndGivesItBackWithItsVietnameseName() throws Exception {
        byte[] pdf = Samples.pdf();
        TestHttp.Response created = Multipart.upload(citizen, "Đơn đề nghị cấp phép.pdf", pdf);

        assertThat(created.status()).isEqualTo(201);
        JsonNode file = created.json();
        String id = file.get("id").asString();
        assertThat(created.header("Location")).isEqualTo("/api/v1/files/" + id);
        assertThat(file.get("name").asString()).isEqualTo("Đơn đề nghị cấp phép.pdf");
        assertThat(file.get("contentType").asString()).isEqualTo("application/pdf");
        assertThat(file.get("size").asLong()).isEqualTo(pdf.length);
        assertThat(file.get("sha256").asString()).isEqualTo(sha256(pdf));
        assertThat(citizen.get("/api/v1/files/" + id).json().get("sha256").asString()).isEqualTo(sha256(pdf));

        HttpResponse<byte[]> download = bytes(citizen, "/api/v1/files/" + id + "/content");
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(pdf);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        String disposition = download.headers().firstValue("Content-Disposition").orElseThrow();
        assertThat(disposition).startsWith("attachment; filename=\"Don de nghi cap phep.pdf\"; filename*=UTF-8''");
        assertThat(URLDecoder.decode(disposition.substring(disposition.indexOf("''") + 2), StandardCharsets.UTF_8))
                .isEqualTo("Đơn đề nghị cấp phép.pdf");
    }

    @Test
    void onlyTheOwnerAndAdministratorsMayReadAFile() {
        String id = Multipart.upload(citizen, "to-khai.pdf", Samples.pdf()).json().get("id").asString();
        TestHttp stranger = new TestHttp(port).withToken(accounts.token("Người lạ", TestAccounts.citizen()));
        TestHttp admin = new TestHttp(port).withToken(accounts.token("Quản trị", TestAccounts.admin()));

        assertThat(stranger.get("/api/v1/files/" + id).json().get("code").asString()).isEqualTo("forbidden");
        assertThat(stranger.get("/api/v1/files/" + id + "/content").status()).isEqualTo(403);
        assertThat(new TestHttp(port).get("/api/v1/files/" + id).status()).isEqualTo(401);
        assertThat(bytes(admin, "/api/v1/files/" + id + "/content").body()).isEqualTo(Samples.pdf());
    }

    @Test
    void acceptsEachAllowedKindByItsContent() {
        assertType("bang-ke.csv", Samples.text("mã,tên\n38,Thanh Hóa\n"), "text/csv");
        assertType("du-lieu.json", Samples.text("{\"tinh\":\"Thanh Hóa\"}"), "application/json");
        assertType("ghi-chu.txt", Samples.text("Xin chào"), "text/plain");
        assertType("to-trinh.docx", Samples.docx(), Samples.DOCX);
        assertType("bang-tinh.xlsx", Samples.xlsx(), Samples.XLSX);
        assertType("anh.png", Samples.png(), "image/png");
        assertType("anh.jpg", Samples.jpeg(), "image/jpeg");
        // The name does not decide: a PDF called .png is stored as the PDF it is.
        assertType("anh.png", Samples.pdf(), "application/pdf");
    }

    @Test
    void refusesAnExecutableRenamedToPdfAndStoresNothing() throws IOException {
        Snapshot before = snapshot();
        TestHttp.Response refused = Multipart.upload(citizen, "hoa-don.pdf", Samples.exe());

        assertThat(refused.status()).isEqualTo(415);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("code").asString()).isEqualTo("file_type_forbidden");
        assertThat(refused.json().get("detail").asString()).contains("application/x-msdownload");
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("file");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void refusesBytesOfUnknownKindWhateverTheirName() throws IOException {
        Snapshot before = snapshot();
        byte[] noise = new byte[4096];
        new java.util.Random(7).nextBytes(noise);
        noise[0] = 0;
        TestHttp.Response refused = Multipart.upload(citizen, "hop-dong.pdf", noise);
        assertThat(refused.status()).isEqualTo(415);
        assertThat(refused.json().get("detail").asString()).contains("application/octet-stream");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void refusesAFileOverTheLimitWithTheLimitInTheMessage() throws IOException {
        Snapshot before = snapshot();
        byte[] big = Arrays.copyOf(Samples.pdf(), (int) settings.maxSize().toBytes() + 1);
        TestHttp.Response refused = Multipart.upload(citizen, "ban-ve.pdf", big);

        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.json().get("code").asString()).isEqualTo("file_too_large");
        assertThat(refused.json().get("detail").asString()).contains("20 MB");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void refusesEmptyFilesAndRequestsWithoutAFile() throws IOException {
        Snapshot before = snapshot();
        TestHttp.Response empty = Multipart.upload(citizen, "rong.pdf", new byte[0]);
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().get("code").asString()).isEqualTo("file_empty");

        TestHttp.Response noFile = Multipart.upload(citizen, "attachment", "a.pdf", Samples.pdf());
        assertThat(noFile.status()).isEqualTo(400);
        assertThat(noFile.json().get("errors").get(0).get("field").asString()).isEqualTo("file");

        TestHttp.Response json = citizen.postJson("/api/v1/files", java.util.Map.of("file", "x"));
        assertThat(json.status()).isEqualTo(415);
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void anUploadCutOffHalfwayIsRefusedAndLeavesNothing() throws IOException {
        Snapshot before = snapshot();
        TestHttp.Response cut = Multipart.truncated(citizen, "ho-so.pdf", Arrays.copyOf(Samples.pdf(), 50_000));

        assertThat(cut.status()).isEqualTo(400);
        assertThat(cut.contentType()).startsWith("application/problem+json");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void theUsersFileNameNeverReachesTheDisk() throws IOException {
        Snapshot before = snapshot();
        TestHttp.Response created = Multipart.upload(citizen, "../../../../tmp/evil.txt", Samples.text("x"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("name").asString()).isEqualTo("evil.txt");
        List<Path> added = snapshot().files().stream().filter(p -> !before.files().contains(p)).toList();
        assertThat(added).singleElement().satisfies(path -> {
            assertThat(path.startsWith(settings.root().toAbsolutePath())).isTrue();
            assertThat(path.getFileName().toString()).isEqualTo(created.json().get("id").asString());
        });
    }

    @Test
    void unknownAndMalformedIdsAreProblems() {
        TestHttp.Response unknown = citizen.get("/api/v1/files/00000000-0000-0000-0000-000000000000");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("code").asString()).isEqualTo("file_not_found");
        assertThat(citizen.get("/api/v1/files/khong-phai-uuid").status()).isEqualTo(400);
    }

    private void assertType(String name, byte[] content, String type) {
        TestHttp.Response created = Multipart.upload(citizen, name, content);
        assertThat(created.status()).as(name).isEqualTo(201);
        assertThat(created.json().get("contentType").asString()).as(name).isEqualTo(type);
    }

    private static HttpResponse<byte[]> bytes(TestHttp http, String path) {
        try {
            return java.net.http.HttpClient.newHttpClient().send(http.request(path).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** The rows and files on disk at one moment, to show that a refused upload left nothing. */
    private record Snapshot(long rows, List<Path> files) {
    }

    private Snapshot snapshot() throws IOException {
        long rows = jdbc.sql("SELECT count(*) FROM files.stored_file").query(Long.class).single();
        Path root = settings.root().toAbsolutePath();
        if (!Files.exists(root)) {
            return new Snapshot(rows, List.of());
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return new Snapshot(rows, walk.filter(Files::isRegularFile).sorted().toList());
        }
    }
}
