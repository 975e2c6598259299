package vn.tinhso.calendar;

import java.time.LocalDate;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import vn.tinhso.shared.ErrorCode;
import vn.tinhso.shared.TinhSoException;
import vn.tinhso.shared.Zones;

/** What the calendar accepts from administrators and callers; each refusal names its field. */
final class CalendarRules {

    private final CalendarSettings settings;
    private final CalendarCache cache;
    private final Adjustments adjustments;

    CalendarRules(CalendarSettings settings, CalendarCache cache, Adjustments adjustments) {
        this.settings = settings;
        this.cache = cache;
        this.adjustments = adjustments;
    }

    /**
     * A make-up working day must be a weekly rest day that is no holiday, a day off a normal
     * working day; a year from 2000; a reason; one declaration per date.
     */
    void checkAdjustment(LocalDate date, AdjustmentKind kind, String reason) {
        if (date == null) {
            throw invalidEntry("date", "calendar.entry.dateRequired");
        }
        checkYear(date.getYear(), CalendarManagement.FIRST_ADJUSTMENT_YEAR, "date");
        if (kind == null) {
            throw invalidEntry("kind", "calendar.entry.kindRequired");
        }
        if (reason.isEmpty() || reason.length() > CalendarManagement.MAX_REASON_LENGTH) {
            throw invalidEntry("reason", "calendar.entry.reasonRequired",
                    String.valueOf(CalendarManagement.MAX_REASON_LENGTH));
        }
        if (adjustments.on(date).isPresent()) {
            throw new TinhSoException(ErrorCode.CALENDAR_ENTRY_EXISTS, "date", Zones.DATE.format(date));
        }
        boolean restDay = settings.isRestDay(date);
        boolean dayOff = cache.year(date.getYear()).dayOff(date) != null;
        if (kind == AdjustmentKind.WORKING_DAY && (!restDay || dayOff)) {
            throw invalidEntry("date", "calendar.entry.workingDayOnRestDay");
        }
        if (kind == AdjustmentKind.DAY_OFF && (restDay || dayOff)) {
            throw invalidEntry("date", "calendar.entry.dayOffOnWorkingDay");
        }
    }

    static void checkYear(int year, int first, String field) {
        if (year < first || year > CalendarManagement.LAST_YEAR) {
            throw new TinhSoException(ErrorCode.VALIDATION_FAILED, field, new DefaultMessageSourceResolvable(
                    new String[] {"calendar.error.yearRange"},
                    new Object[] {String.valueOf(first), String.valueOf(CalendarManagement.LAST_YEAR)}, field));
        }
    }

    static void checkAmount(long amount, int max, String field) {
        if (amount < 0 || amount > max) {
            throw outOfRange(field, max);
        }
    }

    static void checkAgency(long agencyId) {
        if (agencyId <= 0) {
            throw new TinhSoException(ErrorCode.VALIDATION_FAILED, "agency", new DefaultMessageSourceResolvable(
                    new String[] {"calendar.error.agency"}, null, "agency"));
        }
    }

    static TinhSoException outOfRange(String field, int max) {
        return new TinhSoException(ErrorCode.VALIDATION_FAILED, field, new DefaultMessageSourceResolvable(
                new String[] {"calendar.error." + field}, new Object[] {String.valueOf(max)}, field));
    }

    private static TinhSoException invalidEntry(String field, String message, Object... args) {
        return new TinhSoException(ErrorCode.INVALID_CALENDAR_ENTRY, field,
                new DefaultMessageSourceResolvable(new String[] {message}, args, message));
    }
}
