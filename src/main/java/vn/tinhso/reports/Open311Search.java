package vn.tinhso.reports;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import vn.tinhso.shared.PageResult;
import vn.tinhso.shared.Zones;

/**
 * The filters of {@code GET requests}, checked, and the public reports they select, newest first.
 * Without dates the last {@value #DAYS} days; a range may not span more; at most
 * {@value #MAX_RESULTS} results a page ({@code page} and {@code page_size} are our extension).
 *
 * @param numbers the requests asked for by {@code service_request_id}; when given, every other filter is ignored
 */
record Open311Search(List<Long> numbers, List<String> serviceCodes, List<ReportStatus> statuses, Instant from,
        Instant to, int page, int pageSize) {

    static final int DAYS = 90;
    static final int MAX_RESULTS = 1000;
    /** How deep paging may go into one filter's results. */
    static final int MAX_DEPTH = 10_000;

    /** Checks the parameters; an unknown service code, status or a malformed date or number is a 400. */
    static Open311Search of(Map<String, String> params, Set<String> serviceCodes, Instant now) {
        List<String> ids = list(params.get("service_request_id"));
        if (!ids.isEmpty()) {
            List<Long> numbers = ids.stream().limit(MAX_RESULTS).map(id -> number("service_request_id", id)).toList();
            return new Open311Search(numbers, List.of(), List.of(), null, null, 1, MAX_RESULTS);
        }
        List<String> codes = list(params.get("service_code"));
        codes.stream().filter(code -> !serviceCodes.contains(code)).findFirst().ifPresent(code -> {
            throw Open311Failure.of(HttpStatus.BAD_REQUEST, "service_code", "open311.service_unknown", code);
        });
        Instant from = instant("start_date", params.get("start_date"), false);
        Instant to = instant("end_date", params.get("end_date"), true);
        if (from == null) {
            from = (to == null ? now : to).minus(Duration.ofDays(DAYS));
        }
        Instant until = to == null ? now : to;
        if ((to != null && !from.isBefore(to)) || Duration.between(from, until).compareTo(Duration.ofDays(DAYS)) > 0) {
            throw Open311Failure.of(HttpStatus.BAD_REQUEST, "start_date", "open311.date_range", DAYS);
        }
        int page = positive("page", params.getOrDefault("page", "1"), Integer.MAX_VALUE);
        int size = positive("page_size", params.getOrDefault("page_size", String.valueOf(MAX_RESULTS)), MAX_RESULTS);
        if ((long) page * size > MAX_DEPTH && page > 1) {
            throw Open311Failure.of(HttpStatus.BAD_REQUEST, "page", "open311.page_depth", MAX_DEPTH);
        }
        return new Open311Search(null, codes, statuses(params.get("status")), from, to, page, size);
    }

    /** The selected public reports: by number in the order asked, or the page of the filters. */
    List<PublicReport> run(ReportManagement reports) {
        if (numbers != null) {
            Map<Long, PublicReport> found = new LinkedHashMap<>();
            reports.publicReports(numbers).forEach(r -> found.put(r.number(), r));
            return numbers.stream().distinct().map(found::get).filter(r -> r != null).toList();
        }
        int offset = (page - 1) * pageSize;
        List<ReportStatus> any = statuses.isEmpty() ? null : statuses;
        if (serviceCodes.size() <= 1) {
            String code = serviceCodes.isEmpty() ? null : serviceCodes.get(0);
            return range(reports, new ReportManagement.PublicQuery(code, null, any, from, to), offset, offset + pageSize);
        }
        // Several codes: the first (offset + size) of each, merged; a parent and its child may overlap.
        Map<Long, PublicReport> merged = new LinkedHashMap<>();
        for (String code : serviceCodes) {
            range(reports, new ReportManagement.PublicQuery(code, null, any, from, to), 0, offset + pageSize)
                    .forEach(r -> merged.put(r.number(), r));
        }
        List<PublicReport> all = merged.values().stream().sorted(Comparator.comparing(PublicReport::submittedAt)
                .thenComparing(PublicReport::number).reversed()).toList();
        return all.subList(Math.min(offset, all.size()), Math.min(offset + pageSize, all.size()));
    }

    /** Results [start, end) of a query, read in pages of the largest size the list allows. */
    private static List<PublicReport> range(ReportManagement reports, ReportManagement.PublicQuery query, int start,
            int end) {
        int chunk = PageResult.MAX_SIZE;
        List<PublicReport> rows = new ArrayList<>();
        for (int p = start / chunk; p * chunk < end; p++) {
            PageResult<PublicReport> page = reports.publicList(query, new PageResult.Request(p, chunk));
            rows.addAll(page.items());
            if (page.items().size() < chunk) {
                break;
            }
        }
        int skip = start - (start / chunk) * chunk;
        return rows.subList(Math.min(skip, rows.size()), Math.min(skip + end - start, rows.size()));
    }

    private static List<String> list(String value) {
        return value == null ? List.of()
                : Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    }

    private static long number(String parameter, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw Open311Failure.of(HttpStatus.BAD_REQUEST, parameter, "open311.number", value);
        }
    }

    private static int positive(String parameter, String value, int max) {
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= 1 && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw Open311Failure.of(HttpStatus.BAD_REQUEST, parameter, "open311.page", MAX_RESULTS);
    }

    /** Open311's statuses as ours: {@code open} and {@code closed} by {@link ReportStatus#open311()}. */
    private static List<ReportStatus> statuses(String value) {
        Set<ReportStatus> statuses = EnumSet.noneOf(ReportStatus.class);
        for (String status : list(value)) {
            String name = status.toLowerCase(Locale.ROOT);
            if (!name.equals("open") && !name.equals("closed")) {
                throw Open311Failure.of(HttpStatus.BAD_REQUEST, "status", "open311.status", status);
            }
            Arrays.stream(ReportStatus.values()).filter(s -> s.open311().equals(name)).forEach(statuses::add);
        }
        return statuses.size() == ReportStatus.values().length ? List.of() : List.copyOf(statuses);
    }

    /**
     * A W3C date-time: with an offset, without one (Vietnamese time), or a date alone. An end is
     * inclusive: a date alone ends with its day, a time without fraction with its second.
     */
    static Instant instant(String parameter, String value, boolean end) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        List<Function<String, Instant>> parsers = List.of(
                s -> OffsetDateTime.parse(s).toInstant(),
                s -> LocalDateTime.parse(s).atZone(Zones.VIETNAM).toInstant(),
                s -> LocalDate.parse(s).plusDays(end ? 1 : 0).atStartOfDay(Zones.VIETNAM).toInstant());
        for (int i = 0; i < parsers.size(); i++) {
            try {
                Instant instant = parsers.get(i).apply(text);
                return end && i < 2 && instant.getNano() == 0 ? instant.plusSeconds(1) : instant;
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        throw Open311Failure.of(HttpStatus.BAD_REQUEST, parameter, "open311.date", text);
    }
}
