package vn.tinhso.services;

import java.util.Locale;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.tinhso.identity.SignedInUser;
import vn.tinhso.shared.PageResult;
import vn.tinhso.shared.TinhSoException;

/** The public catalogue: search with facets, a procedure's page, and starting an online dossier. */
@Controller
class ProcedurePages {

    private final ProcedureManagement procedures;
    private final DossierManagement dossiers;
    private final PageErrors errors;

    ProcedurePages(ProcedureManagement procedures, DossierManagement dossiers, PageErrors errors) {
        this.procedures = procedures;
        this.dossiers = dossiers;
        this.errors = errors;
    }

    @GetMapping("/procedures")
    @PreAuthorize("permitAll()")
    String search(@RequestParam(required = false) String q, @RequestParam(required = false) String domain,
            @RequestParam(required = false) Procedure.Level level, @RequestParam(required = false) String agency,
            @RequestParam(required = false) Procedure.OnlineLevel online, @RequestParam(required = false) String sort,
            @RequestParam(defaultValue = "0") int page, @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model, Locale locale) {
        ProcedureSearch search = procedures.search(new ProcedureQuery(q, domain, level, agency, online, null, sort,
                false), new PageResult.Request(page, 20), locale);
        model.addAttribute("search", search).addAttribute("result", search.result()).addAttribute("q", q)
                .addAttribute("domain", domain).addAttribute("level", level).addAttribute("agency", agency)
                .addAttribute("online", online).addAttribute("sort", sort);
        return htmx != null ? "services/procedures :: results" : "services/procedures";
    }

    @GetMapping("/procedures/{code}")
    @PreAuthorize("permitAll()")
    String procedure(@PathVariable String code, Model model, Locale locale) {
        Procedure procedure = procedures.published(code);
        model.addAttribute("p", procedure).addAttribute("agencyName", procedures.agencyName(procedure, locale));
        if (procedure.performedAt(Procedure.Level.COMMUNE) && procedure.agencyCode() == null) {
            model.addAttribute("communes", dossiers.communeAgencies());
        }
        return "services/procedure";
    }

    @GetMapping("/procedures/{code}/documents/{index}/template")
    @PreAuthorize("permitAll()")
    org.springframework.http.ResponseEntity<org.springframework.core.io.InputStreamResource> template(
            @PathVariable String code, @PathVariable int index) {
        Procedure procedure = procedures.published(code);
        java.io.InputStream content = procedures.template(code, index);
        vn.tinhso.files.StoredFile file = procedures.templateFile(procedure.documents().get(index).templateFile());
        return org.springframework.http.ResponseEntity.ok()
                .contentType(org.springframework.http.MediaType.parseMediaType(file.contentType()))
                .contentLength(file.size())
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
                        vn.tinhso.files.FileManagement.attachmentHeader(file.name()))
                .header("X-Content-Type-Options", "nosniff")
                .body(new org.springframework.core.io.InputStreamResource(content));
    }

    @PostMapping("/procedures/{code}/start")
    @PreAuthorize("hasRole('CITIZEN')")
    String start(@PathVariable String code, @RequestParam(required = false) Long agencyId,
            @AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) {
        try {
            Dossier draft = dossiers.startDraft(code, agencyId, user);
            return "redirect:/my/dossiers/" + draft.id() + "/edit";
        } catch (TinhSoException e) {
            redirect.addFlashAttribute("startError", errors.of(e).values().iterator().next());
            return "redirect:/procedures/" + code;
        }
    }
}
