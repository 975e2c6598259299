package vn.tinhso.reports;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.tinhso.identity.IdentitySettings;

/**
 * Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2; docs/open311.md): our active report
 * categories as services, public reports as requests, and submission for other systems with an
 * api_key. The format is the extension of the path, {@code .xml} or {@code .json}.
 */
@RestController
@RequestMapping("/open311/v2")
@Tag(name = "Open311", description = "GeoReport v2: services, service definitions, requests (docs/open311.md)")
class Open311Controller {

    /** When this API last changed, for discovery's changeset. */
    static final String CHANGESET = "2026-11-25T00:00:00+07:00";

    private final ReportManagement reports;
    private final Open311Submissions submissions;
    private final Open311Messages messages;
    private final IdentitySettings identity;

    Open311Controller(ReportManagement reports, Open311Submissions submissions, Open311Messages messages,
            IdentitySettings identity) {
        this.reports = reports;
        this.submissions = submissions;
        this.messages = messages;
        this.identity = identity;
    }

    @GetMapping("/discovery.{format}")
    @PreAuthorize("permitAll()")
    @Operation(summary = "Service discovery: where the endpoint is, its formats, how to get an api_key")
    ResponseEntity<byte[]> discovery(@PathVariable String format, HttpServletRequest request) {
        Map<String, Object> endpoint = new LinkedHashMap<>();
        endpoint.put("specification", "http://wiki.open311.org/GeoReport_v2");
        endpoint.put("url", base() + "/open311/v2");
        endpoint.put("changeset", CHANGESET);
        endpoint.put("type", "production");
        endpoint.put("formats", List.of("text/xml", "application/json"));
        Map<String, Object> discovery = new LinkedHashMap<>();
        discovery.put("changeset", CHANGESET);
        discovery.put("contact", messages.get(request, "open311.contact", base()));
        discovery.put("key_service", messages.get(request, "open311.key_service", base()));
        discovery.put("endpoints", List.of(endpoint));
        return format(format).respond(HttpStatus.OK, "discovery", discovery);
    }

    @GetMapping("/services.{format}")
    @PreAuthorize("permitAll()")
    @Operation(summary = "Service list: one service per active report category")
    ResponseEntity<byte[]> services(@PathVariable String format, HttpServletRequest request) {
        Map<String, Category> byCode = reports.categories().stream()
                .collect(Collectors.toMap(Category::code, Function.identity()));
        List<Map<String, Object>> services = reports.categories().stream().filter(Category::active)
                .map(c -> Open311Views.service(c, byCode, Open311Messages.locale(request))).toList();
        return format(format).respond(HttpStatus.OK, "services", services);
    }

    @GetMapping("/services/{file}")
    @PreAuthorize("permitAll()")
    @Operation(summary = "Service definition: the attribute commune, a list of the province's communes")
    ResponseEntity<byte[]> definition(@PathVariable String file, HttpServletRequest request) {
        Open311Format format = format(Open311Format.extension(file));
        String code = name(file);
        Category category = reports.categories().stream().filter(c -> c.active() && c.code().equals(code))
                .findFirst().orElseThrow(() -> Open311Failure.of(HttpStatus.NOT_FOUND, "service_code",
                        "open311.service_unknown", code));
        return format.respond(HttpStatus.OK, "service_definition", Open311Views.definition(category,
                reports.communes(), messages.get(request, "open311.commune"),
                messages.get(request, "open311.commune_datatype")));
    }

    @PostMapping("/requests.{format}")
    @PreAuthorize("permitAll()")
    @Operation(summary = "Create a request (form or multipart with a media file); authorised by api_key alone")
    ResponseEntity<byte[]> submit(@PathVariable String format, HttpServletRequest request) {
        Open311Format answer = format(format);
        return answer.respond(HttpStatus.CREATED, "service_requests", List.of(submissions.submit(request, base())));
    }

    @GetMapping("/requests.{format}")
    @PreAuthorize("permitAll()")
    @Operation(summary = "Public requests, newest first: service_request_id, service_code, start_date, end_date,"
            + " status; page and page_size (extension)")
    ResponseEntity<byte[]> requests(@PathVariable String format, @RequestParam Map<String, String> params) {
        Open311Format answer = format(format);
        List<String> codes = reports.categories().stream().filter(Category::active).map(Category::code).toList();
        Open311Search search = Open311Search.of(params, Set.copyOf(codes), Instant.now());
        return answer.respond(HttpStatus.OK, "service_requests",
                search.run(reports).stream().map(r -> Open311Views.request(r, base())).toList());
    }

    @GetMapping("/requests/{file}")
    @PreAuthorize("permitAll()")
    @Operation(summary = "One public request, as a list of one")
    ResponseEntity<byte[]> request(@PathVariable String file) {
        Open311Format format = format(Open311Format.extension(file));
        String id = name(file);
        PublicReport report = parseNumber(id).flatMap(n -> reports.publicReports(List.of(n)).stream().findFirst())
                .orElseThrow(() -> Open311Failure.of(HttpStatus.NOT_FOUND, "service_request_id",
                        "open311.request_unknown", id));
        return format.respond(HttpStatus.OK, "service_requests", List.of(Open311Views.request(report, base())));
    }

    @GetMapping("/tokens/{file}")
    @PreAuthorize("permitAll()")
    @Operation(summary = "The request number of a token given when a request was created")
    ResponseEntity<byte[]> token(@PathVariable String file) {
        Open311Format format = format(Open311Format.extension(file));
        String token = name(file);
        long number = parseToken(token).flatMap(reports::number)
                .orElseThrow(() -> Open311Failure.of(HttpStatus.NOT_FOUND, "token", "open311.token_unknown", token));
        return format.respond(HttpStatus.OK, "service_requests", List.of(Open311Views.created(number, token, null)));
    }

    /** Anything else under the API: the error list rather than a page, 405 for a known path. */
    @RequestMapping("/**")
    @PreAuthorize("permitAll()")
    @Operation(hidden = true)
    ResponseEntity<byte[]> other(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean known = path.matches("/open311/v2/(discovery|services(/[^/]+)?|requests(/[^/]+)?|tokens/[^/]+)"
                + "\\.(xml|json)");
        throw known ? Open311Failure.of(HttpStatus.METHOD_NOT_ALLOWED, null, "open311.method", request.getMethod())
                : Open311Failure.of(HttpStatus.NOT_FOUND, null, "open311.not_found");
    }

    private String base() {
        String base = identity.baseUrl();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    private static Open311Format format(String extension) {
        Open311Format format = Open311Format.of(extension);
        if (format == null) {
            throw Open311Failure.of(HttpStatus.NOT_FOUND, null, "open311.format", String.valueOf(extension));
        }
        return format;
    }

    /** The name of a path segment without its extension. */
    private static String name(String file) {
        int dot = file.lastIndexOf('.');
        return dot < 0 ? file : file.substring(0, dot);
    }

    private static Optional<Long> parseNumber(String id) {
        try {
            return Optional.of(Long.parseLong(id));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<UUID> parseToken(String token) {
        try {
            return Optional.of(UUID.fromString(token));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
