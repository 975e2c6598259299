package vn.tinhso.reports;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import vn.tinhso.shared.Zones;
import vn.tinhso.units.Unit;

/**
 * Our categories and public reports as GeoReport v2 elements (maps in the specification's order).
 * A request is built from a {@link PublicReport} only: the masked text, never the reporter.
 */
final class Open311Views {

    static final String COMMUNE = "commune";

    private Open311Views() {
    }

    /** A category as a service; its group is the parent's name (a top-level category is its own group). */
    static Map<String, Object> service(Category category, Map<String, Category> byCode, Locale locale) {
        Category parent = category.parentCode() == null ? category : byCode.getOrDefault(category.parentCode(), category);
        Map<String, Object> service = new LinkedHashMap<>();
        service.put("service_code", category.code());
        service.put("service_name", category.name(locale));
        service.put("description", category.description() == null ? category.name(locale) : category.description());
        service.put("metadata", true);
        service.put("type", "realtime");
        service.put("keywords", Stream.of(category.name(), category.nameEn(), parent.name(), parent.nameEn())
                .filter(Objects::nonNull).distinct().collect(Collectors.joining(", ")));
        service.put("group", parent.name(locale));
        return service;
    }

    /** The definition of a service: its one attribute, the commune, picked from the province's communes. */
    static Map<String, Object> definition(Category category, List<Unit> communes, String description,
            String datatypeDescription) {
        Map<String, Object> attribute = new LinkedHashMap<>();
        attribute.put("variable", true);
        attribute.put("code", COMMUNE);
        attribute.put("datatype", "singlevaluelist");
        attribute.put("required", false);
        attribute.put("datatype_description", datatypeDescription);
        attribute.put("order", 1);
        attribute.put("description", description);
        attribute.put("values", communes.stream().map(u -> {
            Map<String, Object> value = new LinkedHashMap<>();
            value.put("key", u.code());
            value.put("name", u.name());
            return value;
        }).toList());
        Map<String, Object> definition = new LinkedHashMap<>();
        definition.put("service_code", category.code());
        definition.put("attributes", List.of(attribute));
        return definition;
    }

    /**
     * A public report as a request. {@code expected_datetime} is left out: the running deadline is
     * the agency's, not published. The address ends with the commune's name.
     */
    static Map<String, Object> request(PublicReport report, String baseUrl) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("service_request_id", String.valueOf(report.number()));
        request.put("status", report.status().open311());
        request.put("status_notes", report.status() == ReportStatus.REJECTED ? report.rejectReason() : report.answer());
        request.put("service_name", report.categoryName());
        request.put("service_code", report.categoryCode());
        request.put("description", report.text());
        request.put("agency_responsible", report.agencyName());
        request.put("service_notice", null);
        request.put("requested_datetime", datetime(report.submittedAt()));
        request.put("updated_datetime", datetime(report.updatedAt()));
        request.put("address", address(report));
        request.put("address_id", null);
        request.put("zipcode", null);
        request.put("lat", report.lat());
        request.put("long", report.lon());
        request.put("media_url", report.photos().isEmpty() ? null
                : baseUrl + "/api/v1/reports/photos/" + report.photos().get(0).id());
        return request;
    }

    /** The answer to a submission or a token: the number, and the token when known. */
    static Map<String, Object> created(long number, String token, String notice) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("service_request_id", String.valueOf(number));
        request.put("token", token);
        if (notice != null) {
            request.put("service_notice", notice);
            request.put("account_id", null);
        }
        return request;
    }

    /** ISO 8601 with the Vietnamese offset, to the second: {@code 2026-11-25T08:30:00+07:00}. */
    static String datetime(Instant instant) {
        return instant == null ? null
                : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.truncatedTo(ChronoUnit.SECONDS)
                        .atZone(Zones.VIETNAM));
    }

    private static String address(PublicReport report) {
        String address = report.address() == null || report.address().isBlank() ? null : report.address();
        String commune = report.communeName();
        if (commune == null || (address != null && address.contains(commune))) {
            return address;
        }
        return address == null ? commune : address + ", " + commune;
    }
}
