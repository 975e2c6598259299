package vn.tinhso.identity;

import tools.jackson.databind.json.JsonMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.RequestContextUtils;
import vn.tinhso.shared.ErrorCode;
import vn.tinhso.shared.ProblemDocument;

/** Writes problem details from security filters, before any controller advice can. */
@Component
class ProblemWriter {

    private final MessageSource messages;
    private final JsonMapper json = JsonMapper.builder().build();

    ProblemWriter(MessageSource messages) {
        this.messages = messages;
    }

    void write(HttpServletRequest request, HttpServletResponse response, ErrorCode code) throws IOException {
        int status = code.status().value();
        var locale = RequestContextUtils.getLocale(request);
        String detail = messages.getMessage("error." + code.code(), null, code.code(), locale);
        Map<String, Object> body = ProblemDocument.of(code, status, detail, detail, request.getRequestURI(), List.of());
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), body);
    }
}
