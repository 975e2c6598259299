package vn.tinhso.notification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param from the sender address of e-mails
 * @param fromName the sender name shown with it, also the signature of the mails
 * @param retryEvery how often failed event publications (a mail that could not be sent) are resubmitted
 * @param retryAfter how long after its last attempt a failed publication is resubmitted
 * @param webPush Web Push of in-app messages to the browsers that subscribed: on or off
 * @param webPushSubject the contact the push services see in the VAPID claim (mailto: or https:)
 */
@ConfigurationProperties("tinhso.notification")
public record NotificationSettings(@DefaultValue("no-reply@localhost") String from,
        @DefaultValue("Tỉnh Số") String fromName,
        @DefaultValue(NotificationSettings.RETRY_EVERY) Duration retryEvery,
        @DefaultValue("1m") Duration retryAfter,
        @DefaultValue("false") boolean webPush,
        @DefaultValue("mailto:no-reply@localhost") String webPushSubject) {

    static final String RETRY_EVERY = "1m";

    public NotificationSettings {
        if (retryEvery.isNegative() || retryEvery.isZero() || retryAfter.isNegative()) {
            throw new IllegalArgumentException(
                    "tinhso.notification.retry-every must be positive and retry-after not negative");
        }
    }
}
