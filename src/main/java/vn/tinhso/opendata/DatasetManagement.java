package vn.tinhso.opendata;

import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import vn.tinhso.files.FileManagement;
import vn.tinhso.files.StoredFile;
import vn.tinhso.shared.Actor;
import vn.tinhso.shared.ErrorCode;
import vn.tinhso.shared.InvalidInput;
import vn.tinhso.shared.InvalidInput.Violation;
import vn.tinhso.shared.TinhSoException;
import vn.tinhso.shared.VietnameseText;
import vn.tinhso.units.Structure;
import vn.tinhso.units.UnitId;
import vn.tinhso.units.UnitManagement;

/**
 * The open data catalogue: datasets with their resources, versions, publication workflow (officers
 * write, leaders publish), search, and the reference data (publishers, domains, licences). Every
 * change is one transaction, audited as a {@link DatasetChanged}, and saved as a revision.
 */
@Service
public class DatasetManagement {

    static final Pattern NAME = Pattern.compile("^[a-z0-9][a-z0-9_\\-]{1,99}$");
    /** What the catalogue accepts as an e-mail address, a link (http or https) and a tag; harvests and requests too. */
    static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    static final Pattern URL = Pattern.compile("^https?://\\S+$", Pattern.CASE_INSENSITIVE);
    static final Pattern TAG = Pattern.compile("^[\\p{L}\\p{N} ._\\-]{1,100}$");
    private static final Set<String> CORE_FIELDS = Set.of("id", "name", "title", "notes", "owner_org", "license_id",
            "private", "state", "version", "tags", "groups", "resources", "extras", "url", "type",
            "metadata_created", "metadata_modified", "organization");
    static final int MAX_NOTES = 20_000;

    private final Datasets datasets;
    private final Catalogue catalogue;
    private final DatasetIndex index;
    private final FileManagement files;
    private final UnitManagement units;
    private final ApplicationEventPublisher events;

    DatasetManagement(Datasets datasets, Catalogue catalogue, DatasetIndex index, FileManagement files,
            UnitManagement units, ApplicationEventPublisher events) {
        this.datasets = datasets;
        this.catalogue = catalogue;
        this.index = index;
        this.files = files;
        this.units = units;
        this.events = events;
    }

    // ------------------------------------------------------------------ reference data

    public List<Licence> licences() {
        return catalogue.licences();
    }

    public Optional<Licence> licence(String id) {
        return id == null ? Optional.empty() : licences().stream().filter(l -> l.id().equals(id)).findFirst();
    }

    public List<DataDomain> domains() {
        return catalogue.domains();
    }

    public Optional<DataDomain> domain(String code) {
        return domains().stream().filter(d -> d.code().equals(code)).findFirst();
    }

    public List<Publisher> publishers() {
        return catalogue.publishers();
    }

    /** A publisher by name or agency id. */
    public Optional<Publisher> publisher(String nameOrId) {
        if (nameOrId == null) {
            return Optional.empty();
        }
        String key = nameOrId.strip();
        return publishers().stream().filter(p -> p.name().equals(key) || String.valueOf(p.agencyId()).equals(key))
                .findFirst();
    }

    public Optional<Publisher> publisher(long agencyId) {
        return catalogue.publisher(agencyId);
    }

    /** Registers (or renames) an agency as a publisher; administrators only (checked by the caller). */
    @Transactional
    public Publisher savePublisher(Publisher p) {
        List<Violation> v = new ArrayList<>();
        if (p.name() == null || !NAME.matcher(p.name()).matches()) {
            v.add(new Violation("name", "opendata.invalid.name"));
        }
        if (p.title() == null || p.title().isBlank()) {
            v.add(new Violation("title", "opendata.invalid.required"));
        }
        publishers().stream().filter(o -> o.name().equals(p.name()) && o.agencyId() != p.agencyId()).findAny()
                .ifPresent(o -> v.add(new Violation("name", "opendata.invalid.name_taken")));
        InvalidInput.throwIfAny(v);
        Publisher clean = new Publisher(p.agencyId(), p.name(), VietnameseText.clean(p.title()),
                VietnameseText.clean(p.titleEn()), p.description(), p.email());
        catalogue.savePublisher(clean);
        return clean;
    }

    void saveDomain(DataDomain d) {
        catalogue.saveDomain(d);
    }

    void saveLicence(Licence l, int position) {
        catalogue.saveLicence(l, position);
    }

    // ------------------------------------------------------------------ reading

    public DatasetHits search(DatasetQuery query) {
        return index.search(query);
    }

    /** Changes whenever the searchable catalogue changes: a key for caches of answers built from searches. */
    public Object catalogueVersion() {
        return index.version();
    }

    /** Every dataset that is not deleted (public or not), for exports that filter it themselves. */
    public List<Dataset> indexed() {
        return index.all();
    }

    /** A dataset by name or id, if the editor may see it (public, or of their agencies, or an administrator). */
    public Optional<Dataset> find(String nameOrId, Editor editor) {
        return lookup(nameOrId).filter(d -> d.state() != DatasetState.DELETED || editor.admin())
                .filter(d -> d.isPublic() || editor.admin() || editor.publishers().contains(d.publisherId()));
    }

    /** Like {@link #find}, but DATASET_NOT_FOUND when there is none, and FORBIDDEN to see it... never told apart. */
    public Dataset get(String nameOrId, Editor editor) {
        return find(nameOrId, editor).orElseThrow(() -> TinhSoException.of(ErrorCode.DATASET_NOT_FOUND, nameOrId));
    }

    private Optional<Dataset> lookup(String nameOrId) {
        if (nameOrId == null || nameOrId.isBlank()) {
            return Optional.empty();
        }
        String key = nameOrId.strip();
        try {
            Optional<Dataset> byId = datasets.find(UUID.fromString(key));
            if (byId.isPresent()) {
                return byId;
            }
        } catch (IllegalArgumentException notAnId) {
            // a name
        }
        return datasets.findByName(key);
    }

    public Optional<DatasetResource> resource(String id, Editor editor) {
        try {
            return datasets.resource(UUID.fromString(id.strip()))
                    .filter(r -> find(r.datasetId().toString(), editor).isPresent());
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    public List<Revision> revisions(Dataset d) {
        return datasets.revisions(d.id());
    }

    public QualityScore.Report quality(Dataset d) {
        return QualityScore.of(d, licence(d.licenceId()).orElse(null), Instant.now());
    }

    public long count() {
        return datasets.count();
    }

    // ------------------------------------------------------------------ writing

    /**
     * Creates a dataset. Officers' datasets wait for review; leaders' and administrators' are published
     * at once, unless the input asks for a draft.
     */
    @Transactional
    public Dataset create(DatasetInput input, Editor editor) {
        Checked c = check(input, null);
        requireEdits(editor, c.publisher().agencyId());
        Instant now = now();
        DatasetState state = "draft".equalsIgnoreCase(input.state()) ? DatasetState.DRAFT
                : editor.publishes(c.publisher().agencyId()) ? DatasetState.PUBLISHED : DatasetState.REVIEW;
        Dataset d = build(UUID.randomUUID(), c, input, state, false, null, editor.name(), 1, now, now,
                state == DatasetState.PUBLISHED ? now : null, null, List.of());
        datasets.insert(d);
        return saved(d.id(), "created", editor);
    }

    /** A dataset created by the demo loader or a harvest (no editor check; marked as such). */
    @Transactional
    Dataset createAs(DatasetInput input, boolean demo, Long harvestSource, String harvestRef, String by, Instant created) {
        Checked c = check(input, null);
        Dataset d = build(UUID.randomUUID(), c, input, DatasetState.PUBLISHED, demo, harvestSource, by, 1, created,
                created, created, created, List.of());
        datasets.insert(d);
        if (harvestRef != null) {
            datasets.setHarvestRef(d.id(), harvestRef);
        }
        return saved(d.id(), "created", new Editor(null, by, Set.of(), Set.of(), true));
    }

    /** Replaces what the input holds; the state stays, except that a draft may be asked for. */
    @Transactional
    public Dataset update(String nameOrId, DatasetInput input, Editor editor) {
        Dataset old = get(nameOrId, editor);
        requireEdits(editor, old.publisherId());
        Checked c = check(input, old.id());
        requireEdits(editor, c.publisher().agencyId());
        DatasetState state = old.state();
        String change = "updated";
        if ("draft".equalsIgnoreCase(input.state()) && old.state() == DatasetState.REVIEW) {
            state = DatasetState.DRAFT;
        } else if ("active".equalsIgnoreCase(input.state()) && old.state() != DatasetState.PUBLISHED) {
            // CKAN's way to publish: a leader's "active" publishes; an officer's sends the draft for review.
            state = editor.publishes(c.publisher().agencyId()) ? DatasetState.PUBLISHED : DatasetState.REVIEW;
            change = state == DatasetState.PUBLISHED ? "published" : "submitted";
        }
        return replace(old, c, input, state, change, editor);
    }

    /** The same for harvests: replaces a harvested dataset. */
    @Transactional
    Dataset updateAs(Dataset old, DatasetInput input, String by) {
        Checked c = check(input, old.id());
        return replace(old, c, input, old.state() == DatasetState.DELETED ? DatasetState.PUBLISHED : old.state(),
                "updated", new Editor(null, by, Set.of(), Set.of(), true));
    }

    private Dataset replace(Dataset old, Checked c, DatasetInput input, DatasetState state, String change,
            Editor editor) {
        Instant now = now();
        boolean publishing = state == DatasetState.PUBLISHED && old.state() != DatasetState.PUBLISHED;
        Dataset d = build(old.id(), c, input, state, old.demo(), old.harvestSource(), old.creator(), old.revision(),
                old.createdAt(), now, publishing && old.publishedAt() == null ? now : old.publishedAt(),
                publishing && old.dataUpdatedAt() == null ? now : old.dataUpdatedAt(), old.resources());
        datasets.update(d);
        return saved(d.id(), change, editor);
    }

    /** An officer sends a draft for review by a leader. */
    @Transactional
    public Dataset submitForReview(String nameOrId, Editor editor) {
        Dataset d = get(nameOrId, editor);
        requireEdits(editor, d.publisherId());
        requireState(d, DatasetState.DRAFT);
        return transition(d, DatasetState.REVIEW, null, "submitted", editor);
    }

    /** A leader publishes a draft or a dataset in review. */
    @Transactional
    public Dataset publish(String nameOrId, Editor editor) {
        Dataset d = get(nameOrId, editor);
        requirePublishes(editor, d.publisherId());
        requireState(d, DatasetState.DRAFT, DatasetState.REVIEW);
        return transition(d, DatasetState.PUBLISHED, null, "published", editor);
    }

    /** A leader returns a dataset in review to its authors with a note. */
    @Transactional
    public Dataset returnToDraft(String nameOrId, String note, Editor editor) {
        Dataset d = get(nameOrId, editor);
        requirePublishes(editor, d.publisherId());
        requireState(d, DatasetState.REVIEW);
        String clean = VietnameseText.clean(note);
        if (clean == null || clean.length() < 5 || clean.length() > 2000) {
            throw new InvalidInput(List.of(new Violation("note", "opendata.invalid.note")));
        }
        return transition(d, DatasetState.DRAFT, clean, "returned", editor);
    }

    /** Deletes a dataset (CKAN state "deleted"): kept with its history, seen by nobody but administrators. */
    @Transactional
    public Dataset delete(String nameOrId, Editor editor) {
        Dataset d = get(nameOrId, editor);
        requireEdits(editor, d.publisherId());
        return transition(d, DatasetState.DELETED, null, "deleted", editor);
    }

    @Transactional
    void deleteAs(Dataset d, String by) {
        transition(d, DatasetState.DELETED, null, "deleted", new Editor(null, by, Set.of(), Set.of(), true));
    }

    private Dataset transition(Dataset d, DatasetState to, String note, String change, Editor editor) {
        Instant now = now();
        Dataset next = new Dataset(d.id(), d.name(), d.title(), d.titleEn(), d.notes(), d.notesEn(), d.publisherId(),
                d.licenceId(), to, d.isPrivate(), d.version(), d.frequency(), d.temporalStart(), d.temporalEnd(),
                d.spatial(), d.contactName(), d.contactEmail(), d.sourceUrl(), d.tags(), d.domains(), d.extras(),
                d.demo(), d.harvestSource(), d.creator(), note, d.views(), d.downloads(), d.revision(), d.createdAt(),
                now, to == DatasetState.PUBLISHED && d.publishedAt() == null ? now : d.publishedAt(),
                to == DatasetState.PUBLISHED && d.dataUpdatedAt() == null ? now : d.dataUpdatedAt(), d.resources());
        datasets.update(next);
        return saved(d.id(), change, editor);
    }

    // ------------------------------------------------------------------ resources

    /** Adds a link resource, or an uploaded file when {@code content} is given (stored by the files module). */
    @Transactional
    public DatasetResource addResource(String dataset, ResourceInput input, InputStream content, String fileName,
            Editor editor) {
        Dataset d = get(dataset, editor);
        requireEdits(editor, d.publisherId());
        DatasetResource r = resourceFrom(UUID.randomUUID(), d.id(), input, content, fileName, editor, null);
        datasets.insertResource(r);
        datasets.touch(d.id(), now(), true);
        saved(d.id(), "resource_created", editor);
        return datasets.resource(r.id()).orElseThrow();
    }

    @Transactional
    public DatasetResource updateResource(String id, ResourceInput input, InputStream content, String fileName,
            Editor editor) {
        DatasetResource old = resource(id, editor)
                .orElseThrow(() -> TinhSoException.of(ErrorCode.RESOURCE_NOT_FOUND, id));
        Dataset d = get(old.datasetId().toString(), editor);
        requireEdits(editor, d.publisherId());
        DatasetResource r = resourceFrom(old.id(), d.id(), input, content, fileName, editor, old);
        datasets.updateResource(r);
        datasets.touch(d.id(), now(), true);
        saved(d.id(), "resource_updated", editor);
        return datasets.resource(r.id()).orElseThrow();
    }

    @Transactional
    public void deleteResource(String id, Editor editor) {
        DatasetResource old = resource(id, editor)
                .orElseThrow(() -> TinhSoException.of(ErrorCode.RESOURCE_NOT_FOUND, id));
        Dataset d = get(old.datasetId().toString(), editor);
        requireEdits(editor, d.publisherId());
        datasets.deleteResource(old.id());
        datasets.touch(d.id(), now(), true);
        saved(d.id(), "resource_deleted", editor);
    }

    /** Replaces all resources of a harvested dataset with links. */
    @Transactional
    void replaceLinksAs(Dataset d, List<ResourceInput> links, String by) {
        Editor harvester = new Editor(null, by, Set.of(), Set.of(), true);
        d.resources().forEach(r -> datasets.deleteResource(r.id()));
        for (ResourceInput link : links) {
            datasets.insertResource(resourceFrom(UUID.randomUUID(), d.id(), link, null, null, harvester, null));
        }
        datasets.touch(d.id(), now(), true);
    }

    /** Adds a file resource to a dataset without an editor check (demo data, automatic datasets). */
    @Transactional
    void addFileAs(Dataset d, ResourceInput input, InputStream content, String fileName, String by) {
        datasets.insertResource(resourceFrom(UUID.randomUUID(), d.id(), input, content, fileName,
                new Editor(null, by, Set.of(), Set.of(), true), null));
        datasets.touch(d.id(), now(), true);
        index.invalidate();
    }

    private DatasetResource resourceFrom(UUID id, UUID dataset, ResourceInput input, InputStream content,
            String fileName, Editor editor, DatasetResource old) {
        List<Violation> v = new ArrayList<>();
        String name = VietnameseText.clean(input.name());
        if (name == null || name.isEmpty()) {
            name = fileName != null ? VietnameseText.clean(fileName) : old != null ? old.name() : null;
        }
        if (name == null || name.isEmpty() || name.length() > 500) {
            v.add(new Violation("name", "opendata.invalid.required"));
        }
        String url = input.url() == null || input.url().isBlank() ? null : input.url().strip();
        if (content == null && url == null && (old == null || !old.uploaded())) {
            v.add(new Violation("url", "opendata.invalid.resource_content"));
        }
        if (url != null && content == null && !URL.matcher(url).matches()) {
            v.add(new Violation("url", "opendata.invalid.url"));
        }
        InvalidInput.throwIfAny(v);
        String format = input.format() == null || input.format().isBlank() ? null
                : input.format().strip().toUpperCase(Locale.ROOT);
        Instant now = now();
        if (content != null) {
            StoredFile file = files.store(content, fileName == null ? name : fileName,
                    editor.name() == null ? "opendata" : editor.name());
            return new DatasetResource(id, dataset, 0, name, input.description(),
                    format != null ? format : formatOf(file.name(), file.contentType()), null, file.id(),
                    file.contentType(), file.size(), "sha256:" + file.sha256(), 0,
                    old == null ? now : old.createdAt(), now, null, null, null, false);
        }
        if (url == null && old != null) {
            return new DatasetResource(id, dataset, old.position(), name, input.description(),
                    format != null ? format : old.format(), null, old.fileId(), old.mimetype(), old.size(), old.hash(),
                    old.downloads(), old.createdAt(), now, null, null, null, false);
        }
        return new DatasetResource(id, dataset, 0, name, input.description(),
                format != null ? format : formatOf(url, null), url, null, null, null, null, 0,
                old == null ? now : old.createdAt(), now, null, null, null, false);
    }

    /** The format of a file from its name's extension, else from its media type. */
    static String formatOf(String name, String contentType) {
        if (name != null) {
            String path = name.replaceAll("[?#].*$", "");
            int dot = path.lastIndexOf('.');
            if (dot >= 0 && dot > path.lastIndexOf('/') && path.length() - dot <= 8) {
                return path.substring(dot + 1).toUpperCase(Locale.ROOT);
            }
        }
        if (contentType == null) {
            return null;
        }
        return switch (contentType) {
            case "text/csv" -> "CSV";
            case "application/json" -> "JSON";
            case "application/xml", "text/xml" -> "XML";
            case "application/pdf" -> "PDF";
            case "text/plain" -> "TXT";
            default -> null;
        };
    }

    /** The content of an uploaded resource (counted as a download). */
    public InputStream download(DatasetResource r) {
        datasets.countDownload(r.id());
        return files.open(r.fileId());
    }

    public StoredFile file(DatasetResource r) {
        return files.get(r.fileId());
    }

    public void countView(Dataset d) {
        datasets.countView(d.id());
    }

    // ------------------------------------------------------------------ following

    @Transactional
    public boolean subscribe(Dataset d, Editor editor) {
        requireSignedIn(editor);
        return datasets.subscribe(d.id(), editor.accountId());
    }

    @Transactional
    public boolean unsubscribe(Dataset d, Editor editor) {
        requireSignedIn(editor);
        return datasets.unsubscribe(d.id(), editor.accountId());
    }

    public boolean subscribed(Dataset d, Editor editor) {
        return editor.signedIn() && datasets.subscribed(d.id(), editor.accountId());
    }

    // ------------------------------------------------------------------ checks

    private record Checked(Publisher publisher, String name, String title, LocalDate start, LocalDate end,
            List<String> tags, List<String> domains, List<String> spatial) {
    }

    private Checked check(DatasetInput in, UUID existing) {
        List<Violation> v = new ArrayList<>();
        String name = in.name() == null ? null : in.name().strip();
        if (name == null || name.isEmpty()) {
            v.add(new Violation("name", "opendata.invalid.required"));
        } else if (!NAME.matcher(name).matches()) {
            v.add(new Violation("name", "opendata.invalid.name"));
        } else if (datasets.nameTaken(name, existing)) {
            v.add(new Violation("name", "opendata.invalid.name_taken"));
        }
        String title = VietnameseText.clean(in.title());
        if (title == null || title.isEmpty()) {
            v.add(new Violation("title", "opendata.invalid.required"));
        } else if (title.length() > 500) {
            v.add(new Violation("title", "opendata.invalid.too_long", 500));
        }
        if (in.notes() != null && in.notes().length() > MAX_NOTES) {
            v.add(new Violation("notes", "opendata.invalid.too_long", MAX_NOTES));
        }
        Optional<Publisher> publisher = publisher(in.publisher());
        if (in.publisher() == null || in.publisher().isBlank()) {
            v.add(new Violation("owner_org", "opendata.invalid.required"));
        } else if (publisher.isEmpty()) {
            v.add(new Violation("owner_org", "opendata.invalid.owner_org", in.publisher()));
        }
        if (in.licenceId() != null && !in.licenceId().isBlank() && licence(in.licenceId()).isEmpty()) {
            v.add(new Violation("license_id", "opendata.invalid.license_id", in.licenceId()));
        }
        if (in.frequency() != null && !in.frequency().isBlank() && Frequency.of(in.frequency()).isEmpty()) {
            v.add(new Violation("frequency", "opendata.invalid.frequency", in.frequency()));
        }
        LocalDate start = date(in.temporalStart(), "temporal_start", v);
        LocalDate end = date(in.temporalEnd(), "temporal_end", v);
        if (start != null && end != null && start.isAfter(end)) {
            v.add(new Violation("temporal_end", "opendata.invalid.temporal_order"));
        }
        if (in.contactEmail() != null && !in.contactEmail().isBlank()
                && !EMAIL.matcher(in.contactEmail().strip()).matches()) {
            v.add(new Violation("contact_email", "opendata.invalid.email"));
        }
        if (in.sourceUrl() != null && !in.sourceUrl().isBlank() && !URL.matcher(in.sourceUrl().strip()).matches()) {
            v.add(new Violation("url", "opendata.invalid.url"));
        }
        List<String> tags = new ArrayList<>();
        for (String t : in.tags()) {
            String tag = VietnameseText.clean(t);
            if (tag == null || !TAG.matcher(tag).matches()) {
                v.add(new Violation("tags", "opendata.invalid.tag", t));
            } else if (!tags.contains(tag)) {
                tags.add(tag);
            }
        }
        Set<String> known = new HashSet<>(domains().stream().map(DataDomain::code).toList());
        List<String> domains = in.domains().stream().map(String::strip).distinct().toList();
        domains.stream().filter(d -> !known.contains(d)).findFirst()
                .ifPresent(d -> v.add(new Violation("groups", "opendata.invalid.group", d)));
        List<String> spatial = in.spatial().stream().map(String::strip).distinct().toList();
        for (String code : spatial) {
            boolean found;
            try {
                found = units.find(UnitId.of(String.valueOf(Structure.Y2025.year()), code)).isPresent();
            } catch (RuntimeException e) {
                found = false;
            }
            if (!found) {
                v.add(new Violation("spatial", "opendata.invalid.spatial", code));
            }
        }
        Set<String> keys = new HashSet<>();
        for (Dataset.Extra e : in.extras()) {
            if (e.key() == null || e.key().isBlank() || e.key().length() > 100) {
                v.add(new Violation("extras", "opendata.invalid.extra_key"));
            } else if (CORE_FIELDS.contains(e.key()) || !keys.add(e.key())) {
                v.add(new Violation("extras", "opendata.invalid.extra_duplicate", e.key()));
            }
        }
        InvalidInput.throwIfAny(v);
        return new Checked(publisher.orElseThrow(), name, title, start, end, tags, domains, spatial);
    }

    private static LocalDate date(String text, String field, List<Violation> v) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        try {
            if (t.matches("\\d{1,2}/\\d{1,2}/\\d{4}")) {
                return LocalDate.parse(t, java.time.format.DateTimeFormatter.ofPattern("d/M/uuuu")
                        .withResolverStyle(java.time.format.ResolverStyle.STRICT));
            }
            return LocalDate.parse(t.length() > 10 && t.charAt(10) == 'T' ? t.substring(0, 10) : t);
        } catch (DateTimeParseException e) {
            v.add(new Violation(field, "opendata.invalid.date", text));
            return null;
        }
    }

    private static Dataset build(UUID id, Checked c, DatasetInput in, DatasetState state, boolean demo,
            Long harvestSource, String creator, int revision, Instant created, Instant modified, Instant published,
            Instant dataUpdated, List<DatasetResource> resources) {
        return new Dataset(id, c.name(), c.title(), blankToNull(VietnameseText.clean(in.titleEn())),
                blankToNull(nfc(in.notes())), blankToNull(nfc(in.notesEn())), c.publisher().agencyId(),
                blankToNull(in.licenceId()), state, in.isPrivate(), blankToNull(VietnameseText.clean(in.version())),
                Frequency.of(in.frequency()).map(Enum::name).orElse(null), c.start(), c.end(), c.spatial(),
                blankToNull(VietnameseText.clean(in.contactName())), blankToNull(strip(in.contactEmail())),
                blankToNull(strip(in.sourceUrl())), c.tags(), c.domains(),
                in.extras().stream().map(e -> new Dataset.Extra(e.key().strip(), nfc(e.value()))).toList(), demo,
                harvestSource, creator, null, 0, 0, revision, created, modified, published, dataUpdated, resources);
    }

    private static String nfc(String text) {
        return text == null ? null : java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFC).strip();
    }

    private static String strip(String text) {
        return text == null ? null : text.strip();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private static void requireEdits(Editor editor, long publisher) {
        if (!editor.edits(publisher)) {
            throw TinhSoException.of(ErrorCode.FORBIDDEN);
        }
    }

    private static void requirePublishes(Editor editor, long publisher) {
        if (!editor.publishes(publisher)) {
            throw TinhSoException.of(ErrorCode.FORBIDDEN);
        }
    }

    private static void requireSignedIn(Editor editor) {
        if (!editor.signedIn()) {
            throw TinhSoException.of(ErrorCode.UNAUTHORIZED);
        }
    }

    private static void requireState(Dataset d, DatasetState... allowed) {
        for (DatasetState s : allowed) {
            if (d.state() == s) {
                return;
            }
        }
        throw TinhSoException.of(ErrorCode.DATASET_STATE, d.state().name());
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /** Reads the dataset back, saves its revision, publishes the event, and refreshes the index after commit. */
    private Dataset saved(UUID id, String change, Editor editor) {
        Dataset d = datasets.find(id).orElseThrow();
        datasets.addRevision(d.id(), d.revision(), change, editor.name(), CkanDicts.snapshot(d, this));
        events.publishEvent(new DatasetChanged(d.id(), d.name(), d.title(), change, d.revision(), d.isPublic(),
                d.isPublic() ? datasets.subscribers(d.id()) : List.of(), Actor.current()));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    index.invalidate();
                }
            });
        } else {
            index.invalidate();
        }
        return d;
    }
}
