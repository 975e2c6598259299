package vn.tinhso.services;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.core.io.InputStreamResource;
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
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.tinhso.identity.SignedInUser;
import vn.tinhso.shared.PageResult;
import vn.tinhso.shared.TinhSoException;
import vn.tinhso.units.AgencyManagement;

/**
 * The one-stop desk: the inbox of the officer's agencies (oldest first, counts, overdue), a dossier
 * with the three reception decisions, and registering a dossier brought in person or by post.
 */
@Controller
@PreAuthorize("hasAnyRole('OFFICER', 'LEADER')")
class DeskPages {

    private final DossierManagement dossiers;
    private final ProcedureManagement procedures;
    private final AgencyManagement agencies;
    private final PageErrors errors;
    private final ServicesSettings settings;

    DeskPages(DossierManagement dossiers, ProcedureManagement procedures, AgencyManagement agencies,
            PageErrors errors, ServicesSettings settings) {
        this.dossiers = dossiers;
        this.procedures = procedures;
        this.agencies = agencies;
        this.errors = errors;
        this.settings = settings;
    }

    @GetMapping("/desk")
    @PreAuthorize("hasAnyRole('OFFICER', 'LEADER')")
    String inbox(@RequestParam(defaultValue = "SUBMITTED") DossierStatus status,
            @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
            @AuthenticationPrincipal SignedInUser user, Model model) {
        DossierStatus shown = status == DossierStatus.DRAFT ? DossierStatus.SUBMITTED : status;
        model.addAttribute("result", dossiers.inbox(user, Set.of(shown), q, new PageResult.Request(page, 20)))
                .addAttribute("counts", dossiers.counts(user)).addAttribute("status", shown).addAttribute("q", q)
                .addAttribute("tabs", List.of(DossierStatus.SUBMITTED, DossierStatus.SUPPLEMENT_REQUESTED,
                        DossierStatus.RECEIVED, DossierStatus.REFUSED))
                .addAttribute("now", java.time.Instant.now());
        return "services/desk";
    }

    @GetMapping("/desk/dossiers/{id}")
    @PreAuthorize("hasAnyRole('OFFICER', 'LEADER')")
    String dossier(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user, Model model) {
        Dossier dossier = dossiers.ofDesk(id, user);
        model.addAttribute("d", dossier).addAttribute("p", dossiers.procedure(dossier))
                .addAttribute("timeline", dossiers.timeline(dossier));
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "services/desk-dossier";
    }

    @PostMapping("/desk/dossiers/{id}/receive")
    @PreAuthorize("hasAnyRole('OFFICER', 'LEADER')")
    String receive(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) {
        return act(id, redirect, () -> dossiers.receive(id, user), "received");
    }

    @PostMapping("/desk/dossiers/{id}/supplement-request")
    @PreAuthorize("hasAnyRole('OFFICER', 'LEADER')")
    String requestSupplement(@PathVariable UUID id, @RequestParam(defaultValue = "") String items,
            @RequestParam(defaultValue = "") String note, @AuthenticationPrincipal SignedInUser user,
            RedirectAttributes redirect) {
        List<String> list = Arrays.stream(items.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        return act(id, redirect, () -> dossiers.requestSupplement(id, note, list, user), "supplementRequested");
    }

    @PostMapping("/desk/dossiers/{id}/refuse")
    @PreAuthorize("hasAnyRole('OFFICER', 'LEADER')")
    String refuse(@PathVariable UUID id, @RequestParam(defaultValue = "") String reason,
            @AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) {
        return act(id, redirect, () -> dossiers.refuse(id, reason, user), "refused");
    }

    private String act(UUID id, RedirectAttributes redirect, Runnable action, String done) {
        try {
            action.run();
            redirect.addFlashAttribute("done", done);
        } catch (TinhSoException e) {
            if (e.code() == vn.tinhso.shared.ErrorCode.DOSSIER_NOT_FOUND) {
                throw e;
            }
            redirect.addFlashAttribute("errors", errors.of(e));
        }
        return "redirect:/desk/dossiers/" + id;
    }

    @GetMapping("/desk/dossiers/{id}/documents/{documentId}")
    @PreAuthorize("hasAnyRole('OFFICER', 'LEADER')")
    ResponseEntity<InputStreamResource> document(@PathVariable UUID id, @PathVariable long documentId,
            @AuthenticationPrincipal SignedInUser user) {
        Dossier dossier = dossiers.ofDesk(id, user);
        return MyDossierPages.download(dossier, documentId, dossiers.documentContent(dossier, documentId));
    }

    @GetMapping("/desk/dossiers/{id}/receipt")
    @PreAuthorize("hasAnyRole('OFFICER', 'LEADER')")
    ResponseEntity<InputStreamResource> receipt(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user) {
        Dossier dossier = dossiers.ofDesk(id, user);
        return DossiersApiController.pdf(dossier, dossiers.receipt(dossier));
    }

    // ------------------------------------------------------------------ registration at the desk

    @GetMapping("/desk/register")
    @PreAuthorize("hasAnyRole('OFFICER', 'LEADER')")
    String register(@RequestParam(required = false) String procedure, @AuthenticationPrincipal SignedInUser user,
            Model model) {
        model.addAttribute("values", Map.of()).addAttribute("formValues", Map.of()).addAttribute("errors", Map.of());
        return registerPage(procedure, user, model);
    }

    private String registerPage(String code, SignedInUser user, Model model) {
        Set<Long> desk = dossiers.deskAgencies(user);
        model.addAttribute("deskAgencies", agencies.all().stream().filter(a -> desk.contains(a.id())).toList())
                .addAttribute("maxSize", settings.maxDocumentSizeText())
                .addAttribute("communes", dossiers.communeAgencies());
        if (code != null && !code.isBlank()) {
            try {
                model.addAttribute("p", procedures.published(code.strip()));
            } catch (TinhSoException e) {
                model.addAttribute("procedureError", errors.message(e));
            }
        }
        model.addAttribute("procedure", code);
        return "services/desk-register";
    }

    @PostMapping("/desk/register")
    @PreAuthorize("hasAnyRole('OFFICER', 'LEADER')")
    String registerSubmit(MultipartHttpServletRequest request, @AuthenticationPrincipal SignedInUser user,
            Model model, RedirectAttributes redirect) {
        Map<String, String> params = new LinkedHashMap<>();
        request.getParameterMap().forEach((k, v) -> params.put(k, v.length == 0 ? null : v[0]));
        Map<String, Object> form = new LinkedHashMap<>();
        params.forEach((k, v) -> {
            if (k.startsWith("f.")) {
                form.put(k.substring(2), v);
            }
        });
        Long agencyId = parseLong(params.get("agencyId"));
        Procedure.Channel channel = "POST".equals(params.get("channel")) ? Procedure.Channel.POST
                : Procedure.Channel.DIRECT;
        Dossier.Delivery delivery = "POST".equals(params.get("delivery")) ? Dossier.Delivery.POST
                : "ONLINE".equals(params.get("delivery")) ? Dossier.Delivery.ONLINE : Dossier.Delivery.DESK;
        Map<Integer, List<Upload>> uploads = new LinkedHashMap<>();
        List<InputStream> open = new ArrayList<>();
        try {
            for (var entry : request.getMultiFileMap().entrySet()) {
                if (!entry.getKey().startsWith("document.")) {
                    continue;
                }
                int slot = Integer.parseInt(entry.getKey().substring("document.".length()));
                for (MultipartFile file : entry.getValue()) {
                    if (!file.isEmpty()) {
                        InputStream in = file.getInputStream();
                        open.add(in);
                        uploads.computeIfAbsent(slot, s -> new ArrayList<>()).add(new Upload(in, file.getOriginalFilename()));
                    }
                }
            }
            Dossier dossier = dossiers.register(new DossierInput(params.get("procedure"), agencyId,
                    new Applicant(params.get("name"), params.get("idNumber"), params.get("phone"), params.get("email"),
                            params.get("address"), params.get("organisation")),
                    form, delivery, params.get("deliveryAddress"), null), channel, uploads, user);
            redirect.addFlashAttribute("done", "registered");
            return "redirect:/desk/dossiers/" + dossier.id();
        } catch (TinhSoException e) {
            if (e.code() == vn.tinhso.shared.ErrorCode.FORBIDDEN) {
                throw e;
            }
            model.addAttribute("errors", errors.of(e)).addAttribute("values", params).addAttribute("formValues", form);
            return registerPage(params.get("procedure"), user, model);
        } catch (IOException | IllegalArgumentException e) {
            throw new TinhSoException(vn.tinhso.shared.ErrorCode.MALFORMED_REQUEST);
        } finally {
            for (InputStream in : open) {
                try {
                    in.close();
                } catch (IOException ignored) {
                    // nothing to do: the request is over
                }
            }
        }
    }

    private static Long parseLong(String text) {
        try {
            return text == null || text.isBlank() ? null : Long.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
