package vn.tinhso.calendar;

import java.time.LocalDate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.tinhso.shared.ErrorCode;
import vn.tinhso.shared.TinhSoException;
import vn.tinhso.shared.Zones;

/** Administrators enter the year's make-up working days and extra days off, and delete them. */
@Controller
@RequestMapping("/admin/calendar")
class CalendarAdminPages {

    private final CalendarManagement calendar;
    private final FormErrors formErrors;

    CalendarAdminPages(CalendarManagement calendar, FormErrors formErrors) {
        this.calendar = calendar;
        this.formErrors = formErrors;
    }

    @GetMapping
    @PreAuthorize("hasRole('ADMIN')")
    String page(@ModelAttribute("adjustment") AdjustmentForm form, Model model) {
        return page(model);
    }

    @PostMapping("/adjustments")
    @PreAuthorize("hasRole('ADMIN')")
    String add(@ModelAttribute("adjustment") AdjustmentForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        Adjustment added = add(form, errors);
        if (added == null) {
            return page(model);
        }
        redirect.addFlashAttribute("added", Zones.DATE.format(added.date()));
        return "redirect:/admin/calendar";
    }

    @PostMapping("/adjustments/{id}/delete")
    @PreAuthorize("hasRole('ADMIN')")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute("removed", Zones.DATE.format(calendar.removeAdjustment(id).date()));
        } catch (TinhSoException e) {
            redirect.addFlashAttribute("gone", true); // removed meanwhile, e.g. in another tab
        }
        return "redirect:/admin/calendar";
    }

    /** Checks every field at once, so that all mistakes show together; null when refused. */
    private Adjustment add(AdjustmentForm form, BindingResult errors) {
        LocalDate date = null;
        AdjustmentKind kind = null;
        try {
            date = CalendarInputs.date(form.getDate(), "date");
        } catch (TinhSoException e) {
            formErrors.reject(errors, "date", e);
        }
        try {
            kind = CalendarInputs.kind(form.getKind());
            if (kind == null) {
                throw new TinhSoException(ErrorCode.INVALID_CALENDAR_ENTRY, "kind",
                        CalendarInputs.message("calendar.entry.kindRequired"));
            }
        } catch (TinhSoException e) {
            formErrors.reject(errors, "kind", e);
        }
        if (form.getReason() == null || form.getReason().isBlank()) {
            formErrors.reject(errors, "reason", new TinhSoException(ErrorCode.INVALID_CALENDAR_ENTRY, "reason",
                    CalendarInputs.message("calendar.entry.reasonRequired",
                            String.valueOf(CalendarManagement.MAX_REASON_LENGTH))));
        }
        if (errors.hasErrors()) {
            return null;
        }
        try {
            return calendar.addAdjustment(date, kind, form.getReason());
        } catch (TinhSoException e) {
            if (e.field() != null && errors.getFieldType(e.field()) != null) {
                formErrors.reject(errors, e.field(), e);
            } else {
                formErrors.reject(errors, e);
            }
            return null;
        }
    }

    private String page(Model model) {
        model.addAttribute("adjustments", calendar.adjustments());
        model.addAttribute("maxReason", CalendarManagement.MAX_REASON_LENGTH);
        model.addAttribute("kinds", AdjustmentKind.values());
        return "calendar/admin";
    }
}
