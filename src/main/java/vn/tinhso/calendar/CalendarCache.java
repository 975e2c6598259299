package vn.tinhso.calendar;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.tinhso.shared.ErrorCode;
import vn.tinhso.shared.TinhSoException;

/**
 * Keeps each year's days off and the agencies' working hours in memory, so that deadline
 * arithmetic never queries the database per day. An entry is dropped when an administrator
 * changes it on this node, and read again after {@code tinhso.calendar.cache-ttl} on every node.
 */
@Component
class CalendarCache {

    private final CalendarSettings settings;
    private final StatutoryHolidays holidays;
    private final HolidayNames names;
    private final Adjustments adjustments;
    private final AgencyHours agencyHours;
    private final Map<Integer, Entry<YearDays>> years = new ConcurrentHashMap<>();
    private volatile Entry<Map<Long, WorkingHours>> hours;

    CalendarCache(CalendarSettings settings, MessageSource messages, Adjustments adjustments, AgencyHours agencyHours) {
        this.settings = settings;
        this.holidays = new StatutoryHolidays(settings);
        this.names = new HolidayNames(messages);
        this.adjustments = adjustments;
        this.agencyHours = agencyHours;
    }

    /** The year's days; years outside {@link CalendarManagement#FIRST_YEAR} to {@code LAST_YEAR} are refused. */
    YearDays year(int year) {
        Entry<YearDays> entry = years.get(year);
        if (entry == null || entry.expired(settings)) {
            if (year < CalendarManagement.FIRST_YEAR || year > CalendarManagement.LAST_YEAR) {
                throw new TinhSoException(ErrorCode.INVALID_DATE, "year", String.valueOf(year));
            }
            entry = years.compute(year, (y, old) -> old != null && !old.expired(settings) ? old : new Entry<>(build(y)));
        }
        return entry.value();
    }

    boolean isWorkingDay(LocalDate date) {
        return year(date.getYear()).isWorkingDay(date);
    }

    Map<Long, WorkingHours> agencyHours() {
        Entry<Map<Long, WorkingHours>> entry = hours;
        if (entry == null || entry.expired(settings)) {
            entry = new Entry<>(Map.copyOf(agencyHours.all()));
            hours = entry;
        }
        return entry.value();
    }

    void evictYear(int year) {
        years.remove(year);
    }

    void evictAgencyHours() {
        hours = null;
    }

    private YearDays build(int year) {
        Map<LocalDate, DayOff> off = new HashMap<>();
        holidays.of(year).forEach(day -> off.merge(day.date(), names.dayOff(day), HolidayNames::merge));
        Map<LocalDate, MakeUpDay> makeUp = new HashMap<>();
        for (Adjustment adjustment : adjustments.inYear(year)) {
            if (off.containsKey(adjustment.date())) {
                continue; // the law's holiday wins over a declaration that settings have since overtaken
            }
            if (adjustment.kind() == AdjustmentKind.DAY_OFF) {
                off.put(adjustment.date(), new DayOff(adjustment.date(), DayOffKind.ADMIN_DAY_OFF,
                        adjustment.reason(), adjustment.reason()));
            } else {
                makeUp.put(adjustment.date(), new MakeUpDay(adjustment.date(), adjustment.reason()));
            }
        }
        return new YearDays(settings.weeklyRestDays(), off, makeUp);
    }

    private record Entry<T>(T value, long loadedAt) {

        Entry(T value) {
            this(value, System.nanoTime());
        }

        boolean expired(CalendarSettings settings) {
            return System.nanoTime() - loadedAt > settings.cacheTtl().toNanos();
        }
    }
}
