package vn.tinhso.opendata;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import vn.tinhso.shared.ErrorCode;
import vn.tinhso.shared.InvalidInput;
import vn.tinhso.shared.TinhSoException;

/**
 * Every failure of the CKAN Action API in CKAN's own shape and status: {@code success: false} with an
 * {@code error} object (Not Found Error 404, Authorization Error 403, Validation Error 409 with
 * messages per field, Search Query Error 400), or CKAN's "Bad request - ..." JSON string with 400.
 * Never a problem document, never a stack trace.
 */
@RestControllerAdvice(assignableTypes = CkanController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class CkanExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(CkanExceptionHandler.class);
    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder()
            .build();
    private final MessageSource messages;

    CkanExceptionHandler(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(CkanFailure.class)
    ResponseEntity<Object> ckan(CkanFailure e, HttpServletRequest request) {
        if (e.badRequest() != null) {
            // CKAN answers a bad request with a JSON string, not an object.
            return ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_JSON)
                    .body(JSON.writeValueAsString(e.badRequest()));
        }
        return envelope(e.status(), e.error(), request);
    }

    @ExceptionHandler(InvalidInput.class)
    ResponseEntity<Object> invalid(InvalidInput e, HttpServletRequest request) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        for (InvalidInput.Violation v : e.violations()) {
            fields.computeIfAbsent(v.field(), k -> new java.util.ArrayList<>()).add(messages.getMessage(v.key(),
                    v.args().toArray(), v.key(), locale(request)));
        }
        return ckan(CkanFailure.validation(fields), request);
    }

    @ExceptionHandler(TinhSoException.class)
    ResponseEntity<Object> domain(TinhSoException e, HttpServletRequest request) {
        String message = messages.getMessage("error." + e.code().code(), e.args(), e.code().code(),
                locale(request));
        CkanFailure failure = switch (e.code()) {
            case FORBIDDEN, UNAUTHORIZED -> CkanFailure.denied(message);
            case DATASET_NOT_FOUND, RESOURCE_NOT_FOUND, NOT_FOUND, ACCOUNT_NOT_FOUND -> CkanFailure.notFound(message);
            case FILE_TOO_LARGE, FILE_TYPE_FORBIDDEN, FILE_EMPTY -> CkanFailure.validation("upload", message);
            case DATASET_STATE -> CkanFailure.validation("state", message);
            default -> e.code().status().is4xxClientError()
                    ? CkanFailure.validation(e.field() == null ? "message" : e.field(), message)
                    : null;
        };
        if (failure == null) {
            log.error("CKAN action failed on {}", request.getRequestURI(), e);
            return internal(request);
        }
        return ckan(failure, request);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<Object> tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        return ckan(CkanFailure.validation("upload", messages.getMessage("error." + ErrorCode.FILE_TOO_LARGE.code(),
                new Object[] {}, "too large", locale(request))), request);
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Object> multipart(MultipartException e, HttpServletRequest request) {
        return ckan(CkanFailure.badRequest("the multipart request could not be read"), request);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> denied(AccessDeniedException e, HttpServletRequest request) {
        return ckan(CkanFailure.denied(null), request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, HttpServletRequest request) {
        log.error("Unexpected failure on {} {}", request.getMethod(), request.getRequestURI(), e);
        return internal(request);
    }

    static java.util.Locale locale(HttpServletRequest request) {
        return vn.tinhso.shared.ApiLocale.of(request);
    }

    private ResponseEntity<Object> internal(HttpServletRequest request) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("__type", "Internal Server Error");
        error.put("message", "Internal server error");
        return envelope(HttpStatus.INTERNAL_SERVER_ERROR, error, request);
    }

    private static ResponseEntity<Object> envelope(HttpStatus status, Map<String, Object> error,
            HttpServletRequest request) {
        String path = request.getRequestURI();
        String action = path.substring(path.lastIndexOf('/') + 1);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("help", request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort()
                + "/api/3/action/help_show?name=" + action);
        body.put("success", false);
        body.put("error", error);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
