package vn.tinhso.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import vn.tinhso.shared.TinhSoException;

/**
 * A refusal that escapes a page controller (an unknown procedure, another person's dossier, an
 * action not allowed) becomes the bilingual error page with the refusal's status and message, not a
 * 500. API controllers have {@link ApiExceptionHandler}, which is consulted first.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageExceptionHandler {

    private final Problems problems;
    private final LayoutAdvice layout;

    PageExceptionHandler(Problems problems, LayoutAdvice layout) {
        this.problems = problems;
        this.layout = layout;
    }

    @ExceptionHandler(TinhSoException.class)
    ModelAndView refused(TinhSoException e, HttpServletResponse response) {
        int status = e.code().status().value();
        ModelAndView view = new ModelAndView("error");
        // An exception handler's view gets no @ModelAttribute values: the layout's are added here.
        view.addObject("site", layout.site()).addObject("lang", layout.lang())
                .addObject("pageLinks", layout.pageLinks()).addObject("currentUser", layout.currentUser());
        view.addObject("status", status);
        view.addObject("messageKey", "error.page." + (Set.of(401, 403, 404, 429).contains(status)
                ? String.valueOf(status) : "other"));
        view.addObject("detail", problems.message(e.code(), e.args()));
        view.setStatus(HttpStatus.valueOf(status));
        return view;
    }
}
