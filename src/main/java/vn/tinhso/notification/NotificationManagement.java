package vn.tinhso.notification;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.tinhso.shared.ErrorCode;
import vn.tinhso.shared.PageResult;
import vn.tinhso.shared.TinhSoException;

/** A person's in-app messages. Sending is not offered: messages come from the events this module observes. */
@Service
@Transactional(readOnly = true)
public class NotificationManagement {

    private final InAppMessages messages;

    NotificationManagement(InAppMessages messages) {
        this.messages = messages;
    }

    /** The account's messages, newest first; only unread ones if asked. */
    public PageResult<InAppMessage> messages(long accountId, boolean unreadOnly, PageResult.Request paging) {
        return messages.of(accountId, unreadOnly, paging);
    }

    public long unreadCount(long accountId) {
        return messages.unread(accountId);
    }

    /** Marks one of the account's messages read; NOTIFICATION_NOT_FOUND for a message of someone else. */
    @Transactional
    public InAppMessage markRead(long accountId, long messageId) {
        return messages.markRead(accountId, messageId).orElseThrow(
                () -> TinhSoException.of(ErrorCode.NOTIFICATION_NOT_FOUND, String.valueOf(messageId)));
    }
}
