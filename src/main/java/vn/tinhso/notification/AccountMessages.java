package vn.tinhso.notification;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import vn.tinhso.identity.AccountChanged;
import vn.tinhso.identity.AccountRegistered;
import vn.tinhso.shared.Zones;

/** In-app messages about a person's own account: welcome, and the security changes they should know of. */
@Component
class AccountMessages {

    static final String LINK = "/account";
    private static final DateTimeFormatter TIME = Zones.DATE_TIME.withZone(Zones.VIETNAM);

    private final InAppMessages messages;
    private final MessageSource texts;
    private final Recipients recipients;

    AccountMessages(InAppMessages messages, MessageSource texts, Recipients recipients) {
        this.messages = messages;
        this.texts = texts;
        this.recipients = recipients;
    }

    @ApplicationModuleListener
    void on(AccountRegistered event) {
        write(event.accountId(), MailTemplates.locale(event.locale()), "welcome", event.email());
    }

    @ApplicationModuleListener
    void on(AccountChanged event) {
        String now = TIME.format(Instant.now());
        switch (event.change()) {
            case "password_changed" -> tell(event.accountId(), "password_changed", now);
            case "locked" -> tell(event.accountId(), "locked", until(event.details().get("until")));
            case "token_created" -> tell(event.accountId(), "token_created", event.details().get("name"), now);
            default -> {
                // other changes are recorded by the audit trail; the person needs no message
            }
        }
    }

    /** Writes the message in the account's language. */
    private void tell(long accountId, String kind, Object... args) {
        recipients.account(accountId)
                .ifPresent(account -> write(accountId, MailTemplates.locale(account.locale()), kind, args));
    }

    private void write(long accountId, Locale locale, String kind, Object... args) {
        messages.add(accountId, texts.getMessage("message." + kind + ".title", null, locale),
                texts.getMessage("message." + kind + ".body", args, locale), LINK);
    }

    private static String until(String instant) {
        try {
            return TIME.format(Instant.parse(instant));
        } catch (DateTimeParseException | NullPointerException e) {
            return String.valueOf(instant);
        }
    }
}
