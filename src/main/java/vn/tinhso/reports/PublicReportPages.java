package vn.tinhso.reports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
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
import vn.tinhso.identity.IdentitySettings;
import vn.tinhso.identity.SignedInUser;
import vn.tinhso.shared.InvalidInput;
import vn.tinhso.shared.PageResult;
import vn.tinhso.shared.VietnameseText;
import vn.tinhso.shared.Zones;
import vn.tinhso.units.Unit;

/**
 * The public side of field reports: the map with its list (the text alternative), a report's page
 * with photos, timeline, "me too" and sharing tags, and the statistics. Never the reporter.
 */
@Controller
class PublicReportPages {

    static final int PAGE_SIZE = 10;
    static final int SHARE_TEXT = 200;

    private final ReportManagement reports;
    private final ReportStatistics statistics;
    private final DemoReports demo;
    private final MessageSource messages;
    private final IdentitySettings identity;

    PublicReportPages(ReportManagement reports, ReportStatistics statistics, DemoReports demo,
            MessageSource messages, IdentitySettings identity) {
        this.reports = reports;
        this.statistics = statistics;
        this.demo = demo;
        this.messages = messages;
        this.identity = identity;
    }

    @GetMapping("/reports")
    @PreAuthorize("permitAll()")
    String map(@RequestParam(required = false) String category, @RequestParam(required = false) String commune,
            @RequestParam(required = false) List<String> status, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(defaultValue = "0") String page,
            @RequestParam(required = false) String lat, @RequestParam(required = false) String lon,
            @RequestParam(required = false) String zoom,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        List<String> statuses = status == null ? List.of() : status.stream()
                .flatMap(s -> List.of(s.split(",")).stream()).map(String::strip).filter(s -> !s.isEmpty()).toList();
        ReportManagement.PublicQuery query = filters(category, commune, statuses, from, to, errors);
        int pageNumber = page.matches("\\d{1,6}") ? Integer.parseInt(page) : 0;
        PageResult<PublicReport> result = reports.publicList(query, new PageResult.Request(pageNumber, PAGE_SIZE));
        model.addAttribute("result", result).addAttribute("errors", errors)
                .addAttribute("demoNumbers", demo.demoNumbers(result.items().stream().map(PublicReport::number).toList()))
                .addAttribute("category", query.category()).addAttribute("commune", query.commune())
                .addAttribute("statuses", query.statuses() == null ? List.of() : query.statuses().stream()
                        .map(Enum::name).toList())
                .addAttribute("from", errors.containsKey("from") ? from : from == null ? "" : from.strip())
                .addAttribute("to", errors.containsKey("to") ? to : to == null ? "" : to.strip());
        model.addAttribute("categoryNames", categoryNames());
        if (htmx != null) {
            return "reports/public/map :: htmx";
        }
        ReportsSettings.Area area = reports.settings().area();
        model.addAttribute("categories", publicCategories()).addAttribute("communes", communes())
                .addAttribute("allStatuses", ReportStatus.values()).addAttribute("area", area)
                .addAttribute("tiles", reports.settings().mapTiles())
                .addAttribute("attribution", reports.settings().mapAttribution())
                .addAttribute("centerLat", coordinate(lat, area.minLat(), area.maxLat(), area.centerLat()))
                .addAttribute("centerLon", coordinate(lon, area.minLon(), area.maxLon(), area.centerLon()))
                .addAttribute("zoom", zoom != null && zoom.matches("\\d{1,2}") && Integer.parseInt(zoom) <= 19
                        ? Integer.parseInt(zoom) : 9)
                .addAttribute("anyDemo", demo.any());
        return "reports/public/map";
    }

    /** The filters, each checked on its own: a bad one is reported and left out, the others apply. */
    private ReportManagement.PublicQuery filters(String category, String commune, List<String> statuses, String from,
            String to, Map<String, String> errors) {
        String c = blank(category);
        if (c != null && reports.categories().stream().noneMatch(x -> x.code().equals(c))) {
            error(errors, "category", "invalid.report_category");
        }
        String m = blank(commune);
        if (m != null && communes().stream().noneMatch(u -> u.code().equals(m))) {
            error(errors, "commune", "invalid.unit");
        }
        List<ReportStatus> wanted = new ArrayList<>();
        for (String s : statuses) {
            try {
                wanted.add(ReportStatus.valueOf(s.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                error(errors, "status", "invalid.choice");
            }
        }
        LocalDate f = date(from, "from", errors);
        LocalDate t = date(to, "to", errors);
        if (f != null && t != null && f.isAfter(t)) {
            error(errors, "to", "invalid.report_period");
            t = null;
        }
        return new ReportManagement.PublicQuery(errors.containsKey("category") ? null : c,
                errors.containsKey("commune") ? null : m, wanted.isEmpty() ? null : wanted,
                f == null ? null : f.atStartOfDay(Zones.VIETNAM).toInstant(),
                t == null ? null : t.plusDays(1).atStartOfDay(Zones.VIETNAM).toInstant());
    }

    private LocalDate date(String text, String field, Map<String, String> errors) {
        try {
            return ReportsApiController.date(text, field);
        } catch (InvalidInput e) {
            error(errors, field, "invalid.date");
            return null;
        }
    }

    private void error(Map<String, String> errors, String field, String key) {
        Locale locale = LocaleContextHolder.getLocale();
        errors.putIfAbsent(field, messages.getMessage("rp.filter." + field, null, field, locale) + ": "
                + messages.getMessage(key, null, key, locale));
    }

    private static double coordinate(String text, double min, double max, double fallback) {
        try {
            double d = Double.parseDouble(text);
            return d >= min && d <= max ? d : fallback;
        } catch (NullPointerException | NumberFormatException e) {
            return fallback;
        }
    }

    /** Category names in the page's language, by code. */
    private Map<String, String> categoryNames() {
        Locale locale = LocaleContextHolder.getLocale();
        Map<String, String> names = new LinkedHashMap<>();
        reports.categories().forEach(c -> names.put(c.code(), c.name(locale)));
        return names;
    }

    /** Active categories whose reports are public by default, parents before children. */
    private List<Category> publicCategories() {
        return reports.categories().stream().filter(c -> c.active() && c.publicByDefault()).toList();
    }

    private List<Unit> communes() {
        return reports.communes().stream()
                .sorted(java.util.Comparator.comparing(Unit::shortName, VietnameseText.order())).toList();
    }

    @GetMapping("/reports/{number:\\d{1,18}}")
    @PreAuthorize("permitAll()")
    String report(@PathVariable long number, @AuthenticationPrincipal SignedInUser user, Model model) {
        PublicReport r = reports.publicReport(number);
        List<PublicReport.Photo> before = r.photos().stream().filter(p -> !p.after()).toList();
        List<PublicReport.Photo> after = r.photos().stream().filter(PublicReport.Photo::after).toList();
        String base = identity.baseUrl().replaceAll("/+$", "");
        PublicReport.Photo shared = before.isEmpty() ? after.isEmpty() ? null : after.get(0) : before.get(0);
        model.addAttribute("r", r).addAttribute("categoryName", categoryNames().getOrDefault(r.categoryCode(),
                r.categoryName())).addAttribute("before", before).addAttribute("after", after)
                .addAttribute("demo", !demo.demoNumbers(List.of(number)).isEmpty())
                .addAttribute("following", user != null && reports.follows(number, user))
                .addAttribute("shareText", shorten(r.text(), SHARE_TEXT))
                .addAttribute("shareUrl", base + "/reports/" + number)
                .addAttribute("shareImage", shared == null ? null : base + "/api/v1/reports/photos/" + shared.id())
                .addAttribute("tiles", reports.settings().mapTiles())
                .addAttribute("attribution", reports.settings().mapAttribution());
        return "reports/public/report";
    }

    /** The text cut at a word before {@code max} characters, with an ellipsis. */
    static String shorten(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int cut = text.lastIndexOf(' ', max - 1);
        return text.substring(0, cut > max / 2 ? cut : max - 1).stripTrailing() + "…";
    }

    @PostMapping("/reports/{number:\\d{1,18}}/follow")
    @PreAuthorize("isAuthenticated()")
    String follow(@PathVariable long number, @RequestParam(defaultValue = "follow") String action,
            @AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) {
        String outcome;
        if ("unfollow".equals(action)) {
            reports.unfollow(number, user);
            outcome = "unfollowed";
        } else {
            outcome = reports.follow(number, user) ? "followed" : reports.follows(number, user) ? "already" : "own";
        }
        redirect.addFlashAttribute("followOutcome", outcome);
        return "redirect:/reports/" + number;
    }

    @GetMapping("/reports/stats")
    @PreAuthorize("permitAll()")
    String stats(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate today = LocalDate.now(Zones.VIETNAM);
        LocalDate f = date(from, "from", errors);
        LocalDate t = date(to, "to", errors);
        LocalDate end = t == null ? today : t;
        LocalDate start = f == null ? end.minusDays(364) : f;
        if (start.isAfter(end)) {
            error(errors, "to", "invalid.report_period");
            start = end.minusDays(364);
        }
        model.addAttribute("stats", statistics.of(start, end)).addAttribute("errors", errors)
                .addAttribute("from", start).addAttribute("to", end).addAttribute("today", today)
                .addAttribute("anyDemo", demo.any()).addAttribute("z", ReportStatistics.Z);
        return "reports/public/stats";
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
