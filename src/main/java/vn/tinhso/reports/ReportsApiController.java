package vn.tinhso.reports;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.tinhso.files.FileManagement;
import vn.tinhso.files.StoredFile;
import vn.tinhso.identity.SignedInUser;
import vn.tinhso.shared.ErrorCode;
import vn.tinhso.shared.InvalidInput;
import vn.tinhso.shared.PageResult;
import vn.tinhso.shared.TinhSoException;
import vn.tinhso.shared.Zones;

/** Field reports for citizens and the public: categories, submission, my reports, the public list. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Field reports", description = "THANHHOA-S: reports with photo and map pin, their public list and photos")
class ReportsApiController {

    /** A report with its timeline, as the reporter sees it. */
    record ReportDetail(Report report, List<ReportEntry> timeline) {
    }

    record RatingRequest(Integer rating, String comment) {
    }

    record ReasonRequest(String reason) {
    }

    record Follow(long number, boolean following) {
    }

    private final ReportManagement reports;
    private final ReportMapIndex map;

    ReportsApiController(ReportManagement reports, ReportMapIndex map) {
        this.reports = reports;
        this.map = map;
    }

    @GetMapping("/reports/map")
    @PreAuthorize("permitAll()")
    @Operation(summary = "Public reports in a map viewport: points when few are in view, grid clusters otherwise;"
            + " bbox=minLon,minLat,maxLon,maxLat (default: the province), zoom 0-22, filters as /reports/public")
    ReportMapIndex.View map(@RequestParam(required = false) String bbox, @RequestParam(defaultValue = "10") int zoom,
            @RequestParam(required = false) String category, @RequestParam(required = false) String commune,
            @RequestParam(required = false) String status, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        ReportManagement.PublicQuery q = query(category, commune, status, from, to);
        double[] box = bbox(bbox, reports.settings().area());
        if (zoom < 0 || zoom > 22) {
            throw new InvalidInput(List.of(new InvalidInput.Violation("zoom", "invalid.range", 0, 22)));
        }
        return map.query(new ReportMapIndex.Query(box[0], box[1], box[2], box[3], zoom, q.category(), q.commune(),
                q.statuses(), q.from(), q.to()));
    }

    /** minLon,minLat,maxLon,maxLat; the province's box when absent. */
    static double[] bbox(String text, ReportsSettings.Area area) {
        if (text == null || text.isBlank()) {
            return new double[] {area.minLon(), area.minLat(), area.maxLon(), area.maxLat()};
        }
        String[] parts = text.split(",");
        try {
            if (parts.length != 4) {
                throw new NumberFormatException();
            }
            double[] box = new double[4];
            for (int i = 0; i < 4; i++) {
                box[i] = Double.parseDouble(parts[i].strip());
                if (Double.isNaN(box[i])) {
                    throw new NumberFormatException();
                }
            }
            if (box[0] > box[2] || box[1] > box[3] || Math.abs(box[1]) > 90 || Math.abs(box[3]) > 90
                    || Math.abs(box[0]) > 180 || Math.abs(box[2]) > 180) {
                throw new NumberFormatException();
            }
            return box;
        } catch (NumberFormatException e) {
            throw new InvalidInput(List.of(new InvalidInput.Violation("bbox", "invalid.bbox")));
        }
    }

    @GetMapping("/report-categories")
    @PreAuthorize("permitAll()")
    @Operation(summary = "The category tree (parents first), with icons and whether anonymous reports are allowed")
    List<Category> categories() {
        return reports.categories().stream().filter(Category::active).toList();
    }

    @PostMapping(path = "/reports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("permitAll()")
    @Operation(summary = "Send a report (multipart: fields and up to five photos or one video); an Idempotency-Key"
            + " or clientKey makes a resend return the first report")
    ResponseEntity<Report> submit(@RequestParam(required = false) String category,
            @RequestParam(required = false) String description, @RequestParam(required = false) String lat,
            @RequestParam(required = false) String lon, @RequestParam(required = false) String commune,
            @RequestParam(required = false) String address, @RequestParam(required = false) String name,
            @RequestParam(required = false) String phone, @RequestParam(required = false) String email,
            @RequestParam(defaultValue = "false") boolean anonymous,
            @RequestParam(required = false) String clientKey,
            @RequestParam(name = "photos", required = false) List<MultipartFile> photos,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @RequestHeader(name = "X-Report-Source", required = false) String source,
            @AuthenticationPrincipal SignedInUser user, HttpServletRequest request) {
        ReportInput input = new ReportInput(category, description, coordinate(lat, "location"),
                coordinate(lon, "location"), commune, address, name, phone, email, anonymous,
                idempotencyKey != null ? idempotencyKey : clientKey);
        ReportManagement.Submission submission = reports.submit(input, uploads(photos), user,
                "app".equalsIgnoreCase(source) ? ReportManagement.Source.APP : ReportManagement.Source.WEB,
                request.getRemoteAddr());
        return ResponseEntity.status(submission.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
                .location(URI.create("/api/v1/reports/mine/" + submission.report().id())).body(submission.report());
    }

    /** A coordinate as sent; text that is not a number is a field error, not a 400 without a message. */
    static Double coordinate(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            double d = Double.parseDouble(value.strip());
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new InvalidInput(List.of(new InvalidInput.Violation(field, "invalid.coordinates")));
        }
    }

    static List<MediaUpload> uploads(List<MultipartFile> files) {
        if (files == null) {
            return List.of();
        }
        return files.stream().filter(f -> f != null && !(f.isEmpty() && (f.getOriginalFilename() == null
                || f.getOriginalFilename().isBlank())))
                .map(f -> new MediaUpload(f::getInputStream, f.getOriginalFilename(), f.getSize())).toList();
    }

    @GetMapping("/reports/nearby")
    @PreAuthorize("permitAll()")
    @Operation(summary = "Open public reports of the category near a point (duplicates to follow instead)")
    List<PublicReport> nearby(@RequestParam String category, @RequestParam String lat, @RequestParam String lon) {
        Double la = coordinate(lat, "lat");
        Double lo = coordinate(lon, "lon");
        if (la == null || lo == null || Math.abs(la) > 90 || Math.abs(lo) > 180) {
            throw new InvalidInput(List.of(new InvalidInput.Violation("location", "invalid.coordinates")));
        }
        return reports.nearby(category, la, lo);
    }

    @GetMapping("/reports/mine")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Reports the signed-in user sent or follows, newest first")
    PageResult<Report> mine(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
            @AuthenticationPrincipal SignedInUser user) {
        return reports.mine(user, new PageResult.Request(page, size));
    }

    @GetMapping("/reports/mine/{id}")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "One of the user's own reports, with contact details and timeline")
    ReportDetail mineOne(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user) {
        Report report = reports.ofReporter(id, user);
        return new ReportDetail(report, reports.timeline(report));
    }

    @PostMapping("/reports/mine/{id}/rating")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Rate the result of a resolved report (1-5 with a comment); closes it")
    Report rate(@PathVariable UUID id, @RequestBody RatingRequest body, @AuthenticationPrincipal SignedInUser user) {
        if (body.rating() == null) {
            throw new InvalidInput(List.of(new InvalidInput.Violation("rating", "invalid.required")));
        }
        return reports.rate(id, body.rating(), body.comment(), user);
    }

    @PostMapping("/reports/mine/{id}/reopen")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Reopen a resolved report within the reopening window: the problem is back")
    Report reopen(@PathVariable UUID id, @RequestBody ReasonRequest body, @AuthenticationPrincipal SignedInUser user) {
        return reports.reopen(id, body.reason(), user);
    }

    @PostMapping("/reports/{number}/follow")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Follow a public report (\"me too\") to be told of its progress")
    Follow follow(@PathVariable long number, @AuthenticationPrincipal SignedInUser user) {
        reports.follow(number, user);
        return new Follow(number, reports.follows(number, user));
    }

    @DeleteMapping("/reports/{number}/follow")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Stop following a report")
    Follow unfollow(@PathVariable long number, @AuthenticationPrincipal SignedInUser user) {
        reports.unfollow(number, user);
        return new Follow(number, false);
    }

    @GetMapping("/reports/public")
    @PreAuthorize("permitAll()")
    @Operation(summary = "Public reports, newest first; filters category, commune, status (comma list), from, to"
            + " (dd/MM/yyyy or yyyy-MM-dd)")
    PageResult<PublicReport> publicList(@RequestParam(required = false) String category,
            @RequestParam(required = false) String commune, @RequestParam(required = false) String status,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return reports.publicList(query(category, commune, status, from, to), new PageResult.Request(page, size));
    }

    /** The public filters, checked: an unknown status or a malformed date is a field error. */
    static ReportManagement.PublicQuery query(String category, String commune, String status, String from, String to) {
        List<ReportStatus> statuses = null;
        if (status != null && !status.isBlank()) {
            try {
                statuses = Arrays.stream(status.split(",")).map(s -> ReportStatus.valueOf(s.strip()
                        .toUpperCase(Locale.ROOT))).toList();
            } catch (IllegalArgumentException e) {
                throw new InvalidInput(List.of(new InvalidInput.Violation("status", "invalid.choice")));
            }
        }
        LocalDate f = date(from, "from");
        LocalDate t = date(to, "to");
        return new ReportManagement.PublicQuery(blank(category), blank(commune), statuses,
                f == null ? null : f.atStartOfDay(Zones.VIETNAM).toInstant(),
                t == null ? null : t.plusDays(1).atStartOfDay(Zones.VIETNAM).toInstant());
    }

    static LocalDate date(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String s = text.strip();
        try {
            return s.contains("/") ? LocalDate.parse(s, java.time.format.DateTimeFormatter.ofPattern("dd/MM/uuuu")
                    .withResolverStyle(java.time.format.ResolverStyle.STRICT)) : LocalDate.parse(s);
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidInput(List.of(new InvalidInput.Violation(field, "invalid.date")));
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    @GetMapping("/reports/public/{number}")
    @PreAuthorize("permitAll()")
    @Operation(summary = "One public report with its photos and public timeline; no reporter, no contact")
    PublicReport publicOne(@PathVariable long number) {
        return reports.publicReport(number);
    }

    @GetMapping("/reports/photos/{mediaId}")
    @PreAuthorize("permitAll()")
    @Operation(summary = "A published photo (re-encoded, without EXIF): size=large (default) or thumb")
    ResponseEntity<InputStreamResource> photo(@PathVariable long mediaId,
            @RequestParam(defaultValue = "large") String size) {
        InputStream in = reports.publicPhoto(mediaId, "thumb".equals(size));
        return ResponseEntity.ok().contentType(MediaType.IMAGE_JPEG)
                .cacheControl(CacheControl.maxAge(1, TimeUnit.HOURS).cachePublic())
                .body(new InputStreamResource(in));
    }

    @GetMapping("/reports/media/{mediaId}/original")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "The original photo or video (with its metadata): the reporter and the handling agency only")
    ResponseEntity<InputStreamResource> original(@PathVariable long mediaId, @AuthenticationPrincipal SignedInUser user) {
        Map.Entry<StoredFile, InputStream> file = reports.original(mediaId, user);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(file.getKey().contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, FileManagement.attachmentHeader(file.getKey().name()))
                .cacheControl(CacheControl.noStore()).body(new InputStreamResource(file.getValue()));
    }
}
