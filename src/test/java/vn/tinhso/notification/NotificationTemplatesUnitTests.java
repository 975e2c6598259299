package vn.tinhso.notification;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mail.MailSendException;

class NotificationTemplatesUnitTests {

    private static MailTemplates templates() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("i18n/notification");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return new MailTemplates(messages);
    }

    private static final Map<String, Object> VARIABLES = Map.of("name", "Nguyễn Văn An", "email", "an@example.vn",
            "link", "https://dichvucong.example.vn/register/verify?token=abc", "validity", "24 giờ",
            "portal", "Tỉnh Số");

    @Test
    void rendersTheVerificationMailInVietnamese() {
        MailTemplates.Mail mail = templates().render("account-registered", MailTemplates.VIETNAMESE, VARIABLES);
        assertThat(mail.subject()).isEqualTo("Xác nhận địa chỉ e-mail để kích hoạt tài khoản");
        assertThat(mail.body()).startsWith("Xin chào Nguyễn Văn An,")
                .contains("https://dichvucong.example.vn/register/verify?token=abc", "trong vòng 24 giờ")
                .endsWith("Tỉnh Số\n");
    }

    @Test
    void rendersTheResetMailInEnglishWithoutEscapingTheLink() {
        Map<String, Object> variables = Map.of("name", "An <b>", "email", "an@example.vn",
                "link", "https://x.example/password/reset?token=a&b=c", "validity", "1 hours", "portal", "Tỉnh Số");
        MailTemplates.Mail mail = templates().render("password-reset", Locale.ENGLISH, variables);
        assertThat(mail.subject()).isEqualTo("Reset your password");
        assertThat(mail.body()).startsWith("Dear An <b>,").contains("https://x.example/password/reset?token=a&b=c",
                "account an@example.vn");
    }

    private static Map<String, Object> dossier(boolean account) {
        Map<String, Object> variables = new HashMap<>(Map.of("name", "Lê Văn Cường", "code", "H56.01-250312-0007",
                "procedure", "Cấp bản sao trích lục hộ tịch", "agency", "Sở Tư pháp",
                "lookup", "https://dvc.example.vn/dossiers/lookup?code=H56.01-250312-0007",
                "mine", "https://dvc.example.vn/my/dossiers/42", "portal", "Tỉnh Số", "account", account));
        variables.putAll(Map.of("due", "13/03/2025 10:30", "appointment", "19/03/2025 16:00",
                "notice", "Bản chụp Căn cước còn hạn"));
        return variables;
    }

    @Test
    void everyDossierMailExistsInBothLanguagesWithTheCodeInItsSubject() {
        MailTemplates templates = templates();
        for (String kind : List.of("submitted", "received", "supplement-requested", "supplemented", "refused")) {
            for (Locale locale : List.of(MailTemplates.VIETNAMESE, Locale.ENGLISH)) {
                MailTemplates.Mail mail = templates.render("dossier-" + kind, locale, dossier(true),
                        "H56.01-250312-0007");
                assertThat(mail.subject()).as(kind + " " + locale).contains("H56.01-250312-0007");
                assertThat(mail.body()).as(kind + " " + locale).contains("H56.01-250312-0007",
                        "Cấp bản sao trích lục hộ tịch", "Sở Tư pháp",
                        "https://dvc.example.vn/dossiers/lookup?code=H56.01-250312-0007").endsWith("Tỉnh Số\n");
            }
        }
    }

    @Test
    void theReceivedMailPointsToMyDossiersOnlyWhenThereIsAnAccount() {
        String online = templates().render("dossier-received", MailTemplates.VIETNAMESE, dossier(true)).body();
        assertThat(online).contains("Ngày hẹn trả kết quả: 19/03/2025 16:00",
                "tại mục \"Hồ sơ của tôi\":\nhttps://dvc.example.vn/my/dossiers/42\n\nTra cứu")
                .doesNotContain("đã giao cho bạn");
        String desk = templates().render("dossier-received", Locale.ENGLISH, dossier(false)).body();
        assertThat(desk).contains("Appointment date for the result: 19/03/2025 16:00",
                "the one-stop desk gave you.\n\nTo follow").doesNotContain("My dossiers", "/my/dossiers/");
    }

    @Test
    void choosesEnglishOnlyForEnglish() {
        assertThat(MailTemplates.locale("en")).isEqualTo(Locale.ENGLISH);
        assertThat(MailTemplates.locale("en-GB")).isEqualTo(Locale.ENGLISH);
        assertThat(MailTemplates.locale("vi")).isEqualTo(MailTemplates.VIETNAMESE);
        assertThat(MailTemplates.locale("fr")).isEqualTo(MailTemplates.VIETNAMESE);
        assertThat(MailTemplates.locale(null)).isEqualTo(MailTemplates.VIETNAMESE);
    }

    @Test
    void onlyARefusedAddressIsAPermanentFailure() throws Exception {
        InternetAddress[] refused = {new InternetAddress("khong-ton-tai@example.vn")};
        SendFailedException rejected = new SendFailedException("550 no such user", null, new InternetAddress[0],
                new InternetAddress[0], refused);
        assertThat(Mailer.permanent(new MailSendException(Map.of(new Object(), rejected)))).isTrue();
        assertThat(Mailer.permanent(new MailSendException(Map.of(new Object(),
                new MessagingException("Connection refused"))))).isFalse();
        assertThat(Mailer.permanent(new MailSendException("Mail server connection failed"))).isFalse();
        SendFailedException temporary = new SendFailedException("451 try later", null, new InternetAddress[0],
                refused, new InternetAddress[0]);
        assertThat(Mailer.permanent(new MailSendException(Map.of(new Object(), temporary)))).isFalse();
    }
}
