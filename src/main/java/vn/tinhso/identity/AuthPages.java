package vn.tinhso.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.tinhso.shared.TinhSoException;

/** Sign-in, registration, e-mail verification and password reset pages. */
@Controller
@PreAuthorize("permitAll()")
class AuthPages {

    private final IdentityManagement identity;
    private final ObjectProvider<ClientRegistrationRepository> oidc;
    private final IdentitySettings settings;

    AuthPages(IdentityManagement identity, ObjectProvider<ClientRegistrationRepository> oidc,
            IdentitySettings settings) {
        this.identity = identity;
        this.oidc = oidc;
        this.settings = settings;
    }

    @GetMapping("/login")
    String login(@RequestParam(required = false) String error, Model model) {
        if (error != null) {
            model.addAttribute("loginError", "login.error."
                    + ("locked".equals(error) || "disabled".equals(error) ? error : "bad"));
        }
        model.addAttribute("oidcUrl", oidc.getIfAvailable() == null ? null
                : "/oauth2/authorization/" + settings.oidcRegistration());
        return "auth/login";
    }

    @GetMapping("/register")
    String registerForm(Model model) {
        model.addAttribute("form", new RegistrationForm("", "", "", ""));
        return "auth/register";
    }

    @PostMapping("/register")
    String register(@Valid @ModelAttribute("form") RegistrationForm form, BindingResult errors, Locale locale) {
        if (!errors.hasErrors()) {
            try {
                identity.register(form, locale);
                return "redirect:/login?registered";
            } catch (TinhSoException e) {
                errors.rejectValue(e.field() == null ? "email" : e.field(), "error." + e.code().code(), e.args(), null);
            }
        }
        return "auth/register";
    }

    @GetMapping("/register/verify")
    String verify(@RequestParam(required = false) String token, Model model) {
        model.addAttribute("verified", identity.verifyEmail(token));
        return "auth/verified";
    }

    @GetMapping("/password/forgot")
    String forgotForm() {
        return "auth/forgot";
    }

    @PostMapping("/password/forgot")
    String forgot(@RequestParam(defaultValue = "") String email, Model model) {
        if (!email.isBlank()) {
            identity.requestPasswordReset(email);
        }
        model.addAttribute("sent", true);
        return "auth/forgot";
    }

    @GetMapping("/password/reset")
    String resetForm(@RequestParam(required = false) String token, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("valid", identity.resetLinkValid(token));
        return "auth/reset";
    }

    @PostMapping("/password/reset")
    String reset(@RequestParam(defaultValue = "") String token, @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String confirmPassword, Model model, HttpServletRequest request) {
        model.addAttribute("token", token);
        model.addAttribute("valid", true);
        if (!password.equals(confirmPassword)) {
            model.addAttribute("error", "account.password.mismatch");
            return "auth/reset";
        }
        try {
            identity.resetPassword(token, password);
            return "redirect:/login?reset";
        } catch (TinhSoException e) {
            model.addAttribute("error", "error." + e.code().code());
            model.addAttribute("errorArgs", e.args());
            model.addAttribute("valid", identity.resetLinkValid(token));
            return "auth/reset";
        }
    }
}
