package vn.tinhso.notification;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
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
