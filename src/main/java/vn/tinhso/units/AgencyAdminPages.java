package vn.tinhso.units;

import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.tinhso.shared.PageResult;
import vn.tinhso.shared.TinhSoException;

/** Administrators manage agencies: list, search, create, edit, deactivate. */
@Controller
@RequestMapping("/admin/agencies")
@PreAuthorize("hasRole('ADMIN')")
class AgencyAdminPages {

    private final AgencyManagement agencies;
    private final UnitsSettings settings;

    AgencyAdminPages(AgencyManagement agencies, UnitsSettings settings) {
        this.agencies = agencies;
        this.settings = settings;
    }

    @GetMapping
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) AgencyLevel level,
            @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("result", agencies.search(q, level, new PageResult.Request(Math.max(page, 0), 25)));
        model.addAttribute("q", q);
        model.addAttribute("level", level);
        return "admin/agencies";
    }

    @GetMapping("/new")
    String createForm(Model model) {
        model.addAttribute("form", new AgencyForm("", "", AgencyKind.DEPARTMENT, AgencyLevel.PROVINCE,
                settings.provinceCode(), "", "", true));
        return form(model, null);
    }

    @GetMapping("/{id}")
    String editForm(@PathVariable long id, Model model) {
        Agency a = agencies.get(id);
        model.addAttribute("form", new AgencyForm(a.code(), a.name(), a.kind(), a.level(), a.unitCode(), a.email(),
                a.phone(), a.active()));
        return form(model, id);
    }

    @PostMapping
    String create(@Valid @ModelAttribute("form") AgencyForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        return save(null, form, errors, model, redirect);
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @Valid @ModelAttribute("form") AgencyForm form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        return save(id, form, errors, model, redirect);
    }

    private String save(Long id, AgencyForm form, BindingResult errors, Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                Agency saved = id == null ? agencies.create(form) : agencies.update(id, form);
                redirect.addFlashAttribute("message", "common.saved");
                return "redirect:/admin/agencies?q=" + java.net.URLEncoder.encode(saved.code(),
                        java.nio.charset.StandardCharsets.UTF_8);
            } catch (TinhSoException e) {
                errors.rejectValue(e.field() == null ? "code" : e.field(), "error." + e.code().code(), e.args(), null);
            }
        }
        return form(model, id);
    }

    private String form(Model model, Long id) {
        model.addAttribute("agencyId", id);
        model.addAttribute("kinds", AgencyKind.values());
        model.addAttribute("levels", AgencyLevel.values());
        return "admin/agency-form";
    }
}
