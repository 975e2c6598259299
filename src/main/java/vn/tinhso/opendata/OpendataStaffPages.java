package vn.tinhso.opendata;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.tinhso.shared.ErrorCode;
import vn.tinhso.shared.PageResult;
import vn.tinhso.shared.TinhSoException;
import vn.tinhso.shared.VietnameseText;
import vn.tinhso.shared.Zones;
import vn.tinhso.units.UnitsSettings;

/**
 * The staff side of the open data portal: the datasets of the user's publishers (all of them for
 * administrators) with their states and quality scores, the dataset form, its resources (uploads and
 * links), and the workflow: officers send drafts for review, leaders publish or return them. Every
 * rule is the catalogue's ({@link DatasetManagement}); these pages only show what the user may do.
 */
@Controller
class OpendataStaffPages {

    static final String STAFF = "hasAnyRole('OFFICER', 'LEADER', 'ADMIN')";
    static final String PUBLISHERS = "hasAnyRole('LEADER', 'ADMIN')";
    static final int PAGE_SIZE = 30;
    /** The form's text fields, by their CKAN names. */
    static final List<String> FIELDS = List.of("name", "title", "title_en", "notes", "notes_en", "owner_org",
            "license_id", "version", "frequency", "temporal_start", "temporal_end", "spatial", "tags", "contact_name",
            "contact_email", "url");

    /** A dataset in the staff list. */
    record Row(Dataset dataset, String title, String publisherTitle, int quality) {
    }

    /** A state filter with its count. */
    record StateTab(String value, String label, long count, boolean active) {
    }

    private final DatasetManagement catalogue;
    private final OpendataPageErrors errors;
    private final UnitsSettings units;

    OpendataStaffPages(DatasetManagement catalogue, OpendataPageErrors errors, UnitsSettings units) {
        this.catalogue = catalogue;
        this.errors = errors;
        this.units = units;
    }

    // ------------------------------------------------------------------ the list

    @GetMapping("/staff/datasets")
    @PreAuthorize(STAFF)
    String list(@RequestParam(required = false) String state, @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") String page, Authentication auth, Model model) {
        Editor editor = Editor.of(auth);
        List<Dataset> mine = mine(editor, q == null || q.isBlank() ? null : q.strip());
        Map<DatasetState, Long> counts = mine.stream().collect(Collectors.groupingBy(Dataset::state,
                () -> new EnumMap<>(DatasetState.class), Collectors.counting()));
        DatasetState wanted = Arrays.stream(DatasetState.values()).filter(s -> s != DatasetState.DELETED)
                .filter(s -> s.name().equalsIgnoreCase(state == null ? "" : state.strip())).findFirst().orElse(null);
        List<StateTab> tabs = new ArrayList<>();
        tabs.add(new StateTab("", "opendata.page.staff.all", mine.size(), wanted == null));
        for (DatasetState s : List.of(DatasetState.DRAFT, DatasetState.REVIEW, DatasetState.PUBLISHED)) {
            tabs.add(new StateTab(s.name(), "opendata.page.state." + s, counts.getOrDefault(s, 0L), s == wanted));
        }
        List<Dataset> shown = wanted == null ? mine : mine.stream().filter(d -> d.state() == wanted).toList();
        int p = page.matches("\\d{1,5}") ? Integer.parseInt(page) : 0;
        boolean english = OpendataPages.english();
        OpendataPages.Names names = OpendataPages.Names.of(catalogue);
        List<Row> rows = shown.stream().skip((long) p * PAGE_SIZE).limit(PAGE_SIZE)
                .map(d -> new Row(d, d.title(english), names.publishers().containsKey(d.publisherId())
                        ? names.publishers().get(d.publisherId()).title(english) : "",
                        QualityScore.of(d, d.licenceId() == null ? null : names.licences().get(d.licenceId()),
                                java.time.Instant.now()).score()))
                .toList();
        model.addAttribute("result", new PageResult<>(rows, p, PAGE_SIZE, shown.size())).addAttribute("tabs", tabs)
                .addAttribute("state", wanted == null ? "" : wanted.name()).addAttribute("q", q)
                .addAttribute("publishers", editablePublishers(editor))
                .addAttribute("publisherNames", editor.admin() ? null : editablePublishers(editor).stream()
                        .map(x -> x.title(english)).collect(Collectors.joining(", ")));
        return "opendata/staff-datasets";
    }

    /** The datasets of the editor's publishers, drafts included, newest change first; all for administrators. */
    private List<Dataset> mine(Editor editor, String q) {
        Map<Facet, List<Set<String>>> filters = new EnumMap<>(Facet.class);
        if (!editor.admin()) {
            Set<String> names = editablePublishers(editor).stream().map(Publisher::name).collect(Collectors.toSet());
            if (names.isEmpty()) {
                return List.of();
            }
            filters.put(Facet.PUBLISHER, List.of(names));
        }
        return catalogue.search(new DatasetQuery(q, filters, editor.publishers(), editor.admin(), true,
                List.of(new DatasetQuery.Sort("metadata_modified", true)), 0, Integer.MAX_VALUE, List.of(), 0))
                .results();
    }

    private List<Publisher> editablePublishers(Editor editor) {
        boolean english = OpendataPages.english();
        return catalogue.publishers().stream().filter(p -> editor.edits(p.agencyId()))
                .sorted(Comparator.comparing(p -> p.title(english), VietnameseText.order())).toList();
    }

    // ------------------------------------------------------------------ the form

    @GetMapping("/staff/datasets/new")
    @PreAuthorize(STAFF)
    String create(Authentication auth, Model model) {
        Editor editor = Editor.of(auth);
        Map<String, String> values = new HashMap<>();
        editablePublishers(editor).stream().findFirst().ifPresent(p -> values.put("owner_org", p.name()));
        catalogue.licences().stream().filter(Licence::open).findFirst().ifPresent(l -> values.put("license_id", l.id()));
        values.put("spatial", units.provinceCode());
        return form(null, values, List.of(), Map.of(), editor, model);
    }

    @GetMapping("/staff/datasets/{name}/edit")
    @PreAuthorize(STAFF)
    String edit(@PathVariable String name, Authentication auth, Model model) {
        Editor editor = Editor.of(auth);
        Dataset d = editable(name, editor);
        return form(d, values(d), d.domains(), Map.of(), editor, model);
    }

    @PostMapping("/staff/datasets")
    @PreAuthorize(STAFF)
    String save(@RequestParam MultiValueMap<String, String> params, Authentication auth, Model model,
            RedirectAttributes redirect) {
        Editor editor = Editor.of(auth);
        try {
            Dataset d = catalogue.create(input(params, "draft", List.of()), editor);
            redirect.addFlashAttribute("done", "created");
            return "redirect:/staff/datasets/" + d.name() + "/edit";
        } catch (TinhSoException e) {
            if (e.code() == ErrorCode.FORBIDDEN) {
                throw e;
            }
            return form(null, values(params), params.getOrDefault("groups", List.of()), errors.of(e), editor, model);
        }
    }

    @PostMapping("/staff/datasets/{name}")
    @PreAuthorize(STAFF)
    String update(@PathVariable String name, @RequestParam MultiValueMap<String, String> params, Authentication auth,
            Model model, RedirectAttributes redirect) {
        Editor editor = Editor.of(auth);
        Dataset old = editable(name, editor);
        try {
            Dataset d = catalogue.update(old.id().toString(), input(params, null, old.extras()), editor);
            redirect.addFlashAttribute("done", "saved");
            return "redirect:/staff/datasets/" + d.name() + "/edit";
        } catch (TinhSoException e) {
            if (e.code() == ErrorCode.FORBIDDEN || e.code() == ErrorCode.DATASET_NOT_FOUND) {
                throw e;
            }
            return form(old, values(params), params.getOrDefault("groups", List.of()), errors.of(e), editor, model);
        }
    }

    private String form(Dataset existing, Map<String, String> values, List<String> groups,
            Map<String, String> problems, Editor editor, Model model) {
        boolean english = OpendataPages.english();
        model.addAttribute("existing", existing).addAttribute("values", values).addAttribute("groups", groups)
                .addAttribute("errors", problems).addAttribute("publishers", editablePublishers(editor))
                .addAttribute("licences", catalogue.licences()).addAttribute("frequencies", Frequency.values())
                .addAttribute("domains", catalogue.domains()).addAttribute("english", english);
        if (existing != null) {
            boolean publishes = editor.publishes(existing.publisherId());
            DatasetState s = existing.state();
            model.addAttribute("datasetTitle", existing.title(english))
                    .addAttribute("resources", existing.resources().stream()
                            .map(r -> new OpendataPages.ResourceRow(r, CkanDicts.url(r, existing,
                                    new CkanDicts.Context(Map.of(), Map.of(), Map.of(), "")), r.uploaded(),
                                    OpendataPages.size(r.size()))).toList())
                    .addAttribute("quality", catalogue.quality(existing))
                    .addAttribute("canSubmit", s == DatasetState.DRAFT && !publishes)
                    .addAttribute("canPublish", publishes && (s == DatasetState.DRAFT || s == DatasetState.REVIEW))
                    .addAttribute("canReturn", publishes && s == DatasetState.REVIEW);
        }
        if (!model.containsAttribute("uploadErrors")) {
            model.addAttribute("uploadErrors", Map.of());
        }
        if (!model.containsAttribute("linkErrors")) {
            model.addAttribute("linkErrors", Map.of());
        }
        if (!model.containsAttribute("linkValues")) {
            model.addAttribute("linkValues", Map.of());
        }
        if (!model.containsAttribute("actionErrors")) {
            model.addAttribute("actionErrors", Map.of());
        }
        return "opendata/staff-dataset";
    }

    /** The form's values of a dataset as the form shows them (dates dd/MM/yyyy, lists comma-separated). */
    private Map<String, String> values(Dataset d) {
        Map<String, String> v = new HashMap<>();
        v.put("name", d.name());
        v.put("title", d.title());
        v.put("title_en", d.titleEn());
        v.put("notes", d.notes());
        v.put("notes_en", d.notesEn());
        v.put("owner_org", catalogue.publisher(d.publisherId()).map(Publisher::name).orElse(null));
        v.put("license_id", d.licenceId());
        v.put("private", String.valueOf(d.isPrivate()));
        v.put("version", d.version());
        v.put("frequency", d.frequency());
        v.put("temporal_start", d.temporalStart() == null ? null : d.temporalStart().format(Zones.DATE));
        v.put("temporal_end", d.temporalEnd() == null ? null : d.temporalEnd().format(Zones.DATE));
        v.put("spatial", String.join(", ", d.spatial()));
        v.put("tags", String.join(", ", d.tags()));
        v.put("contact_name", d.contactName());
        v.put("contact_email", d.contactEmail());
        v.put("url", d.sourceUrl());
        return v;
    }

    /** The values as typed, to show the form again. */
    private static Map<String, String> values(MultiValueMap<String, String> params) {
        Map<String, String> v = new HashMap<>();
        for (String field : FIELDS) {
            v.put(field, params.getFirst(field));
        }
        v.put("private", String.valueOf("true".equals(params.getFirst("private"))));
        return v;
    }

    private static DatasetInput input(MultiValueMap<String, String> p, String state, List<Dataset.Extra> extras) {
        String name = p.getFirst("name");
        String title = p.getFirst("title");
        if ((name == null || name.isBlank()) && title != null && !title.isBlank()) {
            name = DemoOpenData.slug(title, 90); // left empty: made from the title
        }
        return new DatasetInput(name, title, p.getFirst("title_en"), p.getFirst("notes"), p.getFirst("notes_en"),
                p.getFirst("owner_org"), blank(p.getFirst("license_id")), "true".equals(p.getFirst("private")),
                p.getFirst("version"), blank(p.getFirst("frequency")), p.getFirst("temporal_start"),
                p.getFirst("temporal_end"), list(p.getFirst("spatial")), p.getFirst("contact_name"),
                p.getFirst("contact_email"), p.getFirst("url"), list(p.getFirst("tags")),
                p.getOrDefault("groups", List.of()), extras, state);
    }

    private static List<String> list(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split("[,;\\n]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    // ------------------------------------------------------------------ resources

    @PostMapping("/staff/datasets/{name}/resources")
    @PreAuthorize(STAFF)
    String upload(@PathVariable String name, @RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam(name = "name", required = false) String resourceName,
            @RequestParam(required = false) String format, @RequestParam(required = false) String description,
            Authentication auth, RedirectAttributes redirect) {
        Editor editor = Editor.of(auth);
        Dataset d = editable(name, editor);
        String fileName = file == null ? null : file.getOriginalFilename();
        if (file == null || file.isEmpty()) {
            redirect.addFlashAttribute("uploadErrors", Map.of("file", fileName == null || fileName.isBlank()
                    ? errors.message("opendata.invalid.resource_content")
                    : errors.message("opendata.page.upload.refused", fileName, errors.message("error.file_empty"))));
            return "redirect:/staff/datasets/" + d.name() + "/edit#resources";
        }
        try (InputStream in = file.getInputStream()) {
            catalogue.addResource(d.id().toString(), new ResourceInput(blank(resourceName), blank(description),
                    blank(format), null), in, fileName, editor);
            redirect.addFlashAttribute("done", "resource_created");
        } catch (TinhSoException e) {
            if (e.code() == ErrorCode.FORBIDDEN || e.code() == ErrorCode.DATASET_NOT_FOUND) {
                throw e;
            }
            Map<String, String> problems = new LinkedHashMap<>();
            errors.of(e).forEach((field, message) -> problems.put(field.isEmpty() ? "file" : field,
                    errors.message("opendata.page.upload.refused", fileName, message)));
            redirect.addFlashAttribute("uploadErrors", problems);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "redirect:/staff/datasets/" + d.name() + "/edit#resources";
    }

    @PostMapping("/staff/datasets/{name}/links")
    @PreAuthorize(STAFF)
    String link(@PathVariable String name, @RequestParam(name = "name", required = false) String resourceName,
            @RequestParam(required = false) String url, @RequestParam(required = false) String format,
            @RequestParam(required = false) String description, Authentication auth, RedirectAttributes redirect) {
        Editor editor = Editor.of(auth);
        Dataset d = editable(name, editor);
        try {
            catalogue.addResource(d.id().toString(), new ResourceInput(blank(resourceName), blank(description),
                    blank(format), blank(url)), null, null, editor);
            redirect.addFlashAttribute("done", "resource_created");
        } catch (TinhSoException e) {
            if (e.code() == ErrorCode.FORBIDDEN || e.code() == ErrorCode.DATASET_NOT_FOUND) {
                throw e;
            }
            redirect.addFlashAttribute("linkErrors", errors.of(e));
            Map<String, String> typed = new HashMap<>();
            typed.put("name", resourceName);
            typed.put("url", url);
            typed.put("format", format);
            typed.put("description", description);
            redirect.addFlashAttribute("linkValues", typed);
        }
        return "redirect:/staff/datasets/" + d.name() + "/edit#resources";
    }

    @PostMapping("/staff/datasets/{name}/resources/{id}/delete")
    @PreAuthorize(STAFF)
    String deleteResource(@PathVariable String name, @PathVariable String id, Authentication auth,
            RedirectAttributes redirect) {
        Editor editor = Editor.of(auth);
        Dataset d = editable(name, editor);
        DatasetResource r = catalogue.resource(id, editor).filter(x -> x.datasetId().equals(d.id()))
                .orElseThrow(() -> TinhSoException.of(ErrorCode.RESOURCE_NOT_FOUND, id));
        catalogue.deleteResource(r.id().toString(), editor);
        redirect.addFlashAttribute("done", "resource_deleted");
        return "redirect:/staff/datasets/" + d.name() + "/edit#resources";
    }

    // ------------------------------------------------------------------ the workflow

    @PostMapping("/staff/datasets/{name}/submit")
    @PreAuthorize(STAFF)
    String submit(@PathVariable String name, Authentication auth, RedirectAttributes redirect) {
        Editor editor = Editor.of(auth);
        Dataset d = editable(name, editor);
        return act(d, redirect, "submitted", () -> catalogue.submitForReview(d.id().toString(), editor));
    }

    @PostMapping("/staff/datasets/{name}/publish")
    @PreAuthorize(PUBLISHERS)
    String publish(@PathVariable String name, Authentication auth, RedirectAttributes redirect) {
        Editor editor = Editor.of(auth);
        Dataset d = editable(name, editor);
        return act(d, redirect, "published", () -> catalogue.publish(d.id().toString(), editor));
    }

    @PostMapping("/staff/datasets/{name}/return")
    @PreAuthorize(PUBLISHERS)
    String returnToDraft(@PathVariable String name, @RequestParam(required = false) String note, Authentication auth,
            RedirectAttributes redirect) {
        Editor editor = Editor.of(auth);
        Dataset d = editable(name, editor);
        return act(d, redirect, "returned", () -> catalogue.returnToDraft(d.id().toString(), note, editor));
    }

    @PostMapping("/staff/datasets/{name}/delete")
    @PreAuthorize(STAFF)
    String delete(@PathVariable String name, Authentication auth, RedirectAttributes redirect) {
        Editor editor = Editor.of(auth);
        Dataset d = editable(name, editor);
        catalogue.delete(d.id().toString(), editor);
        redirect.addFlashAttribute("deleted", d.title());
        return "redirect:/staff/datasets";
    }

    private String act(Dataset d, RedirectAttributes redirect, String done, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("done", done);
        } catch (TinhSoException e) {
            if (e.code() == ErrorCode.FORBIDDEN || e.code() == ErrorCode.DATASET_NOT_FOUND) {
                throw e;
            }
            redirect.addFlashAttribute("actionErrors", errors.of(e));
        }
        return "redirect:/staff/datasets/" + d.name() + "/edit";
    }

    /** The dataset if the editor edits it: 404 when they may not see it, 403 when they see but may not edit it. */
    private Dataset editable(String name, Editor editor) {
        Dataset d = catalogue.get(name, editor);
        if (!editor.edits(d.publisherId())) {
            throw TinhSoException.of(ErrorCode.FORBIDDEN);
        }
        return d;
    }
}
