package vn.tinhso.notification;

import java.time.Instant;

/** A message shown to one account in the portal; {@code readAt} is null until the person reads it. */
public record InAppMessage(long id, String title, String body, String link, Instant createdAt, Instant readAt) {

    public boolean read() {
        return readAt != null;
    }
}
