package vn.tinhso.notification;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import vn.tinhso.identity.AccountRegistered;
import vn.tinhso.identity.IdentitySettings;
import vn.tinhso.identity.PasswordResetRequested;

/** Mails with the one-time links of the identity module: e-mail verification and password reset. */
@Component
class AccountMails {

    private final Mailer mailer;
    private final MessageSource messages;
    private final IdentitySettings identity;
    private final NotificationSettings settings;

    AccountMails(Mailer mailer, MessageSource messages, IdentitySettings identity, NotificationSettings settings) {
        this.mailer = mailer;
        this.messages = messages;
        this.identity = identity;
        this.settings = settings;
    }

    @ApplicationModuleListener
    void on(AccountRegistered event) {
        Locale locale = MailTemplates.locale(event.locale());
        mailer.send(event.email(), "account-registered", locale, Map.of("name", event.displayName(),
                "link", event.verificationLink(), "validity", validity(identity.verificationValidity(), locale),
                "portal", settings.fromName()));
    }

    @ApplicationModuleListener
    void on(PasswordResetRequested event) {
        Locale locale = MailTemplates.locale(event.locale());
        mailer.send(event.email(), "password-reset", locale, Map.of("name", event.displayName(),
                "email", event.email(), "link", event.resetLink(),
                "validity", validity(identity.resetValidity(), locale), "portal", settings.fromName()));
    }

    private String validity(Duration duration, Locale locale) {
        boolean hours = duration.toMinutes() % 60 == 0;
        return messages.getMessage(hours ? "mail.validity.hours" : "mail.validity.minutes",
                new Object[] {hours ? duration.toHours() : duration.toMinutes()}, locale);
    }
}
