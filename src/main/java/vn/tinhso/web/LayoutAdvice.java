package vn.tinhso.web;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import vn.tinhso.identity.Role;
import vn.tinhso.identity.SignedInUser;

/** Puts what every page's layout needs into the model: branding, language, who is signed in. */
@ControllerAdvice
class LayoutAdvice {

    /** What the layout shows of the signed-in user. */
    record CurrentUser(long id, String displayName, boolean admin, boolean officer, boolean citizen) {
    }

    private final WebSettings settings;

    LayoutAdvice(WebSettings settings) {
        this.settings = settings;
    }

    @ModelAttribute("site")
    WebSettings site() {
        return settings;
    }

    @ModelAttribute("pageLinks")
    PageLinks pageLinks() {
        return new PageLinks();
    }

    @ModelAttribute("lang")
    String lang() {
        return LocaleContextHolder.getLocale().getLanguage();
    }

    @ModelAttribute("currentUser")
    CurrentUser currentUser() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof SignedInUser user) {
            boolean admin = user.grants().stream().anyMatch(g -> g.role() == Role.ADMIN);
            boolean officer = user.grants().stream().anyMatch(g -> g.role().scopedToAgency());
            boolean citizen = user.grants().stream().anyMatch(g -> g.role() == Role.CITIZEN);
            return new CurrentUser(user.accountId(), user.displayName(), admin, officer, citizen);
        }
        return null;
    }
}
