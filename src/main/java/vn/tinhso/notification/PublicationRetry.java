package vn.tinhso.notification;

import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Resubmits event publications whose listener failed (a mail while the SMTP server was down), once
 * their last attempt is older than {@code tinhso.notification.retry-after}. This covers every
 * module's listeners, not only ours: the registry is shared, and one retry job is enough.
 * Publications stuck in flight are Spring Modulith's staleness monitor's to fail first.
 */
@Component
class PublicationRetry {

    private static final Logger log = LoggerFactory.getLogger(PublicationRetry.class);

    private final IncompleteEventPublications publications;
    private final NotificationSettings settings;

    PublicationRetry(IncompleteEventPublications publications, NotificationSettings settings) {
        this.publications = publications;
        this.settings = settings;
    }

    @Scheduled(initialDelayString = "${tinhso.notification.retry-every:" + NotificationSettings.RETRY_EVERY + "}",
            fixedDelayString = "${tinhso.notification.retry-every:" + NotificationSettings.RETRY_EVERY + "}")
    void resubmit() {
        resubmitFailed(settings.retryAfter());
    }

    /** Resubmits the failed publications last attempted at least {@code age} ago. */
    void resubmitFailed(Duration age) {
        Instant before = Instant.now().minus(age);
        try {
            publications.resubmitIncompletePublications(publication ->
                    publication.getStatus() == EventPublication.Status.FAILED
                            && !lastAttempt(publication).isAfter(before));
        } catch (RuntimeException e) {
            log.warn("Resubmitting failed event publications failed; trying again in {}", settings.retryEvery(), e);
        }
    }

    private static Instant lastAttempt(EventPublication publication) {
        Instant last = publication.getLastResubmissionDate();
        return last == null ? publication.getPublicationDate() : last;
    }
}
