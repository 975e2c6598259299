package vn.tinhso.calendar;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.tinhso.shared.ErrorCode;
import vn.tinhso.shared.TinhSoException;
import vn.tinhso.shared.Zones;

/** The working calendar and deadlines for anyone; the year's adjustments for administrators. */
@RestController
@RequestMapping("/api/v1/calendar")
@Tag(name = "Calendar", description = "Working days, public holidays, make-up days and deadlines in working time")
class CalendarApiController {

    /** A deadline: {@code due} is when the working time from {@code start} (or {@code from}) has passed. */
    record Deadline(OffsetDateTime from, OffsetDateTime start, OffsetDateTime due, Integer workingDays,
            Integer workingHours, Long agency, String hoursOfDay) {
    }

    /** Working time between two moments, in minutes, hours and working days of the hours of day. */
    record WorkingTime(OffsetDateTime from, OffsetDateTime to, long minutes, double hours, double workingDays,
            Long agency, String hoursOfDay) {
    }

    /** Whether a date is worked and, if not for a weekly rest, why. */
    record Day(LocalDate date, boolean workingDay, DayOff dayOff) {
    }

    /** An agency's working hours; {@code own} is false when it works the default hours. */
    record AgencyWorkingHours(long agency, String hours, boolean own, long minutesPerDay) {
    }

    /** What an administrator sends to declare a date. */
    record AdjustmentRequest(String date, String kind, String reason) {
    }

    /** What an administrator sends to set an agency's working hours, e.g. {@code 07:30-11:30,13:30-17:00}. */
    record HoursRequest(String hours) {
    }

    private final CalendarManagement calendar;

    CalendarApiController(CalendarManagement calendar) {
        this.calendar = calendar;
    }

    @GetMapping("/{year}")
    @PreAuthorize("permitAll()")
    @Operation(summary = "The year's days off (holidays, substitutes, declared days off) and make-up working days")
    YearCalendar year(@PathVariable String year) {
        return calendar.year(CalendarInputs.year(year));
    }

    @GetMapping("/days/{date}")
    @PreAuthorize("permitAll()")
    @Operation(summary = "Whether a date (yyyy-MM-dd) is a working day, and why not")
    Day day(@PathVariable String date) {
        LocalDate day = CalendarInputs.date(date, "date");
        CalendarInputs.year(String.valueOf(day.getYear()));
        return new Day(day, calendar.isWorkingDay(day), calendar.dayOff(day).orElse(null));
    }

    @GetMapping("/deadline")
    @PreAuthorize("permitAll()")
    @Operation(summary = "The due moment N working days or hours after a moment (local time in Vietnam, ISO)")
    Deadline deadline(@RequestParam(required = false) String from,
            @RequestParam(required = false) String workingDays, @RequestParam(required = false) String workingHours,
            @RequestParam(required = false) String agency) {
        LocalDateTime start = CalendarInputs.moment(from, "from");
        Integer days = CalendarInputs.count(workingDays, "workingDays", CalendarManagement.MAX_WORKING_DAYS);
        Integer hours = CalendarInputs.count(workingHours, "workingHours", CalendarManagement.MAX_WORKING_HOURS);
        Long agencyId = CalendarInputs.agency(agency);
        if ((days == null) == (hours == null)) {
            throw new TinhSoException(ErrorCode.VALIDATION_FAILED, "workingDays", new DefaultMessageSourceResolvable(
                    new String[] {"calendar.error.daysOrHours"}, null, "workingDays"));
        }
        Instant moment = instant(start);
        Instant due = days != null
                ? (agencyId == null ? calendar.addWorkingDays(moment, days) : calendar.addWorkingDays(moment, days, agencyId))
                : (agencyId == null ? calendar.addWorkingHours(moment, Duration.ofHours(hours))
                        : calendar.addWorkingHours(moment, Duration.ofHours(hours), agencyId));
        Instant counted = agencyId == null ? calendar.nextWorkingMoment(moment)
                : calendar.nextWorkingMoment(moment, agencyId);
        return new Deadline(offset(moment), offset(counted), offset(due), days, hours, agencyId, hours(agencyId));
    }

    @GetMapping("/working-time")
    @PreAuthorize("permitAll()")
    @Operation(summary = "Working time between two moments (local time in Vietnam, ISO); negative when to < from")
    WorkingTime workingTime(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String agency) {
        Instant start = instant(CalendarInputs.moment(from, "from"));
        Instant end = instant(CalendarInputs.moment(to, "to"));
        Long agencyId = CalendarInputs.agency(agency);
        Duration time = agencyId == null ? calendar.workingTimeBetween(start, end)
                : calendar.workingTimeBetween(start, end, agencyId);
        long perDay = (agencyId == null ? calendar.workingHours() : calendar.workingHours(agencyId)).perDay().toMinutes();
        return new WorkingTime(offset(start), offset(end), time.toMinutes(), round(time.toMinutes() / 60.0),
                round((double) time.toMinutes() / perDay), agencyId, hours(agencyId));
    }

    @GetMapping("/agencies/{agency}/working-hours")
    @PreAuthorize("permitAll()")
    @Operation(summary = "An agency's working hours (its own, or the default)")
    AgencyWorkingHours agencyHours(@PathVariable String agency) {
        long id = CalendarInputs.agency(agency);
        WorkingHours own = calendar.agencyWorkingHours().get(id);
        WorkingHours hours = own != null ? own : calendar.workingHours();
        return new AgencyWorkingHours(id, hours.toString(), own != null, hours.perDay().toMinutes());
    }

    @PutMapping("/agencies/{agency}/working-hours")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Give an agency its own working hours (administrators)")
    AgencyWorkingHours setAgencyHours(@PathVariable String agency, @RequestBody HoursRequest request) {
        long id = CalendarInputs.agency(agency);
        WorkingHours hours = calendar.setAgencyWorkingHours(id, WorkingHours.parse(request.hours()));
        return new AgencyWorkingHours(id, hours.toString(), true, hours.perDay().toMinutes());
    }

    @DeleteMapping("/agencies/{agency}/working-hours")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "An agency works the default hours again (administrators)")
    void removeAgencyHours(@PathVariable String agency) {
        calendar.removeAgencyWorkingHours(CalendarInputs.agency(agency));
    }

    @GetMapping("/adjustments")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Declared make-up working days and days off, of a year or all (administrators)")
    List<Adjustment> adjustments(@RequestParam(required = false) String year) {
        return year == null || year.isBlank() ? calendar.adjustments() : calendar.adjustments(CalendarInputs.year(year));
    }

    @PostMapping("/adjustments")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Declare a make-up working day (on a weekend) or a day off (on a working day) (administrators)")
    Adjustment addAdjustment(@RequestBody AdjustmentRequest request) {
        return calendar.addAdjustment(CalendarInputs.date(request.date(), "date"), CalendarInputs.kind(request.kind()),
                request.reason());
    }

    @DeleteMapping("/adjustments/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Remove a declared make-up working day or day off (administrators)")
    void removeAdjustment(@PathVariable long id) {
        calendar.removeAdjustment(id);
    }

    private String hours(Long agencyId) {
        return (agencyId == null ? calendar.workingHours() : calendar.workingHours(agencyId)).toString();
    }

    private static Instant instant(LocalDateTime local) {
        return local.atZone(Zones.VIETNAM).toInstant();
    }

    private static OffsetDateTime offset(Instant moment) {
        return moment.atZone(Zones.VIETNAM).toOffsetDateTime();
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
