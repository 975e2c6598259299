package vn.tinhso.reports;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
import vn.tinhso.shared.PageResult;
import vn.tinhso.shared.TinhSoException;

/**
 * The citizen side of field reports (THANHHOA-S): the report form, which report-app.js sends to the
 * API and queues offline (the form also posts here without JavaScript), and "my reports" with
 * rating and reopening.
 */
@Controller
class ReportPages {

    /** A top-level category with its children, for the category picker. */
    record CategoryGroup(Category category, List<Category> children) {
    }

    private final ReportManagement reports;
    private final ReportPageErrors errors;

    ReportPages(ReportManagement reports, ReportPageErrors errors) {
        this.reports = reports;
        this.errors = errors;
    }

    @GetMapping("/reports/new")
    @PreAuthorize("permitAll()")
    String form(@AuthenticationPrincipal SignedInUser user, Model model) {
        Map<String, String> values = new LinkedHashMap<>();
        if (user != null) {
            values.put("name", user.displayName());
            values.put("email", user.email());
        }
        return formPage(values, Map.of(), model);
    }

    private String formPage(Map<String, String> values, Map<String, String> problems, Model model) {
        ReportsSettings settings = reports.settings();
        model.addAttribute("groups", groups()).addAttribute("communes", reports.communes())
                .addAttribute("settings", settings).addAttribute("area", settings.area())
                .addAttribute("values", values).addAttribute("errors", problems)
                .addAttribute("clientKey", values.getOrDefault("clientKey", UUID.randomUUID().toString()));
        return "reports/new";
    }

    /** Category names in the page's language, by code (a report carries the Vietnamese one). */
    Map<String, String> categoryNames() {
        java.util.Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        Map<String, String> names = new LinkedHashMap<>();
        reports.categories().forEach(c -> names.put(c.code(), c.name(locale)));
        return names;
    }

    List<CategoryGroup> groups() {
        List<Category> active = reports.categories().stream().filter(Category::active).toList();
        List<CategoryGroup> groups = new ArrayList<>();
        for (Category c : active) {
            if (c.parentCode() == null) {
                groups.add(new CategoryGroup(c, active.stream().filter(x -> c.code().equals(x.parentCode())).toList()));
            }
        }
        return groups;
    }

    /** The form without JavaScript: the same checks as the API, the messages next to the fields. */
    @PostMapping("/reports/new")
    @PreAuthorize("permitAll()")
    String submit(@RequestParam Map<String, String> params,
            @RequestParam(name = "photos", required = false) List<MultipartFile> photos,
            @AuthenticationPrincipal SignedInUser user, HttpServletRequest request, Model model,
            RedirectAttributes redirect) {
        try {
            ReportInput input = new ReportInput(params.get("category"), params.get("description"),
                    ReportsApiController.coordinate(params.get("lat"), "location"),
                    ReportsApiController.coordinate(params.get("lon"), "location"), params.get("commune"),
                    params.get("address"), params.get("name"), params.get("phone"), params.get("email"),
                    "on".equals(params.get("anonymous")) || "true".equals(params.get("anonymous")),
                    params.get("clientKey"));
            Report report = reports.submit(input, ReportsApiController.uploads(photos), user,
                    ReportManagement.Source.WEB, request.getRemoteAddr()).report();
            redirect.addFlashAttribute("sent", report.number());
            return user == null ? "redirect:/reports/new" : "redirect:/my/reports/" + report.id();
        } catch (TinhSoException e) {
            if (!(e instanceof vn.tinhso.shared.InvalidInput) && e.code() != ErrorCode.TOO_MANY_REQUESTS) {
                throw e;
            }
            model.addAttribute("photosLost", photos != null && photos.stream().anyMatch(p -> !p.isEmpty()));
            return formPage(new LinkedHashMap<>(params), errors.of(e), model);
        }
    }

    // ------------------------------------------------------------------ my reports

    @GetMapping("/my/reports")
    @PreAuthorize("isAuthenticated()")
    String mine(@RequestParam(defaultValue = "0") int page, @AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("result", reports.mine(user, new PageResult.Request(page, 20)))
                .addAttribute("now", Instant.now()).addAttribute("categoryNames", categoryNames());
        return "reports/mine";
    }

    @GetMapping("/my/reports/{id}")
    @PreAuthorize("isAuthenticated()")
    String one(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user, Model model) {
        Report report = reports.ofReporter(id, user);
        Instant reopenUntil = report.resolvedAt() == null ? null
                : report.resolvedAt().plus(Duration.ofDays(reports.settings().reopenDays()));
        boolean reopenable = (report.status() == ReportStatus.RESOLVED || report.status() == ReportStatus.CLOSED)
                && reopenUntil != null && Instant.now().isBefore(reopenUntil);
        boolean rateable = report.status() == ReportStatus.RESOLVED
                || report.status() == ReportStatus.CLOSED && report.rating() == null && report.resolvedAt() != null;
        model.addAttribute("r", report).addAttribute("timeline", reports.timeline(report))
                .addAttribute("reopenable", reopenable).addAttribute("reopenUntil", reopenUntil)
                .addAttribute("rateable", rateable).addAttribute("now", Instant.now())
                .addAttribute("settings", reports.settings()).addAttribute("categoryNames", categoryNames());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "reports/my-report";
    }

    @PostMapping("/my/reports/{id}/rating")
    @PreAuthorize("isAuthenticated()")
    String rate(@PathVariable UUID id, @RequestParam(required = false) String rating,
            @RequestParam(required = false) String comment, @AuthenticationPrincipal SignedInUser user,
            RedirectAttributes redirect) {
        return act(id, redirect, "rated", Map.of("comment", comment == null ? "" : comment), () -> {
            int stars;
            try {
                stars = Integer.parseInt(rating == null ? "" : rating.strip());
            } catch (NumberFormatException e) {
                stars = 0;
            }
            reports.rate(id, stars, comment, user);
        });
    }

    @PostMapping("/my/reports/{id}/reopen")
    @PreAuthorize("isAuthenticated()")
    String reopen(@PathVariable UUID id, @RequestParam(required = false) String reason,
            @AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) {
        return act(id, redirect, "reopened", Map.of("reason", reason == null ? "" : reason),
                () -> reports.reopen(id, reason, user));
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
        }
        return "redirect:/my/reports/" + id;
    }
}
