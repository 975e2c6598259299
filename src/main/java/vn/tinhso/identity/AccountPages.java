package vn.tinhso.identity;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.tinhso.shared.TinhSoException;

/** The signed-in user's own account: profile, roles and personal API tokens. */
@Controller
@PreAuthorize("isAuthenticated()")
class AccountPages {

    private final IdentityManagement identity;

    AccountPages(IdentityManagement identity) {
        this.identity = identity;
    }

    @GetMapping("/account")
    String account(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("account", identity.account(user.accountId()));
        model.addAttribute("tokens", identity.apiTokens(user.accountId()));
        return "account/account";
    }

    @PostMapping("/account/tokens")
    String createToken(@AuthenticationPrincipal SignedInUser user, @RequestParam(defaultValue = "") String name,
            @RequestParam(required = false) Integer validDays, RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute("newToken", identity.createApiToken(user.accountId(), name, validDays));
        } catch (TinhSoException e) {
            redirect.addFlashAttribute("tokenError", "account.token.invalid");
        }
        return "redirect:/account#tokens";
    }

    @PostMapping("/account/tokens/{id}/revoke")
    String revoke(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, RedirectAttributes redirect) {
        identity.revokeApiToken(user.accountId(), id);
        redirect.addFlashAttribute("revoked", true);
        return "redirect:/account#tokens";
    }
}
