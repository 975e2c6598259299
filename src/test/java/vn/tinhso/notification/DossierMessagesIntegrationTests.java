package vn.tinhso.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import vn.tinhso.IntegrationTest;
import vn.tinhso.identity.AccountView;
import vn.tinhso.identity.IdentityManagement;
import vn.tinhso.identity.IdentitySettings;
import vn.tinhso.identity.RegistrationForm;
import vn.tinhso.identity.TestAccounts;
import vn.tinhso.services.DossierEvent;
import vn.tinhso.shared.Actor;
import vn.tinhso.shared.PageResult;
import vn.tinhso.shared.Zones;

@IntegrationTest
class DossierMessagesIntegrationTests {

    static final Mailbox MAILBOX = new Mailbox();
    static final String PROCEDURE = "Cấp bản sao trích lục hộ tịch";
    static final String AGENCY = "Sở Tư pháp tỉnh Thanh Hóa";
    /** 16:00 in Hanoi is 09:00 UTC: a date printed in the wrong zone shows. */
    static final Instant APPOINTMENT = LocalDateTime.of(2025, 3, 19, 16, 0).atZone(Zones.VIETNAM).toInstant();
    static final Instant RECEPTION_DUE = LocalDateTime.of(2025, 3, 13, 10, 30).atZone(Zones.VIETNAM).toInstant();

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    NotificationManagement notifications;

    @Autowired
    IdentityManagement identity;

    @Autowired
    IdentitySettings identitySettings;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void startMailServer() {
        MAILBOX.start();
    }

    @AfterAll
    static void stopMailServer() {
        MAILBOX.stop();
    }

    /** A dossier of the account (or of nobody), whose applicant gave another address than the account's. */
    static DossierEvent.Facts dossier(Long owner, String applicantEmail) {
        String code = "H56.01-250312-" + UUID.randomUUID().toString().substring(0, 4).toUpperCase(Locale.ROOT);
        return new DossierEvent.Facts(UUID.randomUUID(), code, owner, applicantEmail, "Nguyễn Thị Hồng Nhung",
                PROCEDURE, AGENCY);
    }

    static String address() {
        return "nop-ho-so-" + UUID.randomUUID().toString().substring(0, 8) + "@test.tinhso.vn";
    }

    /** Publishes as the services module does: inside a transaction, heard after its commit. */
    void publish(DossierEvent event) {
        transactions.executeWithoutResult(status -> events.publishEvent(event));
    }

    InAppMessage awaitMessage(long accountId, String title) {
        await().atMost(Duration.ofSeconds(15)).until(() -> messages(accountId).stream()
                .anyMatch(m -> m.title().equals(title)));
        return messages(accountId).stream().filter(m -> m.title().equals(title)).findFirst().orElseThrow();
    }

    List<InAppMessage> messages(long accountId) {
        return notifications.messages(accountId, false, new PageResult.Request(0, 50)).items();
    }

    static MimeMessage awaitMail(String address, String subject) {
        await().atMost(Duration.ofSeconds(15)).until(() -> MAILBOX.to(address).stream()
                .anyMatch(m -> subject.equals(subject(m))));
        return MAILBOX.to(address).stream().filter(m -> subject.equals(subject(m))).findFirst().orElseThrow();
    }

    /** The body with the line ends the template has (SMTP carries CRLF). */
    static String body(MimeMessage message) {
        return Mailbox.body(message).replace("\r\n", "\n");
    }

    static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until every listener of the dossier's event has completed (completed publications are deleted). */
    void awaitListeners(DossierEvent.Facts dossier) {
        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.sql(
                "SELECT count(*) FROM platform.event_publication WHERE serialized_event LIKE :code")
                .param("code", "%" + dossier.code() + "%").query(Long.class).single() == 0);
    }

    long messagesLinkedTo(DossierEvent.Facts dossier) {
        return jdbc.sql("SELECT count(*) FROM notification.message WHERE link = :link")
                .param("link", "/my/dossiers/" + dossier.dossierId()).query(Long.class).single();
    }

    String lookup(DossierEvent.Facts dossier) {
        return identitySettings.baseUrl() + "/dossiers/lookup?code=" + dossier.code();
    }

    @Test
    void theOwnerLearnsTheSubmissionArrivedAndWhenTheDeskWillAnswerAtTheAccountAddress() {
        AccountView owner = accounts.create("Nguyễn Thị Hồng Nhung", TestAccounts.citizen());
        String applicantEmail = address();
        DossierEvent.Facts dossier = dossier(owner.id(), applicantEmail);
        publish(new DossierEvent.Submitted(dossier, RECEPTION_DUE, Actor.current()));

        InAppMessage message = awaitMessage(owner.id(), "Hồ sơ " + dossier.code() + " đã được gửi");
        assertThat(message.body()).contains(dossier.code(), PROCEDURE, AGENCY, "chậm nhất vào 13/03/2025 10:30");
        assertThat(message.link()).isEqualTo("/my/dossiers/" + dossier.dossierId());

        MimeMessage mail = awaitMail(owner.email(), "Hồ sơ " + dossier.code() + " đã được gửi đến hệ thống");
        assertThat(body(mail)).startsWith("Xin chào Nguyễn Thị Hồng Nhung,").contains(
                "Mã hồ sơ: " + dossier.code(), "Thủ tục: " + PROCEDURE, "Cơ quan tiếp nhận: " + AGENCY,
                "chậm nhất vào 13/03/2025 10:30", lookup(dossier));
        // The account's address is the one to use; the dossier's own one hears nothing.
        awaitListeners(dossier);
        assertThat(MAILBOX.to(applicantEmail)).isEmpty();
    }

    @Test
    void anEnglishSpeakingOwnerReadsTheAppointmentAndWhereTheSlipIsInEnglish() {
        String email = address();
        AccountView owner = identity.register(new RegistrationForm("Jane Doe", email, TestAccounts.PASSWORD,
                TestAccounts.PASSWORD), Locale.ENGLISH);
        DossierEvent.Facts dossier = dossier(owner.id(), email);
        publish(new DossierEvent.Received(dossier, APPOINTMENT, UUID.randomUUID(), Actor.current()));

        InAppMessage message = awaitMessage(owner.id(), "Dossier " + dossier.code() + " received");
        assertThat(message.body()).contains(PROCEDURE, AGENCY, "Appointment date for the result: 19/03/2025 16:00",
                "receipt and appointment slip from My dossiers");
        assertThat(message.link()).isEqualTo("/my/dossiers/" + dossier.dossierId());

        MimeMessage mail = awaitMail(email, "Dossier " + dossier.code() + " received");
        assertThat(body(mail)).startsWith("Dear Jane Doe,").contains("Dossier code: " + dossier.code(),
                "Procedure: " + PROCEDURE, "Appointment date for the result: 19/03/2025 16:00",
                identitySettings.baseUrl() + "/my/dossiers/" + dossier.dossierId(), lookup(dossier));
    }

    @Test
    void aSupplementRequestListsWhatToAddAndAsksToSendTheDossierBackOnline() {
        AccountView owner = accounts.create("Trần Văn Minh", TestAccounts.citizen());
        DossierEvent.Facts dossier = dossier(owner.id(), null);
        String notice = "Tờ khai có chữ ký của người yêu cầu; Bản chụp Căn cước còn hạn";
        publish(new DossierEvent.SupplementRequested(dossier, notice, Actor.current()));

        InAppMessage message = awaitMessage(owner.id(), "Hồ sơ " + dossier.code() + " cần bổ sung");
        assertThat(message.body()).contains(PROCEDURE, "bổ sung trực tuyến rồi gửi lại hồ sơ",
                "Nội dung cần bổ sung: " + notice);

        MimeMessage mail = awaitMail(owner.email(), "Hồ sơ " + dossier.code() + " cần bổ sung, hoàn thiện");
        assertThat(body(mail)).contains("Nội dung cần bổ sung, hoàn thiện:\n" + notice,
                "bổ sung giấy tờ trực tuyến tại mục \"Hồ sơ của tôi\", sau đó gửi lại hồ sơ",
                identitySettings.baseUrl() + "/my/dossiers/" + dossier.dossierId());
    }

    @Test
    void aSupplementedDossierIsConfirmedAsBackAtTheDesk() {
        AccountView owner = accounts.create("Trần Văn Minh", TestAccounts.citizen());
        DossierEvent.Facts dossier = dossier(owner.id(), null);
        publish(new DossierEvent.Supplemented(dossier, Actor.current()));

        InAppMessage message = awaitMessage(owner.id(), "Hồ sơ " + dossier.code() + " đã được gửi lại");
        assertThat(message.body()).contains(PROCEDURE, "gửi lại cho Bộ phận Một cửa của " + AGENCY);
        MimeMessage mail = awaitMail(owner.email(), "Hồ sơ " + dossier.code() + " đã được gửi lại cho Bộ phận Một cửa");
        assertThat(body(mail)).contains("Mã hồ sơ: " + dossier.code(), "cùng các giấy tờ đã bổ sung");
    }

    @Test
    void aRefusalGivesTheReason() {
        AccountView owner = accounts.create("Phạm Thị Lan", TestAccounts.citizen());
        DossierEvent.Facts dossier = dossier(owner.id(), null);
        String reason = "Thủ tục thuộc thẩm quyền của UBND cấp xã nơi cư trú";
        publish(new DossierEvent.Refused(dossier, reason, Actor.current()));

        InAppMessage message = awaitMessage(owner.id(), "Hồ sơ " + dossier.code() + " không được tiếp nhận");
        assertThat(message.body()).contains(PROCEDURE, AGENCY, "Lý do: " + reason);
        MimeMessage mail = awaitMail(owner.email(), "Hồ sơ " + dossier.code() + " không được tiếp nhận");
        assertThat(body(mail)).contains("Lý do:\n" + reason, "Thủ tục: " + PROCEDURE, lookup(dossier));
    }

    @Test
    void someoneWithoutAnAccountRegisteredAtTheDeskIsOnlyMailedAtTheAddressTheyGave() {
        String email = address();
        DossierEvent.Facts dossier = dossier(null, email);
        publish(new DossierEvent.Received(dossier, APPOINTMENT, UUID.randomUUID(), Actor.current()));

        MimeMessage mail = awaitMail(email, "Hồ sơ " + dossier.code() + " đã được tiếp nhận");
        assertThat(body(mail)).startsWith("Xin chào Nguyễn Thị Hồng Nhung,")
                .contains("Ngày hẹn trả kết quả: 19/03/2025 16:00", "Giấy tiếp nhận hồ sơ và hẹn trả kết quả mà "
                        + "Bộ phận Một cửa đã giao cho bạn", lookup(dossier))
                .doesNotContain("/my/dossiers/", "Hồ sơ của tôi");
        awaitListeners(dossier);
        assertThat(messagesLinkedTo(dossier)).isZero();
        assertThat(MAILBOX.to(email)).hasSize(1);
    }

    @Test
    void aDossierWithNeitherAccountNorAddressTellsNobodyAndLeavesNothingToRetry() {
        DossierEvent.Facts dossier = dossier(null, null);
        publish(new DossierEvent.Refused(dossier, "Hồ sơ nộp nhầm cơ quan", Actor.current()));

        awaitListeners(dossier);
        assertThat(messagesLinkedTo(dossier)).isZero();
    }
}
