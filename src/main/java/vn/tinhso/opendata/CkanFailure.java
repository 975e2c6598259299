package vn.tinhso.opendata;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A CKAN action error: the HTTP status and the {@code error} object of CKAN 2.10/2.11's envelope
 * ({@code __type} and {@code message}, or per-field messages for a Validation Error), or a bare
 * message for "Bad request" answers, which CKAN sends as a JSON string.
 */
class CkanFailure extends RuntimeException {

    private final HttpStatus status;
    private final Map<String, Object> error;
    private final String badRequest;

    private CkanFailure(HttpStatus status, Map<String, Object> error, String badRequest) {
        super(badRequest != null ? badRequest : String.valueOf(error));
        this.status = status;
        this.error = error;
        this.badRequest = badRequest;
    }

    static CkanFailure notFound(String message) {
        return typed(HttpStatus.NOT_FOUND, "Not Found Error", message == null ? "Not found" : "Not found: " + message);
    }

    static CkanFailure denied(String message) {
        return typed(HttpStatus.FORBIDDEN, "Authorization Error",
                message == null ? "Access denied" : "Access denied: " + message);
    }

    static CkanFailure searchQuery(String message) {
        return typed(HttpStatus.BAD_REQUEST, "Search Query Error", "Search Query is invalid: " + message);
    }

    static CkanFailure validation(Map<String, List<String>> fields) {
        Map<String, Object> error = new LinkedHashMap<>(fields);
        error.put("__type", "Validation Error");
        return new CkanFailure(HttpStatus.CONFLICT, error, null);
    }

    static CkanFailure validation(String field, String message) {
        return validation(Map.of(field, List.of(message)));
    }

    /** CKAN's "Bad request - ..." answer: HTTP 400 with a JSON string body. */
    static CkanFailure badRequest(String message) {
        return new CkanFailure(HttpStatus.BAD_REQUEST, null, "Bad request - " + message);
    }

    private static CkanFailure typed(HttpStatus status, String type, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("__type", type);
        error.put("message", message);
        return new CkanFailure(status, error, null);
    }

    HttpStatus status() {
        return status;
    }

    Map<String, Object> error() {
        return error;
    }

    String badRequest() {
        return badRequest;
    }
}
