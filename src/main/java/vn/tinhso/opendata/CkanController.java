package vn.tinhso.opendata;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import tools.jackson.databind.json.JsonMapper;
import vn.tinhso.identity.IdentityManagement;
import vn.tinhso.identity.IdentitySettings;

/**
 * The CKAN Action API ({@code /api/3/action/{action}} and {@code /api/action/{action}}), as CKAN
 * 2.10/2.11 answers it: the {@code help}/{@code success}/{@code result} envelope, CKAN's error objects
 * and statuses, GET with query parameters for reading, POST with a JSON body or a (multipart) form.
 * Writes need an API token of the identity module in {@code Authorization} (with or without
 * {@code Bearer}) or {@code X-CKAN-API-Key}. Differences from CKAN: docs/ckan-api.md.
 */
@RestController
@Tag(name = "CKAN Action API", description = "CKAN 2.10-compatible catalogue API (docs/ckan-api.md)")
class CkanController {

    static final String CKAN_VERSION = "2.10.5";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final CkanActions actions;
    private final IdentityManagement identity;
    private final IdentitySettings settings;
    private final DatasetManagement catalogue;
    private final AnswerCache answers = new AnswerCache();

    CkanController(CkanActions actions, IdentityManagement identity, IdentitySettings settings,
            DatasetManagement catalogue) {
        this.actions = actions;
        this.identity = identity;
        this.settings = settings;
        this.catalogue = catalogue;
    }

    /**
     * The latest anonymous answers by query, for one catalogue version at a time, at most 300 of them and
     * each under 256 KB, kept at most {@link #TTL_MILLIS} (publisher and domain titles change without a
     * new catalogue version).
     */
    static final class AnswerCache {
        static final long TTL_MILLIS = 2000;
        private record Answer(Object version, byte[] body, long at) {
        }

        private final Map<String, Answer> answers = java.util.Collections.synchronizedMap(
                new LinkedHashMap<>(64, 0.75f, true) {
                    @Override
                    protected boolean removeEldestEntry(Map.Entry<String, Answer> eldest) {
                        return size() > 300;
                    }
                });

        byte[] get(String key, Object version) {
            Answer a = answers.get(key);
            return a != null && a.version() == version && System.currentTimeMillis() - a.at() < TTL_MILLIS
                    ? a.body() : null;
        }

        void put(String key, Object version, byte[] body) {
            if (body.length < 256 * 1024) {
                answers.put(key, new Answer(version, body, System.currentTimeMillis()));
            }
        }
    }

    @RequestMapping(path = {"/api/3/action/{action}", "/api/action/{action}"},
            method = {RequestMethod.GET, RequestMethod.POST}, produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("permitAll()") // each action applies its own rule (docs/ckan-api.md): reads are public, writes need a token
    @Operation(summary = "Call a CKAN action, e.g. package_search, package_show, package_create")
    ResponseEntity<byte[]> action(@PathVariable String action, HttpServletRequest request, Authentication auth) {
        String help = base(request) + "/api/3/action/help_show?name=" + action;
        if (!CkanActions.known(action)) {
            throw CkanFailure.badRequest("Action name not known: " + action);
        }
        boolean get = "GET".equals(request.getMethod());
        if (get && !CkanActions.readOnly(action)) {
            throw CkanFailure.badRequest("JSON Error: Invalid request. Please use POST method for your request");
        }
        Editor editor = editor(request, auth);
        // Anonymous reads by GET are answered from the cache while the catalogue has not changed.
        String key = get && !editor.signedIn() ? action + "?" + request.getQueryString() : null;
        if (key != null) {
            byte[] cached = answers.get(key, catalogue.catalogueVersion());
            if (cached != null) {
                return json(cached);
            }
        }
        Object version = key == null ? null : catalogue.catalogueVersion();
        CkanParams params = new CkanParams(params(request, get));
        Object result = actions.call(action, params, editor, upload(request), base(request));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("help", help);
        body.put("success", true);
        body.put("result", result);
        byte[] bytes = JSON.writeValueAsBytes(body);
        if (key != null) {
            answers.put(key, version, bytes);
        }
        return json(bytes);
    }

    private static ResponseEntity<byte[]> json(byte[] body) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }

    private String base(HttpServletRequest request) {
        return CkanDicts.base(settings.baseUrl(), request);
    }

    /** The caller: a CKAN API token in Authorization or X-CKAN-API-Key, else the session's user, else nobody. */
    private Editor editor(HttpServletRequest request, Authentication auth) {
        String token = request.getHeader("X-CKAN-API-Key");
        String header = request.getHeader("Authorization");
        if (token == null && header != null && !header.isBlank()) {
            token = header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7) : header;
        }
        if (token != null && !token.isBlank()) {
            return identity.apiTokenAccount(token.strip()).map(Editor::of)
                    .orElseThrow(() -> CkanFailure.denied("the API token is not valid"));
        }
        return Editor.of(auth);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> params(HttpServletRequest request, boolean get) {
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase();
        Map<String, Object> params = new LinkedHashMap<>();
        if (get || type.startsWith("multipart/") || type.startsWith("application/x-www-form-urlencoded")) {
            request.getParameterMap().forEach((k, v) -> params.put(k, v.length == 1 ? v[0] : List.of(v)));
            return params;
        }
        try (InputStream in = request.getInputStream()) {
            byte[] bytes = in.readAllBytes();
            if (bytes.length == 0 || new String(bytes, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
                return params;
            }
            Object body;
            try {
                body = JSON.readValue(bytes, Object.class);
            } catch (RuntimeException e) {
                throw CkanFailure.badRequest("JSON Error: " + firstLine(e.getMessage()));
            }
            if (!(body instanceof Map)) {
                throw CkanFailure.badRequest("Bad request data: Request data JSON decoded to " + body
                        + " but it needs to be a dictionary.");
            }
            params.putAll((Map<String, Object>) body);
            return params;
        } catch (IOException e) {
            throw CkanFailure.badRequest("JSON Error: the request could not be read");
        }
    }

    private static String firstLine(String message) {
        return message == null ? "invalid JSON" : message.lines().findFirst().orElse("invalid JSON");
    }

    private static Optional<MultipartFile> upload(HttpServletRequest request) {
        if (request instanceof MultipartHttpServletRequest multipart) {
            MultipartFile file = multipart.getFile("upload");
            return Optional.ofNullable(file).filter(f -> !f.isEmpty());
        }
        return Optional.empty();
    }
}
