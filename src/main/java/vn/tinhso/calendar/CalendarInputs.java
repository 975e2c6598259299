package vn.tinhso.calendar;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import vn.tinhso.shared.ErrorCode;
import vn.tinhso.shared.TinhSoException;
import vn.tinhso.shared.Zones;

/**
 * Reads what people and programs type into dates, moments, years and numbers, strictly (no 30
 * February), failing with a problem a user understands rather than a server error.
 */
final class CalendarInputs {

    private static final DateTimeFormatter DAY_MONTH_YEAR = DateTimeFormatter.ofPattern("d/M/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter DAY_MONTH_YEAR_TIME = DateTimeFormatter.ofPattern("d/M/uuuu H:mm")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final int MAX_SHOWN = 40;

    private CalendarInputs() {
    }

    /** A local date-time in Vietnam: ISO ({@code 2026-01-09T16:00}, an offset is converted) or {@code 09/01/2026 16:00}. */
    static LocalDateTime moment(String text, String field) {
        String value = required(text, field);
        LocalDateTime moment = parseMoment(value);
        if (moment == null || moment.getYear() < CalendarManagement.FIRST_YEAR
                || moment.getYear() > CalendarManagement.LAST_YEAR) {
            throw new TinhSoException(ErrorCode.INVALID_DATE, field, shown(value));
        }
        return moment;
    }

    /** A date: ISO ({@code 2026-02-07}) or as shown to people ({@code 07/02/2026}). */
    static LocalDate date(String text, String field) {
        String value = required(text, field);
        try {
            return value.contains("/") ? LocalDate.parse(value, DAY_MONTH_YEAR) : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new TinhSoException(ErrorCode.INVALID_DATE, field, shown(value));
        }
    }

    /** A year the calendar answers for. */
    static int year(String text) {
        String value = required(text, "year");
        if (!value.matches("[0-9]{1,4}") || Integer.parseInt(value) < CalendarManagement.FIRST_YEAR
                || Integer.parseInt(value) > CalendarManagement.LAST_YEAR) {
            throw new TinhSoException(ErrorCode.VALIDATION_FAILED, "year", new DefaultMessageSourceResolvable(
                    new String[] {"calendar.error.yearRange"}, new Object[] {
                        String.valueOf(CalendarManagement.FIRST_YEAR), String.valueOf(CalendarManagement.LAST_YEAR)},
                    "year"));
        }
        return Integer.parseInt(value);
    }

    /** A whole number from 0 to {@code max}, or {@code null} when not given. */
    static Integer count(String text, String field, int max) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        if (!value.matches("[0-9]{1,9}") || Integer.parseInt(value) > max) {
            throw new TinhSoException(ErrorCode.VALIDATION_FAILED, field, new DefaultMessageSourceResolvable(
                    new String[] {"calendar.error." + field}, new Object[] {String.valueOf(max)}, field));
        }
        return Integer.parseInt(value);
    }

    /** An agency identifier (a positive number), or {@code null} when not given. */
    static Long agency(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        if (!value.matches("[0-9]{1,18}") || Long.parseLong(value) == 0) {
            throw new TinhSoException(ErrorCode.VALIDATION_FAILED, "agency", new DefaultMessageSourceResolvable(
                    new String[] {"calendar.error.agency"}, null, "agency"));
        }
        return Long.parseLong(value);
    }

    /** {@code WORKING_DAY} or {@code DAY_OFF}, any case. */
    static AdjustmentKind kind(String text) {
        try {
            return text == null || text.isBlank() ? null : AdjustmentKind.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new TinhSoException(ErrorCode.INVALID_CALENDAR_ENTRY, "kind",
                    new DefaultMessageSourceResolvable(new String[] {"calendar.entry.kindRequired"}, null, "kind"));
        }
    }

    private static LocalDateTime parseMoment(String value) {
        try {
            if (value.contains("/")) {
                return LocalDateTime.parse(value, DAY_MONTH_YEAR_TIME);
            }
            if (value.matches(".*T.*([+-][0-9]{2}:?[0-9]{2}|Z)$")) {
                return OffsetDateTime.parse(value).atZoneSameInstant(Zones.VIETNAM).toLocalDateTime();
            }
            return LocalDateTime.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A message resolved in the user's language, as the argument of an error message. */
    static DefaultMessageSourceResolvable message(String code, Object... args) {
        return new DefaultMessageSourceResolvable(new String[] {code}, args, code);
    }

    private static String required(String text, String field) {
        if (text == null || text.isBlank()) {
            throw new TinhSoException(ErrorCode.VALIDATION_FAILED, field, new DefaultMessageSourceResolvable(
                    new String[] {"calendar.error.required." + field}, null, field));
        }
        return text.strip();
    }

    private static String shown(String value) {
        return value.length() > MAX_SHOWN ? value.substring(0, MAX_SHOWN) + "…" : value;
    }
}
