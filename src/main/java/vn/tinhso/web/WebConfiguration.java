package vn.tinhso.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/** Locale (Vietnamese by default, {@code ?lang=en} switches) and the deny-by-default gate. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("tinhso-lang");
        resolver.setDefaultLocale(VIETNAMESE);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor lang = new LocaleChangeInterceptor();
        lang.setParamName("lang");
        lang.setIgnoreInvalidLocale(true);
        registry.addInterceptor(lang);
        registry.addInterceptor(new DeclaredRuleGate());
    }

    /**
     * Deny by default: a handler of ours without a {@code @PreAuthorize} rule (on the method or its
     * class) is refused, so a forgotten annotation can never open an endpoint.
     */
    static final class DeclaredRuleGate implements HandlerInterceptor {
        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            if (handler instanceof HandlerMethod method && !hasDeclaredRule(method)) {
                throw new AccessDeniedException("No access rule declared for " + method);
            }
            return true;
        }
    }

    /** Whether a handler of ours states who may call it; framework handlers are ruled by URL. */
    static boolean hasDeclaredRule(HandlerMethod method) {
        if (!method.getBeanType().getPackageName().startsWith("vn.tinhso")) {
            return true;
        }
        return method.hasMethodAnnotation(PreAuthorize.class)
                || method.getBeanType().isAnnotationPresent(PreAuthorize.class);
    }
}
