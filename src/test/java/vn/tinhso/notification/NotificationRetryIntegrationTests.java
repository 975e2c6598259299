package vn.tinhso.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.tinhso.IntegrationTest;
import vn.tinhso.identity.IdentityManagement;
import vn.tinhso.identity.RegistrationForm;
import vn.tinhso.identity.TestAccounts;

@IntegrationTest
class NotificationRetryIntegrationTests {

    final Mailbox mailbox = new Mailbox();

    @Autowired
    IdentityManagement identity;

    @Autowired
    PublicationRetry retry;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void stopMailServer() {
        mailbox.stop();
    }

    /** The publication of the verification mail to the address: status and attempts, if incomplete. */
    List<Map<String, Object>> publication(String email) {
        return jdbc.sql("""
                SELECT status, completion_attempts FROM platform.event_publication
                WHERE listener_id LIKE '%AccountMails%' AND serialized_event LIKE :email""")
                .param("email", "%" + email + "%").query().listOfRows();
    }

    @Test
    void aMailThatCouldNotBeSentIsNotLostAndArrivesOnceTheServerIsBack() {
        String email = "retry-" + UUID.randomUUID().toString().substring(0, 8) + "@test.tinhso.vn";
        identity.register(new RegistrationForm("Phạm Thị Dung", email, TestAccounts.PASSWORD, null),
                Locale.forLanguageTag("vi"));

        // No SMTP server: the listener fails and the publication stays, marked failed.
        await().atMost(Duration.ofSeconds(15)).until(() -> !publication(email).isEmpty()
                && "FAILED".equals(publication(email).get(0).get("status")));
        Object attempts = publication(email).get(0).get("completion_attempts");

        // A retry only takes publications whose last attempt is old enough.
        retry.resubmitFailed(Duration.ofHours(1));
        assertThat(publication(email)).singleElement().satisfies(row -> {
            assertThat(row.get("status")).isEqualTo("FAILED");
            assertThat(row.get("completion_attempts")).isEqualTo(attempts);
        });

        mailbox.start();
        retry.resubmitFailed(Duration.ZERO);

        MimeMessage mail = mailbox.awaitOne(email);
        assertThat(Mailbox.body(mail)).contains("Xin chào Phạm Thị Dung,", "/register/verify?token=");
        await().atMost(Duration.ofSeconds(10)).until(() -> publication(email).isEmpty());
        assertThat(identity.verifyEmail(Mailbox.token(mail))).isTrue();
    }
}
