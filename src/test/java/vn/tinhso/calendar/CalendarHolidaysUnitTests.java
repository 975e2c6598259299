package vn.tinhso.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CalendarHolidaysUnitTests {

    private final StatutoryHolidays defaults = new StatutoryHolidays(CalendarSettings.defaults());

    @Test
    void theYear2025HasTheElevenDaysOfArticle112AndASubstituteForTheTetSaturday() {
        assertThat(defaults.of(2025)).containsExactly(
                holiday("2025-01-01", Holiday.NEW_YEAR),
                tet("2025-01-28", 12, 29), tet("2025-01-29", 1, 1), tet("2025-01-30", 1, 2),
                tet("2025-01-31", 1, 3), tet("2025-02-01", 1, 4),
                new HolidayDay(LocalDate.parse("2025-02-03"), Holiday.LUNAR_NEW_YEAR, DayOffKind.SUBSTITUTE, null),
                new HolidayDay(LocalDate.parse("2025-04-07"), Holiday.HUNG_KINGS, DayOffKind.HOLIDAY,
                        new LunarDate(2025, 3, false, 10)),
                holiday("2025-04-30", Holiday.VICTORY_DAY),
                holiday("2025-05-01", Holiday.LABOUR_DAY),
                holiday("2025-09-01", Holiday.NATIONAL_DAY),
                holiday("2025-09-02", Holiday.NATIONAL_DAY));
    }

    @Test
    void holidaysOnAWeekendGiveSubstitutesOnTheNextWorkingDaysInTurn() {
        // 2022: 1/1 on a Saturday, Giỗ Tổ on Sunday 10/4, 30/4 on a Saturday and 1/5 on a Sunday; the
        // government gave these same four substitutes.
        assertThat(substitutes(2022)).containsExactly(LocalDate.parse("2022-01-03"), LocalDate.parse("2022-04-11"),
                LocalDate.parse("2022-05-02"), LocalDate.parse("2022-05-03"));
    }

    @Test
    void aSubstituteSkipsOtherHolidays() {
        // 2026: Giỗ Tổ on Sunday 26/4 gives Monday 27/4; 2/9 on a Wednesday, none.
        assertThat(substitutes(2026)).containsExactly(LocalDate.parse("2026-04-27"));
        // 2029: 2/9 is a Sunday, so 3/9 (Monday) joins it and the substitute is Tuesday 4/9.
        assertThat(dates(2029, Holiday.NATIONAL_DAY)).containsExactly(LocalDate.parse("2029-09-02"),
                LocalDate.parse("2029-09-03"), LocalDate.parse("2029-09-04"));
    }

    @ParameterizedTest(name = "{0}: 2/9 is joined by {1}")
    @CsvSource({"2021, 2021-09-03", "2022, 2022-09-01", "2023, 2023-09-01", "2024, 2024-09-03",
            "2025, 2025-09-01"})
    void byDefaultTheNationalDayIsJoinedToTheNearestWeekendAsTheGovernmentDid(int year, LocalDate adjacent) {
        assertThat(holidayDates(year, Holiday.NATIONAL_DAY)).containsExactlyInAnyOrder(
                LocalDate.of(year, 9, 2), adjacent);
    }

    @Test
    void aWednesdayNationalDayIsJoinedByTheDayAfter() {
        assertThat(holidayDates(2026, Holiday.NATIONAL_DAY)).containsExactly(LocalDate.parse("2026-09-02"),
                LocalDate.parse("2026-09-03"));
    }

    @Test
    void theNationalDayNeighbourAndTheTetDaysAreConfigurablePerYear() {
        CalendarSettings settings = new CalendarSettings(Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY),
                List.of("07:00-11:30", "13:30-17:00"), 1, Map.of(2024, 2), NationalDayAdjacent.AFTER,
                Map.of(2026, NationalDayAdjacent.BEFORE), Duration.ofMinutes(5));
        StatutoryHolidays configured = new StatutoryHolidays(settings);
        assertThat(configured.holidays(2025)).extracting(HolidayDay::date).contains(LocalDate.parse("2025-09-03"));
        assertThat(configured.holidays(2026)).extracting(HolidayDay::date).contains(LocalDate.parse("2026-09-01"));
        // Tết 2024 (mùng 1 on 10/02) starting two days early: 08/02 to 12/02.
        assertThat(configured.holidays(2024).stream().filter(h -> h.holiday() == Holiday.LUNAR_NEW_YEAR)
                .map(HolidayDay::date)).containsExactly(LocalDate.parse("2024-02-08"), LocalDate.parse("2024-02-09"),
                LocalDate.parse("2024-02-10"), LocalDate.parse("2024-02-11"), LocalDate.parse("2024-02-12"));
    }

    @Test
    void impossibleSettingsAreRefusedAtStart() {
        assertThatThrownBy(() -> new CalendarSettings(Set.of(DayOfWeek.values()), List.of("07:00-11:30"), 1, null,
                NationalDayAdjacent.AFTER, null, Duration.ofMinutes(5))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CalendarSettings(Set.of(DayOfWeek.SUNDAY), List.of("07:00-11:30"), 6, null,
                NationalDayAdjacent.AFTER, null, Duration.ofMinutes(5))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CalendarSettings(Set.of(DayOfWeek.SUNDAY), List.of("13:30-17:00", "07:00-11:30"),
                1, null, NationalDayAdjacent.AFTER, null, Duration.ofMinutes(5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tinhso.calendar.working-hours");
    }

    private List<LocalDate> substitutes(int year) {
        return defaults.of(year).stream().filter(h -> h.kind() == DayOffKind.SUBSTITUTE).map(HolidayDay::date).toList();
    }

    private List<LocalDate> dates(int year, Holiday holiday) {
        return defaults.of(year).stream().filter(h -> h.holiday() == holiday).map(HolidayDay::date).toList();
    }

    private List<LocalDate> holidayDates(int year, Holiday holiday) {
        return defaults.of(year).stream().filter(h -> h.holiday() == holiday && h.kind() == DayOffKind.HOLIDAY)
                .map(HolidayDay::date).toList();
    }

    private static HolidayDay holiday(String date, Holiday holiday) {
        return new HolidayDay(LocalDate.parse(date), holiday, DayOffKind.HOLIDAY, null);
    }

    private static HolidayDay tet(String date, int lunarMonth, int lunarDay) {
        int lunarYear = lunarMonth == 12 ? 2024 : 2025;
        return new HolidayDay(LocalDate.parse(date), Holiday.LUNAR_NEW_YEAR, DayOffKind.HOLIDAY,
                new LunarDate(lunarYear, lunarMonth, false, lunarDay));
    }
}
