package vn.tinhso.identity;

import tools.jackson.databind.json.JsonMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.RequestContextUtils;

/** Writes problem details from security filters, before any controller advice can. */
@Component
class ProblemWriter {

    private final MessageSource messages;
    private final JsonMapper json = JsonMapper.builder().build();

    ProblemWriter(MessageSource messages) {
        this.messages = messages;
    }

    void write(HttpServletRequest request, HttpServletResponse response, int status, String code) throws IOException {
        var locale = RequestContextUtils.getLocale(request);
        String detail = messages.getMessage("error." + code, null, code, locale);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "/problems/" + code.replace('_', '-'));
        body.put("title", detail);
        body.put("status", status);
        body.put("detail", detail);
        body.put("instance", request.getRequestURI());
        body.put("code", code);
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), body);
    }
}
