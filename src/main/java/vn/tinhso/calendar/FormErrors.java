package vn.tinhso.calendar;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;
import vn.tinhso.shared.TinhSoException;

/**
 * Puts a refusal next to the form field it is about, as a sentence: "Vui lòng nhập lý do (tối đa
 * 200 ký tự)." rather than the API's "Ngày điều chỉnh không hợp lệ: vui lòng nhập lý do ...". A
 * message {@code calendar.form.<code>.<field>} words it for one field.
 */
@Component
class FormErrors {

    private final MessageSource messages;

    FormErrors(MessageSource messages) {
        this.messages = messages;
    }

    void reject(BindingResult errors, String field, TinhSoException e) {
        errors.rejectValue(field, "calendar.form." + e.code().code(), e.args(), sentence(e));
    }

    /** For a refusal that names no field of the form. */
    void reject(BindingResult errors, TinhSoException e) {
        errors.reject("calendar.form." + e.code().code(), sentence(e));
    }

    String sentence(TinhSoException e) {
        Locale locale = LocaleContextHolder.getLocale();
        Object[] args = e.args();
        if (args.length == 1 && args[0] instanceof MessageSourceResolvable reason) {
            String text = messages.getMessage(reason, locale);
            return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1) + ".";
        }
        return messages.getMessage("error." + e.code().code(), args, e.code().code(), locale);
    }
}
