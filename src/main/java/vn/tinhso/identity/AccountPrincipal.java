package vn.tinhso.identity;

import java.io.Serial;
import java.io.Serializable;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/** The signed-in account, whichever way it signed in; kept in the JDBC session, so serializable. */
final class AccountPrincipal implements UserDetails, OidcUser, SignedInUser, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final AccountView account;
    private final String passwordHash;
    private final OidcIdToken idToken;
    private final OidcUserInfo userInfo;

    AccountPrincipal(AccountView account, String passwordHash, OidcIdToken idToken, OidcUserInfo userInfo) {
        this.account = account;
        this.passwordHash = passwordHash;
        this.idToken = idToken;
        this.userInfo = userInfo;
    }

    AccountPrincipal(AccountView account) {
        this(account, null, null, null);
    }

    @Override
    public long accountId() {
        return account.id();
    }

    @Override
    public String email() {
        return account.email();
    }

    @Override
    public String displayName() {
        return account.displayName();
    }

    @Override
    public List<RoleGrant> grants() {
        return account.roles();
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return account.roles().stream().map(g -> g.role().authority()).distinct()
                .map(SimpleGrantedAuthority::new).toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return account.email();
    }

    @Override
    public boolean isAccountNonLocked() {
        return !account.locked();
    }

    @Override
    public boolean isEnabled() {
        return account.status() == AccountStatus.ACTIVE;
    }

    @Override
    public Map<String, Object> getClaims() {
        return idToken == null ? Map.of("sub", account.email()) : idToken.getClaims();
    }

    @Override
    public OidcUserInfo getUserInfo() {
        return userInfo;
    }

    @Override
    public OidcIdToken getIdToken() {
        return idToken;
    }

    @Override
    public Map<String, Object> getAttributes() {
        return getClaims();
    }

    @Override
    public String getName() {
        return account.email();
    }

    @Override
    public String toString() {
        return "AccountPrincipal[" + account.id() + "]";
    }
}
