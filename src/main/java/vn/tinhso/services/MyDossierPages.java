package vn.tinhso.services;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.tinhso.calendar.CalendarManagement;
import vn.tinhso.identity.SignedInUser;
import vn.tinhso.shared.InvalidInput;
import vn.tinhso.shared.PageResult;
import vn.tinhso.shared.TinhSoException;

/**
 * A citizen's dossiers: the three steps of a draft (information, documents, review and submit),
 * the list, a dossier's page with its timeline and receipt, and sending back a supplement.
 */
@Controller
class MyDossierPages {

    private final DossierManagement dossiers;
    private final CalendarManagement calendar;
    private final PageErrors errors;
    private final ServicesSettings settings;

    MyDossierPages(DossierManagement dossiers, CalendarManagement calendar, PageErrors errors,
            ServicesSettings settings) {
        this.dossiers = dossiers;
        this.calendar = calendar;
        this.errors = errors;
        this.settings = settings;
    }

    @GetMapping("/my/dossiers")
    @PreAuthorize("hasRole('CITIZEN')")
    String list(@RequestParam(defaultValue = "0") int page, @AuthenticationPrincipal SignedInUser user, Model model) {
        PageResult<Dossier> result = dossiers.mine(user.accountId(), new PageResult.Request(page, 20));
        Map<UUID, String> left = new LinkedHashMap<>();
        result.items().forEach(d -> left.put(d.id(), timeLeft(d)));
        model.addAttribute("result", result).addAttribute("timeLeft", left);
        return "services/my-dossiers";
    }

    /** Working time left before the appointment, as "3 ngày 2 giờ"; null without one or once closed. */
    private String timeLeft(Dossier d) {
        if (d.appointmentAt() == null || d.status().closed()) {
            return null;
        }
        Instant now = Instant.now();
        if (!now.isBefore(d.appointmentAt())) {
            return "0";
        }
        Duration left = calendar.workingTimeBetween(now, d.appointmentAt(), d.agencyId());
        long hours = left.toHours();
        return (hours / 8) + ":" + (hours % 8);
    }

    @GetMapping("/my/dossiers/{id}")
    @PreAuthorize("hasRole('CITIZEN')")
    String dossier(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user, Model model) {
        Dossier dossier = dossiers.ofOwner(id, user.accountId());
        if (dossier.status() == DossierStatus.DRAFT) {
            return "redirect:/my/dossiers/" + id + "/edit";
        }
        model.addAttribute("d", dossier).addAttribute("p", dossiers.procedure(dossier))
                .addAttribute("timeline", dossiers.timeline(dossier)).addAttribute("timeLeft", timeLeft(dossier));
        return "services/my-dossier";
    }

    // ------------------------------------------------------------------ draft steps

    @GetMapping("/my/dossiers/{id}/edit")
    @PreAuthorize("hasRole('CITIZEN')")
    String edit(@PathVariable UUID id, @RequestParam(defaultValue = "info") String step,
            @AuthenticationPrincipal SignedInUser user, Model model) {
        Dossier dossier = dossiers.ofOwner(id, user.accountId());
        if (dossier.status() != DossierStatus.DRAFT) {
            return "redirect:/my/dossiers/" + id;
        }
        return step(dossier, step, user, model);
    }

    private String step(Dossier dossier, String step, SignedInUser user, Model model) {
        model.addAttribute("d", dossier).addAttribute("p", dossiers.procedure(dossier))
                .addAttribute("maxSize", settings.maxDocumentSizeText())
                .addAttribute("communes", dossiers.communeAgencies());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        if ("review".equals(step) && ((Map<?, ?>) model.getAttribute("errors")).isEmpty()) {
            model.addAttribute("errors", errors.of(dossiers.problems(dossier.id(), user)));
        }
        model.addAttribute("step", List.of("info", "documents", "review").contains(step) ? step : "info");
        return "services/draft";
    }

    /** Saves the information step; with {@code next}, checks it and goes on to the documents. */
    @PostMapping("/my/dossiers/{id}/info")
    @PreAuthorize("hasRole('CITIZEN')")
    String saveInfo(@PathVariable UUID id, @RequestParam Map<String, String> params,
            @AuthenticationPrincipal SignedInUser user, Model model, RedirectAttributes redirect) {
        Map<String, Object> form = new LinkedHashMap<>();
        params.forEach((k, v) -> {
            if (k.startsWith("f.")) {
                form.put(k.substring(2), v);
            }
        });
        Applicant applicant = new Applicant(params.get("name"), params.get("idNumber"), params.get("phone"),
                params.get("email"), params.get("address"), params.get("organisation"));
        Dossier.Delivery delivery = parse(params.get("delivery"));
        Dossier saved = dossiers.saveDraft(id, new DossierInput(null, null, applicant, form, delivery,
                params.get("deliveryAddress"), null), user);
        if (params.containsKey("next")) {
            Map<String, String> problems = new LinkedHashMap<>(errors.of(dossiers.problems(id, user)));
            problems.keySet().removeIf(k -> k.startsWith("document."));
            if (!problems.isEmpty()) {
                model.addAttribute("errors", problems);
                return step(saved, "info", user, model);
            }
            return "redirect:/my/dossiers/" + id + "/edit?step=documents";
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:/my/dossiers/" + id + "/edit";
    }

    private static Dossier.Delivery parse(String value) {
        try {
            return value == null ? null : Dossier.Delivery.valueOf(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** One upload: a refused file is reported on its document and the rest of the dossier is untouched. */
    @PostMapping("/my/dossiers/{id}/documents")
    @PreAuthorize("hasRole('CITIZEN')")
    String upload(@PathVariable UUID id, @RequestParam int slot,
            @RequestParam(name = "file", required = false) MultipartFile file, @RequestParam(defaultValue = "documents") String back,
            @AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) {
        try {
            if (file == null || file.isEmpty()) {
                throw new TinhSoException(vn.tinhso.shared.ErrorCode.FILE_EMPTY, "file");
            }
            try (InputStream in = file.getInputStream()) {
                dossiers.attach(id, slot, new Upload(in, file.getOriginalFilename()), user);
            }
            redirect.addFlashAttribute("uploaded", file.getOriginalFilename());
        } catch (TinhSoException e) {
            redirect.addFlashAttribute("uploadError", Map.of(slot, errors.message(e)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "supplement".equals(back) ? "redirect:/my/dossiers/" + id + "#supplement"
                : "redirect:/my/dossiers/" + id + "/edit?step=documents";
    }

    @PostMapping("/my/dossiers/{id}/documents/{documentId}/delete")
    @PreAuthorize("hasRole('CITIZEN')")
    String removeDocument(@PathVariable UUID id, @PathVariable long documentId,
            @RequestParam(defaultValue = "documents") String back, @AuthenticationPrincipal SignedInUser user) {
        dossiers.detach(id, documentId, user);
        return "supplement".equals(back) ? "redirect:/my/dossiers/" + id + "#supplement"
                : "redirect:/my/dossiers/" + id + "/edit?step=documents";
    }

    /** Submits; a second click finds it submitted and shows it, creating nothing. */
    @PostMapping("/my/dossiers/{id}/submit")
    @PreAuthorize("hasRole('CITIZEN')")
    String submit(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user, Model model,
            RedirectAttributes redirect) {
        try {
            Dossier submitted = dossiers.submitDraft(id, user);
            redirect.addFlashAttribute("submitted", submitted.code());
            return "redirect:/my/dossiers/" + id;
        } catch (InvalidInput e) {
            model.addAttribute("errors", errors.of(e));
            return step(dossiers.ofOwner(id, user.accountId()), "review", user, model);
        }
    }

    @PostMapping("/my/dossiers/{id}/delete")
    @PreAuthorize("hasRole('CITIZEN')")
    String delete(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) {
        dossiers.deleteDraft(id, user);
        redirect.addFlashAttribute("deleted", true);
        return "redirect:/my/dossiers";
    }

    @PostMapping("/my/dossiers/{id}/resubmit")
    @PreAuthorize("hasRole('CITIZEN')")
    String resubmit(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) {
        try {
            dossiers.resubmit(id, user);
            redirect.addFlashAttribute("resubmitted", true);
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("supplementError", errors.of(e).values().iterator().next());
        }
        return "redirect:/my/dossiers/" + id;
    }

    // ------------------------------------------------------------------ downloads

    @GetMapping("/my/dossiers/{id}/documents/{documentId}")
    @PreAuthorize("hasRole('CITIZEN')")
    ResponseEntity<InputStreamResource> document(@PathVariable UUID id, @PathVariable long documentId,
            @AuthenticationPrincipal SignedInUser user) {
        Dossier dossier = dossiers.ofOwner(id, user.accountId());
        return download(dossier, documentId, dossiers.documentContent(dossier, documentId));
    }

    @GetMapping("/my/dossiers/{id}/receipt")
    @PreAuthorize("hasRole('CITIZEN')")
    ResponseEntity<InputStreamResource> receipt(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user) {
        Dossier dossier = dossiers.ofOwner(id, user.accountId());
        return DossiersApiController.pdf(dossier, dossiers.receipt(dossier));
    }

    static ResponseEntity<InputStreamResource> download(Dossier dossier, long documentId, InputStream content) {
        DossierDocument doc = dossier.documents().stream().filter(d -> d.id() == documentId).findFirst().orElseThrow();
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(doc.contentType())).contentLength(doc.size())
                .header(HttpHeaders.CONTENT_DISPOSITION, vn.tinhso.files.FileManagement.attachmentHeader(doc.name()))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .body(new InputStreamResource(content));
    }
}
