package vn.tinhso.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends a templated mail through SMTP. A failure that may pass (server down, timeout, refused
 * connection) is thrown, so that the event publication stays incomplete and is retried; one that
 * cannot (an address the server or the parser refuses) is logged and dropped.
 */
@Component
class Mailer {

    private static final Logger log = LoggerFactory.getLogger(Mailer.class);

    private final JavaMailSender sender;
    private final MailTemplates templates;
    private final NotificationSettings settings;

    Mailer(JavaMailSender sender, MailTemplates templates, NotificationSettings settings) {
        this.sender = sender;
        this.templates = templates;
        this.settings = settings;
    }

    void send(String to, String template, Locale locale, Map<String, Object> variables, Object... subjectArgs) {
        MailTemplates.Mail mail = templates.render(template, locale, variables, subjectArgs);
        try {
            sender.send(message(to, mail));
        } catch (MailParseException | MailPreparationException e) {
            log.warn("Mail '{}' dropped: it cannot be built for its address ({})", template, e.getMessage());
        } catch (MailSendException e) {
            if (permanent(e)) {
                log.warn("Mail '{}' dropped: the server refused its address ({})", template, e.getMessage());
                return;
            }
            throw e;
        }
    }

    private MimeMessage message(String to, MailTemplates.Mail mail) {
        MimeMessage message = sender.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
            helper.setFrom(settings.from(), settings.fromName());
            helper.setTo(to);
            helper.setSubject(mail.subject());
            helper.setText(mail.body(), false);
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new MailPreparationException(e);
        }
        return message;
    }

    /** Only a refusal of every recipient is final; any other failure is worth another try. */
    static boolean permanent(MailException e) {
        if (!(e instanceof MailSendException send) || send.getMessageExceptions().length == 0) {
            return false;
        }
        for (Exception cause : send.getMessageExceptions()) {
            if (!(cause instanceof SendFailedException failed) || failed.getInvalidAddresses() == null
                    || failed.getInvalidAddresses().length == 0
                    || (failed.getValidUnsentAddresses() != null && failed.getValidUnsentAddresses().length > 0)) {
                return false;
            }
        }
        return true;
    }
}
