package vn.tinhso.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.MessageSource;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.support.RequestContextUtils;
import vn.tinhso.shared.RateLimiter;

/**
 * Limits sign-in attempts per client address to {@code tinhso.identity.sign-ins-per-minute} in any
 * sliding minute, on this node. Complements the per-account lock-out, which stops guessing one
 * password; this stops spraying many accounts from one address.
 */
final class SignInRateLimiter extends OncePerRequestFilter {

    private final RateLimiter limiter;
    private final MessageSource messages;

    SignInRateLimiter(int limit, MessageSource messages) {
        this.limiter = new RateLimiter(limit);
        this.messages = messages;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!allow(request.getRemoteAddr())) {
            response.setStatus(429);
            response.setHeader("Retry-After", "60");
            response.setContentType("text/html;charset=UTF-8");
            String text = messages.getMessage("login.throttled", null, "Too many attempts",
                    RequestContextUtils.getLocale(request));
            response.getWriter().write("<!doctype html><html><head><meta charset=utf-8><title>429</title></head>"
                    + "<body><main><h1>429</h1><p role=alert>" + text + "</p><p><a href=/login>/login</a></p>"
                    + "</main></body></html>");
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean allow(String address) {
        return limiter.allow(address);
    }
}
