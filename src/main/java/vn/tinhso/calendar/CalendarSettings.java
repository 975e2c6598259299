package vn.tinhso.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import vn.tinhso.shared.TinhSoException;

/**
 * The working calendar. The defaults are the rules for state agencies: Saturday and Sunday off
 * (40-hour week, Decision 188/1999/QĐ-TTg), the holidays of the Labour Code 2019 art. 112(1).
 *
 * @param weeklyRestDays days of the week that are not worked (ngày nghỉ hằng tuần)
 * @param workingHours the working hours of a working day, {@code HH:mm-HH:mm} each, in order;
 *        agencies may have their own (set by administrators)
 * @param tetDaysBeforeNewYear how many of the 5 days of Tết (art. 112(1)(b)) come before mùng 1:
 *        1 gives the last day of the lunar year and mùng 1 to mùng 4
 * @param tetDaysBeforeNewYearByYear the same for a given year, as the Prime Minister decided it
 *        (art. 112(3)), e.g. {@code 2024: 2}
 * @param nationalDayAdjacent which day joins 2 September (art. 112(1)(đ))
 * @param nationalDayAdjacentByYear the same for a given year, as the Prime Minister decided it
 * @param cacheTtl how long a node keeps a year's days off in memory before reading them again,
 *        so that an administrator's change made on another node shows within this time
 */
@ConfigurationProperties("tinhso.calendar")
public record CalendarSettings(@DefaultValue({"SATURDAY", "SUNDAY"}) Set<DayOfWeek> weeklyRestDays,
        @DefaultValue({"07:00-11:30", "13:30-17:00"}) List<String> workingHours,
        @DefaultValue("1") int tetDaysBeforeNewYear,
        Map<Integer, Integer> tetDaysBeforeNewYearByYear,
        @DefaultValue("NEAREST_WEEKEND") NationalDayAdjacent nationalDayAdjacent,
        Map<Integer, NationalDayAdjacent> nationalDayAdjacentByYear,
        @DefaultValue("5m") Duration cacheTtl) {

    static final int TET_DAYS = 5;

    public CalendarSettings {
        weeklyRestDays = Set.copyOf(weeklyRestDays);
        workingHours = List.copyOf(workingHours);
        tetDaysBeforeNewYearByYear = tetDaysBeforeNewYearByYear == null ? Map.of()
                : Map.copyOf(tetDaysBeforeNewYearByYear);
        nationalDayAdjacentByYear = nationalDayAdjacentByYear == null ? Map.of() : Map.copyOf(nationalDayAdjacentByYear);
        if (weeklyRestDays.size() > 6) {
            throw new IllegalArgumentException("tinhso.calendar.weekly-rest-days: at least one day must be worked");
        }
        checkTetDays(tetDaysBeforeNewYear);
        tetDaysBeforeNewYearByYear.values().forEach(CalendarSettings::checkTetDays);
        try {
            WorkingHours.parse(String.join(",", workingHours));
        } catch (TinhSoException e) {
            throw new IllegalArgumentException("tinhso.calendar.working-hours: HH:mm-HH:mm intervals in order, "
                    + "not overlapping, at most " + WorkingHours.MAX_INTERVALS + ", not " + workingHours, e);
        }
    }

    /** The defaults, as without any configuration. */
    public static CalendarSettings defaults() {
        return new CalendarSettings(Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), List.of("07:00-11:30", "13:30-17:00"),
                1, Map.of(), NationalDayAdjacent.NEAREST_WEEKEND, Map.of(), Duration.ofMinutes(5));
    }

    /** The default working hours of a working day. */
    public WorkingHours defaultWorkingHours() {
        return WorkingHours.parse(String.join(",", workingHours));
    }

    int tetDaysBeforeNewYear(int year) {
        return tetDaysBeforeNewYearByYear.getOrDefault(year, tetDaysBeforeNewYear);
    }

    NationalDayAdjacent nationalDayAdjacent(int year) {
        return nationalDayAdjacentByYear.getOrDefault(year, nationalDayAdjacent);
    }

    boolean isRestDay(LocalDate date) {
        return weeklyRestDays.contains(date.getDayOfWeek());
    }

    private static void checkTetDays(int before) {
        if (before < 0 || before > TET_DAYS) {
            throw new IllegalArgumentException("tinhso.calendar.tet-days-before-new-year: 0 to " + TET_DAYS);
        }
    }
}
