package vn.tinhso.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.validation.BindException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import vn.tinhso.shared.ErrorCode;
import vn.tinhso.shared.InvalidInput;
import vn.tinhso.shared.TinhSoException;

/**
 * Renders every failure of a JSON API as RFC 9457 problem details with a stable code; never a
 * stack trace. Standard APIs (CKAN, Open311) bring their own advice with a higher precedence.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.LOWEST_PRECEDENCE - 1)
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
    private final Problems problems;

    ApiExceptionHandler(Problems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(InvalidInput.class)
    ResponseEntity<Map<String, Object>> invalid(InvalidInput e, HttpServletRequest request) {
        List<Problems.FieldError> errors = problems.fieldErrors(e);
        String summary = String.join("; ", errors.stream().map(Problems.FieldError::message).distinct().toList());
        return problems.of(e.code(), request, errors, summary);
    }

    @ExceptionHandler(TinhSoException.class)
    ResponseEntity<Map<String, Object>> domain(TinhSoException e, HttpServletRequest request) {
        List<Problems.FieldError> errors = e.field() == null ? List.of()
                : List.of(new Problems.FieldError(e.field(), problems.message(e.code(), e.args())));
        return problems.of(e.code(), request, errors, e.args());
    }

    @ExceptionHandler(BindException.class)
    ResponseEntity<Map<String, Object>> binding(BindException e, HttpServletRequest request) {
        return problems.of(ErrorCode.VALIDATION_FAILED, request, problems.fieldErrors(e.getBindingResult()));
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<Map<String, Object>> methodValidation(HandlerMethodValidationException e,
            HttpServletRequest request) {
        return problems.of(ErrorCode.VALIDATION_FAILED, request, problems.fieldErrors(e));
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class,
            HttpMessageNotReadableException.class})
    ResponseEntity<Map<String, Object>> malformed(Exception e, HttpServletRequest request) {
        String field = e instanceof MethodArgumentTypeMismatchException m ? m.getName()
                : e instanceof MissingServletRequestParameterException p ? p.getParameterName() : null;
        List<Problems.FieldError> errors = field == null ? List.of()
                : List.of(new Problems.FieldError(field, problems.message(ErrorCode.MALFORMED_REQUEST)));
        return problems.of(ErrorCode.MALFORMED_REQUEST, request, errors);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<Map<String, Object>> tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        return problems.of(ErrorCode.FILE_TOO_LARGE, request, List.of(), "?");
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Map<String, Object>> multipart(MultipartException e, HttpServletRequest request) {
        return problems.of(ErrorCode.MALFORMED_REQUEST, request, List.of());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Map<String, Object>> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        return problems.of(ErrorCode.MALFORMED_REQUEST, 405, request, List.of());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Map<String, Object>> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        return problems.of(ErrorCode.MALFORMED_REQUEST, 415, request, List.of());
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<Map<String, Object>> noResource(NoResourceFoundException e, HttpServletRequest request) {
        return problems.of(ErrorCode.NOT_FOUND, request, List.of());
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<Map<String, Object>> conflict(DataIntegrityViolationException e, HttpServletRequest request) {
        log.info("Rejected a change that breaks a data constraint: {}", e.getMostSpecificCause().getMessage());
        return problems.of(ErrorCode.CONFLICT, request, List.of());
    }

    @ExceptionHandler({AccessDeniedException.class, AuthenticationException.class})
    ResponseEntity<Map<String, Object>> denied(Exception e, HttpServletRequest request) {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        boolean anonymous = auth == null || auth instanceof AnonymousAuthenticationToken
                || e instanceof AuthenticationException;
        return problems.of(anonymous ? ErrorCode.UNAUTHORIZED : ErrorCode.FORBIDDEN, request, List.of());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, Object>> unexpected(Exception e, HttpServletRequest request) {
        log.error("Unexpected failure on {} {}", request.getMethod(), request.getRequestURI(), e);
        return problems.of(ErrorCode.INTERNAL, request, List.of());
    }
}
