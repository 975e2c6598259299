package vn.tinhso.calendar;

import java.util.List;

/**
 * One year of the working calendar: its days off and its make-up working days, each by date.
 *
 * @param weeklyRestDays the days of the week not worked, e.g. {@code SATURDAY, SUNDAY}
 * @param workingHours the default working hours of a working day
 */
public record YearCalendar(int year, List<java.time.DayOfWeek> weeklyRestDays, String workingHours,
        List<DayOff> daysOff, List<MakeUpDay> makeUpDays) {

    public YearCalendar {
        weeklyRestDays = List.copyOf(weeklyRestDays);
        daysOff = List.copyOf(daysOff);
        makeUpDays = List.copyOf(makeUpDays);
    }
}
