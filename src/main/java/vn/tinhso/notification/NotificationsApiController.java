package vn.tinhso.notification;

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

    NotificationsApiController(NotificationManagement notifications) {
        this.notifications = notifications;
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
