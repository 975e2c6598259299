package vn.tinhso.identity;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.transaction.support.TransactionTemplate;
import vn.tinhso.shared.ErrorCode;

/**
 * Web security. Deny by default works in two layers: every handler of ours must carry a
 * {@code @PreAuthorize} rule (enforced by the web module's gate and by a test), and URLs that are
 * not handlers of ours (actuator, API docs, static files) are listed here.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    static final String CSP = "default-src 'self'; img-src 'self' data: https://tile.openstreetmap.org https://*.tile.openstreetmap.org; "
            + "style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; font-src 'self' data:; "
            + "frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'";

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    OidcAccountLinker oidcAccountLinker(Accounts accounts, ApplicationEventPublisher events) {
        return new OidcAccountLinker(accounts, events);
    }

    @Bean
    SecurityFilterChain web(HttpSecurity http, Tokens tokens, Accounts accounts, TransactionTemplate tx,
            ApplicationEventPublisher events, ProblemWriter problems, IdentitySettings settings,
            MessageSource messages, ObjectProvider<ClientRegistrationRepository> oidcClients,
            OidcAccountLinker linker) throws Exception {
        RequestMatcher api = request -> request.getServletPath().startsWith("/api/");
        RequestMatcher bearer = request -> {
            String header = request.getHeader("Authorization");
            return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
        };
        http.authorizeHttpRequests(auth -> auth
                .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                .requestMatchers("/actuator/**").hasRole("ADMIN")
                .requestMatchers("/api/docs", "/api/docs/**").permitAll()
                // Everything else reaches a handler of ours, whose @PreAuthorize rule decides,
                // or a static file; a handler without a rule is refused by the web module's gate.
                .anyRequest().permitAll());
        http.formLogin(form -> form.loginPage("/login").usernameParameter("email")
                .failureHandler(new SignInFailureHandler()).defaultSuccessUrl("/", false).permitAll());
        http.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/?signedOut"));
        if (oidcClients.getIfAvailable() != null) {
            http.oauth2Login(oidc -> oidc.loginPage("/login")
                    .userInfoEndpoint(info -> info.oidcUserService(linker))
                    .failureUrl("/login?oidcError"));
        }
        // CSRF guards ambient credentials (the session cookie). An API call that carries none (a token, or
        // nobody: an anonymous field report, an offline queue from a fresh browser) has nothing to forge
        // (decision 0011). Open311 (GeoReport v2) clients are other systems posting a form with an api_key:
        // the endpoint ignores any session (the api_key alone authorises the POST), so a forged cross-site
        // request gains nothing without the key.
        RequestMatcher sessionlessApi = request -> api.matches(request) && request.getRequestedSessionId() == null;
        RequestMatcher open311 = request -> request.getServletPath().startsWith("/open311/");
        http.csrf(csrf -> csrf.ignoringRequestMatchers(bearer, sessionlessApi, open311));
        http.exceptionHandling(ex -> ex
                .defaultAuthenticationEntryPointFor((request, response, e) ->
                        problems.write(request, response, ErrorCode.UNAUTHORIZED), api)
                .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), request -> true)
                .defaultAccessDeniedHandlerFor((request, response, e) -> problems.write(request, response,
                        anonymous() ? ErrorCode.UNAUTHORIZED : ErrorCode.FORBIDDEN), api)
                .defaultAccessDeniedHandlerFor(pageDenied(), request -> true));
        http.headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
                .referrerPolicy(ref -> ref.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                .frameOptions(frame -> frame.deny()));
        http.addFilterBefore(new SignInRateLimiter(settings.signInsPerMinute(), messages),
                UsernamePasswordAuthenticationFilter.class);
        http.addFilterBefore(new ApiTokenFilter(tokens, accounts, tx, events, problems), BasicAuthenticationFilter.class);
        return http.build();
    }

    /** An anonymous caller refused (e.g. a write without session or token) must authenticate: 401. */
    private static boolean anonymous() {
        var auth = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        return auth == null || auth instanceof org.springframework.security.authentication.AnonymousAuthenticationToken;
    }

    private static org.springframework.security.web.access.AccessDeniedHandler pageDenied() {
        var handler = new org.springframework.security.web.access.AccessDeniedHandlerImpl();
        handler.setErrorPage("/error/403");
        return handler;
    }
}
