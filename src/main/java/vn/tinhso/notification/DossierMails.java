package vn.tinhso.notification;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;
import vn.tinhso.identity.IdentitySettings;
import vn.tinhso.services.DossierEvent;
import vn.tinhso.shared.Zones;

/**
 * Mails to the applicant at each step of their dossier, to the owner's account or, for a dossier
 * registered at the desk for someone without one, to the address they gave. Template
 * {@code dossier-<kind>}, the subject carries the dossier code.
 */
@Component
class DossierMails {

    private static final DateTimeFormatter TIME = Zones.DATE_TIME.withZone(Zones.VIETNAM);

    private final Mailer mailer;
    private final Recipients recipients;
    private final IdentitySettings identity;
    private final NotificationSettings settings;

    DossierMails(Mailer mailer, Recipients recipients, IdentitySettings identity, NotificationSettings settings) {
        this.mailer = mailer;
        this.recipients = recipients;
        this.identity = identity;
        this.settings = settings;
    }

    @ApplicationModuleListener
    void on(DossierEvent.Submitted event) {
        send(event, Map.of("due", time(event.receptionDueAt())));
    }

    @ApplicationModuleListener
    void on(DossierEvent.Received event) {
        send(event, Map.of("appointment", time(event.appointmentAt())));
    }

    @ApplicationModuleListener
    void on(DossierEvent.SupplementRequested event) {
        send(event, Map.of("notice", text(event.notice())));
    }

    @ApplicationModuleListener
    void on(DossierEvent.Supplemented event) {
        send(event, Map.of());
    }

    @ApplicationModuleListener
    void on(DossierEvent.Refused event) {
        send(event, Map.of("notice", text(event.notice())));
    }

    /** Mails the template of the event's kind with the facts, the recipient and what the step adds. */
    private void send(DossierEvent event, Map<String, Object> step) {
        DossierEvent.Facts facts = event.facts();
        recipients.of(facts).ifPresent(to -> {
            Map<String, Object> variables = new HashMap<>(common(facts));
            variables.put("name", to.name());
            variables.put("account", to.account());
            variables.putAll(step);
            mailer.send(to.email(), template(event), to.locale(), variables, facts.code());
        });
    }

    private Map<String, Object> common(DossierEvent.Facts facts) {
        String lookup = identity.baseUrl() + "/dossiers/lookup?code="
                + UriUtils.encodeQueryParam(facts.code(), StandardCharsets.UTF_8);
        return Map.of("code", facts.code(), "procedure", text(facts.procedureName()),
                "agency", text(facts.agencyName()), "lookup", lookup,
                "mine", identity.baseUrl() + DossierMessages.link(facts), "portal", settings.fromName());
    }

    /** {@code dossier-supplement-requested} for the kind {@code supplement_requested}. */
    private static String template(DossierEvent event) {
        return "dossier-" + event.kind().replace('_', '-');
    }

    static String text(String text) {
        return text == null ? "" : text;
    }

    static String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }
}
