package vn.tinhso.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One month of the public calendar page: a wall-calendar grid (weeks from Monday) and the month's
 * days off and make-up days.
 */
record CalendarMonth(int month, List<List<Cell>> weeks, List<DayOff> daysOff, List<MakeUpDay> makeUpDays) {

    /** A day of the grid; {@code date} is null for the blanks before the 1st and after the last day. */
    record Cell(LocalDate date, Mark mark, String label) {
    }

    /** How a day is shown. */
    enum Mark { WORKING, REST, OFF, MAKE_UP }

    static List<CalendarMonth> of(YearCalendar year, boolean english) {
        Map<LocalDate, DayOff> off = year.daysOff().stream().collect(Collectors.toMap(DayOff::date, Function.identity()));
        Map<LocalDate, MakeUpDay> makeUp = year.makeUpDays().stream()
                .collect(Collectors.toMap(MakeUpDay::date, Function.identity()));
        List<CalendarMonth> months = new ArrayList<>();
        for (int month = 1; month <= 12; month++) {
            YearMonth yearMonth = YearMonth.of(year.year(), month);
            List<DayOff> monthOff = year.daysOff().stream().filter(d -> YearMonth.from(d.date()).equals(yearMonth))
                    .toList();
            List<MakeUpDay> monthMakeUp = year.makeUpDays().stream()
                    .filter(d -> YearMonth.from(d.date()).equals(yearMonth)).toList();
            months.add(new CalendarMonth(month, weeks(yearMonth, year.weeklyRestDays(), off, makeUp, english),
                    monthOff, monthMakeUp));
        }
        return months;
    }

    private static List<List<Cell>> weeks(YearMonth month, List<DayOfWeek> rest, Map<LocalDate, DayOff> off,
            Map<LocalDate, MakeUpDay> makeUp, boolean english) {
        List<List<Cell>> weeks = new ArrayList<>();
        List<Cell> week = new ArrayList<>();
        for (int i = 1; i < month.atDay(1).getDayOfWeek().getValue(); i++) {
            week.add(new Cell(null, Mark.WORKING, ""));
        }
        for (LocalDate day = month.atDay(1); !day.isAfter(month.atEndOfMonth()); day = day.plusDays(1)) {
            week.add(cell(day, rest, off, makeUp, english));
            if (week.size() == 7) {
                weeks.add(week);
                week = new ArrayList<>();
            }
        }
        if (!week.isEmpty()) {
            while (week.size() < 7) {
                week.add(new Cell(null, Mark.WORKING, ""));
            }
            weeks.add(week);
        }
        return weeks;
    }

    private static Cell cell(LocalDate day, List<DayOfWeek> rest, Map<LocalDate, DayOff> off,
            Map<LocalDate, MakeUpDay> makeUp, boolean english) {
        if (makeUp.containsKey(day)) {
            return new Cell(day, Mark.MAKE_UP, makeUp.get(day).reason());
        }
        if (off.containsKey(day)) {
            return new Cell(day, Mark.OFF, english ? off.get(day).nameEn() : off.get(day).nameVi());
        }
        return new Cell(day, rest.contains(day.getDayOfWeek()) ? Mark.REST : Mark.WORKING, "");
    }
}
