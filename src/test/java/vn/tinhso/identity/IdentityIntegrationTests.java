package vn.tinhso.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.tinhso.CapturedEvents;
import vn.tinhso.IntegrationTest;
import vn.tinhso.TestHttp;

@IntegrationTest
class IdentityIntegrationTests {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;
    @Autowired
    TestAccounts accounts;
    @Autowired
    IdentityManagement identity;
    @Autowired
    CapturedEvents events;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aCitizenRegistersVerifiesTheAddressAndSignsIn() {
        TestHttp http = new TestHttp(port);
        String email = "citizen-" + System.nanoTime() + "@example.vn";
        TestHttp.Response registered = http.postForm("/register", withCsrf(http, "/register", Map.of(
                "displayName", "Lê Văn Tám", "email", email, "password", "mot-cum-tu-de-nho",
                "confirmPassword", "mot-cum-tu-de-nho")));
        assertThat(registered.status()).isEqualTo(302);
        assertThat(registered.header("Location")).endsWith("/login?registered");

        assertThat(signIn(new TestHttp(port), email, "mot-cum-tu-de-nho")).endsWith("/login?error=disabled");

        String link = events.of(AccountRegistered.class).filter(e -> e.email().equals(email))
                .findFirst().orElseThrow().verificationLink();
        String path = link.substring(link.indexOf("/register/verify"));
        assertThat(http.get(path).body()).contains("id=\"verify-ok\"");
        assertThat(http.get(path).body()).contains("id=\"verify-failed\"");

        assertThat(signIn(new TestHttp(port), email, "mot-cum-tu-de-nho")).endsWith("/");
    }

    @Test
    void registrationRejectsBadInputWithVietnameseMessagesAndSavesNothing() {
        TestHttp http = new TestHttp(port);
        String email = "weak-" + System.nanoTime() + "@example.vn";
        TestHttp.Response weak = http.postForm("/register", withCsrf(http, "/register", Map.of(
                "displayName", "Người Dùng", "email", email, "password", "ngan", "confirmPassword", "ngan")));
        assertThat(weak.status()).isEqualTo(200);
        assertThat(weak.body()).contains("Mật khẩu phải có ít nhất 10 ký tự").contains("value=\"" + email + "\"");
        TestHttp.Response invalid = http.postForm("/register", withCsrf(http, "/register", Map.of(
                "displayName", "", "email", "khong-phai-email", "password", "", "confirmPassword", "")));
        assertThat(invalid.body()).contains("Vui lòng nhập họ và tên").contains("Địa chỉ e-mail không hợp lệ");
        assertThat(identity.findByEmail(email)).isEmpty();
    }

    @Test
    void repeatedFailuresLockTheAccountEvenForTheRightPassword() {
        AccountView account = accounts.create("Khóa Thử", TestAccounts.citizen());
        for (int i = 0; i < 5; i++) {
            assertThat(signIn(new TestHttp(port), account.email(), "sai-mat-khau")).endsWith("/login?error=bad");
        }
        assertThat(signIn(new TestHttp(port), account.email(), TestAccounts.PASSWORD)).endsWith("/login?error=locked");
        assertThat(identity.account(account.id()).locked()).isTrue();

        identity.unlock(account.id());
        assertThat(signIn(new TestHttp(port), account.email(), TestAccounts.PASSWORD)).endsWith("/");
    }

    @Test
    void passwordResetWorksOnceAndDoesNotRevealUnknownAddresses() {
        AccountView account = accounts.create("Quên Mật Khẩu", TestAccounts.citizen());
        TestHttp http = new TestHttp(port);
        TestHttp.Response unknown = http.postForm("/password/forgot",
                withCsrf(http, "/password/forgot", Map.of("email", "nobody@example.vn")));
        TestHttp.Response known = http.postForm("/password/forgot",
                withCsrf(http, "/password/forgot", Map.of("email", account.email())));
        assertThat(unknown.body()).contains("id=\"forgot-sent\"");
        assertThat(known.body()).contains("id=\"forgot-sent\"");

        String link = events.of(PasswordResetRequested.class).filter(e -> e.accountId() == account.id())
                .findFirst().orElseThrow().resetLink();
        String token = link.substring(link.indexOf("token=") + 6);
        Map<String, String> form = Map.of("token", token, "password", "mat-khau-moi-dai-hon",
                "confirmPassword", "mat-khau-moi-dai-hon");
        assertThat(http.postForm("/password/reset", withCsrf(http, "/password/reset?token=" + token, form))
                .header("Location")).endsWith("/login?reset");
        assertThat(http.postForm("/password/reset", withCsrf(http, "/login", form)).body())
                .contains("Liên kết không hợp lệ");
        assertThat(signIn(new TestHttp(port), account.email(), "mat-khau-moi-dai-hon")).endsWith("/");
    }

    @Test
    void apiTokensAreHashedAtRestWorkUntilRevokedAndBadOnesGet401() {
        String token = accounts.token("Hệ thống CKAN", TestAccounts.citizen());
        TestHttp http = new TestHttp(port).withToken(token);
        TestHttp.Response me = http.get("/api/v1/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("displayName").asString()).isEqualTo("Hệ thống CKAN");
        assertThat(jdbc.sql("SELECT count(*) FROM identity.api_token WHERE token_hash = :t OR prefix = :t")
                .param("t", token).query(Long.class).single()).isZero();

        long id = http.get("/api/v1/me/tokens").json().get(0).get("id").asLong();
        assertThat(http.delete("/api/v1/me/tokens/" + id).status()).isEqualTo(204);
        TestHttp.Response revoked = http.get("/api/v1/me");
        assertThat(revoked.status()).isEqualTo(401);
        assertThat(revoked.contentType()).startsWith("application/problem+json");
        assertThat(new TestHttp(port).withToken("tsk_garbage").get("/api/v1/me").status()).isEqualTo(401);
    }

    @Test
    void aTokenCreatedThroughTheApiIsShownOnceAndWorks() {
        String token = accounts.token("Người tạo", TestAccounts.citizen());
        TestHttp.Response created = new TestHttp(port).withToken(token)
                .postJson("/api/v1/me/tokens", Map.of("name", "Open311 client", "validDays", 30));
        assertThat(created.status()).isEqualTo(201);
        String secret = created.json().get("token").asString();
        assertThat(secret).startsWith("tsk_");
        assertThat(new TestHttp(port).withToken(secret).get("/api/v1/me").status()).isEqualTo(200);
        assertThat(new TestHttp(port).withToken(token).postJson("/api/v1/me/tokens", Map.of("name", "")).status())
                .isEqualTo(400);
    }

    @Test
    void rolesAreEnforcedOnTheApi() {
        String citizen = accounts.token("Công dân", TestAccounts.citizen());
        String admin = accounts.token("Quản trị", TestAccounts.admin());
        assertThat(new TestHttp(port).get("/api/v1/accounts").status()).isEqualTo(401);
        TestHttp.Response forbidden = new TestHttp(port).withToken(citizen).get("/api/v1/accounts");
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.json().get("code").asString()).isEqualTo("forbidden");
        TestHttp.Response page = new TestHttp(port).withToken(admin).get("/api/v1/accounts?size=5");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.json().get("items").size()).isLessThanOrEqualTo(5);
        assertThat(page.json().get("total").asLong()).isGreaterThan(1);
        TestHttp.Response found = new TestHttp(port).withToken(admin).get("/api/v1/accounts?q=QUAN%20TRI");
        assertThat(found.json().get("items").findValuesAsString("displayName")).contains("Quản trị");
    }

    @Test
    void anAnonymousApiWriteGetsProblemDetails() {
        TestHttp.Response response = new TestHttp(port).postJson("/api/v1/me/tokens", Map.of("name", "x"));
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        String citizen = accounts.token("Người viết", TestAccounts.citizen());
        TestHttp.Response forbidden = new TestHttp(port).withToken(citizen).postJson("/api/v1/agencies", Map.of());
        assertThat(forbidden.status()).isIn(400, 403);
        assertThat(forbidden.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aFormPostWithoutCsrfTokenIsRefusedWithAPageNotAServerError() {
        TestHttp.Response response = new TestHttp(port).postForm("/register", Map.of("email", "x@example.vn"));
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.body()).contains("Bạn không có quyền");
    }

    @Test
    void pagesForSignedInUsersSendAnonymousVisitorsToTheSignInForm() {
        TestHttp.Response response = new TestHttp(port).get("/account");
        assertThat(response.status()).isEqualTo(302);
        assertThat(response.header("Location")).endsWith("/login");
        assertThat(new TestHttp(port).get("/admin/accounts").status()).isEqualTo(302);
    }

    @Test
    void registeringTheSameAddressTwiceIsRefused() {
        AccountView existing = accounts.create("Đã Có", TestAccounts.citizen());
        TestHttp http = new TestHttp(port);
        TestHttp.Response again = http.postForm("/register", withCsrf(http, "/register", Map.of(
                "displayName", "Người Khác", "email", existing.email().toUpperCase(Locale.ROOT),
                "password", "mot-mat-khau-dai", "confirmPassword", "mot-mat-khau-dai")));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).contains("đã được đăng ký");
    }

    private String signIn(TestHttp http, String email, String password) {
        TestHttp.Response response = http.postForm("/login", withCsrf(http, "/login",
                Map.of("email", email, "password", password)));
        assertThat(response.status()).isEqualTo(302);
        return response.header("Location");
    }

    static Map<String, String> withCsrf(TestHttp http, String page, Map<String, String> fields) {
        Matcher m = CSRF.matcher(http.get(page).body());
        assertThat(m.find()).as("a CSRF token on " + page).isTrue();
        var all = new java.util.HashMap<>(fields);
        all.put("_csrf", m.group(1));
        return all;
    }
}
