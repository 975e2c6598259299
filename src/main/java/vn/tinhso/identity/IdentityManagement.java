package vn.tinhso.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.tinhso.shared.Actor;
import vn.tinhso.shared.ErrorCode;
import vn.tinhso.shared.PageResult;
import vn.tinhso.shared.TinhSoException;

/** Accounts, roles, e-mail verification, password reset, lock-out and API tokens. */
@Service
@Transactional
public class IdentityManagement {

    static final String VERIFY = "VERIFY_EMAIL";
    static final String RESET = "RESET_PASSWORD";

    private final Accounts accounts;
    private final Tokens tokens;
    private final PasswordEncoder passwords;
    private final ApplicationEventPublisher events;
    private final IdentitySettings settings;

    IdentityManagement(Accounts accounts, Tokens tokens, PasswordEncoder passwords,
            ApplicationEventPublisher events, IdentitySettings settings) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.passwords = passwords;
        this.events = events;
        this.settings = settings;
    }

    /** Registers a citizen, PENDING until the link sent by e-mail is opened. */
    public AccountView register(RegistrationForm form, Locale locale) {
        checkPassword(form.password(), form.email());
        if (form.confirmPassword() != null && !form.confirmPassword().equals(form.password())) {
            throw new TinhSoException(ErrorCode.VALIDATION_FAILED, "confirmPassword", "confirmPassword");
        }
        if (accounts.byEmail(form.email()).isPresent()) {
            throw new TinhSoException(ErrorCode.EMAIL_TAKEN, "email", form.email());
        }
        long id = accounts.insert(form.email(), form.displayName(), passwords.encode(form.password()),
                AccountStatus.PENDING, locale.getLanguage());
        accounts.grant(id, new RoleGrant(Role.CITIZEN, null));
        String secret = tokens.issueOneTime(id, VERIFY, Instant.now().plus(settings.verificationValidity()));
        AccountView view = account(id);
        events.publishEvent(new AccountRegistered(id, view.email(), view.displayName(), view.locale(),
                settings.baseUrl() + "/register/verify?token=" + secret, Actor.named(view.email())));
        return view;
    }

    /** Opens a verification link: the account becomes ACTIVE. False when the link is invalid or used. */
    public boolean verifyEmail(String secret) {
        Optional<Long> id = tokens.consumeOneTime(secret, VERIFY);
        id.ifPresent(account -> {
            accounts.setStatus(account, AccountStatus.ACTIVE);
            events.publishEvent(new AccountChanged(account, "verified", Map.of(), Actor.current()));
        });
        return id.isPresent();
    }

    /** Sends a reset link when the address is known; says nothing either way (no account discovery). */
    public void requestPasswordReset(String email) {
        accounts.byEmail(email).filter(a -> a.view().status() != AccountStatus.DISABLED)
                .ifPresent(row -> sendResetLink(row.view()));
    }

    private void sendResetLink(AccountView view) {
        String secret = tokens.issueOneTime(view.id(), RESET, Instant.now().plus(settings.resetValidity()));
        events.publishEvent(new PasswordResetRequested(view.id(), view.email(), view.displayName(), view.locale(),
                settings.baseUrl() + "/password/reset?token=" + secret, Actor.current()));
    }

    public boolean resetLinkValid(String secret) {
        return tokens.oneTimeValid(secret, RESET);
    }

    /** Sets a new password through a reset link; also verifies the address, since the mail arrived. */
    public void resetPassword(String secret, String newPassword) {
        long id = tokens.consumeOneTime(secret, RESET)
                .orElseThrow(() -> new TinhSoException(ErrorCode.INVALID_TOKEN, "token"));
        AccountView view = account(id);
        checkPassword(newPassword, view.email());
        accounts.setPassword(id, passwords.encode(newPassword));
        if (view.status() == AccountStatus.PENDING) {
            accounts.setStatus(id, AccountStatus.ACTIVE);
        }
        events.publishEvent(new AccountChanged(id, "password_changed", Map.of(), Actor.current()));
    }

    /** An administrator creates a staff account; the person sets a password through an e-mailed link. */
    public AccountView createStaff(String email, String displayName, List<RoleGrant> grants) {
        if (accounts.byEmail(email).isPresent()) {
            throw new TinhSoException(ErrorCode.EMAIL_TAKEN, "email", email);
        }
        AccountView created = insertActive(email, displayName, null, grants);
        sendResetLink(created);
        return created;
    }

    /** For demo content and tests: an ACTIVE account with a known password. */
    AccountView createActive(String email, String displayName, String password, List<RoleGrant> grants) {
        return insertActive(email, displayName, passwords.encode(password), grants);
    }

    private AccountView insertActive(String email, String displayName, String passwordHash, List<RoleGrant> grants) {
        long id = accounts.insert(email, displayName, passwordHash, AccountStatus.ACTIVE, "vi");
        grants.forEach(g -> accounts.grant(id, g));
        events.publishEvent(new AccountChanged(id, "created", Map.of("roles", grants.toString()), Actor.current()));
        return account(id);
    }

    public void grant(long accountId, RoleGrant grant) {
        account(accountId);
        accounts.grant(accountId, grant);
        events.publishEvent(new AccountChanged(accountId, "role_granted", Map.of("role", grant.toString()),
                Actor.current()));
    }

    public void revoke(long accountId, RoleGrant grant) {
        if (accounts.revoke(accountId, grant) > 0) {
            events.publishEvent(new AccountChanged(accountId, "role_revoked", Map.of("role", grant.toString()),
                    Actor.current()));
        }
    }

    public void setEnabled(long accountId, boolean enabled) {
        AccountView view = account(accountId);
        accounts.setStatus(accountId, enabled ? AccountStatus.ACTIVE : AccountStatus.DISABLED);
        if (view.status() != (enabled ? AccountStatus.ACTIVE : AccountStatus.DISABLED)) {
            events.publishEvent(new AccountChanged(accountId, enabled ? "enabled" : "disabled", Map.of(),
                    Actor.current()));
        }
    }

    public void unlock(long accountId) {
        account(accountId);
        accounts.lockUntil(accountId, null);
        events.publishEvent(new AccountChanged(accountId, "unlocked", Map.of(), Actor.current()));
    }

    @Transactional(readOnly = true)
    public AccountView account(long id) {
        return accounts.byId(id).map(Accounts.Row::view)
                .orElseThrow(() -> TinhSoException.of(ErrorCode.ACCOUNT_NOT_FOUND, String.valueOf(id)));
    }

    /** Active accounts holding the role (OFFICER, LEADER) in the agency. */
    @Transactional(readOnly = true)
    public List<AccountView> holding(Role role, long agencyId) {
        return accounts.holding(role, agencyId);
    }

    @Transactional(readOnly = true)
    public Optional<AccountView> findByEmail(String email) {
        return accounts.byEmail(email).map(Accounts.Row::view);
    }

    @Transactional(readOnly = true)
    public PageResult<AccountView> search(String text, Role role, PageResult.Request paging) {
        return accounts.search(text, role, paging);
    }

    /** Creates an API token and returns its secret, which is not stored and cannot be shown again. */
    public String createApiToken(long accountId, String name, Integer validDays) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new TinhSoException(ErrorCode.VALIDATION_FAILED, "name", "name");
        }
        if (validDays != null && (validDays < 1 || validDays > 3650)) {
            throw new TinhSoException(ErrorCode.VALIDATION_FAILED, "validDays", "validDays");
        }
        Instant expires = validDays == null ? null : Instant.now().plus(Duration.ofDays(validDays));
        String secret = tokens.createApi(accountId, name.strip(), expires);
        events.publishEvent(new AccountChanged(accountId, "token_created",
                Map.of("token", secret.substring(0, 10), "name", name.strip()), Actor.current()));
        return secret;
    }

    /**
     * The active account of a usable API token secret sent other than as a bearer header (Open311's
     * {@code api_key}), marking the token used exactly as {@link ApiTokenFilter} does; empty when
     * the secret is unknown, expired or revoked or the account is not active, which is recorded as
     * a failed sign-in.
     */
    public Optional<AccountView> apiTokenAccount(String secret) {
        String key = secret == null ? "" : secret.strip();
        Optional<AccountView> account = key.isEmpty() ? Optional.empty()
                : tokens.useApi(key).flatMap(accounts::byId).map(Accounts.Row::view)
                        .filter(view -> view.status() == AccountStatus.ACTIVE);
        if (account.isEmpty()) {
            events.publishEvent(new SignInFailed(key.length() > 10 ? key.substring(0, 10) : "token",
                    "invalid_api_token", Actor.current()));
        }
        return account;
    }

    @Transactional(readOnly = true)
    public List<ApiToken> apiTokens(long accountId) {
        return tokens.apiTokens(accountId);
    }

    public void revokeApiToken(long accountId, long tokenId) {
        if (!tokens.revokeApi(accountId, tokenId)) {
            throw TinhSoException.of(ErrorCode.TOKEN_NOT_FOUND, String.valueOf(tokenId));
        }
        events.publishEvent(new AccountChanged(accountId, "token_revoked", Map.of("tokenId", String.valueOf(tokenId)),
                Actor.current()));
    }

    private void checkPassword(String password, String email) {
        if (password == null || password.length() < settings.passwordMinLength()
                || password.equalsIgnoreCase(email) || password.isBlank()) {
            throw new TinhSoException(ErrorCode.WEAK_PASSWORD, "password", settings.passwordMinLength());
        }
    }
}
