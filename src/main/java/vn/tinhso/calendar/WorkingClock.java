package vn.tinhso.calendar;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.function.Predicate;

/**
 * Arithmetic in working time: the working days of the calendar crossed with the working hours of
 * a day. Working time is a union of half-open intervals [start, end). Moments are local times in
 * Vietnam (one zone, no daylight saving).
 *
 * <ul>
 * <li>A moment outside working time is first moved to the next working moment (the start of the
 *     next working interval).</li>
 * <li>Adding an amount ends exactly when that much working time has passed; an amount that uses
 *     up an interval ends at its end (17:00 the same day, not 07:00 the next).</li>
 * <li>N working days are N times the working time of one day, so received on Friday at 16:00,
 *     due in 1 working day, means due on Monday at 16:00.</li>
 * </ul>
 */
final class WorkingClock {

    /** Ten years without a single working day means a broken calendar, not a long wait. */
    private static final int MAX_IDLE_DAYS = 3660;

    private final Predicate<LocalDate> workingDay;
    private final WorkingHours hours;

    WorkingClock(Predicate<LocalDate> workingDay, WorkingHours hours) {
        this.workingDay = workingDay;
        this.hours = hours;
    }

    WorkingHours hours() {
        return hours;
    }

    boolean isWorkingTime(LocalDateTime moment) {
        if (!workingDay.test(moment.toLocalDate())) {
            return false;
        }
        return hours.intervals().stream().anyMatch(i -> !moment.toLocalTime().isBefore(i.start())
                && moment.toLocalTime().isBefore(i.end()));
    }

    /** The moment itself inside working time, else the start of the next working interval. */
    LocalDateTime nextWorkingMoment(LocalDateTime moment) {
        return plus(moment, Duration.ZERO);
    }

    /** The moment when {@code days} working days have passed since {@code from}. */
    LocalDateTime plusDays(LocalDateTime from, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("days must not be negative: " + days);
        }
        return plus(from, hours.perDay().multipliedBy(days));
    }

    /** The moment when {@code amount} of working time has passed since {@code from}. */
    LocalDateTime plus(LocalDateTime from, Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("amount must not be negative: " + amount);
        }
        Duration remaining = amount;
        LocalDate day = from.toLocalDate();
        int idle = 0;
        while (true) {
            if (workingDay.test(day)) {
                idle = 0;
                for (WorkingHours.Interval interval : hours.intervals()) {
                    LocalDateTime start = later(day.atTime(interval.start()), from);
                    LocalDateTime end = day.atTime(interval.end());
                    if (start.isBefore(end)) {
                        Duration available = Duration.between(start, end);
                        if (remaining.compareTo(available) <= 0) {
                            return start.plus(remaining);
                        }
                        remaining = remaining.minus(available);
                    }
                }
            } else if (++idle > MAX_IDLE_DAYS) {
                throw new IllegalStateException("No working day in " + MAX_IDLE_DAYS + " days after " + day);
            }
            day = day.plusDays(1);
        }
    }

    /** Working time from {@code from} to {@code to}; negative when {@code to} comes first. */
    Duration between(LocalDateTime from, LocalDateTime to) {
        if (to.isBefore(from)) {
            return between(to, from).negated();
        }
        Duration total = Duration.ZERO;
        for (LocalDate day = from.toLocalDate(); !day.isAfter(to.toLocalDate()); day = day.plusDays(1)) {
            if (workingDay.test(day)) {
                for (WorkingHours.Interval interval : hours.intervals()) {
                    LocalDateTime start = later(day.atTime(interval.start()), from);
                    LocalDateTime end = earlier(day.atTime(interval.end()), to);
                    if (start.isBefore(end)) {
                        total = total.plus(Duration.between(start, end));
                    }
                }
            }
        }
        return total;
    }

    private static LocalDateTime later(LocalDateTime a, LocalDateTime b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDateTime earlier(LocalDateTime a, LocalDateTime b) {
        return a.isBefore(b) ? a : b;
    }
}
