package vn.tinhso.notification;

import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Plain-text mail templates, {@code templates/mail/<name>_<vi|en>.txt} (Thymeleaf TEXT mode), with
 * their subjects in the notification bundle as {@code mail.<name>.subject}. The engine is private to
 * this class, so the web pages keep Spring Boot's own.
 */
@Component
class MailTemplates {

    static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private final SpringTemplateEngine engine = new SpringTemplateEngine();
    private final MessageSource messages;

    MailTemplates(MessageSource messages) {
        this.messages = messages;
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/mail/");
        resolver.setSuffix(".txt");
        resolver.setTemplateMode(TemplateMode.TEXT);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCheckExistence(true);
        engine.setTemplateResolver(resolver);
        engine.setTemplateEngineMessageSource(messages);
    }

    /** A rendered mail: its subject and body. */
    record Mail(String subject, String body) {
    }

    /** Renders the template; {@code subjectArgs} fill the placeholders of the subject ({@code {0}}, …). */
    Mail render(String name, Locale locale, Map<String, Object> variables, Object... subjectArgs) {
        String subject = messages.getMessage("mail." + name + ".subject", subjectArgs, locale);
        String body = engine.process(name + "_" + locale.getLanguage(), new Context(locale, variables));
        return new Mail(subject, body);
    }

    /** English for {@code en}, Vietnamese for anything else (the default of the platform). */
    static Locale locale(String tag) {
        return tag != null && tag.toLowerCase(Locale.ROOT).startsWith("en") ? Locale.ENGLISH : VIETNAMESE;
    }
}
