package vn.tinhso.identity;

import java.util.List;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.tinhso.shared.PageResult;
import vn.tinhso.shared.TinhSoException;
import vn.tinhso.units.Agency;
import vn.tinhso.units.AgencyManagement;

/** Administrators manage accounts: staff creation, roles within agencies, lock and disable. */
@Controller
@RequestMapping("/admin/accounts")
@PreAuthorize("hasRole('ADMIN')")
class AdminAccountsPages {

    private final IdentityManagement identity;
    private final AgencyManagement agencies;

    AdminAccountsPages(IdentityManagement identity, AgencyManagement agencies) {
        this.identity = identity;
        this.agencies = agencies;
    }

    @GetMapping
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) Role role,
            @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("result", identity.search(q, role, new PageResult.Request(Math.max(page, 0), 20)));
        model.addAttribute("q", q);
        model.addAttribute("role", role);
        model.addAttribute("roles", Role.values());
        return "admin/accounts";
    }

    @GetMapping("/{id}")
    String detail(@PathVariable long id, Model model) {
        List<Agency> all = agencies.all();
        model.addAttribute("account", identity.account(id));
        model.addAttribute("agencies", all);
        model.addAttribute("agencyNames", all.stream().collect(Collectors.toMap(Agency::id, Agency::name)));
        model.addAttribute("roles", Role.values());
        return "admin/account";
    }

    @PostMapping
    String create(@RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String displayName,
            @RequestParam Role role, @RequestParam(required = false) Long agencyId, RedirectAttributes redirect) {
        try {
            RoleGrant grant = new RoleGrant(role, role.scopedToAgency() ? agencyId : null);
            AccountView created = identity.createStaff(email, displayName, List.of(grant));
            redirect.addFlashAttribute("message", "admin.accounts.created");
            return "redirect:/admin/accounts/" + created.id();
        } catch (TinhSoException | IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e instanceof TinhSoException t ? "error." + t.code().code()
                    : "admin.accounts.agencyRequired");
            redirect.addFlashAttribute("errorArgs", e instanceof TinhSoException t ? t.args() : new Object[0]);
            return "redirect:/admin/accounts/new";
        }
    }

    @GetMapping("/new")
    String createForm(Model model) {
        model.addAttribute("agencies", agencies.all());
        model.addAttribute("roles", Role.values());
        return "admin/account-new";
    }

    @PostMapping("/{id}/grant")
    String grant(@PathVariable long id, @RequestParam Role role, @RequestParam(required = false) Long agencyId,
            RedirectAttributes redirect) {
        try {
            identity.grant(id, new RoleGrant(role, role.scopedToAgency() ? agencyId : null));
            redirect.addFlashAttribute("message", "common.saved");
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", "admin.accounts.agencyRequired");
        }
        return "redirect:/admin/accounts/" + id;
    }

    @PostMapping("/{id}/revoke")
    String revoke(@PathVariable long id, @RequestParam Role role, @RequestParam(required = false) Long agencyId) {
        identity.revoke(id, new RoleGrant(role, role.scopedToAgency() ? agencyId : null));
        return "redirect:/admin/accounts/" + id;
    }

    @PostMapping("/{id}/unlock")
    String unlock(@PathVariable long id) {
        identity.unlock(id);
        return "redirect:/admin/accounts/" + id;
    }

    @PostMapping("/{id}/enabled")
    String enabled(@PathVariable long id, @RequestParam boolean enabled) {
        identity.setEnabled(id, enabled);
        return "redirect:/admin/accounts/" + id;
    }
}
