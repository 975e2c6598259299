package vn.tinhso.calendar;

import jakarta.servlet.http.HttpServletResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import vn.tinhso.shared.ErrorCode;
import vn.tinhso.shared.TinhSoException;
import vn.tinhso.shared.Zones;

/** The public working calendar of a year, with a deadline calculator. */
@Controller
class CalendarPages {

    /** What the calculator answers: when counting starts and when the deadline falls. */
    record DeadlineResult(LocalDateTime from, LocalDateTime start, LocalDateTime due) {
    }

    private final CalendarManagement calendar;
    private final FormErrors formErrors;

    CalendarPages(CalendarManagement calendar, FormErrors formErrors) {
        this.calendar = calendar;
        this.formErrors = formErrors;
    }

    @GetMapping("/calendar")
    @PreAuthorize("permitAll()")
    String year(@RequestParam(required = false) String year, @ModelAttribute("deadline") DeadlineForm deadline,
            BindingResult errors, Model model, HttpServletResponse response) {
        int shown = LocalDate.now(Zones.VIETNAM).getYear();
        if (year != null && !year.isBlank()) {
            try {
                shown = CalendarInputs.year(year);
            } catch (TinhSoException e) {
                model.addAttribute("yearError", formErrors.sentence(e));
                response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            }
        }
        YearCalendar days = calendar.year(shown);
        model.addAttribute("year", shown);
        model.addAttribute("calendar", days);
        model.addAttribute("months", CalendarMonth.of(days, "en".equals(LocaleContextHolder.getLocale().getLanguage())));
        model.addAttribute("weekdays", DayOfWeek.values());
        model.addAttribute("firstYear", CalendarManagement.FIRST_YEAR);
        model.addAttribute("lastYear", CalendarManagement.LAST_YEAR);
        if (!deadline.isEmpty()) {
            model.addAttribute("result", compute(deadline, errors));
        }
        return "calendar/year";
    }

    private DeadlineResult compute(DeadlineForm form, BindingResult errors) {
        LocalDateTime from = null;
        Integer amount = null;
        try {
            from = CalendarInputs.moment(form.getFrom(), "from");
        } catch (TinhSoException e) {
            formErrors.reject(errors, "from", e);
        }
        String field = form.inHours() ? "workingHours" : "workingDays";
        int max = form.inHours() ? CalendarManagement.MAX_WORKING_HOURS : CalendarManagement.MAX_WORKING_DAYS;
        try {
            amount = CalendarInputs.count(form.getAmount(), field, max);
            if (amount == null) {
                throw new TinhSoException(ErrorCode.VALIDATION_FAILED, field, CalendarInputs.message(
                        "calendar.error." + field, String.valueOf(max)));
            }
        } catch (TinhSoException e) {
            formErrors.reject(errors, "amount", e);
        }
        if (errors.hasErrors()) {
            return null;
        }
        Instant moment = from.atZone(Zones.VIETNAM).toInstant();
        try {
            Instant due = form.inHours() ? calendar.addWorkingHours(moment, Duration.ofHours(amount))
                    : calendar.addWorkingDays(moment, amount);
            return new DeadlineResult(from, local(calendar.nextWorkingMoment(moment)), local(due));
        } catch (TinhSoException e) {
            errors.rejectValue("from", "calendar.form.beyond", new Object[] {String.valueOf(CalendarManagement.LAST_YEAR)},
                    "beyond " + CalendarManagement.LAST_YEAR);
            return null;
        }
    }

    private static LocalDateTime local(Instant moment) {
        return LocalDateTime.ofInstant(moment, Zones.VIETNAM);
    }
}
