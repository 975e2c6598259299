package vn.tinhso.identity;

import vn.tinhso.shared.Actor;
import vn.tinhso.shared.AuditableEvent;

/** Someone asked to reset the password of an account; {@code resetLink} is secret, for the e-mail only. */
public record PasswordResetRequested(long accountId, String email, String displayName, String locale,
        String resetLink, Actor actor) implements AuditableEvent {

    @Override
    public String action() {
        return "identity.password.reset_requested";
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
