package vn.tinhso.opendata;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import vn.tinhso.shared.InvalidInput;
import vn.tinhso.shared.InvalidInput.Violation;
import vn.tinhso.shared.TinhSoException;

/**
 * Turns the catalogue's refusals into the messages the staff forms show: one per field (CKAN's field
 * names: name, title, owner_org, ...), in the page's language; a refusal without a field under {@code ""}.
 */
@Component
class OpendataPageErrors {

    private final MessageSource messages;

    OpendataPageErrors(MessageSource messages) {
        this.messages = messages;
    }

    Map<String, String> of(TinhSoException e) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (e instanceof InvalidInput invalid) {
            for (Violation v : invalid.violations()) {
                errors.putIfAbsent(v.field(), message(v.key(), v.args().toArray()));
            }
            return errors;
        }
        errors.put(e.field() == null ? "" : e.field(), message(e));
        return errors;
    }

    String message(TinhSoException e) {
        return messages.getMessage("error." + e.code().code(), e.args(), e.code().code(),
                LocaleContextHolder.getLocale());
    }

    String message(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
