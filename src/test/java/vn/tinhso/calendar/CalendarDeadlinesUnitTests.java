package vn.tinhso.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.tinhso.shared.TinhSoException;

class CalendarDeadlinesUnitTests {

    private final CalendarSettings settings = CalendarSettings.defaults();
    private final StatutoryHolidays holidays = new StatutoryHolidays(settings);
    private final Map<Integer, YearDays> years = new HashMap<>();
    private final Set<LocalDate> makeUpDays = new java.util.HashSet<>();
    private final WorkingClock clock = new WorkingClock(this::isWorkingDay, settings.defaultWorkingHours());

    @Test
    void oneWorkingDayAfterFridayAfternoonIsMondayAtTheSameHour() {
        assertThat(clock.plusDays(at("2026-01-09T16:00"), 1)).isEqualTo(at("2026-01-12T16:00"));
        assertThat(clock.plusDays(at("2026-01-07T09:00"), 3)).isEqualTo(at("2026-01-12T09:00"));
    }

    @Test
    void aDeadlineThatCrossesTetSkipsItsFiveDaysAndTheWeekend() {
        // Tết 2026: mùng 1 on Tuesday 17/02, days off from Monday 16/02 to Friday 20/02.
        assertThat(clock.plusDays(at("2026-02-13T16:00"), 1)).isEqualTo(at("2026-02-23T16:00"));
        assertThat(clock.plusDays(at("2026-02-12T10:00"), 3)).isEqualTo(at("2026-02-24T10:00"));
    }

    @Test
    void aDeadlineCrossesTheTurnOfTheYearAndItsHoliday() {
        // 31/12/2026 is a Thursday, 1/1/2027 a Friday (holiday): the next working day is Monday 4/1.
        assertThat(clock.plusDays(at("2026-12-31T14:00"), 1)).isEqualTo(at("2027-01-04T14:00"));
    }

    @Test
    void aMomentOutsideWorkingTimeCountsFromTheNextWorkingMoment() {
        // Received on a Saturday: counted from Monday 07:00, one working day ends Monday 17:00.
        assertThat(clock.plusDays(at("2026-01-10T10:00"), 1)).isEqualTo(at("2026-01-12T17:00"));
        assertThat(clock.nextWorkingMoment(at("2026-01-09T17:00"))).isEqualTo(at("2026-01-12T07:00"));
        assertThat(clock.nextWorkingMoment(at("2026-01-12T12:00"))).isEqualTo(at("2026-01-12T13:30"));
        assertThat(clock.nextWorkingMoment(at("2026-01-12T06:59"))).isEqualTo(at("2026-01-12T07:00"));
        assertThat(clock.nextWorkingMoment(at("2026-01-12T08:15"))).isEqualTo(at("2026-01-12T08:15"));
    }

    @Test
    void workingHoursSkipTheLunchBreakAndEndAtTheEndOfAnInterval() {
        assertThat(clock.plus(at("2026-01-12T11:00"), Duration.ofHours(1))).isEqualTo(at("2026-01-12T14:00"));
        assertThat(clock.plus(at("2026-01-12T07:00"), Duration.ofMinutes(270))).isEqualTo(at("2026-01-12T11:30"));
        assertThat(clock.plus(at("2026-01-12T07:00"), Duration.ofHours(8))).isEqualTo(at("2026-01-12T17:00"));
        assertThat(clock.plus(at("2026-01-12T07:00"), Duration.ofHours(9))).isEqualTo(at("2026-01-13T08:00"));
    }

    @Test
    void aMakeUpSaturdayIsWorked() {
        makeUpDays.add(LocalDate.parse("2026-01-10"));
        assertThat(clock.plusDays(at("2026-01-09T16:00"), 1)).isEqualTo(at("2026-01-10T16:00"));
        assertThat(clock.isWorkingTime(at("2026-01-10T09:00"))).isTrue();
    }

    @Test
    void workingTimeBetweenTwoMomentsCountsOnlyWorkingIntervals() {
        assertThat(clock.between(at("2026-01-09T16:00"), at("2026-01-12T16:00"))).isEqualTo(Duration.ofHours(8));
        assertThat(clock.between(at("2026-01-12T11:00"), at("2026-01-12T14:00"))).isEqualTo(Duration.ofHours(1));
        assertThat(clock.between(at("2026-01-10T08:00"), at("2026-01-11T16:00"))).isZero();
        // Over Tết 2026, Friday 13/02 08:00 to Monday 23/02 08:00 holds 7 hours on Friday and 1 on Monday.
        assertThat(clock.between(at("2026-02-13T08:00"), at("2026-02-23T08:00"))).isEqualTo(Duration.ofHours(8));
        assertThat(clock.between(at("2026-01-12T16:00"), at("2026-01-09T16:00"))).isEqualTo(Duration.ofHours(-8));
    }

    @Test
    void workingTimeIsHalfOpen() {
        assertThat(clock.isWorkingTime(at("2026-01-12T07:00"))).isTrue();
        assertThat(clock.isWorkingTime(at("2026-01-12T11:30"))).isFalse();
        assertThat(clock.isWorkingTime(at("2026-01-12T16:59"))).isTrue();
        assertThat(clock.isWorkingTime(at("2026-01-12T17:00"))).isFalse();
        assertThat(clock.isWorkingTime(at("2026-02-17T09:00"))).isFalse();
    }

    @Test
    void anAgencyWithOtherHoursCountsItsOwnDay() {
        WorkingClock agency = new WorkingClock(this::isWorkingDay, WorkingHours.parse("07:30-11:30,13:00-17:00"));
        assertThat(agency.hours().perDay()).isEqualTo(Duration.ofHours(8));
        assertThat(agency.plusDays(at("2026-01-09T16:00"), 1)).isEqualTo(at("2026-01-12T16:00"));
        WorkingClock morning = new WorkingClock(this::isWorkingDay, WorkingHours.parse("08:00-12:00"));
        assertThat(morning.plusDays(at("2026-01-09T10:00"), 1)).isEqualTo(at("2026-01-12T10:00"));
    }

    @Test
    void badWorkingHoursAreRefused() {
        assertThatThrownBy(() -> WorkingHours.parse("7h-11h")).isInstanceOf(TinhSoException.class);
        assertThatThrownBy(() -> WorkingHours.parse("07:00-11:30,11:00-17:00")).isInstanceOf(TinhSoException.class);
        assertThatThrownBy(() -> WorkingHours.parse("17:00-07:00")).isInstanceOf(TinhSoException.class);
        assertThatThrownBy(() -> WorkingHours.parse(" ")).isInstanceOf(TinhSoException.class);
        assertThat(WorkingHours.parse(" 07:00-11:30 , 13:30-17:00 ")).hasToString("07:00-11:30,13:30-17:00");
    }

    private boolean isWorkingDay(LocalDate date) {
        YearDays year = years.computeIfAbsent(date.getYear(), y -> {
            Map<LocalDate, DayOff> off = new HashMap<>();
            holidays.of(y).forEach(h -> off.put(h.date(), new DayOff(h.date(), h.kind(), "", "")));
            return new YearDays(settings.weeklyRestDays(), off, Map.of());
        });
        return makeUpDays.contains(date) || year.isWorkingDay(date);
    }

    private static LocalDateTime at(String text) {
        return LocalDateTime.parse(text);
    }
}
