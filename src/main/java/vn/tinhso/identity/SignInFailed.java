package vn.tinhso.identity;

import java.util.Map;
import vn.tinhso.shared.Actor;
import vn.tinhso.shared.AuditableEvent;

/** A failed sign-in: wrong password, unknown user, locked or unverified account, refused token. */
public record SignInFailed(String username, String reason, Actor actor) implements AuditableEvent {

    @Override
    public String action() {
        return "identity.sign_in.failed";
    }

    @Override
    public String targetType() {
        return "account";
    }

    @Override
    public String targetId() {
        return username;
    }

    @Override
    public String outcome() {
        return "failure";
    }

    @Override
    public Map<String, String> details() {
        return Map.of("reason", reason);
    }
}
