package vn.tinhso.services;

import java.io.InputStream;
import java.io.Reader;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import vn.tinhso.shared.Actor;
import vn.tinhso.shared.ErrorCode;
import vn.tinhso.shared.InvalidInput;
import vn.tinhso.shared.InvalidInput.Violation;
import vn.tinhso.shared.PageResult;
import vn.tinhso.shared.TinhSoException;
import vn.tinhso.shared.VietnameseText;
import vn.tinhso.units.Agency;
import vn.tinhso.units.AgencyLevel;
import vn.tinhso.units.AgencyManagement;

/** The catalogue of administrative procedures: search, read, edit, publish, retire, import, export. */
@Service
@Transactional(readOnly = true)
public class ProcedureManagement {


    private final ProcedureCatalogue catalogue;
    private final AgencyManagement agencies;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;
    private final vn.tinhso.files.FileManagement files;
    /** Owner of template files: only files of this owner are ever served as public templates. */
    static final String TEMPLATE_OWNER = "services-templates";
    private static final Set<String> TEMPLATE_TYPES = Set.of("application/pdf",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final ProcedureIndex index;

    ProcedureManagement(ProcedureCatalogue catalogue, ProcedureIndex index, AgencyManagement agencies,
            ApplicationEventPublisher events, MessageSource messages, vn.tinhso.files.FileManagement files) {
        this.index = index;
        this.files = files;
        this.catalogue = catalogue;
        this.agencies = agencies;
        this.events = events;
        this.messages = messages;
    }

    /** Procedures matching the query, with facet counts; published ones unless the query names a status. */
    public ProcedureSearch search(ProcedureQuery query, PageResult.Request paging, Locale locale) {
        ProcedureIndex.Result found = index.search(query, paging);
        PageResult<ProcedureSummary> page = found.page();
        Map<String, Agency> byCode = agencyIndex();
        Map<String, Domain> domains = found.domains();
        List<ProcedureSummary> items = page.items().stream().map(s -> new ProcedureSummary(s.code(), s.name(),
                s.domainCode(), domains.containsKey(s.domainCode()) ? domains.get(s.domainCode()).name(locale)
                        : s.domainName(), s.levels(), s.agencyCode(), agencyName(s.agencyCode(), byCode, locale),
                s.onlineLevel(), s.status(), s.days(), s.hours(), s.demo())).toList();
        Map<String, Map<String, Long>> facets = found.facets();
        List<ProcedureSearch.Facet> domainFacets = facets.get("domain").entrySet().stream()
                .map(e -> new ProcedureSearch.Facet(e.getKey(), domains.containsKey(e.getKey())
                        ? domains.get(e.getKey()).name(locale) : e.getKey(), e.getValue()))
                .sorted(java.util.Comparator.comparing(ProcedureSearch.Facet::label, VietnameseText.order()))
                .toList();
        List<ProcedureSearch.Facet> agencyFacets = facets.get("agency").entrySet().stream()
                .map(e -> new ProcedureSearch.Facet(e.getKey(), agencyName(
                        ProcedureQuery.COMMUNE_AGENCIES.equals(e.getKey()) ? null : e.getKey(), byCode, locale),
                        e.getValue()))
                .sorted(java.util.Comparator.comparing(ProcedureSearch.Facet::label, VietnameseText.order()))
                .toList();
        return new ProcedureSearch(new PageResult<>(items, page.page(), page.size(), page.total()), domainFacets,
                labelled(facets.get("level"), "procedure.level.", locale), agencyFacets,
                labelled(facets.get("online"), "procedure.online.", locale));
    }

    private List<ProcedureSearch.Facet> labelled(Map<String, Long> counts, String prefix, Locale locale) {
        return counts.entrySet().stream().map(e -> new ProcedureSearch.Facet(e.getKey(),
                messages.getMessage(prefix + e.getKey(), null, e.getKey(), locale), e.getValue())).toList();
    }

    private String agencyName(String code, Map<String, Agency> byCode, Locale locale) {
        if (code == null) {
            return messages.getMessage("procedure.agency.commune", null, "Ủy ban nhân dân cấp xã", locale);
        }
        Agency agency = byCode.get(code);
        return agency == null ? code : agency.name();
    }

    /** Provincial agencies by code, for the names in search results; read again at most every 30 s. */
    private Map<String, Agency> agencyIndex() {
        AgencyNames cached = agencyNames;
        if (cached == null || System.nanoTime() - cached.loadedAt() > 30_000_000_000L) {
            cached = new AgencyNames(agencies.all().stream().filter(a -> a.level() == AgencyLevel.PROVINCE)
                    .collect(Collectors.toMap(Agency::code, Function.identity(), (a, b) -> a)), System.nanoTime());
            agencyNames = cached;
        }
        return cached.byCode();
    }

    private record AgencyNames(Map<String, Agency> byCode, long loadedAt) {
    }

    private volatile AgencyNames agencyNames;

    /** The name of the agency performing the procedure, as {@link #search} shows it. */
    public String agencyName(Procedure procedure, Locale locale) {
        return agencyName(procedure.agencyCode(), procedure.agencyCode() == null ? Map.of()
                : agencies.findByCode(procedure.agencyCode()).map(a -> Map.of(a.code(), a)).orElse(Map.of()), locale);
    }

    /** A published or retired procedure, as the public sees it; PROCEDURE_NOT_FOUND for drafts. */
    public Procedure published(String code) {
        Procedure procedure = get(code);
        if (procedure.status() == ProcedureStatus.DRAFT) {
            throw TinhSoException.of(ErrorCode.PROCEDURE_NOT_FOUND, code);
        }
        return procedure;
    }

    /** Any procedure, for staff. */
    public Procedure get(String code) {
        return catalogue.byCode(code == null ? "" : code.strip())
                .orElseThrow(() -> TinhSoException.of(ErrorCode.PROCEDURE_NOT_FOUND, String.valueOf(code)));
    }

    Procedure get(long id) {
        return catalogue.byId(id).orElseThrow(() -> TinhSoException.of(ErrorCode.PROCEDURE_NOT_FOUND, id));
    }

    public List<Domain> domains() {
        return catalogue.domains();
    }

    /**
     * Creates a procedure or replaces the one with the same code. Refuses invalid input with every
     * violation at once (INVALID_INPUT); a new procedure starts as a draft unless a status is given.
     */
    @Transactional
    public Procedure save(ProcedureInput input, boolean creating) {
        boolean exists = catalogue.byCode(input.code() == null ? "" : input.code().strip()).isPresent();
        if (creating && exists) {
            throw new TinhSoException(ErrorCode.PROCEDURE_CODE_TAKEN, "code", input.code());
        }
        if (!creating && !exists) {
            throw TinhSoException.of(ErrorCode.PROCEDURE_NOT_FOUND, String.valueOf(input.code()));
        }
        List<Violation> violations = new ArrayList<>();
        ProcedureInput clean = check(input, "", domainCodes(), agencyCodes(), violations);
        InvalidInput.throwIfAny(violations);
        catalogue.save(toProcedure(clean, Boolean.TRUE.equals(clean.demo())));
        refreshIndexAfterCommit();
        events.publishEvent(new ProcedureChanged(clean.code(), creating ? "created" : "updated", Actor.current()));
        return get(clean.code());
    }

    @Transactional
    public Procedure publish(String code) {
        return setStatus(code, ProcedureStatus.PUBLISHED, "published");
    }

    @Transactional
    public Procedure retire(String code) {
        return setStatus(code, ProcedureStatus.RETIRED, "retired");
    }

    private Procedure setStatus(String code, ProcedureStatus status, String change) {
        Procedure procedure = get(code);
        if (catalogue.setStatus(procedure.code(), status)) {
            refreshIndexAfterCommit();
            events.publishEvent(new ProcedureChanged(procedure.code(), change, Actor.current()));
        }
        return get(procedure.code());
    }

    /** Imports a JSON catalogue file; all or nothing. */
    @Transactional
    public ImportReport importJson(InputStream json) {
        CatalogueFile file;
        try {
            file = ProcedureCatalogue.JSON.readValue(json, CatalogueFile.class);
        } catch (JacksonException e) {
            return new ImportReport(0, 0, 0, List.of(new Violation("file", "invalid.json",
                    e.getOriginalMessage())));
        }
        if (!CatalogueFile.FORMAT.equals(file.format())) {
            return new ImportReport(0, 0, 0, List.of(new Violation("format", "invalid.catalogue_format",
                    CatalogueFile.FORMAT)));
        }
        return importFile(file);
    }

    /** Imports a CSV catalogue file; all or nothing. */
    @Transactional
    public ImportReport importCsv(Reader csv) {
        List<Violation> errors = new ArrayList<>();
        CatalogueFile file = CatalogueCsv.read(csv, errors);
        if (!errors.isEmpty()) {
            return new ImportReport(0, 0, 0, errors);
        }
        return importFile(file);
    }

    /** Imports parsed entries; saves nothing if any entry is invalid (the caller's transaction rolls back). */
    @Transactional
    public ImportReport importFile(CatalogueFile file) {
        List<Violation> errors = new ArrayList<>();
        Set<String> domainCodes = new HashSet<>(domainCodes());
        for (int i = 0; i < file.domains().size(); i++) {
            Domain d = file.domains().get(i);
            if (d.code() == null || !d.code().matches("[a-z0-9][a-z0-9-]{0,62}")) {
                errors.add(new Violation("domains[" + i + "].code", "invalid.domain_code"));
            } else if (d.name() == null || d.name().isBlank()) {
                errors.add(new Violation("domains[" + i + "].name", "invalid.required"));
            } else {
                domainCodes.add(d.code());
            }
        }
        Set<String> agencyCodes = agencyCodes();
        Set<String> seen = new HashSet<>();
        List<ProcedureInput> clean = new ArrayList<>();
        for (int i = 0; i < file.procedures().size(); i++) {
            ProcedureInput input = file.procedures().get(i);
            String at = "procedures[" + i + "].";
            if (input.code() != null && !seen.add(input.code().strip())) {
                errors.add(new Violation(at + "code", "invalid.duplicate_code", input.code()));
            }
            ProcedureInput checked = check(input, at, domainCodes, agencyCodes, errors);
            clean.add(checked.status() == null ? withStatus(checked, ProcedureStatus.PUBLISHED) : checked);
        }
        if (!errors.isEmpty()) {
            return new ImportReport(0, 0, 0, errors);
        }
        file.domains().forEach(d -> catalogue.saveDomain(new Domain(d.code(), VietnameseText.clean(d.name()),
                VietnameseText.clean(d.nameEn()))));
        int created = 0;
        Set<String> existing = catalogue.all().stream().map(Procedure::code).collect(Collectors.toSet());
        for (ProcedureInput input : clean) {
            if (!existing.contains(input.code())) {
                created++;
            }
            catalogue.save(toProcedure(input, input.demo() != null ? input.demo() : file.demo()));
        }
        refreshIndexAfterCommit();
        events.publishEvent(new ProcedureChanged("catalogue", "imported", Actor.current()));
        return new ImportReport(created, clean.size() - created, file.domains().size(), List.of());
    }

    /** The whole catalogue as a JSON catalogue file. */
    public void exportJson(Writer out) {
        List<Procedure> all = catalogue.all();
        boolean demo = !all.isEmpty() && all.stream().allMatch(Procedure::demo);
        ProcedureCatalogue.JSON.writerWithDefaultPrettyPrinter().writeValue(out, new CatalogueFile(
                CatalogueFile.FORMAT, demo, catalogue.domains(), all.stream().map(ProcedureInput::of).toList()));
    }

    /** The whole catalogue as CSV. */
    public void exportCsv(Writer out) {
        CatalogueCsv.write(catalogue.all(), out);
    }

    /** Stores a form template for a document of a procedure; PDF, DOCX or XLSX as the content says. */
    @Transactional
    public java.util.UUID storeTemplate(InputStream content, String name) {
        vn.tinhso.files.StoredFile file = files.store(content, name, TEMPLATE_OWNER);
        if (!TEMPLATE_TYPES.contains(file.contentType())) {
            throw new TinhSoException(ErrorCode.DOCUMENT_TYPE_FORBIDDEN, "template", file.name());
        }
        return file.id();
    }

    /** The form template of a published procedure's document, to be closed by the caller. */
    public InputStream template(String code, int index) {
        Procedure procedure = published(code);
        if (index < 0 || index >= procedure.documents().size() || procedure.documents().get(index).templateFile() == null
                || !TEMPLATE_OWNER.equals(files.get(procedure.documents().get(index).templateFile()).owner())) {
            // a template is public: nothing but a file uploaded as a template is ever served here
            throw TinhSoException.of(ErrorCode.FILE_NOT_FOUND, code + "/" + index);
        }
        return files.open(procedure.documents().get(index).templateFile());
    }

    /** Metadata of a template file, for its download. */
    public vn.tinhso.files.StoredFile templateFile(java.util.UUID id) {
        return files.get(id);
    }

    /** The search index sees a change as soon as it has committed. */
    private void refreshIndexAfterCommit() {
        if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
            org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                    new org.springframework.transaction.support.TransactionSynchronization() {
                        @Override
                        public void afterCompletion(int status) {
                            index.invalidate();
                        }
                    });
        } else {
            index.invalidate();
        }
    }

    long count() {
        return catalogue.count();
    }

    private Set<String> domainCodes() {
        return catalogue.domains().stream().map(Domain::code).collect(Collectors.toSet());
    }

    private Set<String> agencyCodes() {
        return agencies.all().stream().map(Agency::code).collect(Collectors.toSet());
    }

    private static ProcedureInput withStatus(ProcedureInput p, ProcedureStatus status) {
        return new ProcedureInput(p.code(), p.name(), p.domain(), p.levels(), p.agency(), p.onlineLevel(),
                p.applicants(), p.methods(), p.fees(), p.documents(), p.result(), p.legalBasis(), p.conditions(),
                p.form(), status, p.demo());
    }

    private Procedure toProcedure(ProcedureInput p, boolean demo) {
        return new Procedure(0, p.code(), p.name(), new Domain(p.domain(), null, null), p.levels(), p.agency(),
                p.onlineLevel(), p.applicants(), p.methods(), p.fees(), p.documents(), p.result(), p.legalBasis(),
                p.conditions(), p.form() == null || p.form().fields().isEmpty() ? null : p.form(),
                p.status() == null ? ProcedureStatus.DRAFT : p.status(), demo, 0, null);
    }

    /** Validates and normalises (NFC, trimmed) one procedure; violations are named {@code <at><field>}. */
    private static ProcedureInput check(ProcedureInput p, String at, Set<String> domains, Set<String> agencies,
            List<Violation> errors) {
        String code = VietnameseText.clean(p.code());
        if (code == null || !code.matches("[0-9A-Za-z][0-9A-Za-z.\\-]{2,62}")) {
            errors.add(new Violation(at + "code", "invalid.procedure_code"));
        }
        String name = VietnameseText.clean(p.name());
        if (name == null || name.length() < 3 || name.length() > 1000) {
            errors.add(new Violation(at + "name", "invalid.required"));
        }
        if (p.domain() == null || !domains.contains(p.domain())) {
            errors.add(new Violation(at + "domain", "invalid.domain"));
        }
        if (p.levels().isEmpty()) {
            errors.add(new Violation(at + "levels", "invalid.required"));
        }
        String agency = VietnameseText.clean(p.agency());
        if (agency != null && agency.isEmpty()) {
            agency = null;
        }
        if (agency != null && !agencies.contains(agency)) {
            errors.add(new Violation(at + "agency", "invalid.agency"));
        }
        if (agency == null && p.levels().contains(Procedure.Level.PROVINCE)) {
            errors.add(new Violation(at + "agency", "invalid.province_agency"));
        }
        if (p.onlineLevel() == null) {
            errors.add(new Violation(at + "onlineLevel", "invalid.required"));
        }
        if (p.methods().isEmpty()) {
            errors.add(new Violation(at + "methods", "invalid.required"));
        }
        Set<Procedure.Channel> channels = new HashSet<>();
        for (int i = 0; i < p.methods().size(); i++) {
            Procedure.Method m = p.methods().get(i);
            String mat = at + "methods[" + i + "]";
            if (m.method() == null || !channels.add(m.method())) {
                errors.add(new Violation(mat + ".method", "invalid.choice"));
            }
            int hours = m.hours() == null ? 0 : m.hours();
            if (m.days() < 0 || hours < 0 || m.days() + hours == 0 || m.days() > 365 || hours > 400) {
                errors.add(new Violation(mat + ".days", "invalid.processing_time"));
            }
        }
        if (p.onlineLevel() == Procedure.OnlineLevel.FULL && !channels.contains(Procedure.Channel.ONLINE)) {
            errors.add(new Violation(at + "methods", "invalid.full_online_needs_online"));
        }
        for (int i = 0; i < p.fees().size(); i++) {
            Procedure.Fee f = p.fees().get(i);
            if (f.kind() == null || f.description() == null || f.description().isBlank()
                    || (f.kind() == Procedure.FeeKind.FIXED) != (f.amount() != null)
                    || (f.amount() != null && f.amount() < 0)) {
                errors.add(new Violation(at + "fees[" + i + "]", "invalid.fee"));
            }
        }
        for (int i = 0; i < p.documents().size(); i++) {
            Procedure.RequiredDocument d = p.documents().get(i);
            if (d.name() == null || d.name().isBlank() || d.originals() < 0 || d.copies() < 0) {
                errors.add(new Violation(at + "documents[" + i + "]", "invalid.document"));
            }
        }
        errors.addAll(EFormValidator.checkDefinition(p.form(), at + "form."));
        return new ProcedureInput(code, name, p.domain(), p.levels().stream().filter(java.util.Objects::nonNull).distinct().toList(), agency, p.onlineLevel(), VietnameseText.clean(p.applicants()), p.methods(),
                p.fees().stream().map(f -> new Procedure.Fee(VietnameseText.clean(f.description()), f.kind(),
                        f.amount())).toList(),
                p.documents().stream().map(d -> new Procedure.RequiredDocument(VietnameseText.clean(d.name()),
                        d.originals(), d.copies(), d.required(), VietnameseText.clean(d.template()), d.templateFile()))
                        .toList(),
                VietnameseText.clean(p.result()), p.legalBasis().stream().map(VietnameseText::clean)
                        .filter(s -> s != null && !s.isEmpty()).toList(),
                VietnameseText.clean(p.conditions()), p.form(), p.status(), p.demo());
    }
}
