package vn.tinhso.audit;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import vn.tinhso.shared.PageResult;
import vn.tinhso.shared.TinhSoException;
import vn.tinhso.shared.Zones;

/** The audit page of the admin console: records with filters, and the state of the chain. */
@Controller
@RequestMapping("/admin/audit")
@PreAuthorize("hasRole('ADMIN')")
class AuditAdminController {

    static final int PAGE_SIZE = 50;
    private static final DateTimeFormatter TIME = Zones.DATE_TIME.withZone(Zones.VIETNAM);

    /** A record as a table row shows it. */
    record Row(long seq, String time, String actor, String address, String action, String target, String outcome,
            Map<String, String> details, String hash) {
        static Row of(AuditRecord r) {
            String target = r.targetId() == null ? r.targetType() : r.targetType() + " " + r.targetId();
            return new Row(r.seq(), TIME.format(r.occurredAt()), r.actor(), r.address(), r.action(), target,
                    r.outcome(), r.details(), r.hash().substring(0, 12));
        }
    }

    /** What the filter form holds. */
    record Filter(String actor, String action, String from, String to) {
    }

    private final AuditManagement audit;

    AuditAdminController(AuditManagement audit) {
        this.audit = audit;
    }

    @GetMapping
    @PreAuthorize("hasRole('ADMIN')")
    String records(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "0") int page, Model model) {
        Filter filter = new Filter(actor, action, from, to);
        model.addAttribute("filter", filter);
        model.addAttribute("pageLink", link("/admin/audit", filter) + "page=");
        model.addAttribute("exportLink", link("/api/v1/audit/export", filter));
        model.addAttribute("verification", audit.lastVerification().orElse(null));
        model.addAttribute("checkedAt", audit.lastVerification().map(v -> TIME.format(v.checkedAt())).orElse(null));
        try {
            AuditQuery query = AuditApiController.query(actor, action, from, to);
            PageResult<AuditRecord> result = audit.search(query, new PageResult.Request(Math.max(page, 0), PAGE_SIZE));
            model.addAttribute("result", result.map(Row::of));
        } catch (TinhSoException e) {
            model.addAttribute("filterError", e.field());
            model.addAttribute("result", new PageResult<Row>(List.of(), 0, PAGE_SIZE, 0));
        }
        return "admin/audit";
    }

    private static String link(String path, Filter filter) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
        Map.of("actor", filter.actor() == null ? "" : filter.actor(), "action",
                filter.action() == null ? "" : filter.action(), "from", filter.from() == null ? "" : filter.from(),
                "to", filter.to() == null ? "" : filter.to()).forEach((name, value) -> {
                    if (!value.isBlank()) {
                        uri.queryParam(name, value);
                    }
                });
        String built = uri.encode().build().toUriString();
        return built + (built.contains("?") ? "&" : "?");
    }

    @PostMapping("/verify")
    @PreAuthorize("hasRole('ADMIN')")
    String verify() {
        audit.verify();
        return "redirect:/admin/audit";
    }
}
