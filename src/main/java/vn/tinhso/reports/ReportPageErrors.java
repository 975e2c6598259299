package vn.tinhso.reports;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import vn.tinhso.shared.InvalidInput;
import vn.tinhso.shared.InvalidInput.Violation;
import vn.tinhso.shared.TinhSoException;

/**
 * Turns refusals into the messages a report form shows: one per field, in the page's language. A
 * photo's field ({@code photos[2]}) is shown on the photo input ({@code photos}).
 */
@Component
class ReportPageErrors {

    private final MessageSource messages;

    ReportPageErrors(MessageSource messages) {
        this.messages = messages;
    }

    /** Field name to message; a refusal without a field is under {@code ""}. */
    Map<String, String> of(TinhSoException e) {
        if (e instanceof InvalidInput invalid) {
            return of(invalid.violations());
        }
        Map<String, String> errors = new LinkedHashMap<>();
        errors.put(e.field() == null ? "" : field(e.field()), message(e));
        return errors;
    }

    Map<String, String> of(List<Violation> violations) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (Violation v : violations) {
            errors.putIfAbsent(field(v.field()), messages.getMessage(v.key(), v.args().toArray(), v.key(),
                    LocaleContextHolder.getLocale()));
        }
        return errors;
    }

    String message(TinhSoException e) {
        return messages.getMessage("error." + e.code().code(), e.args(), e.code().code(),
                LocaleContextHolder.getLocale());
    }

    private static String field(String field) {
        int bracket = field.indexOf('[');
        return bracket < 0 ? field : field.substring(0, bracket);
    }
}
