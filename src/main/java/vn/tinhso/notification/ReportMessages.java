package vn.tinhso.notification;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import vn.tinhso.identity.IdentityManagement;
import vn.tinhso.identity.Role;
import vn.tinhso.reports.ReportEvent;

/**
 * In-app messages about field reports, in each account's language: the reporter and the followers
 * at each step they care about (linking to the report in "My reports"), the agency's officers of a
 * new report and of a deadline coming near, the agency's leaders of a deadline passed. Texts
 * {@code message.report_<kind>.title} and {@code .body}: {0} number, {1} category, {2} agency,
 * {3} the note (answer, reason) or the deadline.
 */
@Component
class ReportMessages {

    private final InAppMessages messages;
    private final MessageSource texts;
    private final Recipients recipients;
    private final IdentityManagement identity;

    ReportMessages(InAppMessages messages, MessageSource texts, Recipients recipients, IdentityManagement identity) {
        this.messages = messages;
        this.texts = texts;
        this.recipients = recipients;
        this.identity = identity;
    }

    @ApplicationModuleListener
    void on(ReportEvent.Changed event) {
        ReportEvent.Facts facts = event.facts();
        if ("submitted".equals(event.kind())) {
            identity.holding(Role.OFFICER, facts.agencyId()).forEach(a -> tell(a.id(), event,
                    "/desk/reports/" + facts.reportId(), DossierMails.time(facts.dueAt())));
            return;
        }
        if (!event.toldToReporter()) {
            return;
        }
        Set<Long> people = new LinkedHashSet<>();
        if (facts.reporterAccount() != null) {
            people.add(facts.reporterAccount());
        }
        people.addAll(facts.followers());
        String detail = facts.note() != null ? DossierMails.text(facts.note()) : DossierMails.time(facts.dueAt());
        for (Long account : people) {
            boolean reporter = account.equals(facts.reporterAccount());
            tell(account, event, reporter ? "/my/reports/" + facts.reportId() : "/reports/" + facts.number(), detail);
        }
    }

    @ApplicationModuleListener
    void on(ReportEvent.DeadlineNear event) {
        identity.holding(Role.OFFICER, event.facts().agencyId()).forEach(a -> tell(a.id(), event,
                "/desk/reports/" + event.facts().reportId(), DossierMails.time(event.facts().dueAt())));
    }

    @ApplicationModuleListener
    void on(ReportEvent.Escalated event) {
        identity.holding(Role.LEADER, event.facts().agencyId()).forEach(a -> tell(a.id(), event,
                "/desk/reports/" + event.facts().reportId(), DossierMails.time(event.facts().dueAt())));
    }

    private void tell(long accountId, ReportEvent event, String link, String detail) {
        recipients.account(accountId).ifPresent(account -> {
            Locale locale = MailTemplates.locale(account.locale());
            ReportEvent.Facts f = event.facts();
            Object[] args = {"#" + f.number(), f.categoryName(), f.agencyName(), detail == null ? "" : detail};
            String key = "message.report_" + event.kind();
            messages.add(account.id(), texts.getMessage(key + ".title", args, locale),
                    texts.getMessage(key + ".body", args, locale), link);
        });
    }
}
