package vn.tinhso.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import vn.tinhso.IntegrationTest;
import vn.tinhso.TestHttp;
import vn.tinhso.identity.AccountView;
import vn.tinhso.identity.IdentityManagement;
import vn.tinhso.identity.RegistrationForm;
import vn.tinhso.identity.TestAccounts;
import vn.tinhso.shared.PageResult;

@IntegrationTest
class NotificationIntegrationTests {

    static final Mailbox MAILBOX = new Mailbox();

    @LocalServerPort
    int port;

    @Autowired
    IdentityManagement identity;

    @Autowired
    NotificationManagement notifications;

    @Autowired
    TestAccounts accounts;

    @Autowired
    NotificationSettings settings;

    @BeforeAll
    static void startMailServer() {
        MAILBOX.start();
    }

    @AfterAll
    static void stopMailServer() {
        MAILBOX.stop();
    }

    static String newAddress() {
        return "dan-" + UUID.randomUUID().toString().substring(0, 8) + "@test.tinhso.vn";
    }

    AccountView register(String name, String email, Locale locale) {
        return identity.register(new RegistrationForm(name, email, TestAccounts.PASSWORD, TestAccounts.PASSWORD), locale);
    }

    @Test
    void aCitizenWhoRegistersGetsTheVerificationLinkInVietnamese() throws Exception {
        String email = newAddress();
        register("Nguyễn Văn An", email, Locale.forLanguageTag("vi"));

        MimeMessage mail = MAILBOX.awaitOne(email);
        assertThat(mail.getSubject()).isEqualTo("Xác nhận địa chỉ e-mail để kích hoạt tài khoản");
        InternetAddress from = (InternetAddress) mail.getFrom()[0];
        assertThat(from.getAddress()).isEqualTo(settings.from());
        assertThat(from.getPersonal()).isEqualTo(settings.fromName());
        assertThat(mail.getContentType()).contains("text/plain").containsIgnoringCase("UTF-8");
        assertThat(Mailbox.body(mail)).startsWith("Xin chào Nguyễn Văn An,").contains("/register/verify?token=",
                "trong vòng 24 giờ");
        // The link in the mail is the one that activates the account.
        assertThat(identity.verifyEmail(Mailbox.token(mail))).isTrue();
    }

    @Test
    void anEnglishSpeakerGetsTheMailInEnglishAndAWelcomeMessage() throws Exception {
        String email = newAddress();
        AccountView account = register("Jane Doe", email, Locale.ENGLISH);

        MimeMessage mail = MAILBOX.awaitOne(email);
        assertThat(mail.getSubject()).isEqualTo("Confirm your e-mail address to activate your account");
        assertThat(Mailbox.body(mail)).startsWith("Dear Jane Doe,").contains("within 24 hours");
        await().atMost(Duration.ofSeconds(10)).until(() -> notifications.unreadCount(account.id()) == 1);
        InAppMessage welcome = notifications.messages(account.id(), false, new PageResult.Request(0, 10)).items().get(0);
        assertThat(welcome.title()).isEqualTo("Welcome to the service portal");
        assertThat(welcome.body()).contains(email);
    }

    @Test
    void aPasswordResetMailsTheLinkAndTheChangeIsNoticed() throws Exception {
        AccountView account = accounts.create("Trần Thị Bình", TestAccounts.citizen());
        identity.requestPasswordReset(account.email());

        MimeMessage mail = MAILBOX.awaitOne(account.email());
        assertThat(mail.getSubject()).isEqualTo("Đặt lại mật khẩu tài khoản");
        assertThat(Mailbox.body(mail)).contains("/password/reset?token=", account.email(), "trong vòng 1 giờ");

        identity.resetPassword(Mailbox.token(mail), "Mat-khau-moi-that-dai-1");
        await().atMost(Duration.ofSeconds(10)).until(() -> notifications.messages(account.id(), false,
                new PageResult.Request(0, 10)).items().stream()
                .anyMatch(m -> m.title().equals("Mật khẩu đã được thay đổi")));
    }

    @Test
    void unknownAddressesGetNoResetMail() {
        String email = newAddress();
        identity.requestPasswordReset(email);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> MAILBOX.to(email).isEmpty());
    }

    @Test
    void peopleReadAndMarkOnlyTheirOwnMessages() {
        AccountView hoa = accounts.create("Lê Hoa", TestAccounts.citizen());
        TestHttp http = new TestHttp(port).withToken(identity.createApiToken(hoa.id(), "điện thoại", null));
        await().atMost(Duration.ofSeconds(10)).until(() -> http.get("/api/v1/notifications").json()
                .get("total").asLong() == 1);

        JsonNode message = http.get("/api/v1/notifications").json().get("items").get(0);
        assertThat(message.get("title").asString()).isEqualTo("Mã truy cập API mới");
        assertThat(message.get("body").asString()).contains("\"điện thoại\"");
        assertThat(message.get("link").asString()).isEqualTo("/account");
        assertThat(message.get("readAt").isNull()).isTrue();
        assertThat(http.get("/api/v1/notifications/unread-count").json().get("count").asLong()).isEqualTo(1);

        long id = message.get("id").asLong();
        TestHttp stranger = new TestHttp(port).withToken(accounts.token("Người lạ", TestAccounts.citizen()));
        TestHttp.Response foreign = stranger.postJson("/api/v1/notifications/" + id + "/read", "");
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.json().get("code").asString()).isEqualTo("notification_not_found");
        assertThat(stranger.get("/api/v1/notifications").body()).doesNotContain("\"id\":" + id + ",");

        JsonNode read = http.postJson("/api/v1/notifications/" + id + "/read", "").json();
        assertThat(read.get("readAt").isNull()).isFalse();
        JsonNode again = http.postJson("/api/v1/notifications/" + id + "/read", "").json();
        assertThat(again.get("readAt").asString()).isEqualTo(read.get("readAt").asString());
        assertThat(http.get("/api/v1/notifications/unread-count").json().get("count").asLong()).isZero();
        assertThat(http.get("/api/v1/notifications?unread=true").json().get("total").asLong()).isZero();
    }

    @Test
    void refusesAnonymousCallersAndBadInput() {
        TestHttp anonymous = new TestHttp(port);
        assertThat(anonymous.get("/api/v1/notifications").status()).isEqualTo(401);
        assertThat(anonymous.get("/api/v1/notifications/unread-count").status()).isEqualTo(401);
        TestHttp http = new TestHttp(port).withToken(accounts.token("Công dân", TestAccounts.citizen()));
        assertThat(http.get("/api/v1/notifications?size=0").json().get("code").asString())
                .isEqualTo("validation_failed");
        assertThat(http.get("/api/v1/notifications?page=-1").status()).isEqualTo(400);
        assertThat(http.postJson("/api/v1/notifications/abc/read", "").status()).isEqualTo(400);
        assertThat(http.postJson("/api/v1/notifications/999999999/read", "").status()).isEqualTo(404);
    }
}
