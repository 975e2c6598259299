package vn.tinhso.services;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.tinhso.shared.TinhSoException;

/** The public status lookup: a dossier code and the last four digits of the phone or ID number. */
@Controller
class LookupPages {

    private final DossierManagement dossiers;
    private final PageErrors errors;
    private final LookupLimiter limiter;

    LookupPages(DossierManagement dossiers, PageErrors errors, LookupLimiter limiter) {
        this.dossiers = dossiers;
        this.errors = errors;
        this.limiter = limiter;
    }

    @GetMapping("/dossiers/lookup")
    @PreAuthorize("permitAll()")
    String lookup(@RequestParam(required = false) String code, @RequestParam(required = false) String digits,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        model.addAttribute("code", code).addAttribute("digits", digits);
        if (code == null || code.isBlank() || digits == null) {
            return "services/lookup";
        }
        if (!limiter.allow(request.getRemoteAddr())) {
            response.setStatus(429);
            model.addAttribute("lookupError", errors.message(TinhSoException.of(vn.tinhso.shared.ErrorCode.TOO_MANY_REQUESTS)));
            return "services/lookup";
        }
        if (!digits.strip().matches("\\d{4}")) {
            model.addAttribute("digitsError", true);
            return "services/lookup";
        }
        try {
            model.addAttribute("status", dossiers.lookup(code, digits));
        } catch (TinhSoException e) {
            response.setStatus(404);
            model.addAttribute("lookupError", errors.message(e));
        }
        return "services/lookup";
    }
}
