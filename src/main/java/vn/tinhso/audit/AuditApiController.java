package vn.tinhso.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.tinhso.shared.PageResult;
import vn.tinhso.shared.Zones;

/** The audit trail for administrators and SIEMs: search, chain verification, ECS export. */
@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Audit", description = "Append-only, hash-chained audit trail")
class AuditApiController {

    static final String NDJSON = "application/x-ndjson";

    private final AuditManagement audit;

    AuditApiController(AuditManagement audit) {
        this.audit = audit;
    }

    @GetMapping
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Search records, newest first: actor contains, action starts with, from/to dates or times")
    PageResult<AuditRecord> search(@RequestParam(required = false) String actor,
            @RequestParam(required = false) String action, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return audit.search(query(actor, action, from, to), new PageResult.Request(page, size));
    }

    @GetMapping("/verify")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Walk the hash chain and report the first broken record, if any")
    ChainVerification verify() {
        return audit.verify();
    }

    @GetMapping("/export")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Records in chain order as Elastic Common Schema JSON lines (application/x-ndjson)")
    void export(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            HttpServletResponse response) throws IOException {
        AuditQuery query = query(actor, action, from, to);
        response.setContentType(NDJSON);
        response.setCharacterEncoding("UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"audit-" + LocalDate.now(Zones.VIETNAM) + ".ndjson\"");
        try (OutputStream out = response.getOutputStream()) {
            audit.export(query, out);
        }
    }

    static AuditQuery query(String actor, String action, String from, String to) {
        return new AuditQuery(actor, action, Moments.start(from, "from"), Moments.end(to, "to"));
    }
}
