package vn.tinhso.services;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import vn.tinhso.shared.InvalidInput;
import vn.tinhso.shared.InvalidInput.Violation;
import vn.tinhso.shared.TinhSoException;

/** Turns refusals into the messages a form shows: one per field, in the page's language. */
@Component
class PageErrors {

    private final MessageSource messages;

    PageErrors(MessageSource messages) {
        this.messages = messages;
    }

    /** Field name to message; a refusal without a field is under {@code ""}. */
    Map<String, String> of(TinhSoException e) {
        if (e instanceof InvalidInput invalid) {
            return of(invalid.violations());
        }
        Map<String, String> errors = new LinkedHashMap<>();
        errors.put(e.field() == null ? "" : e.field(), message(e));
        return errors;
    }

    Map<String, String> of(List<Violation> violations) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (Violation v : violations) {
            errors.putIfAbsent(v.field(), messages.getMessage(v.key(), v.args().toArray(), v.key(),
                    LocaleContextHolder.getLocale()));
        }
        return errors;
    }

    String message(TinhSoException e) {
        return messages.getMessage("error." + e.code().code(), e.args(), e.code().code(),
                LocaleContextHolder.getLocale());
    }
}
