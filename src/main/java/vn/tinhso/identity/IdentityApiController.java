package vn.tinhso.identity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.tinhso.shared.PageResult;

/** The caller's own account and API tokens; the account list for administrators. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Identity", description = "Accounts and personal API tokens")
class IdentityApiController {

    /** A request to create a token: a name and, optionally, a validity in days. */
    record TokenRequest(String name, Integer validDays) {
    }

    /** A new token: the secret is shown this once and never again. */
    record NewToken(String token, String name, String warning) {
    }

    private final IdentityManagement identity;

    IdentityApiController(IdentityManagement identity) {
        this.identity = identity;
    }

    @GetMapping("/me")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "The caller's account and roles")
    AccountView me(@AuthenticationPrincipal SignedInUser user) {
        return identity.account(user.accountId());
    }

    @GetMapping("/me/tokens")
    @PreAuthorize("isAuthenticated()")
    List<ApiToken> tokens(@AuthenticationPrincipal SignedInUser user) {
        return identity.apiTokens(user.accountId());
    }

    @PostMapping("/me/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Create a personal API token; the secret is in this answer only")
    NewToken createToken(@AuthenticationPrincipal SignedInUser user, @RequestBody TokenRequest request) {
        String secret = identity.createApiToken(user.accountId(), request.name(), request.validDays());
        return new NewToken(secret, request.name(), "Store this token now: it cannot be shown again.");
    }

    @DeleteMapping("/me/tokens/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("isAuthenticated()")
    void revokeToken(@AuthenticationPrincipal SignedInUser user, @PathVariable long id) {
        identity.revokeApiToken(user.accountId(), id);
    }

    @GetMapping("/accounts")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Search accounts (administrators)")
    PageResult<AccountView> accounts(@RequestParam(required = false) String q,
            @RequestParam(required = false) Role role, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return identity.search(q, role, new PageResult.Request(page, size));
    }

    @GetMapping("/accounts/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    AccountView account(@PathVariable long id) {
        return identity.account(id);
    }
}
