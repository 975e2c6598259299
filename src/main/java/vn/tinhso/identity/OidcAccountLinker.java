package vn.tinhso.identity;

import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.transaction.annotation.Transactional;
import vn.tinhso.shared.Actor;

/**
 * Maps a person signed in at the national SSO (OpenID Connect) to an account: by issuer and subject
 * once linked; else by a verified e-mail address; else a new CITIZEN account.
 */
class OidcAccountLinker extends OidcUserService {

    private final Accounts accounts;
    private final ApplicationEventPublisher events;

    OidcAccountLinker(Accounts accounts, ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.events = events;
    }

    @Override
    @Transactional
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser external = super.loadUser(request);
        String issuer = String.valueOf(external.getIssuer());
        String subject = external.getSubject();
        Accounts.Row row = accounts.byOidc(issuer, subject).orElseGet(() -> link(external, issuer, subject));
        if (row.view().status() == AccountStatus.DISABLED) {
            throw new OAuth2AuthenticationException(new OAuth2Error("account_disabled"), "account disabled");
        }
        return new AccountPrincipal(row.view(), null, external.getIdToken(), external.getUserInfo());
    }

    private Accounts.Row link(OidcUser external, String issuer, String subject) {
        String email = external.getEmail();
        boolean verified = Boolean.TRUE.equals(external.getEmailVerified());
        if (email != null && verified) {
            var existing = accounts.byEmail(email);
            if (existing.isPresent()) {
                accounts.linkOidc(existing.get().view().id(), issuer, subject);
                if (existing.get().view().status() == AccountStatus.PENDING) {
                    accounts.setStatus(existing.get().view().id(), AccountStatus.ACTIVE);
                }
                events.publishEvent(new AccountChanged(existing.get().view().id(), "oidc_linked",
                        Map.of("issuer", issuer), Actor.named(email)));
                return accounts.byId(existing.get().view().id()).orElseThrow();
            }
        }
        String address = email != null && verified ? email
                : "oidc-" + Secrets.sha256(issuer + "|" + subject).substring(0, 16) + "@sso.invalid";
        String name = external.getFullName() != null ? external.getFullName() : address;
        long id = accounts.insert(address, name, null, AccountStatus.ACTIVE, "vi");
        accounts.grant(id, new RoleGrant(Role.CITIZEN, null));
        accounts.linkOidc(id, issuer, subject);
        events.publishEvent(new AccountChanged(id, "created", Map.of("issuer", issuer, "roles",
                List.of(Role.CITIZEN).toString()), Actor.named(address)));
        return accounts.byId(id).orElseThrow();
    }
}
