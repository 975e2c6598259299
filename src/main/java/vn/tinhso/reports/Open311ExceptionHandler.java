package vn.tinhso.reports;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import vn.tinhso.shared.InvalidInput;
import vn.tinhso.shared.TinhSoException;

/**
 * Every failure of the Open311 API as the specification's error list ({@code <errors><error>} or
 * {@code [{"code", "description"}]}) in the format of the request, with the matching status; never
 * a problem document (the application's API handler comes after this one) and never a stack trace.
 */
@RestControllerAdvice(assignableTypes = Open311Controller.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class Open311ExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(Open311ExceptionHandler.class);

    /** Our field names as the Open311 parameters that carry them. */
    private static final Map<String, String> PARAMETERS = Map.of("category", "service_code", "location", "lat/long",
            "commune", "attribute[commune]", "address", "address_string", "name", "first_name/last_name",
            "anonymous", "first_name/last_name", "photos", "media", "clientKey", "device_id");

    private final Open311Messages messages;

    Open311ExceptionHandler(Open311Messages messages) {
        this.messages = messages;
    }

    @ExceptionHandler(Open311Failure.class)
    ResponseEntity<byte[]> refused(Open311Failure e, HttpServletRequest request) {
        return errors(e.status(), e.errors(), request);
    }

    @ExceptionHandler(InvalidInput.class)
    ResponseEntity<byte[]> invalid(InvalidInput e, HttpServletRequest request) {
        return errors(HttpStatus.BAD_REQUEST, e.violations().stream().map(v -> new Open311Failure.Error(
                PARAMETERS.getOrDefault(v.field(), v.field()), v.key(), v.args().toArray())).toList(), request);
    }

    @ExceptionHandler(TinhSoException.class)
    ResponseEntity<byte[]> domain(TinhSoException e, HttpServletRequest request) {
        String parameter = e.field() == null ? null : PARAMETERS.getOrDefault(e.field(), e.field());
        return errors(e.code().status(),
                List.of(new Open311Failure.Error(parameter, "error." + e.code().code(), e.args())), request);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<byte[]> tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        return errors(HttpStatus.PAYLOAD_TOO_LARGE, List.of(new Open311Failure.Error("media", "open311.too_large")),
                request);
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<byte[]> multipart(MultipartException e, HttpServletRequest request) {
        return errors(HttpStatus.BAD_REQUEST, List.of(new Open311Failure.Error(null, "open311.multipart")), request);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<byte[]> denied(AccessDeniedException e, HttpServletRequest request) {
        return errors(HttpStatus.FORBIDDEN, List.of(new Open311Failure.Error(null, "open311.error", 403)), request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<byte[]> unexpected(Exception e, HttpServletRequest request) {
        log.error("Unexpected failure on {} {}", request.getMethod(), request.getRequestURI(), e);
        return errors(HttpStatus.INTERNAL_SERVER_ERROR, List.of(new Open311Failure.Error(null, "open311.internal")),
                request);
    }

    private ResponseEntity<byte[]> errors(HttpStatus status, List<Open311Failure.Error> errors,
            HttpServletRequest request) {
        List<Map<String, Object>> list = errors.stream().map(e -> {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("code", status.value());
            error.put("description", description(e, request));
            return error;
        }).toList();
        return Open311Format.ofPath(request.getRequestURI()).respond(status, "errors", list);
    }

    private String description(Open311Failure.Error error, HttpServletRequest request) {
        String message = messages.get(request, error.key(), error.args());
        return error.parameter() == null ? message : error.parameter() + ": " + message;
    }
}
