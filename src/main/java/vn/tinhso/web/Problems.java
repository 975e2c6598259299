package vn.tinhso.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import vn.tinhso.shared.ErrorCode;
import vn.tinhso.shared.InvalidInput;
import vn.tinhso.shared.ProblemDocument;

/** Builds RFC 9457 problem documents: type, title, status, detail, instance, plus code and errors. */
@Component
public class Problems {

    public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

    /** One invalid field with its translated message. */
    public record FieldError(String field, String message) {
    }

    private final MessageSource messages;

    Problems(MessageSource messages) {
        this.messages = messages;
    }

    public String message(ErrorCode code, Object... args) {
        return messages.getMessage("error." + code.code(), args, code.code(), LocaleContextHolder.getLocale());
    }

    public ResponseEntity<Map<String, Object>> of(ErrorCode code, HttpServletRequest request,
            List<FieldError> errors, Object... args) {
        return of(code, code.status().value(), request, errors, args);
    }

    public ResponseEntity<Map<String, Object>> of(ErrorCode code, int status, HttpServletRequest request,
            List<FieldError> errors, Object... args) {
        String title = messages.getMessage("error." + code.code() + ".title", null,
                messages.getMessage("error." + code.code(), args, code.code(), LocaleContextHolder.getLocale()),
                LocaleContextHolder.getLocale());
        Object original = request.getAttribute(jakarta.servlet.RequestDispatcher.ERROR_REQUEST_URI);
        Map<String, Object> body = ProblemDocument.of(code, status, title, message(code, args),
                original != null ? original.toString() : request.getRequestURI(), errors);
        return ResponseEntity.status(status).contentType(PROBLEM_JSON).body(body);
    }

    List<FieldError> fieldErrors(BindingResult result) {
        List<FieldError> errors = new ArrayList<>();
        result.getFieldErrors().forEach(e -> errors.add(new FieldError(e.getField(),
                messages.getMessage(e, LocaleContextHolder.getLocale()))));
        result.getGlobalErrors().forEach(e -> errors.add(new FieldError(e.getObjectName(),
                messages.getMessage(e, LocaleContextHolder.getLocale()))));
        return errors;
    }

    /** The violations of an InvalidInput, each with its message in the request's language. */
    public List<FieldError> fieldErrors(InvalidInput e) {
        return e.violations().stream().map(v -> new FieldError(v.field(), messages.getMessage(v.key(),
                v.args().toArray(), v.key(), LocaleContextHolder.getLocale()))).toList();
    }

    List<FieldError> fieldErrors(HandlerMethodValidationException e) {
        List<FieldError> errors = new ArrayList<>();
        e.getParameterValidationResults().forEach(r -> r.getResolvableErrors().forEach(err -> errors.add(
                new FieldError(r.getMethodParameter().getParameterName(),
                        messages.getMessage(err, LocaleContextHolder.getLocale())))));
        return errors;
    }
}
