package vn.tinhso.opendata;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.tinhso.shared.PageResult;
import vn.tinhso.shared.TinhSoException;

/**
 * "Đề nghị dữ liệu" at {@code /data/requests}: the public list of requests and answers (no names or
 * e-mail addresses), the form to ask (Vietnamese messages next to the fields, nothing saved on error),
 * and for officers of the publisher asked an answer form.
 */
@Controller
class DatasetRequestPages {

    private final DatasetRequestManagement requests;
    private final DatasetManagement catalogue;
    private final OpendataPageErrors errors;

    DatasetRequestPages(DatasetRequestManagement requests, DatasetManagement catalogue, OpendataPageErrors errors) {
        this.requests = requests;
        this.catalogue = catalogue;
        this.errors = errors;
    }

    @GetMapping("/data/requests")
    @PreAuthorize("permitAll()")
    String list(@RequestParam(defaultValue = "0") int page, Authentication auth, Model model) {
        return page(Math.max(page, 0), Editor.of(auth), model, Map.of(), Map.of());
    }

    @PostMapping("/data/requests")
    @PreAuthorize("permitAll()") // anyone may ask; limited per client address
    String ask(@RequestParam Map<String, String> form, Authentication auth, HttpServletRequest request, Model model,
            RedirectAttributes redirect) {
        Editor editor = Editor.of(auth);
        try {
            DatasetRequest r = requests.request(form.get("title"), form.get("description"), form.get("requester"),
                    form.get("email"), form.get("publisher"), editor, request.getRemoteAddr());
            redirect.addFlashAttribute("asked", r.id());
            return "redirect:/data/requests#request-" + r.id();
        } catch (TinhSoException e) {
            return page(0, editor, model, errors.of(e), form);
        }
    }

    @PostMapping("/data/requests/{id}/answer")
    @PreAuthorize("hasAnyRole('OFFICER', 'LEADER', 'ADMIN')") // and of the publisher asked: checked by the module
    String answer(@PathVariable long id, @RequestParam Map<String, String> form, Authentication auth,
            RedirectAttributes redirect) {
        try {
            requests.answer(id, form.get("status"), form.get("answer"), form.get("dataset"), Editor.of(auth));
            redirect.addFlashAttribute("answered", id);
        } catch (TinhSoException e) {
            redirect.addFlashAttribute("answerErrors", errors.of(e));
            redirect.addFlashAttribute("answerFor", id);
        }
        return "redirect:/data/requests#request-" + id;
    }

    private String page(int page, Editor editor, Model model, Map<String, String> formErrors, Map<String, String> form) {
        model.addAttribute("result", requests.list(null, new PageResult.Request(page, 20)));
        model.addAttribute("publishers", catalogue.publishers());
        model.addAttribute("errors", formErrors);
        model.addAttribute("form", form);
        model.addAttribute("signedIn", editor.signedIn());
        model.addAttribute("answerable", (java.util.function.Predicate<DatasetRequest>) r -> r.status()
                == DatasetRequest.Status.OPEN && (editor.admin() || (r.publisherId() == null
                ? !editor.publishers().isEmpty() : editor.publishers().contains(r.publisherId()))));
        return "opendata/requests";
    }
}
