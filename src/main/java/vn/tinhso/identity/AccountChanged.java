package vn.tinhso.identity;

import java.util.Map;
import vn.tinhso.shared.Actor;
import vn.tinhso.shared.AuditableEvent;

/**
 * A change to an account or a security event on it: {@code verified}, {@code signed_in},
 * {@code locked}, {@code unlocked}, {@code password_changed}, {@code role_granted}, {@code role_revoked},
 * {@code token_created}, {@code token_revoked}, {@code disabled}, {@code enabled}, {@code created}.
 */
public record AccountChanged(long accountId, String change, Map<String, String> details, Actor actor)
        implements AuditableEvent {

    public AccountChanged {
        details = Map.copyOf(details);
    }

    @Override
    public String action() {
        return "identity.account." + change;
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
