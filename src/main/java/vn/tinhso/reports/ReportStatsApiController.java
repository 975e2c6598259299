package vn.tinhso.reports;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.tinhso.shared.InvalidInput;
import vn.tinhso.shared.Zones;

/** The public statistics of field reports as JSON (the same figures as the page /reports/stats). */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Field reports")
class ReportStatsApiController {

    private final ReportStatistics statistics;

    ReportStatsApiController(ReportStatistics statistics) {
        this.statistics = statistics;
    }

    @GetMapping("/reports/stats")
    @PreAuthorize("permitAll()")
    @Operation(summary = "Counts by state, on-time rate, average handling time (calendar hours), average rating,"
            + " by category, commune and agency, and the agencies ranked by Wilson lower bounds; reports submitted"
            + " from..to (dd/MM/yyyy or yyyy-MM-dd, both included; default the last 365 days)")
    ReportStatistics.Stats stats(@RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        LocalDate f = ReportsApiController.date(from, "from");
        LocalDate t = ReportsApiController.date(to, "to");
        LocalDate end = t == null ? LocalDate.now(Zones.VIETNAM) : t;
        LocalDate start = f == null ? end.minusDays(364) : f;
        if (start.isAfter(end)) {
            throw new InvalidInput(List.of(new InvalidInput.Violation("to", "invalid.report_period")));
        }
        return statistics.of(start, end);
    }
}
