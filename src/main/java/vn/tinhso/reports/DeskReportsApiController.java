package vn.tinhso.reports;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.tinhso.identity.SignedInUser;
import vn.tinhso.shared.InvalidInput;
import vn.tinhso.shared.PageResult;

/** The agencies' side of field reports: the queue, handling steps, and the routing rules (administrators). */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Field reports: agencies", description = "Accept, route, handle, resolve, reject, merge; routing rules")
class DeskReportsApiController {

    /** A report with its timeline and the open reports near it (possible duplicates). */
    record DeskDetail(Report report, List<ReportEntry> timeline, List<PublicReport> nearby) {
    }

    /** A page of the queue with the counts by status (and OVERDUE). */
    record Queue(PageResult<Report> page, Map<String, Long> counts) {
    }

    record SeverityRequest(String severity) {
    }

    record RerouteRequest(Long agencyId, String note) {
    }

    record TextRequest(String text) {
    }

    record ReasonRequest(String reason) {
    }

    record VisibilityRequest(Boolean visible) {
    }

    record MergeRequest(Long into) {
    }

    /** A new routing rule; absent fields mean "any" (category, commune, area). */
    record RuleRequest(String categoryCode, String communeCode, Double minLat, Double minLon, Double maxLat,
            Double maxLon, Long agencyId, Boolean toCommune, Integer priority, String note) {
        RoutingRule rule() {
            return new RoutingRule(0, categoryCode, communeCode, minLat, minLon, maxLat, maxLon, agencyId,
                    Boolean.TRUE.equals(toCommune), priority == null ? 0 : priority, note);
        }
    }

    private final ReportManagement reports;

    DeskReportsApiController(ReportManagement reports) {
        this.reports = reports;
    }

    @GetMapping("/desk/reports")
    @PreAuthorize("hasAnyRole('OFFICER', 'LEADER')")
    @Operation(summary = "Reports routed to the caller's agencies, oldest first; filters status (comma list),"
            + " category, commune, overdue, q (text or number)")
    Queue queue(@RequestParam(required = false) String status, @RequestParam(required = false) String category,
            @RequestParam(required = false) String commune, @RequestParam(defaultValue = "false") boolean overdue,
            @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size, @AuthenticationPrincipal SignedInUser user) {
        return new Queue(reports.desk(user, new ReportManagement.DeskQuery(statuses(status), blank(category),
                blank(commune), overdue, blank(q)), new PageResult.Request(page, size)), reports.deskCounts(user));
    }

    static List<ReportStatus> statuses(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return Arrays.stream(status.split(",")).map(s -> ReportStatus.valueOf(s.strip().toUpperCase(Locale.ROOT)))
                    .toList();
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(List.of(new InvalidInput.Violation("status", "invalid.choice")));
        }
    }

    static Severity severity(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Severity.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(List.of(new InvalidInput.Violation("severity", "invalid.choice")));
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    @GetMapping("/desk/reports/{id}")
    @PreAuthorize("hasAnyRole('OFFICER', 'LEADER')")
    @Operation(summary = "A report of the caller's agencies with its full timeline and possible duplicates")
    DeskDetail one(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user) {
        Report report = reports.forOfficer(id, user);
        List<PublicReport> nearby = reports.nearby(report.categoryCode(), report.lat(), report.lon()).stream()
                .filter(r -> r.number() != report.number()).toList();
        return new DeskDetail(report, reports.timeline(report), nearby);
    }

    @PostMapping("/desk/reports/{id}/accept")
    @PreAuthorize("hasAnyRole('OFFICER', 'LEADER')")
    @Operation(summary = "Accept with a severity (URGENT, NORMAL, COMPLEX), which sets the handling deadline")
    Report accept(@PathVariable UUID id, @RequestBody(required = false) SeverityRequest body,
            @AuthenticationPrincipal SignedInUser user) {
        return reports.accept(id, severity(body == null ? null : body.severity()), user);
    }

    @PostMapping("/desk/reports/{id}/severity")
    @PreAuthorize("hasAnyRole('OFFICER', 'LEADER')")
    @Operation(summary = "Change the severity; the deadline is counted again from acceptance")
    Report severity(@PathVariable UUID id, @RequestBody SeverityRequest body, @AuthenticationPrincipal SignedInUser user) {
        Severity s = severity(body.severity());
        if (s == null) {
            throw new InvalidInput(List.of(new InvalidInput.Violation("severity", "invalid.required")));
        }
        return reports.setSeverity(id, s, user);
    }

    @PostMapping("/desk/reports/{id}/start")
    @PreAuthorize("hasAnyRole('OFFICER', 'LEADER')")
    @Operation(summary = "Start handling an accepted report")
    Report start(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user) {
        return reports.start(id, user);
    }

    @PostMapping(path = "/desk/reports/{id}/resolve", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAnyRole('OFFICER', 'LEADER')")
    @Operation(summary = "Resolve with a public answer and at least one \"after\" photo (multipart: answer, photos)")
    Report resolve(@PathVariable UUID id, @RequestParam(required = false) String answer,
            @RequestParam(name = "photos", required = false) List<MultipartFile> photos,
            @AuthenticationPrincipal SignedInUser user) {
        return reports.resolve(id, answer, ReportsApiController.uploads(photos), user);
    }

    @PostMapping("/desk/reports/{id}/reject")
    @PreAuthorize("hasAnyRole('OFFICER', 'LEADER')")
    @Operation(summary = "Reject with a reason shown to the reporter")
    Report reject(@PathVariable UUID id, @RequestBody ReasonRequest body, @AuthenticationPrincipal SignedInUser user) {
        return reports.reject(id, body.reason(), user);
    }

    @PostMapping("/desk/reports/{id}/reroute")
    @PreAuthorize("hasAnyRole('OFFICER', 'LEADER')")
    @Operation(summary = "Send a report waiting for acceptance to another agency; without agencyId it returns to triage")
    Report reroute(@PathVariable UUID id, @RequestBody RerouteRequest body, @AuthenticationPrincipal SignedInUser user) {
        return reports.reroute(id, body.agencyId(), body.note(), user);
    }

    @PostMapping("/desk/reports/{id}/public-text")
    @PreAuthorize("hasAnyRole('OFFICER', 'LEADER')")
    @Operation(summary = "Edit the public text (the original stays; contact details are masked again)")
    Report publicText(@PathVariable UUID id, @RequestBody TextRequest body, @AuthenticationPrincipal SignedInUser user) {
        return reports.editPublicText(id, body.text(), user);
    }

    @PostMapping("/desk/reports/{id}/visibility")
    @PreAuthorize("hasAnyRole('OFFICER', 'LEADER')")
    @Operation(summary = "Show or hide the report on the public map and list")
    Report visibility(@PathVariable UUID id, @RequestBody VisibilityRequest body,
            @AuthenticationPrincipal SignedInUser user) {
        if (body.visible() == null) {
            throw new InvalidInput(List.of(new InvalidInput.Violation("visible", "invalid.required")));
        }
        return reports.setVisible(id, body.visible(), user);
    }

    @PostMapping("/desk/reports/{id}/merge")
    @PreAuthorize("hasAnyRole('OFFICER', 'LEADER')")
    @Operation(summary = "Merge a duplicate into another report (by number); its people follow the other")
    Report merge(@PathVariable UUID id, @RequestBody MergeRequest body, @AuthenticationPrincipal SignedInUser user) {
        if (body.into() == null) {
            throw new InvalidInput(List.of(new InvalidInput.Violation("into", "invalid.required")));
        }
        return reports.merge(id, body.into(), user);
    }

    /** A category as administrators write it. */
    record CategoryRequest(String code, String parentCode, String name, String nameEn, String description, String icon,
            Boolean anonymousAllowed, Boolean publicByDefault, Integer position, Boolean active) {
        Category category(String fixedCode) {
            return new Category(fixedCode != null ? fixedCode : code, parentCode, name, nameEn, description, icon,
                    !Boolean.FALSE.equals(anonymousAllowed), !Boolean.FALSE.equals(publicByDefault),
                    position == null ? 0 : position, !Boolean.FALSE.equals(active));
        }
    }

    @PostMapping("/admin/report-categories")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Create a report category (a node of the tree)")
    Category createCategory(@RequestBody CategoryRequest body) {
        return reports.saveCategory(body.category(null), true);
    }

    @org.springframework.web.bind.annotation.PutMapping("/admin/report-categories/{code}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Change a report category: names, icon, parent, anonymous and public defaults, order, active")
    Category updateCategory(@PathVariable String code, @RequestBody CategoryRequest body) {
        return reports.saveCategory(body.category(code), false);
    }

    @GetMapping("/admin/report-routing")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "The routing rules: category x commune (x area) -> agency")
    List<RoutingRule> rules() {
        return reports.routingRules();
    }

    @PostMapping("/admin/report-routing")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Add a routing rule")
    RoutingRule addRule(@RequestBody RuleRequest rule) {
        return reports.addRoutingRule(rule.rule());
    }

    @DeleteMapping("/admin/report-routing/{ruleId}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Remove a routing rule")
    void removeRule(@PathVariable long ruleId) {
        reports.removeRoutingRule(ruleId);
    }
}
