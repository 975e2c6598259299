package vn.tinhso.calendar;

import java.util.Locale;
import org.springframework.context.MessageSource;

/** Names days off in Vietnamese and English from the {@code calendar.holiday.*} messages. */
final class HolidayNames {

    static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private final MessageSource messages;

    HolidayNames(MessageSource messages) {
        this.messages = messages;
    }

    DayOff dayOff(HolidayDay day) {
        return new DayOff(day.date(), day.kind(), name(day, VIETNAMESE), name(day, Locale.ENGLISH));
    }

    /** Two holidays on one date (Giỗ Tổ can fall on 30/4) keep both names on one day off. */
    static DayOff merge(DayOff first, DayOff second) {
        return new DayOff(first.date(), first.kind(), first.nameVi() + "; " + second.nameVi(),
                first.nameEn() + "; " + second.nameEn());
    }

    private String name(HolidayDay day, Locale locale) {
        String base = messages.getMessage("calendar.holiday." + day.holiday().name(), null, locale);
        if (day.kind() == DayOffKind.SUBSTITUTE) {
            return messages.getMessage("calendar.holiday.substitute", new Object[] {base}, locale);
        }
        if (day.holiday() == Holiday.LUNAR_NEW_YEAR && day.lunar() != null) {
            return messages.getMessage("calendar.holiday.lunarDay", new Object[] {base,
                    String.valueOf(day.lunar().day()), String.valueOf(day.lunar().month())}, locale);
        }
        return base;
    }
}
