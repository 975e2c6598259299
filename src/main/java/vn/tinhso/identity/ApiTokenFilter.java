package vn.tinhso.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.tinhso.shared.ErrorCode;
import vn.tinhso.shared.Actor;

/**
 * Authenticates systems by personal API token. A bearer token that is unknown, expired or revoked
 * is refused with 401 at once, never treated as anonymous.
 */
final class ApiTokenFilter extends OncePerRequestFilter {

    private final Tokens tokens;
    private final Accounts accounts;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final ProblemWriter problems;

    ApiTokenFilter(Tokens tokens, Accounts accounts, TransactionTemplate tx, ApplicationEventPublisher events,
            ProblemWriter problems) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.tx = tx;
        this.events = events;
        this.problems = problems;
    }

    /**
     * The CKAN Action API (opendata) reads its tokens itself: CKAN clients send them with or without
     * "Bearer", and a bad one must be refused in CKAN's error format, not as a problem document.
     */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getServletPath();
        return path.startsWith("/api/3/action/") || path.startsWith("/api/action/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        String secret = header.substring(7).strip();
        Optional<Accounts.Row> account = tx.execute(status -> tokens.useApi(secret)
                .flatMap(accounts::byId)
                .filter(row -> row.view().status() == AccountStatus.ACTIVE));
        if (account == null || account.isEmpty()) {
            tx.executeWithoutResult(status -> events.publishEvent(new SignInFailed(
                    secret.length() > 10 ? secret.substring(0, 10) : "token", "invalid_api_token", Actor.current())));
            problems.write(request, response, ErrorCode.UNAUTHORIZED);
            return;
        }
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new ApiTokenAuthentication(new AccountPrincipal(account.get().view())));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
