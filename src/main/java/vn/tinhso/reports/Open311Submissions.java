package vn.tinhso.reports;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.util.WebUtils;
import vn.tinhso.identity.AccountView;
import vn.tinhso.identity.IdentityManagement;
import vn.tinhso.shared.ErrorCode;
import vn.tinhso.shared.RateLimiter;
import vn.tinhso.shared.TinhSoException;

/**
 * {@code POST requests}: the api_key checked against identity's API tokens, the parameters mapped to
 * a {@link ReportInput}. The reporter is the person named in the request, not the api_key's
 * account, which only authorises the client system. {@code media_url} is not fetched (no request
 * of ours to an address a client chose); the notice says so.
 */
@Component
class Open311Submissions {

    private static final Pattern ATTRIBUTE = Pattern.compile("attribute\\[([^\\]]*)\\](\\[\\])?");
    /** Submissions per API account and minute, on this node: a client system, not a person, posts here. */
    static final int PER_MINUTE = 120;

    private final RateLimiter perAccount = new RateLimiter(PER_MINUTE);

    private final ReportManagement reports;
    private final IdentityManagement identity;
    private final Open311Messages messages;

    Open311Submissions(ReportManagement reports, IdentityManagement identity, Open311Messages messages) {
        this.reports = reports;
        this.identity = identity;
        this.messages = messages;
    }

    /** Creates the report; the answer element: number, token (the report's id), notice, account_id. */
    Map<String, Object> submit(HttpServletRequest request, String baseUrl) {
        String key = param(request, "api_key");
        if (key == null) {
            throw Open311Failure.of(HttpStatus.FORBIDDEN, "api_key", "open311.api_key_missing");
        }
        AccountView client = identity.apiTokenAccount(key)
                .orElseThrow(() -> Open311Failure.of(HttpStatus.FORBIDDEN, "api_key", "open311.api_key_invalid"));
        if (!perAccount.allow(String.valueOf(client.id()))) {
            throw new TinhSoException(ErrorCode.TOO_MANY_REQUESTS);
        }
        String commune = attributes(request);
        String code = param(request, "service_code");
        String name = Stream.of(param(request, "first_name"), param(request, "last_name"))
                .filter(s -> s != null).collect(Collectors.joining(" "));
        String phone = param(request, "phone");
        String email = param(request, "email");
        boolean noContact = name.isEmpty() && phone == null && email == null;
        boolean anonymousAllowed = code == null || reports.categories().stream()
                .filter(c -> c.active() && c.code().equals(code)).findFirst().map(Category::anonymousAllowed)
                .orElse(true);
        ReportInput input = new ReportInput(code, param(request, "description"),
                coordinate(request, "lat"), coordinate(request, "long"), commune, param(request, "address_string"),
                name.isEmpty() ? null : name, phone, email, noContact && anonymousAllowed, null);
        Report report = reports.submit(input, media(request), null, ReportManagement.Source.OPEN311,
                request.getRemoteAddr()).report();
        String notice = messages.get(request, "open311.notice", report.number(), report.agencyName(),
                reports.settings().acceptWithin().toHours());
        if (param(request, "media_url") != null) {
            notice = notice + " " + messages.get(request, "open311.notice_media_url");
        }
        return Open311Views.created(report.number(), report.id().toString(), notice);
    }

    /** The one attribute, {@code attribute[commune]}; any other is refused rather than lost. */
    private static String attributes(HttpServletRequest request) {
        String commune = null;
        for (Map.Entry<String, String[]> entry : request.getParameterMap().entrySet()) {
            Matcher attribute = ATTRIBUTE.matcher(entry.getKey());
            if (!attribute.matches()) {
                continue;
            }
            if (!Open311Views.COMMUNE.equals(attribute.group(1)) || attribute.group(2) != null) {
                throw Open311Failure.of(HttpStatus.BAD_REQUEST, entry.getKey(), "open311.attribute_unknown",
                        attribute.group(1));
            }
            commune = param(request, entry.getKey());
        }
        return commune;
    }

    private static Double coordinate(HttpServletRequest request, String parameter) {
        String value = param(request, parameter);
        if (value == null) {
            return null;
        }
        try {
            double d = Double.parseDouble(value);
            if (Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw Open311Failure.of(HttpStatus.BAD_REQUEST, parameter, "open311.coordinate", value);
    }

    private static List<MediaUpload> media(HttpServletRequest request) {
        MultipartHttpServletRequest multipart = WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
        if (multipart == null) {
            return List.of();
        }
        MultipartFile file = multipart.getFile("media");
        return file == null || file.isEmpty() ? List.of()
                : List.of(new MediaUpload(file::getInputStream, file.getOriginalFilename()));
    }

    /** A parameter, stripped; null when absent or blank. */
    private static String param(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
