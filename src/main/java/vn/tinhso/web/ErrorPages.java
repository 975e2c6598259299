package vn.tinhso.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;
import vn.tinhso.shared.ErrorCode;

/**
 * Errors that escape a handler (unknown path, a filter's failure): problem details for API paths,
 * a bilingual page for people. Never a stack trace.
 */
@Controller
@PreAuthorize("permitAll()")
class ErrorPages implements ErrorController {

    private final Problems problems;

    ErrorPages(Problems problems) {
        this.problems = problems;
    }

    @RequestMapping({"/error", "/error/{forwarded}"})
    Object error(HttpServletRequest request, Model model,
            @org.springframework.web.bind.annotation.PathVariable(required = false) String forwarded) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i
                : forwarded != null && forwarded.matches("[45][0-9]{2}") ? Integer.parseInt(forwarded) : 500;
        if (status == 500 && malformedUpload(request.getAttribute(RequestDispatcher.ERROR_EXCEPTION))) {
            status = 400;
        }
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri == null ? request.getRequestURI() : uri.toString();
        if (path.startsWith("/api/") || acceptsJsonOnly(request)) {
            return json(status, request);
        }
        model.addAttribute("status", status);
        model.addAttribute("messageKey", "error.page." + (java.util.Set.of(401, 403, 404, 429).contains(status)
                ? String.valueOf(status) : "other"));
        ModelAndView view = new ModelAndView("error", model.asMap());
        view.setStatus(HttpStatus.valueOf(status));
        return view;
    }

    private ResponseEntity<Map<String, Object>> json(int status, HttpServletRequest request) {
        ErrorCode error = switch (status) {
            case 400 -> ErrorCode.MALFORMED_REQUEST;
            case 401 -> ErrorCode.UNAUTHORIZED;
            case 403 -> ErrorCode.FORBIDDEN;
            case 404 -> ErrorCode.NOT_FOUND;
            case 413 -> ErrorCode.FILE_TOO_LARGE;
            case 429 -> ErrorCode.TOO_MANY_REQUESTS;
            default -> status >= 500 ? ErrorCode.INTERNAL : ErrorCode.MALFORMED_REQUEST;
        };
        return problems.of(error, status, request, List.of(), "?");
    }

    /** A multipart body that cannot be parsed (cut off, no closing boundary) fails before any handler. */
    private static boolean malformedUpload(Object error) {
        for (Object e = error; e instanceof Throwable t; e = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof MultipartException) {
                return true;
            }
        }
        return false;
    }

    private static boolean acceptsJsonOnly(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains("json") && !accept.contains("html");
    }
}
