package vn.tinhso.services;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.tinhso.identity.Role;
import vn.tinhso.identity.SignedInUser;
import vn.tinhso.shared.ErrorCode;
import vn.tinhso.shared.InvalidInput;
import vn.tinhso.shared.InvalidInput.Violation;
import vn.tinhso.shared.PageResult;
import vn.tinhso.shared.TinhSoException;
import vn.tinhso.units.Agency;
import vn.tinhso.units.AgencyLevel;
import vn.tinhso.units.AgencyManagement;

/**
 * Staff screens of the catalogue. Administrators manage every procedure, import and export;
 * officers and leaders edit the procedures of their agencies; publishing and retiring is for
 * administrators and the agency's leaders.
 */
@Controller
class ProcedureAdminPages {

    private static final int BLANK_ROWS = 3;

    private final ProcedureManagement procedures;
    private final AgencyManagement agencies;
    private final PageErrors errors;

    ProcedureAdminPages(ProcedureManagement procedures, AgencyManagement agencies, PageErrors errors) {
        this.procedures = procedures;
        this.agencies = agencies;
        this.errors = errors;
    }

    @GetMapping("/staff/procedures")
    @PreAuthorize("hasAnyRole('ADMIN', 'OFFICER', 'LEADER')")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) ProcedureStatus status,
            @RequestParam(defaultValue = "0") int page, @AuthenticationPrincipal SignedInUser user, Model model,
            Locale locale) {
        String agency = null;
        if (!isAdmin(user)) {
            List<String> own = ownAgencyCodes(user);
            agency = own.isEmpty() ? "-" : own.get(0);
        }
        ProcedureSearch search = procedures.search(new ProcedureQuery(q, null, null, agency, null, status, "name", true),
                new PageResult.Request(page, 30), locale);
        model.addAttribute("result", search.result()).addAttribute("q", q).addAttribute("status", status)
                .addAttribute("admin", isAdmin(user));
        return "services/staff-procedures";
    }

    @GetMapping("/staff/procedures/new")
    @PreAuthorize("hasAnyRole('ADMIN', 'OFFICER', 'LEADER')")
    String create(@AuthenticationPrincipal SignedInUser user, Model model) {
        return editor(null, null, Map.of(), user, model);
    }

    @GetMapping("/staff/procedures/{code}/edit")
    @PreAuthorize("hasAnyRole('ADMIN', 'OFFICER', 'LEADER')")
    String edit(@PathVariable String code, @AuthenticationPrincipal SignedInUser user, Model model) {
        Procedure procedure = procedures.get(code);
        requireEditor(procedure.agencyCode(), user);
        return editor(procedure, ProcedureInput.of(procedure), Map.of(), user, model);
    }

    private String editor(Procedure existing, ProcedureInput input, Map<String, String> problems, SignedInUser user,
            Model model) {
        ProcedureInput in = input != null ? input : new ProcedureInput(null, null, null, List.of(), null,
                Procedure.OnlineLevel.FULL, null, List.of(), List.of(), List.of(), null, List.of(), null, null, null,
                null);
        List<Procedure.Fee> fees = new ArrayList<>(in.fees());
        List<Procedure.RequiredDocument> docs = new ArrayList<>(in.documents());
        List<EForm.Field> fields = new ArrayList<>(in.form() == null ? List.of() : in.form().fields());
        for (int i = 0; i < BLANK_ROWS; i++) {
            fees.add(new Procedure.Fee(null, null, null));
            docs.add(new Procedure.RequiredDocument(null, 1, 0, true, null));
            fields.add(new EForm.Field(null, null, null, null, false, null, null, null, null, null, null));
        }
        Map<Procedure.Channel, Procedure.Method> methods = new LinkedHashMap<>();
        for (Procedure.Channel c : Procedure.Channel.values()) {
            methods.put(c, in.methods().stream().filter(m -> m.method() == c).findFirst().orElse(null));
        }
        model.addAttribute("existing", existing).addAttribute("in", in).addAttribute("fees", fees)
                .addAttribute("docs", docs).addAttribute("fields", fields).addAttribute("methods", methods)
                .addAttribute("domains", procedures.domains()).addAttribute("errors", problems)
                .addAttribute("agencies", editableAgencies(user)).addAttribute("admin", isAdmin(user))
                .addAttribute("fieldTypes", EForm.FieldType.values()).addAttribute("newline", "\n");
        return "services/staff-procedure";
    }

    @PostMapping("/staff/procedures")
    @PreAuthorize("hasAnyRole('ADMIN', 'OFFICER', 'LEADER')")
    String save(@RequestParam MultiValueMap<String, String> params,
            org.springframework.web.multipart.MultipartHttpServletRequest request,
            @AuthenticationPrincipal SignedInUser user, Model model, RedirectAttributes redirect) {
        boolean creating = !"false".equals(params.getFirst("creating"));
        List<Violation> violations = new ArrayList<>();
        ProcedureInput input;
        try {
            input = read(params, violations);
        } catch (IllegalArgumentException e) {
            throw TinhSoException.of(ErrorCode.MALFORMED_REQUEST); // a value no form of ours sends
        }
        Procedure existing = creating ? null : procedures.get(input.code());
        if (existing != null) {
            requireEditor(existing.agencyCode(), user);
        }
        requireEditor(input.agency(), user);
        try {
            InvalidInput.throwIfAny(violations);
            input = withTemplates(input, params, request);
            Procedure saved = procedures.save(input, creating);
            redirect.addFlashAttribute("saved", saved.code());
            return "redirect:/staff/procedures/" + saved.code() + "/edit";
        } catch (TinhSoException e) {
            if (e.code() == ErrorCode.FORBIDDEN || e.code() == ErrorCode.PROCEDURE_NOT_FOUND) {
                throw e;
            }
            Map<String, String> problems = new LinkedHashMap<>(errors.of(violations));
            problems.putAll(errors.of(e));
            return editor(existing, input, problems, user, model);
        }
    }

    @PostMapping("/staff/procedures/{code}/publish")
    @PreAuthorize("hasAnyRole('ADMIN', 'LEADER')")
    String publish(@PathVariable String code, @AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) {
        requirePublisher(procedures.get(code).agencyCode(), user);
        procedures.publish(code);
        redirect.addFlashAttribute("published", code);
        return "redirect:/staff/procedures/" + code + "/edit";
    }

    @PostMapping("/staff/procedures/{code}/retire")
    @PreAuthorize("hasAnyRole('ADMIN', 'LEADER')")
    String retire(@PathVariable String code, @AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) {
        requirePublisher(procedures.get(code).agencyCode(), user);
        procedures.retire(code);
        redirect.addFlashAttribute("retired", code);
        return "redirect:/staff/procedures/" + code + "/edit";
    }

    @PostMapping("/staff/procedures/import")
    @PreAuthorize("hasRole('ADMIN')")
    String importFile(@RequestParam(name = "file", required = false) MultipartFile file, RedirectAttributes redirect) {
        if (file == null || file.isEmpty()) {
            redirect.addFlashAttribute("importErrors", errors.of(new TinhSoException(ErrorCode.FILE_EMPTY, "file")));
            return "redirect:/staff/procedures";
        }
        try (InputStream in = file.getInputStream()) {
            String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename().toLowerCase(Locale.ROOT);
            ImportReport report = name.endsWith(".csv")
                    ? procedures.importCsv(new InputStreamReader(in, StandardCharsets.UTF_8))
                    : procedures.importJson(in);
            if (report.saved()) {
                redirect.addFlashAttribute("imported", report);
            } else {
                redirect.addFlashAttribute("importErrors", errors.of(report.errors()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "redirect:/staff/procedures";
    }

    /** Stores the template files uploaded with the form on the documents they belong to. */
    private ProcedureInput withTemplates(ProcedureInput input, MultiValueMap<String, String> params,
            org.springframework.web.multipart.MultipartHttpServletRequest request) {
        List<Procedure.RequiredDocument> docs = new ArrayList<>();
        int row = 0;
        for (Procedure.RequiredDocument d : input.documents()) {
            while (text(params.getFirst("doc[" + row + "].name")) == null) {
                row++;
            }
            MultipartFile upload = request.getFile("doc[" + row + "].templateUpload");
            row++;
            if (upload == null || upload.isEmpty()) {
                docs.add(d);
                continue;
            }
            try (InputStream in = upload.getInputStream()) {
                docs.add(new Procedure.RequiredDocument(d.name(), d.originals(), d.copies(), d.required(), d.template(),
                        procedures.storeTemplate(in, upload.getOriginalFilename())));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new ProcedureInput(input.code(), input.name(), input.domain(), input.levels(), input.agency(),
                input.onlineLevel(), input.applicants(), input.methods(), input.fees(), docs, input.result(),
                input.legalBasis(), input.conditions(), input.form(), input.status(), input.demo());
    }

    // ------------------------------------------------------------------ access

    private static boolean isAdmin(SignedInUser user) {
        return user.grants().stream().anyMatch(g -> g.role() == Role.ADMIN);
    }

    private List<String> ownAgencyCodes(SignedInUser user) {
        Set<Long> ids = user.grants().stream().filter(g -> g.agencyId() != null).map(g -> g.agencyId())
                .collect(Collectors.toSet());
        return agencies.all().stream().filter(a -> ids.contains(a.id())).map(Agency::code).toList();
    }

    private List<Agency> editableAgencies(SignedInUser user) {
        List<Agency> province = agencies.all().stream().filter(a -> a.level() == AgencyLevel.PROVINCE).toList();
        if (isAdmin(user)) {
            return province;
        }
        List<String> own = ownAgencyCodes(user);
        return province.stream().filter(a -> own.contains(a.code())).toList();
    }

    /** Officers edit only their agencies' procedures; commune procedures (no agency) are administrators'. */
    private void requireEditor(String agencyCode, SignedInUser user) {
        if (!isAdmin(user) && (agencyCode == null || !ownAgencyCodes(user).contains(agencyCode))) {
            throw TinhSoException.of(ErrorCode.FORBIDDEN);
        }
    }

    private void requirePublisher(String agencyCode, SignedInUser user) {
        if (isAdmin(user)) {
            return;
        }
        Set<Long> led = user.agencies(Role.LEADER);
        boolean leads = agencyCode != null && agencies.findByCode(agencyCode).map(a -> led.contains(a.id())).orElse(false);
        if (!leads) {
            throw TinhSoException.of(ErrorCode.FORBIDDEN);
        }
    }

    // ------------------------------------------------------------------ reading the form

    private static ProcedureInput read(MultiValueMap<String, String> p, List<Violation> violations) {
        List<Procedure.Level> levels = new ArrayList<>();
        for (String l : p.getOrDefault("levels", List.of())) {
            levels.add(Procedure.Level.valueOf(l));
        }
        List<Procedure.Method> methods = new ArrayList<>();
        for (Procedure.Channel c : Procedure.Channel.values()) {
            if (p.getFirst("m." + c + ".on") != null) {
                int days = integer(p.getFirst("m." + c + ".days"), "methods." + c, violations, 0);
                Integer hours = blank(p.getFirst("m." + c + ".hours")) ? null
                        : integer(p.getFirst("m." + c + ".hours"), "methods." + c, violations, 0);
                methods.add(new Procedure.Method(c, days, hours, text(p.getFirst("m." + c + ".note"))));
            }
        }
        List<Procedure.Fee> fees = new ArrayList<>();
        for (int i = 0; p.containsKey("fee[" + i + "].description"); i++) {
            String d = text(p.getFirst("fee[" + i + "].description"));
            if (d != null) {
                String kind = p.getFirst("fee[" + i + "].kind");
                String amount = p.getFirst("fee[" + i + "].amount");
                fees.add(new Procedure.Fee(d, kind == null ? null : Procedure.FeeKind.valueOf(kind),
                        blank(amount) ? null : (long) integer(amount.replace(".", ""), "fees[" + i + "]", violations, 0)));
            }
        }
        List<Procedure.RequiredDocument> docs = new ArrayList<>();
        for (int i = 0; p.containsKey("doc[" + i + "].name"); i++) {
            String name = text(p.getFirst("doc[" + i + "].name"));
            if (name != null) {
                String file = text(p.getFirst("doc[" + i + "].templateFile"));
                docs.add(new Procedure.RequiredDocument(name,
                        integer(p.getFirst("doc[" + i + "].originals"), "documents[" + i + "]", violations, 0),
                        integer(p.getFirst("doc[" + i + "].copies"), "documents[" + i + "]", violations, 0),
                        p.getFirst("doc[" + i + "].required") != null, text(p.getFirst("doc[" + i + "].template")),
                        file == null ? null : java.util.UUID.fromString(file)));
            }
        }
        List<EForm.Field> fields = new ArrayList<>();
        for (int i = 0; p.containsKey("field[" + i + "].name"); i++) {
            String name = text(p.getFirst("field[" + i + "].name"));
            if (name == null) {
                continue;
            }
            String at = "form.fields[" + fields.size() + "]";
            String type = p.getFirst("field[" + i + "].type");
            fields.add(new EForm.Field(name, text(p.getFirst("field[" + i + "].label")),
                    text(p.getFirst("field[" + i + "].labelEn")), blank(type) ? null : EForm.FieldType.valueOf(type),
                    p.getFirst("field[" + i + "].required") != null,
                    blank(p.getFirst("field[" + i + "].maxLength")) ? null
                            : integer(p.getFirst("field[" + i + "].maxLength"), at + ".maxLength", violations, 1),
                    decimal(p.getFirst("field[" + i + "].min"), at + ".min", violations),
                    decimal(p.getFirst("field[" + i + "].max"), at + ".max", violations),
                    options(p.getFirst("field[" + i + "].options")), text(p.getFirst("field[" + i + "].help")), null));
        }
        String online = p.getFirst("onlineLevel");
        String status = p.getFirst("status");
        return new ProcedureInput(text(p.getFirst("code")), text(p.getFirst("name")), text(p.getFirst("domain")),
                levels, text(p.getFirst("agency")), blank(online) ? null : Procedure.OnlineLevel.valueOf(online),
                text(p.getFirst("applicants")), methods, fees, docs, text(p.getFirst("result")),
                lines(p.getFirst("legalBasis")), text(p.getFirst("conditions")),
                fields.isEmpty() ? null : new EForm(fields),
                blank(status) ? null : ProcedureStatus.valueOf(status), null);
    }

    /** Options written one per line as {@code value = Nhãn}. */
    private static List<EForm.Option> options(String text) {
        List<EForm.Option> options = new ArrayList<>();
        for (String line : lines(text)) {
            int eq = line.indexOf('=');
            String value = (eq < 0 ? line : line.substring(0, eq)).strip();
            String label = (eq < 0 ? line : line.substring(eq + 1)).strip();
            options.add(new EForm.Option(value, label, null));
        }
        return options;
    }

    private static List<String> lines(String text) {
        return text == null ? List.of() : text.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static String text(String text) {
        return blank(text) ? null : text.strip();
    }

    private static int integer(String text, String field, List<Violation> violations, int fallback) {
        try {
            return blank(text) ? fallback : Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            violations.add(new Violation(field, "invalid.number"));
            return fallback;
        }
    }

    private static BigDecimal decimal(String text, String field, List<Violation> violations) {
        try {
            return blank(text) ? null : new BigDecimal(text.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            violations.add(new Violation(field, "invalid.number"));
            return null;
        }
    }
}
