package vn.tinhso.identity;

import java.time.Instant;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.tinhso.shared.Actor;

/** Turns Spring Security's sign-in outcomes into lock-out bookkeeping and audited events. */
@Component
class SignInRecorder {

    private final Accounts accounts;
    private final IdentitySettings settings;
    private final ApplicationEventPublisher events;

    SignInRecorder(Accounts accounts, IdentitySettings settings, ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.settings = settings;
        this.events = events;
    }

    @EventListener
    @Transactional
    public void failed(AbstractAuthenticationFailureEvent event) {
        String username = String.valueOf(event.getAuthentication().getName());
        String reason = event.getException().getClass().getSimpleName();
        events.publishEvent(new SignInFailed(username, reason, Actor.named(username)));
        if (event instanceof AuthenticationFailureBadCredentialsEvent) {
            accounts.byEmail(username).ifPresent(row -> {
                int failures = accounts.recordFailure(row.view().id());
                if (failures >= settings.maxFailedAttempts()) {
                    Instant until = Instant.now().plus(settings.lockDuration());
                    accounts.lockUntil(row.view().id(), until);
                    events.publishEvent(new AccountChanged(row.view().id(), "locked",
                            Map.of("until", until.toString(), "failures", String.valueOf(failures)),
                            Actor.named(username)));
                }
            });
        }
    }

    @EventListener
    @Transactional
    public void succeeded(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof AccountPrincipal principal
                && !(event.getAuthentication() instanceof ApiTokenAuthentication)) {
            accounts.recordSuccess(principal.accountId());
            events.publishEvent(new AccountChanged(principal.accountId(), "signed_in",
                    Map.of("method", event.getAuthentication().getClass().getSimpleName()),
                    Actor.named(principal.email())));
        }
    }
}
