package vn.tinhso.reports;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

/**
 * The texts of the Open311 API: its own bundle ({@code i18n/open311}) over the application's, so
 * that the validation messages of the reports are the same as on the forms. Vietnamese unless the
 * caller asks otherwise with {@code ?lang=}, the language cookie or, as systems usually do,
 * {@code Accept-Language}.
 */
@Component
class Open311Messages {

    private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

    Open311Messages(MessageSource application) {
        messages.setBasename("i18n/open311");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        messages.setParentMessageSource(application);
    }

    String get(HttpServletRequest request, String key, Object... args) {
        return messages.getMessage(key, args, key, locale(request));
    }

    static Locale locale(HttpServletRequest request) {
        return vn.tinhso.shared.ApiLocale.of(request);
    }
}
