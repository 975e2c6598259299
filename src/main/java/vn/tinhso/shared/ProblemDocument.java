package vn.tinhso.shared;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The one shape of an RFC 9457 problem document of the platform, wherever it is written. */
public final class ProblemDocument {

    private ProblemDocument() {
    }

    /**
     * {@code type}, {@code title}, {@code status}, {@code detail}, {@code instance}, plus the stable
     * {@code code} and, when there are any, the per-field {@code errors}.
     */
    public static Map<String, Object> of(ErrorCode code, int status, String title, String detail, String instance,
            List<?> errors) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "/problems/" + code.code().replace('_', '-'));
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.put("instance", instance);
        body.put("code", code.code());
        if (!errors.isEmpty()) {
            body.put("errors", errors);
        }
        return body;
    }
}
