package vn.tinhso.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import vn.tinhso.shared.ErrorCode;
import vn.tinhso.shared.TinhSoException;
import vn.tinhso.shared.Zones;

/**
 * Reads the bounds of a period as people and scripts write them: a day {@code 2026-11-25} (the whole
 * day in Vietnam), a local time {@code 2026-11-25T08:00} (Vietnam) or an instant with its offset.
 */
final class Moments {

    private Moments() {
    }

    /** The first instant of the period; null for none. */
    static Instant start(String text, String field) {
        return parse(text, field, false);
    }

    /** The first instant after the period: a day counts in full. */
    static Instant end(String text, String field) {
        return parse(text, field, true);
    }

    private static Instant parse(String text, String field, boolean end) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (end ? day.plusDays(1) : day).atStartOfDay(Zones.VIETNAM).toInstant();
            }
            if (value.endsWith("Z") || value.matches(".*[+-]\\d{2}:\\d{2}$")) {
                return OffsetDateTime.parse(value).toInstant();
            }
            return LocalDateTime.parse(value).atZone(Zones.VIETNAM).toInstant();
        } catch (DateTimeParseException e) {
            throw new TinhSoException(ErrorCode.INVALID_DATE, field, value);
        }
    }
}
