package vn.tinhso.identity;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Loads accounts by e-mail for form sign-in. */
@Component
class AccountUserDetailsService implements UserDetailsService {

    private final Accounts accounts;

    AccountUserDetailsService(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return accounts.byEmail(username).filter(row -> row.passwordHash() != null)
                .map(row -> new AccountPrincipal(row.view(), row.passwordHash(), null, null))
                .orElseThrow(() -> new UsernameNotFoundException("unknown"));
    }
}
