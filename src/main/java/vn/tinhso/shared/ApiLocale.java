package vn.tinhso.shared;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.util.WebUtils;

/**
 * The language of an API answer: the user's choice on the site ({@code ?lang=} or the language
 * cookie) when made, else the {@code Accept-Language} of a client system (English or Vietnamese), else
 * the site's default (Vietnamese).
 */
public final class ApiLocale {

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private ApiLocale() {
    }

    public static Locale of(HttpServletRequest request) {
        boolean chosen = request.getParameter("lang") != null || WebUtils.getCookie(request, "tinhso-lang") != null;
        String header = request.getHeader("Accept-Language");
        if (chosen || header == null || header.isBlank()) {
            return LocaleContextHolder.getLocale();
        }
        return "en".equals(request.getLocale().getLanguage()) ? Locale.ENGLISH : VIETNAMESE;
    }
}
