package vn.tinhso.calendar;

import com.ibm.icu.util.Calendar;
import com.ibm.icu.util.ChineseCalendar;
import com.ibm.icu.util.SimpleTimeZone;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import java.time.LocalDate;

/**
 * Conversion between Gregorian and Vietnamese lunar dates. The Vietnamese calendar uses the same
 * rules as the Chinese one, but computes new moons and solar terms at UTC+7 (Vietnam's meridian,
 * since 1968) instead of UTC+8; so a new moon shortly after midnight in China falls on the previous
 * day in Vietnam, and some months and years begin a day or a month earlier: Tết 1985 was on
 * 21/01/1985 in Vietnam but 20/02/1985 in China, Tết 2007 on 17/02 instead of 18/02.
 *
 * <p>Not thread-safe (ICU calendars keep state and caches); make one per computation.
 */
final class LunarCalendar {

    /** Days between the Julian day number epoch and 1970-01-01. */
    private static final long EPOCH_JULIAN_DAY = 2_440_588L;
    /** The Chinese calendar counts years from 2637 BC in cycles of 60 (ICU's ERA and YEAR). */
    private static final int EPOCH_OFFSET = 2637;

    private final ChineseCalendar calendar = new VietnameseCalendar();

    /** Mùng 1 Tết: the first day of the lunar year that begins in the Gregorian year. */
    LocalDate newYear(int year) {
        return toSolar(year, 1, 1);
    }

    /** The Gregorian date of a day of a regular (not leap) month of the lunar year begun in {@code year}. */
    LocalDate toSolar(int year, int month, int day) {
        int lunarYear = year + EPOCH_OFFSET;
        calendar.clear();
        calendar.set(Calendar.ERA, (lunarYear - 1) / 60 + 1);
        calendar.set(Calendar.YEAR, (lunarYear - 1) % 60 + 1);
        calendar.set(Calendar.MONTH, month - 1);
        calendar.set(Calendar.IS_LEAP_MONTH, 0);
        calendar.set(Calendar.DAY_OF_MONTH, day);
        return LocalDate.ofEpochDay(calendar.get(Calendar.JULIAN_DAY) - EPOCH_JULIAN_DAY);
    }

    /** The lunar date of a Gregorian date. */
    LunarDate toLunar(LocalDate date) {
        calendar.clear();
        calendar.set(Calendar.JULIAN_DAY, Math.toIntExact(date.toEpochDay() + EPOCH_JULIAN_DAY));
        int year = (calendar.get(Calendar.ERA) - 1) * 60 + calendar.get(Calendar.YEAR) - EPOCH_OFFSET;
        return new LunarDate(year, calendar.get(Calendar.MONTH) + 1, calendar.get(Calendar.IS_LEAP_MONTH) == 1,
                calendar.get(Calendar.DAY_OF_MONTH));
    }

    /**
     * ICU's Chinese calendar with its astronomy done at UTC+7, the way ICU's own DangiCalendar
     * does Korea at UTC+9. The zone must be a fixed offset: the calendar is defined by the
     * meridian, not by a civil zone's history.
     */
    private static final class VietnameseCalendar extends ChineseCalendar {

        private static final long serialVersionUID = 1L;
        private static final TimeZone ASTRONOMY_ZONE = new SimpleTimeZone(7 * 3_600_000, "UTC+07:00").freeze();

        VietnameseCalendar() {
            super(TimeZone.getTimeZone("Asia/Ho_Chi_Minh"), new ULocale("vi_VN"), ASTRONOMY_ZONE);
        }
    }
}
