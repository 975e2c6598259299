package vn.tinhso.reports;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
import vn.tinhso.identity.SignedInUser;
import vn.tinhso.shared.ErrorCode;
import vn.tinhso.shared.InvalidInput;
import vn.tinhso.shared.PageResult;
import vn.tinhso.shared.TinhSoException;
import vn.tinhso.units.Agency;
import vn.tinhso.units.AgencyManagement;

/**
 * The agencies' desk for field reports: the queue (tabs by status with counts, overdue, filters,
 * oldest first) and a report with every handling step as a form. Each step is one transaction in
 * {@link ReportManagement}: it is done whole or, with the messages next to the fields, not at all.
 */
@Controller
@PreAuthorize("hasAnyRole('OFFICER', 'LEADER')")
class DeskReportPages {

    /** A tab of the queue: the statuses it shows, or the overdue ones. */
    enum Tab {
        WAITING(List.of(ReportStatus.SUBMITTED, ReportStatus.REOPENED)),
        ACCEPTED(List.of(ReportStatus.ACCEPTED)),
        IN_PROGRESS(List.of(ReportStatus.IN_PROGRESS)),
        OVERDUE(null),
        RESOLVED(List.of(ReportStatus.RESOLVED)),
        CLOSED(List.of(ReportStatus.CLOSED)),
        REJECTED(List.of(ReportStatus.REJECTED));

        final List<ReportStatus> statuses;

        Tab(List<ReportStatus> statuses) {
            this.statuses = statuses;
        }

        long count(Map<String, Long> counts) {
            if (statuses == null) {
                return counts.getOrDefault("OVERDUE", 0L);
            }
            return statuses.stream().mapToLong(s -> counts.getOrDefault(s.name(), 0L)).sum();
        }
    }

    private final ReportManagement reports;
    private final AgencyManagement agencies;
    private final ReportPageErrors errors;
    private final ReportPages pages;

    DeskReportPages(ReportManagement reports, AgencyManagement agencies, ReportPageErrors errors, ReportPages pages) {
        this.reports = reports;
        this.agencies = agencies;
        this.errors = errors;
        this.pages = pages;
    }

    @GetMapping("/desk/reports")
    @PreAuthorize("hasAnyRole('OFFICER', 'LEADER')")
    String queue(@RequestParam(defaultValue = "WAITING") String tab, @RequestParam(required = false) String category,
            @RequestParam(required = false) String commune, @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page, @AuthenticationPrincipal SignedInUser user, Model model) {
        Tab shown = parse(tab);
        Map<String, Long> counts = reports.deskCounts(user);
        Map<Tab, Long> tabCounts = new LinkedHashMap<>();
        for (Tab t : Tab.values()) {
            tabCounts.put(t, t.count(counts));
        }
        ReportManagement.DeskQuery query = new ReportManagement.DeskQuery(shown.statuses, blank(category),
                blank(commune), shown == Tab.OVERDUE, blank(q));
        model.addAttribute("result", reports.desk(user, query, new PageResult.Request(page, 20)))
                .addAttribute("tab", shown).addAttribute("tabs", tabCounts)
                .addAttribute("overdueCount", tabCounts.get(Tab.OVERDUE)).addAttribute("category", blank(category))
                .addAttribute("commune", blank(commune)).addAttribute("q", blank(q))
                .addAttribute("groups", pages.groups()).addAttribute("communes", reports.communes())
                .addAttribute("now", Instant.now()).addAttribute("categoryNames", pages.categoryNames());
        return "reports/desk";
    }

    private static Tab parse(String tab) {
        try {
            return Tab.valueOf(tab.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Tab.WAITING;
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    @GetMapping("/desk/reports/{id}")
    @PreAuthorize("hasAnyRole('OFFICER', 'LEADER')")
    String report(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user, Model model) {
        Report report = reports.forOfficer(id, user);
        List<PublicReport> nearby = reports.nearby(report.categoryCode(), report.lat(), report.lon()).stream()
                .filter(r -> r.number() != report.number()).toList();
        List<Agency> targets = agencies.all().stream().filter(Agency::active).filter(a -> a.id() != report.agencyId())
                .toList();
        model.addAttribute("r", report).addAttribute("timeline", reports.timeline(report))
                .addAttribute("nearby", nearby).addAttribute("agencies", targets)
                .addAttribute("severities", Severity.values()).addAttribute("now", Instant.now())
                .addAttribute("settings", reports.settings()).addAttribute("categoryNames", pages.categoryNames())
                .addAttribute("canResolve", report.status().canMoveTo(ReportStatus.RESOLVED))
                .addAttribute("canReject", report.status().canMoveTo(ReportStatus.REJECTED));
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        if (!model.containsAttribute("values")) {
            model.addAttribute("values", Map.of());
        }
        return "reports/desk-report";
    }

    @PostMapping("/desk/reports/{id}/accept")
    @PreAuthorize("hasAnyRole('OFFICER', 'LEADER')")
    String accept(@PathVariable UUID id, @RequestParam(required = false) String severity,
            @AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) {
        return act(id, redirect, "accepted", Map.of(),
                () -> reports.accept(id, DeskReportsApiController.severity(severity), user));
    }

    @PostMapping("/desk/reports/{id}/severity")
    @PreAuthorize("hasAnyRole('OFFICER', 'LEADER')")
    String severity(@PathVariable UUID id, @RequestParam(required = false) String severity,
            @AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) {
        return act(id, redirect, "severityChanged", Map.of(), () -> {
            Severity s = DeskReportsApiController.severity(severity);
            if (s == null) {
                throw new InvalidInput(List.of(new InvalidInput.Violation("severity", "invalid.required")));
            }
            reports.setSeverity(id, s, user);
        });
    }

    @PostMapping("/desk/reports/{id}/start")
    @PreAuthorize("hasAnyRole('OFFICER', 'LEADER')")
    String start(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) {
        return act(id, redirect, "started", Map.of(), () -> reports.start(id, user));
    }

    @PostMapping("/desk/reports/{id}/resolve")
    @PreAuthorize("hasAnyRole('OFFICER', 'LEADER')")
    String resolve(@PathVariable UUID id, @RequestParam(required = false) String answer,
            @RequestParam(name = "photos", required = false) List<MultipartFile> photos,
            @AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) {
        return act(id, redirect, "resolved", Map.of("answer", answer == null ? "" : answer),
                () -> reports.resolve(id, answer, ReportsApiController.uploads(photos), user));
    }

    @PostMapping("/desk/reports/{id}/reject")
    @PreAuthorize("hasAnyRole('OFFICER', 'LEADER')")
    String reject(@PathVariable UUID id, @RequestParam(required = false) String reason,
            @AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) {
        return act(id, redirect, "rejected", Map.of("reason", reason == null ? "" : reason),
                () -> reports.reject(id, reason, user));
    }

    /** Sends the report to the agency picked, or back to triage when none is picked. */
    @PostMapping("/desk/reports/{id}/reroute")
    @PreAuthorize("hasAnyRole('OFFICER', 'LEADER')")
    String reroute(@PathVariable UUID id, @RequestParam(required = false) String agencyId,
            @RequestParam(required = false) String note, @AuthenticationPrincipal SignedInUser user,
            RedirectAttributes redirect) {
        Map<String, String> values = Map.of("note", note == null ? "" : note, "agencyId", agencyId == null ? "" : agencyId);
        return act(id, redirect, agencyId == null || agencyId.isBlank() ? "returned" : "rerouted", values, () -> {
            Long target;
            try {
                target = agencyId == null || agencyId.isBlank() ? null : Long.valueOf(agencyId.strip());
            } catch (NumberFormatException e) {
                throw new InvalidInput(List.of(new InvalidInput.Violation("agencyId", "invalid.agency")));
            }
            reports.reroute(id, target, note, user);
        });
    }

    @PostMapping("/desk/reports/{id}/public-text")
    @PreAuthorize("hasAnyRole('OFFICER', 'LEADER')")
    String publicText(@PathVariable UUID id, @RequestParam(required = false) String text,
            @AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) {
        return act(id, redirect, "publicTextEdited", Map.of("publicText", text == null ? "" : text),
                () -> reports.editPublicText(id, text, user));
    }

    @PostMapping("/desk/reports/{id}/visibility")
    @PreAuthorize("hasAnyRole('OFFICER', 'LEADER')")
    String visibility(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean visible,
            @AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) {
        return act(id, redirect, visible ? "shown" : "hidden", Map.of(), () -> reports.setVisible(id, visible, user));
    }

    @PostMapping("/desk/reports/{id}/merge")
    @PreAuthorize("hasAnyRole('OFFICER', 'LEADER')")
    String merge(@PathVariable UUID id, @RequestParam(required = false) String into,
            @AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) {
        return act(id, redirect, "merged", Map.of("into", into == null ? "" : into), () -> {
            long number;
            try {
                number = Long.parseLong(into == null ? "" : into.strip().replace("#", ""));
            } catch (NumberFormatException e) {
                throw new InvalidInput(List.of(new InvalidInput.Violation("into", "invalid.report_merge_target")));
            }
            reports.merge(id, number, user);
        });
    }

    private String act(UUID id, RedirectAttributes redirect, String done, Map<String, String> values, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("done", done);
        } catch (TinhSoException e) {
            if (e.code() == ErrorCode.REPORT_NOT_FOUND) {
                throw e;
            }
            redirect.addFlashAttribute("errors", errors.of(e)).addFlashAttribute("values", values);
            return "redirect:/desk/reports/" + id;
        }
        // A report sent to another agency is no longer this officer's unless they act for both.
        if ("rerouted".equals(done) || "returned".equals(done)) {
            return "redirect:/desk/reports";
        }
        return "redirect:/desk/reports/" + id;
    }
}
