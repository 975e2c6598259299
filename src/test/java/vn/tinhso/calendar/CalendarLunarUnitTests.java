package vn.tinhso.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.util.Calendar;
import com.ibm.icu.util.ChineseCalendar;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class CalendarLunarUnitTests {

    private final LunarCalendar lunar = new LunarCalendar();

    @ParameterizedTest(name = "Tết {0} is on {1}")
    @CsvSource({"1985, 1985-01-21", "2007, 2007-02-17", "2020, 2020-01-25", "2021, 2021-02-12",
            "2022, 2022-02-01", "2023, 2023-01-22", "2024, 2024-02-10", "2025, 2025-01-29", "2026, 2026-02-17",
            "2027, 2027-02-06"})
    void tetFollowsTheVietnameseCalendar(int year, LocalDate tet) {
        assertThat(lunar.newYear(year)).isEqualTo(tet);
        assertThat(lunar.toLunar(tet)).isEqualTo(new LunarDate(year, 1, false, 1));
    }

    @ParameterizedTest(name = "{0}: Vietnam {1}, China {2}")
    @CsvSource({"1985, 1985-01-21, 1985-02-20", "2007, 2007-02-17, 2007-02-18"})
    void vietnamAndChinaDifferInSomeYearsBecauseOfTheMeridian(int year, LocalDate vietnam, LocalDate china) {
        assertThat(lunar.newYear(year)).isEqualTo(vietnam);
        assertThat(chineseNewYear(year)).isEqualTo(china);
    }

    @ParameterizedTest(name = "Giỗ Tổ {0} is on {1}")
    @CsvSource({"2023, 2023-04-29", "2024, 2024-04-18", "2025, 2025-04-07"})
    void hungKingsDayIsTheTenthOfTheThirdLunarMonth(int year, LocalDate day) {
        assertThat(lunar.toSolar(year, 3, 10)).isEqualTo(day);
    }

    @Test
    void theLastDayOfTheLunarYearIsThe29thWhenTheTwelfthMonthIsShort() {
        // Tết 2025 famously had no "30 Tết": the twelfth month of Giáp Thìn had 29 days.
        assertThat(lunar.toLunar(LocalDate.of(2025, 1, 28))).isEqualTo(new LunarDate(2024, 12, false, 29));
        assertThat(lunar.toLunar(LocalDate.of(2024, 2, 9))).isEqualTo(new LunarDate(2023, 12, false, 30));
    }

    @Test
    void leapMonthsAreRecognised() {
        // Quý Mão (2023) had a leap second month, from 22/03/2023 to 19/04/2023.
        assertThat(lunar.toLunar(LocalDate.of(2023, 3, 22))).isEqualTo(new LunarDate(2023, 2, true, 1));
        assertThat(lunar.toLunar(LocalDate.of(2023, 3, 21))).isEqualTo(new LunarDate(2023, 2, false, 30));
    }

    /** ICU's own Chinese calendar, astronomy at UTC+8, read in the same way. */
    private static LocalDate chineseNewYear(int year) {
        ChineseCalendar china = new ChineseCalendar();
        china.clear();
        china.set(Calendar.JULIAN_DAY, Math.toIntExact(LocalDate.of(year, 6, 1).toEpochDay() + 2_440_588L));
        int era = china.get(Calendar.ERA);
        int cycleYear = china.get(Calendar.YEAR);
        china.clear();
        china.set(Calendar.ERA, era);
        china.set(Calendar.YEAR, cycleYear);
        china.set(Calendar.MONTH, 0);
        china.set(Calendar.IS_LEAP_MONTH, 0);
        china.set(Calendar.DAY_OF_MONTH, 1);
        return LocalDate.ofEpochDay(china.get(Calendar.JULIAN_DAY) - 2_440_588L);
    }
}
