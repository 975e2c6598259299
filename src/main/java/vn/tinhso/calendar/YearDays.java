package vn.tinhso.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/** One year's days off and make-up days, computed once and kept in memory; answers in constant time. */
final class YearDays {

    private final Set<DayOfWeek> restDays;
    private final NavigableMap<LocalDate, DayOff> daysOff;
    private final NavigableMap<LocalDate, MakeUpDay> makeUpDays;

    YearDays(Set<DayOfWeek> restDays, Map<LocalDate, DayOff> daysOff, Map<LocalDate, MakeUpDay> makeUpDays) {
        this.restDays = Set.copyOf(restDays);
        this.daysOff = new TreeMap<>(daysOff);
        this.makeUpDays = new TreeMap<>(makeUpDays);
    }

    /** A make-up day is worked; otherwise a day is worked unless it is a rest day or a day off. */
    boolean isWorkingDay(LocalDate date) {
        if (makeUpDays.containsKey(date)) {
            return true;
        }
        return !restDays.contains(date.getDayOfWeek()) && !daysOff.containsKey(date);
    }

    DayOff dayOff(LocalDate date) {
        return daysOff.get(date);
    }

    MakeUpDay makeUpDay(LocalDate date) {
        return makeUpDays.get(date);
    }

    Collection<DayOff> daysOff() {
        return daysOff.values();
    }

    Collection<MakeUpDay> makeUpDays() {
        return makeUpDays.values();
    }
}
