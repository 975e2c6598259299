package vn.tinhso.notification;

import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.RequestBody;
import vn.tinhso.shared.InvalidInput;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.tinhso.identity.SignedInUser;
import vn.tinhso.shared.ErrorCode;
import vn.tinhso.shared.PageResult;
import vn.tinhso.shared.TinhSoException;

/** The signed-in person's own in-app messages. */
@RestController
@RequestMapping("/api/v1/notifications")
@Tag(name = "Notifications", description = "In-app messages of the signed-in account")
class NotificationsApiController {

    private final NotificationManagement notifications;
    private final WebPush push;

    NotificationsApiController(NotificationManagement notifications, WebPush push) {
        this.notifications = notifications;
        this.push = push;
    }

    /** Whether Web Push is on, and the server's VAPID public key for PushManager.subscribe. */
    record PushKey(boolean enabled, String publicKey) {
    }

    /** A subscription as the browser's PushSubscription.toJSON() gives it. */
    record PushSubscriptionRequest(String endpoint, Map<String, String> keys) {
    }

    @GetMapping("/push/key")
    @PreAuthorize("permitAll()")
    @Operation(summary = "Whether Web Push is on, and the application server key (VAPID) to subscribe with")
    PushKey pushKey() {
        return push.enabled() ? new PushKey(true, push.publicKey()) : new PushKey(false, null);
    }

    @PostMapping("/push/subscriptions")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Receive my in-app messages as Web Push on this browser (PushSubscription.toJSON())")
    Map<String, Boolean> subscribe(@AuthenticationPrincipal SignedInUser user,
            @RequestBody PushSubscriptionRequest body) {
        if (!push.enabled()) {
            throw new TinhSoException(ErrorCode.PUSH_DISABLED);
        }
        String endpoint = body.endpoint() == null ? "" : body.endpoint().strip();
        String p256dh = body.keys() == null ? null : body.keys().get("p256dh");
        String auth = body.keys() == null ? null : body.keys().get("auth");
        List<InvalidInput.Violation> violations = new ArrayList<>();
        if (!endpoint.matches("https?://[^\\s]{3,2000}")) {
            violations.add(new InvalidInput.Violation("endpoint", "invalid.push_endpoint"));
        }
        if (!key(p256dh, 65) || !key(auth, 16)) {
            violations.add(new InvalidInput.Violation("keys", "invalid.push_keys"));
        }
        InvalidInput.throwIfAny(violations);
        push.subscribe(id(user), new WebPush.Subscription(endpoint, p256dh, auth));
        return Map.of("subscribed", true);
    }

    @DeleteMapping("/push/subscriptions")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Stop Web Push on a browser (its endpoint)")
    Map<String, Boolean> unsubscribe(@AuthenticationPrincipal SignedInUser user, @RequestParam String endpoint) {
        push.unsubscribe(id(user), endpoint);
        return Map.of("subscribed", false);
    }

    /** A base64url key of the expected length (a P-256 point of 65 bytes, an auth secret of 16). */
    private static boolean key(String value, int bytes) {
        try {
            return value != null && java.util.Base64.getUrlDecoder().decode(value.replace("=", "")).length == bytes;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @GetMapping
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "My messages, newest first; unread=true for unread ones only")
    PageResult<InAppMessage> mine(@AuthenticationPrincipal SignedInUser user,
            @RequestParam(defaultValue = "false") boolean unread, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return notifications.messages(id(user), unread, new PageResult.Request(page, size));
    }

    @GetMapping("/unread-count")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "How many of my messages are unread")
    Map<String, Long> unreadCount(@AuthenticationPrincipal SignedInUser user) {
        return Map.of("count", notifications.unreadCount(id(user)));
    }

    @PostMapping("/{id}/read")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Mark one of my messages read")
    InAppMessage read(@AuthenticationPrincipal SignedInUser user, @PathVariable long id) {
        return notifications.markRead(id(user), id);
    }

    private static long id(SignedInUser user) {
        if (user == null) {
            throw new TinhSoException(ErrorCode.UNAUTHORIZED);
        }
        return user.accountId();
    }
}
