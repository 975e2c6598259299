package vn.tinhso.identity;

import vn.tinhso.shared.Actor;
import vn.tinhso.shared.AuditableEvent;

/**
 * A citizen registered; {@code verificationLink} is the one-time link to send to {@code email}.
 * The link is a secret: only the notification module reads it, and audit never records it.
 */
public record AccountRegistered(long accountId, String email, String displayName, String locale,
        String verificationLink, Actor actor) implements AuditableEvent {

    @Override
    public String action() {
        return "identity.account.registered";
    }

    @Override
    public String targetType() {
        return "account";
    }

    @Override
    public String targetId() {
        return String.valueOf(accountId);
    }
}
