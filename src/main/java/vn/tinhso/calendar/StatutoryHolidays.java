package vn.tinhso.calendar;

import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The days off the law gives in a year, before any administrator's adjustment: the holidays of the
 * Labour Code 2019 art. 112(1) and, for each one that falls on a weekly rest day, a substitute on
 * the next working day (art. 111(3): "Nếu ngày nghỉ hằng tuần trùng với ngày nghỉ lễ, tết quy định
 * tại khoản 1 Điều 112 của Bộ luật này thì người lao động được nghỉ bù ngày nghỉ hằng tuần vào ngày
 * làm việc kế tiếp"; art. 115(3) of the Labour Code 2012 said the same).
 */
final class StatutoryHolidays {

    private final CalendarSettings settings;

    StatutoryHolidays(CalendarSettings settings) {
        this.settings = settings;
    }

    /** The holidays and substitutes of the year, by date. */
    List<HolidayDay> of(int year) {
        List<HolidayDay> holidays = holidays(year);
        List<HolidayDay> all = new ArrayList<>(holidays);
        all.addAll(substitutes(holidays));
        all.sort(Comparator.comparing(HolidayDay::date));
        return List.copyOf(all);
    }

    /** Art. 112(1), points a to e. */
    List<HolidayDay> holidays(int year) {
        LunarCalendar lunar = new LunarCalendar();
        List<HolidayDay> days = new ArrayList<>();
        days.add(solar(LocalDate.of(year, Month.JANUARY, 1), Holiday.NEW_YEAR));
        LocalDate tetStart = lunar.newYear(year).minusDays(settings.tetDaysBeforeNewYear(year));
        for (int i = 0; i < CalendarSettings.TET_DAYS; i++) {
            LocalDate date = tetStart.plusDays(i);
            days.add(new HolidayDay(date, Holiday.LUNAR_NEW_YEAR, DayOffKind.HOLIDAY, lunar.toLunar(date)));
        }
        days.add(new HolidayDay(lunar.toSolar(year, 3, 10), Holiday.HUNG_KINGS, DayOffKind.HOLIDAY,
                new LunarDate(year, 3, false, 10)));
        days.add(solar(LocalDate.of(year, Month.APRIL, 30), Holiday.VICTORY_DAY));
        days.add(solar(LocalDate.of(year, Month.MAY, 1), Holiday.LABOUR_DAY));
        LocalDate nationalDay = LocalDate.of(year, Month.SEPTEMBER, 2);
        days.add(solar(nationalDay, Holiday.NATIONAL_DAY));
        days.add(solar(nationalDayAdjacent(nationalDay), Holiday.NATIONAL_DAY));
        days.sort(Comparator.comparing(HolidayDay::date));
        return days;
    }

    private LocalDate nationalDayAdjacent(LocalDate nationalDay) {
        LocalDate before = nationalDay.minusDays(1);
        LocalDate after = nationalDay.plusDays(1);
        return switch (settings.nationalDayAdjacent(nationalDay.getYear())) {
            case BEFORE -> before;
            case AFTER -> after;
            case NEAREST_WEEKEND -> nearestWeekend(before, after);
        };
    }

    private LocalDate nearestWeekend(LocalDate before, LocalDate after) {
        if (settings.isRestDay(before) != settings.isRestDay(after)) {
            return settings.isRestDay(before) ? after : before;
        }
        boolean beforeTouchesRest = settings.isRestDay(before.minusDays(1));
        boolean afterTouchesRest = settings.isRestDay(after.plusDays(1));
        return beforeTouchesRest && !afterTouchesRest ? before : after;
    }

    /**
     * One substitute per rest day taken by a holiday (two holidays on one Saturday give one: the
     * law compensates the weekly rest day), each on the next day that is neither a rest day, a
     * holiday nor already a substitute.
     */
    private List<HolidayDay> substitutes(List<HolidayDay> holidays) {
        Set<LocalDate> taken = new HashSet<>();
        holidays.forEach(h -> taken.add(h.date()));
        Set<LocalDate> compensated = new HashSet<>();
        List<HolidayDay> substitutes = new ArrayList<>();
        for (HolidayDay holiday : holidays) {
            if (settings.isRestDay(holiday.date()) && compensated.add(holiday.date())) {
                LocalDate day = holiday.date().plusDays(1);
                while (settings.isRestDay(day) || taken.contains(day)) {
                    day = day.plusDays(1);
                }
                taken.add(day);
                substitutes.add(new HolidayDay(day, holiday.holiday(), DayOffKind.SUBSTITUTE, null));
            }
        }
        return substitutes;
    }

    private static HolidayDay solar(LocalDate date, Holiday holiday) {
        return new HolidayDay(date, holiday, DayOffKind.HOLIDAY, null);
    }
}
