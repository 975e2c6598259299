package vn.tinhso.notification;

import java.util.Locale;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import vn.tinhso.opendata.DatasetChanged;

/**
 * In-app messages to the followers of a public dataset when it changes (its metadata or its data),
 * in each account's language, linking to the dataset's page. Texts {@code message.dataset_changed.*}:
 * {0} the dataset's title.
 */
@Component
class DatasetMessages {

    /** Changes worth telling followers; drafts and deletions are not. */
    private static final Set<String> TOLD = Set.of("updated", "published", "resource_created", "resource_updated",
            "resource_deleted");

    private final InAppMessages messages;
    private final MessageSource texts;
    private final Recipients recipients;

    DatasetMessages(InAppMessages messages, MessageSource texts, Recipients recipients) {
        this.messages = messages;
        this.texts = texts;
        this.recipients = recipients;
    }

    @ApplicationModuleListener
    void on(DatasetChanged event) {
        if (!event.isPublic() || !TOLD.contains(event.change())) {
            return;
        }
        for (Long accountId : event.subscribers()) {
            recipients.account(accountId).ifPresent(account -> {
                Locale locale = MailTemplates.locale(account.locale());
                Object[] args = {event.title()};
                messages.add(account.id(), texts.getMessage("message.dataset_changed.title", args, locale),
                        texts.getMessage("message.dataset_changed.body", args, locale), "/dataset/" + event.name());
            });
        }
    }
}
