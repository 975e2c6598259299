package vn.tinhso.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import vn.tinhso.shared.Actor;
import vn.tinhso.shared.ErrorCode;
import vn.tinhso.shared.TinhSoException;
import vn.tinhso.shared.VietnameseText;
import vn.tinhso.shared.Zones;

/**
 * Vietnam's working calendar and deadline arithmetic in working days and hours.
 *
 * <p>A working day is a day that is not a weekly rest day (Saturday, Sunday), a public holiday
 * (Labour Code 2019 art. 112), a substitute for a holiday on a rest day (art. 111(3)) or a day off
 * declared by an administrator; or a rest day declared a make-up working day. Working time is the
 * working hours (by default 07:00-11:30 and 13:30-17:00; an agency may have its own) of working
 * days. Deadlines: a moment outside working time counts from the next working moment; N working
 * days are N times a day's working time, so Friday 16:00 plus 1 working day is Monday 16:00; an
 * amount that ends with an interval ends at its end (17:00). Reads come from memory.
 */
@Service
public class CalendarManagement {

    /** The first year the calendar answers for. */
    public static final int FIRST_YEAR = 1900;
    /** The last year the calendar answers for. */
    public static final int LAST_YEAR = 2100;
    static final int FIRST_ADJUSTMENT_YEAR = 2000;
    static final int MAX_WORKING_DAYS = 1000;
    static final int MAX_WORKING_HOURS = 10_000;
    static final int MAX_REASON_LENGTH = 200;

    private final CalendarSettings settings;
    private final CalendarCache cache;
    private final Adjustments adjustments;
    private final AgencyHours agencyHours;
    private final ApplicationEventPublisher events;
    private final CalendarRules rules;

    CalendarManagement(CalendarSettings settings, CalendarCache cache, Adjustments adjustments,
            AgencyHours agencyHours, ApplicationEventPublisher events) {
        this.settings = settings;
        this.cache = cache;
        this.adjustments = adjustments;
        this.agencyHours = agencyHours;
        this.events = events;
        this.rules = new CalendarRules(settings, cache, adjustments);
    }

    /** Whether the date is worked: not a rest day nor a day off, or a make-up working day. */
    public boolean isWorkingDay(LocalDate date) {
        return cache.isWorkingDay(date);
    }

    /** The day off on that date (a holiday on a rest day included), if any. */
    public Optional<DayOff> dayOff(LocalDate date) {
        return Optional.ofNullable(cache.year(date.getYear()).dayOff(date));
    }

    /** The year's days off with their reasons, and its make-up working days, by date. */
    public YearCalendar year(int year) {
        YearDays days = cache.year(year);
        return new YearCalendar(year, settings.weeklyRestDays().stream().sorted().toList(),
                settings.defaultWorkingHours().toString(), List.copyOf(days.daysOff()), List.copyOf(days.makeUpDays()));
    }

    /** The year's days off with their reasons, by date. */
    public List<DayOff> daysOff(int year) {
        return List.copyOf(cache.year(year).daysOff());
    }

    /** The working hours of a day for agencies without their own. */
    public WorkingHours workingHours() {
        return settings.defaultWorkingHours();
    }

    /** The agency's working hours: its own if an administrator set them, else the default. */
    public WorkingHours workingHours(long agencyId) {
        WorkingHours own = cache.agencyHours().get(agencyId);
        return own != null ? own : settings.defaultWorkingHours();
    }

    /** Agencies with working hours of their own. */
    public Map<Long, WorkingHours> agencyWorkingHours() {
        return cache.agencyHours();
    }

    /** The moment {@code days} working days (of the default hours) after {@code from}. */
    public Instant addWorkingDays(Instant from, int days) {
        return addWorkingDays(from, days, settings.defaultWorkingHours());
    }

    /** The moment {@code days} working days of the agency after {@code from}. */
    public Instant addWorkingDays(Instant from, int days, long agencyId) {
        return addWorkingDays(from, days, workingHours(agencyId));
    }

    /** The moment {@code amount} of working time (default hours) after {@code from}. */
    public Instant addWorkingHours(Instant from, Duration amount) {
        return addWorkingHours(from, amount, settings.defaultWorkingHours());
    }

    /** The moment {@code amount} of the agency's working time after {@code from}. */
    public Instant addWorkingHours(Instant from, Duration amount, long agencyId) {
        return addWorkingHours(from, amount, workingHours(agencyId));
    }

    /** Working time (default hours) from {@code from} to {@code to}; negative when {@code to} is earlier. */
    public Duration workingTimeBetween(Instant from, Instant to) {
        return clock(settings.defaultWorkingHours()).between(local(from), local(to));
    }

    /** The agency's working time from {@code from} to {@code to}; negative when {@code to} is earlier. */
    public Duration workingTimeBetween(Instant from, Instant to, long agencyId) {
        return clock(workingHours(agencyId)).between(local(from), local(to));
    }

    /** Whether the moment is inside working time (default hours); interval ends are outside. */
    public boolean isWorkingTime(Instant moment) {
        return clock(settings.defaultWorkingHours()).isWorkingTime(local(moment));
    }

    /** Whether the moment is inside the agency's working time. */
    public boolean isWorkingTime(Instant moment, long agencyId) {
        return clock(workingHours(agencyId)).isWorkingTime(local(moment));
    }

    /** The moment itself when inside working time (default hours), else the next working moment. */
    public Instant nextWorkingMoment(Instant moment) {
        return instant(clock(settings.defaultWorkingHours()).nextWorkingMoment(local(moment)));
    }

    /** The moment itself when inside the agency's working time, else its next working moment. */
    public Instant nextWorkingMoment(Instant moment, long agencyId) {
        return instant(clock(workingHours(agencyId)).nextWorkingMoment(local(moment)));
    }

    /** Administrators' make-up working days and days off of the year, by date. */
    public List<Adjustment> adjustments(int year) {
        CalendarRules.checkYear(year, FIRST_YEAR, "year");
        return adjustments.inYear(year);
    }

    /** All administrators' make-up working days and days off, latest first. */
    public List<Adjustment> adjustments() {
        return adjustments.all();
    }

    /**
     * Declares a make-up working day (on a weekly rest day that is no holiday) or a day off (on a
     * normal working day), as the government announced; one declaration per date.
     */
    @Transactional
    public Adjustment addAdjustment(LocalDate date, AdjustmentKind kind, String reason) {
        String text = reason == null ? "" : VietnameseText.clean(reason);
        rules.checkAdjustment(date, kind, text);
        long id = adjustments.insert(date, kind, text, Actor.current().name());
        Adjustment added = adjustments.byId(id).orElseThrow();
        events.publishEvent(new CalendarAdjusted(id, date, kind, text, "added", Actor.current()));
        evictAfterCompletion(date.getYear());
        return added;
    }

    /** Removes a declaration (and returns it); the date is again what the law and the weekly rest make it. */
    @Transactional
    public Adjustment removeAdjustment(long id) {
        Adjustment adjustment = adjustments.byId(id)
                .orElseThrow(() -> TinhSoException.of(ErrorCode.NOT_FOUND, String.valueOf(id)));
        adjustments.delete(id);
        events.publishEvent(new CalendarAdjusted(id, adjustment.date(), adjustment.kind(), adjustment.reason(),
                "removed", Actor.current()));
        evictAfterCompletion(adjustment.date().getYear());
        return adjustment;
    }

    /** Gives an agency (the units module's identifier) its own working hours. */
    @Transactional
    public WorkingHours setAgencyWorkingHours(long agencyId, WorkingHours hours) {
        CalendarRules.checkAgency(agencyId);
        agencyHours.save(agencyId, hours, Actor.current().name());
        events.publishEvent(new AgencyWorkingHoursChanged(agencyId, hours.toString(), "set", Actor.current()));
        afterCompletion(cache::evictAgencyHours);
        return hours;
    }

    /** The agency works the default hours again. */
    @Transactional
    public void removeAgencyWorkingHours(long agencyId) {
        CalendarRules.checkAgency(agencyId);
        if (!agencyHours.delete(agencyId)) {
            throw TinhSoException.of(ErrorCode.NOT_FOUND, String.valueOf(agencyId));
        }
        events.publishEvent(new AgencyWorkingHoursChanged(agencyId, settings.defaultWorkingHours().toString(),
                "removed", Actor.current()));
        afterCompletion(cache::evictAgencyHours);
    }

    private Instant addWorkingDays(Instant from, int days, WorkingHours hours) {
        CalendarRules.checkAmount(days, MAX_WORKING_DAYS, "workingDays");
        return instant(clock(hours).plusDays(local(from), days));
    }

    private Instant addWorkingHours(Instant from, Duration amount, WorkingHours hours) {
        if (amount.isNegative() || amount.compareTo(Duration.ofHours(MAX_WORKING_HOURS)) > 0) {
            throw CalendarRules.outOfRange("workingHours", MAX_WORKING_HOURS);
        }
        return instant(clock(hours).plus(local(from), amount));
    }

    private WorkingClock clock(WorkingHours hours) {
        return new WorkingClock(cache::isWorkingDay, hours);
    }

    private void evictAfterCompletion(int year) {
        afterCompletion(() -> cache.evictYear(year));
    }

    /** Drops cached entries now and again once the transaction ends, so no reader keeps the old state. */
    private static void afterCompletion(Runnable evict) {
        evict.run();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    evict.run();
                }
            });
        }
    }

    private static LocalDateTime local(Instant moment) {
        return LocalDateTime.ofInstant(moment, Zones.VIETNAM);
    }

    private static Instant instant(LocalDateTime moment) {
        return moment.atZone(Zones.VIETNAM).toInstant();
    }
}
