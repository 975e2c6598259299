package vn.tinhso.notification;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import vn.tinhso.services.DossierEvent;

/**
 * In-app messages to the owner of a dossier at each step, in the account's language, linking to
 * the dossier in "My dossiers". A dossier without an owner account gets none (see {@link DossierMails}).
 * Texts {@code message.dossier_<kind>.title} and {@code .body}: {0} code, {1} procedure, {2} agency,
 * {3} the date or notice of the step.
 */
@Component
class DossierMessages {

    private final InAppMessages messages;
    private final MessageSource texts;
    private final Recipients recipients;

    DossierMessages(InAppMessages messages, MessageSource texts, Recipients recipients) {
        this.messages = messages;
        this.texts = texts;
        this.recipients = recipients;
    }

    @ApplicationModuleListener
    void on(DossierEvent.Submitted event) {
        tell(event, DossierMails.time(event.receptionDueAt()));
    }

    @ApplicationModuleListener
    void on(DossierEvent.Received event) {
        tell(event, DossierMails.time(event.appointmentAt()));
    }

    @ApplicationModuleListener
    void on(DossierEvent.SupplementRequested event) {
        tell(event, DossierMails.text(event.notice()));
    }

    @ApplicationModuleListener
    void on(DossierEvent.Supplemented event) {
        tell(event, "");
    }

    @ApplicationModuleListener
    void on(DossierEvent.Refused event) {
        tell(event, DossierMails.text(event.notice()));
    }

    /** The dossier's page in the owner's "My dossiers". */
    static String link(DossierEvent.Facts facts) {
        return "/my/dossiers/" + facts.dossierId();
    }

    private void tell(DossierEvent event, String detail) {
        DossierEvent.Facts facts = event.facts();
        if (facts.ownerAccountId() == null) {
            return;
        }
        recipients.account(facts.ownerAccountId()).ifPresent(account -> {
            Locale locale = MailTemplates.locale(account.locale());
            Object[] args = {facts.code(), facts.procedureName(), facts.agencyName(), detail};
            String key = "message.dossier_" + event.kind();
            messages.add(account.id(), texts.getMessage(key + ".title", args, locale),
                    texts.getMessage(key + ".body", args, locale), link(facts));
        });
    }
}
