package vn.tinhso.reports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import vn.tinhso.calendar.CalendarManagement;
import vn.tinhso.files.FileManagement;
import vn.tinhso.files.StoredFile;
import vn.tinhso.identity.SignedInUser;
import vn.tinhso.shared.Actor;
import vn.tinhso.shared.ErrorCode;
import vn.tinhso.shared.InvalidInput;
import vn.tinhso.shared.InvalidInput.Violation;
import vn.tinhso.shared.PageResult;
import vn.tinhso.shared.RateLimiter;
import vn.tinhso.shared.TinhSoException;
import vn.tinhso.shared.VietnameseText;
import vn.tinhso.units.Agency;
import vn.tinhso.units.AgencyManagement;
import vn.tinhso.units.Structure;
import vn.tinhso.units.Unit;
import vn.tinhso.units.UnitId;
import vn.tinhso.units.UnitManagement;
import vn.tinhso.units.UnitsSettings;

/**
 * Field reports: submission with photos and a pin, duplicates nearby, routing, handling by the
 * agency with deadlines in working time, rating and reopening, following, and the public views.
 * Every change is one transaction with its timeline entry and its {@link ReportEvent}.
 */
@Service
@Transactional(readOnly = true)
public class ReportManagement {

    /** Where a report came from. */
    public enum Source {
        WEB, APP, OPEN311, DEMO
    }

    /** The outcome of a submission: {@code replayed} when the client key was seen before. */
    public record Submission(Report report, boolean replayed) {
    }

    /**
     * The filters of the public map and list; null means any. {@code categories} is the category
     * with all its descendants (filled in by {@link #publicList}).
     */
    public record PublicQuery(String category, String commune, List<ReportStatus> statuses, Instant from,
            Instant to, List<String> categories) {
        public PublicQuery(String category, String commune, List<ReportStatus> statuses, Instant from, Instant to) {
            this(category, commune, statuses, from, to, null);
        }
    }

    /** The filters of an agency's list; null means any. */
    public record DeskQuery(List<ReportStatus> statuses, String category, String commune, boolean overdueOnly,
            String text) {
    }

    private static final Pattern CLIENT_KEY = Pattern.compile("[A-Za-z0-9_-]{16,100}");
    private static final Pattern PHONE = Pattern.compile("(\\+84|0)\\d{9,10}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final Reports reports;
    private final ReportCategories categories;
    private final Routing routing;
    private final Photos photos;
    private final AgencyManagement agencies;
    private final UnitManagement units;
    private final UnitsSettings unitsSettings;
    private final FileManagement files;
    private final CalendarManagement calendar;
    private final ReportsSettings settings;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final RateLimiter anonymous;

    ReportManagement(Reports reports, ReportCategories categories, Routing routing, Photos photos,
            AgencyManagement agencies, UnitManagement units, UnitsSettings unitsSettings, FileManagement files,
            CalendarManagement calendar, ReportsSettings settings, ApplicationEventPublisher events,
            TransactionTemplate tx) {
        this.reports = reports;
        this.categories = categories;
        this.routing = routing;
        this.photos = photos;
        this.agencies = agencies;
        this.units = units;
        this.unitsSettings = unitsSettings;
        this.files = files;
        this.calendar = calendar;
        this.settings = settings;
        this.events = events;
        this.tx = tx;
        this.anonymous = new RateLimiter(settings.anonymousPerMinute());
    }

    // ---------------------------------------------------------------- reference data

    /** Every category, parents before their children. */
    public List<Category> categories() {
        return categories.list();
    }

    /** An active category; REPORT_CATEGORY_UNKNOWN otherwise. */
    public Category category(String code) {
        return categories.active(code);
    }

    /** The communes (2025 structure) of the province, for the reporter to pick from. */
    public List<Unit> communes() {
        return units.communes(Structure.Y2025, unitsSettings.provinceCode());
    }

    public ReportsSettings settings() {
        return settings;
    }

    /**
     * Creates or changes a category (administrators): code of lower-case letters, digits and dashes,
     * names in both languages, an icon, an existing parent that is not itself or below it.
     */
    @Transactional
    public Category saveCategory(Category input, boolean create) {
        List<Violation> violations = new ArrayList<>();
        String code = input.code() == null ? "" : input.code().strip();
        if (!code.matches("[a-z0-9][a-z0-9-]{0,62}")) {
            violations.add(new Violation("code", "invalid.domain_code"));
        }
        Optional<Category> existing = categories.find(code);
        if (create && existing.isPresent()) {
            violations.add(new Violation("code", "invalid.report_category_taken"));
        }
        if (!create && existing.isEmpty()) {
            throw TinhSoException.of(ErrorCode.REPORT_CATEGORY_UNKNOWN, code);
        }
        String name = VietnameseText.clean(input.name());
        String nameEn = VietnameseText.clean(input.nameEn());
        String icon = VietnameseText.clean(input.icon());
        if (name == null || name.isEmpty() || name.length() > 200) {
            violations.add(new Violation("name", "invalid.required"));
        }
        if (nameEn == null || nameEn.isEmpty() || nameEn.length() > 200) {
            violations.add(new Violation("nameEn", "invalid.required"));
        }
        if (icon == null || icon.isEmpty() || icon.length() > 16) {
            violations.add(new Violation("icon", "invalid.required"));
        }
        String parent = input.parentCode() == null || input.parentCode().isBlank() ? null : input.parentCode().strip();
        if (parent != null && (categories.find(parent).isEmpty() || categories.lineage(parent).contains(code))) {
            violations.add(new Violation("parentCode", "invalid.report_category"));
        }
        InvalidInput.throwIfAny(violations);
        Category saved = new Category(code, parent, name, nameEn, VietnameseText.clean(input.description()), icon,
                input.anonymousAllowed(), input.publicByDefault(), input.position(), input.active());
        categories.save(saved, create);
        events.publishEvent(new CategoryChanged(code, create ? "created" : "changed", saved.toString(),
                Actor.current()));
        return saved;
    }

    // ---------------------------------------------------------------- routing rules

    public List<RoutingRule> routingRules() {
        return routing.rules();
    }

    /** Adds a rule after checking its category, commune, area and agency (INVALID_INPUT otherwise). */
    @Transactional
    public RoutingRule addRoutingRule(RoutingRule rule) {
        List<Violation> violations = new ArrayList<>();
        if (rule.categoryCode() != null && categories.find(rule.categoryCode()).isEmpty()) {
            violations.add(new Violation("categoryCode", "invalid.report_category"));
        }
        if (rule.communeCode() != null && unit(rule.communeCode()).isEmpty()) {
            violations.add(new Violation("communeCode", "invalid.unit"));
        }
        boolean anyArea = rule.minLat() != null || rule.minLon() != null || rule.maxLat() != null || rule.maxLon() != null;
        if (anyArea && (rule.minLat() == null || rule.minLon() == null || rule.maxLat() == null || rule.maxLon() == null
                || rule.minLat() >= rule.maxLat() || rule.minLon() >= rule.maxLon() || Math.abs(rule.minLat()) > 90
                || Math.abs(rule.maxLat()) > 90 || Math.abs(rule.minLon()) > 180 || Math.abs(rule.maxLon()) > 180)) {
            violations.add(new Violation("area", "invalid.coordinates"));
        }
        if (rule.toCommune() == (rule.agencyId() != null)) {
            violations.add(new Violation("agencyId", "invalid.report_rule_target"));
        } else if (rule.agencyId() != null && agencies.find(rule.agencyId()).isEmpty()) {
            violations.add(new Violation("agencyId", "invalid.agency"));
        }
        String note = VietnameseText.clean(rule.note());
        if (note != null && note.length() > 500) {
            violations.add(new Violation("note", "invalid.too_long", 500));
        }
        InvalidInput.throwIfAny(violations);
        long id = routing.add(new RoutingRule(0, rule.categoryCode(), rule.communeCode(), rule.minLat(), rule.minLon(),
                rule.maxLat(), rule.maxLon(), rule.agencyId(), rule.toCommune(), rule.priority(), note));
        RoutingRule saved = routing.rules().stream().filter(r -> r.id() == id).findFirst().orElseThrow();
        events.publishEvent(new RoutingRuleChanged(id, "added", saved.toString(), Actor.current()));
        return saved;
    }

    @Transactional
    public void removeRoutingRule(long id) {
        RoutingRule rule = routing.rules().stream().filter(r -> r.id() == id).findFirst()
                .orElseThrow(() -> TinhSoException.of(ErrorCode.NOT_FOUND, String.valueOf(id)));
        routing.remove(id);
        events.publishEvent(new RoutingRuleChanged(id, "removed", rule.toString(), Actor.current()));
    }

    // ---------------------------------------------------------------- submission

    /**
     * Submits a report with its photos or video. Checks everything at once (INVALID_INPUT with each
     * problem): category, text, pin inside the province, commune, contact, media type and size. A
     * client key seen before from the same reporter returns the first report (an offline queue that
     * sends twice creates one report).
     *
     * @param user the signed-in reporter, or null for a report without an account
     * @param address the client address, for the rate limit of reports without an account
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public Submission submit(ReportInput input, List<MediaUpload> media, SignedInUser user, Source source,
            String address) {
        submitting.incrementAndGet();
        try {
            return doSubmit(input, media, user, source, address);
        } finally {
            submitting.decrementAndGet();
        }
    }

    /** How many submissions this node is working on now (the photo worker yields to them). */
    int submissionsInFlight() {
        return submitting.get();
    }

    private final java.util.concurrent.atomic.AtomicInteger submitting = new java.util.concurrent.atomic.AtomicInteger();

    private Submission doSubmit(ReportInput input, List<MediaUpload> media, SignedInUser user, Source source,
            String address) {
        Long account = user == null ? null : user.accountId();
        String key = input.clientKey() == null || input.clientKey().isBlank() ? null : input.clientKey().strip();
        if (key != null && !CLIENT_KEY.matcher(key).matches()) {
            throw new InvalidInput(List.of(new Violation("clientKey", "invalid.client_key")));
        }
        if (key != null) {
            Optional<Reports.Row> seen = reports.byClientKey(account, key);
            if (seen.isPresent()) {
                return new Submission(view(seen.get(), false), true);
            }
        }
        if (user == null && source != Source.OPEN311 && source != Source.DEMO
                && !anonymous.allow(String.valueOf(address))) {
            throw new TinhSoException(ErrorCode.TOO_MANY_REQUESTS);
        }
        // Everything is checked, and the photos written to disk (with fsync), before the transaction, so
        // that no connection waits on them. Should the transaction then fail (the database, not the
        // input), the files stay in the store unreferenced (docs/reports.md).
        List<Violation> mediaViolations = new ArrayList<>();
        List<Checked> checked = checkMedia(media, "photos", mediaViolations);
        Valid valid = validate(input, mediaViolations, user);
        List<Checked> ready = checked.isEmpty() ? checked : stored(checked, user == null ? "reports" : user.email());
        try {
            return tx.execute(status -> new Submission(create(input, valid, ready, user, source, key), false));
        } catch (DuplicateKeyException e) {
            return reports.byClientKey(account, key).map(row -> new Submission(view(row, false), true))
                    .orElseThrow(() -> e);
        }
    }

    /** A submission checked whole, ready to be written. */
    private record Valid(Category category, String description, String commune, String address, boolean anonymous,
            String name, String phone, String email) {
    }

    /** Checks every field of a submission; INVALID_INPUT with each problem (the media's included). */
    private Valid validate(ReportInput input, List<Violation> mediaViolations, SignedInUser user) {
        List<Violation> violations = new ArrayList<>();
        Category category = categories.find(input.category()).filter(Category::active).orElse(null);
        if (category == null) {
            violations.add(new Violation("category", "invalid.report_category"));
        }
        String description = VietnameseText.clean(input.description());
        if (description == null || description.length() < 10) {
            violations.add(new Violation("description", "invalid.report_description", 10, 4000));
        } else if (description.length() > 4000) {
            violations.add(new Violation("description", "invalid.too_long", 4000));
        }
        checkPin(input.lat(), input.lon(), violations);
        String commune = checkCommune(input.communeCode(), violations);
        String address = VietnameseText.clean(input.address());
        if (address != null && address.length() > 500) {
            violations.add(new Violation("address", "invalid.too_long", 500));
        }
        boolean anonymousReport = input.anonymous();
        if (anonymousReport && category != null && !category.anonymousAllowed()) {
            violations.add(new Violation("anonymous", "invalid.report_anonymous_not_allowed"));
        }
        String name = VietnameseText.clean(input.name());
        String phone = input.phone() == null ? null : input.phone().replaceAll("[\\s.\\-]", "");
        String email = input.email() == null || input.email().isBlank() ? null : input.email().strip();
        if (anonymousReport) {
            name = null;
            phone = null;
            email = null;
        } else {
            if (user != null) {
                name = name == null || name.isEmpty() ? user.displayName() : name;
                email = email == null ? user.email() : email;
            }
            if (name == null || name.isEmpty()) {
                violations.add(new Violation("name", "invalid.required"));
            } else if (name.length() > 200) {
                violations.add(new Violation("name", "invalid.too_long", 200));
            }
            if (phone != null && !phone.isEmpty() && !PHONE.matcher(phone).matches()) {
                violations.add(new Violation("phone", "invalid.phone"));
            }
            if (email != null && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
                violations.add(new Violation("email", "invalid.email"));
            }
            if (user == null && (phone == null || phone.isEmpty()) && email == null) {
                violations.add(new Violation("phone", "invalid.report_contact"));
            }
            if (phone != null && phone.isEmpty()) {
                phone = null;
            }
        }
        violations.addAll(mediaViolations);
        InvalidInput.throwIfAny(violations);
        return new Valid(category, description, commune, address, anonymousReport, name, phone, email);
    }

    private Report create(ReportInput input, Valid v, List<Checked> checked, SignedInUser user, Source source,
            String key) {
        Category category = v.category();
        String description = v.description();
        String commune = v.commune();
        String address = v.address();
        boolean anonymousReport = v.anonymous();
        String name = v.name();
        String phone = v.phone();
        String email = v.email();
        Instant now = now();
        Agency agency = routing.route(category.code(), commune, input.lat(), input.lon());
        UUID id = UUID.randomUUID();
        Instant due = calendar.addWorkingHours(now, settings.acceptWithin(), agency.id());
        reports.insert(new Reports.Row(id, 0, category.code(), description, PublicText.mask(description), false,
                input.lat(), input.lon(), commune, address, user == null ? null : user.accountId(), name, phone,
                email, anonymousReport, source.name(), key, ReportStatus.SUBMITTED, null, agency.id(),
                category.publicByDefault(), now, due, null, null, null, null, null, null, null, null, null, 0, null,
                null, null, null, 0, 0, now, 0));
        String owner = user == null ? "reports" : user.email();
        storeMedia(id, "BEFORE", checked, owner, now);
        reports.addEntry(id, "submitted", ReportStatus.SUBMITTED, anonymousReport || name == null ? null : name,
                agency.id(), null, null, true, now);
        Reports.Row saved = reports.byId(id, false).orElseThrow();
        publish("submitted", saved, agency, null);
        return view(saved, false);
    }

    private void checkPin(Double lat, Double lon, List<Violation> violations) {
        if (lat == null || lon == null || lat.isNaN() || lon.isNaN()) {
            violations.add(new Violation("location", "invalid.report_location_missing"));
        } else if (lat < -90 || lat > 90 || lon < -180 || lon > 180) {
            violations.add(new Violation("location", "invalid.coordinates"));
        } else if (!settings.area().contains(lat, lon)) {
            violations.add(new Violation("location", "invalid.report_outside_area"));
        }
    }

    private String checkCommune(String code, List<Violation> violations) {
        if (code == null || code.isBlank()) {
            return null;
        }
        String commune = code.strip();
        Optional<Unit> unit = unit(commune);
        if (unit.isEmpty() || !unitsSettings.provinceCode().equals(unit.get().provinceCode())) {
            violations.add(new Violation("commune", "invalid.unit"));
            return null;
        }
        return commune;
    }

    /** A photo or video checked by content, with what its EXIF says. */
    private record Checked(MediaUpload upload, String kind, Photos.Facts facts, StoredFile stored) {
        Checked(MediaUpload upload, String kind, Photos.Facts facts) {
            this(upload, kind, facts, null);
        }
    }

    private List<Checked> checkMedia(List<MediaUpload> media, String field, List<Violation> violations) {
        List<Checked> checked = new ArrayList<>();
        List<MediaUpload> list = media == null ? List.of() : media;
        if (list.size() > settings.maxPhotos()) {
            violations.add(new Violation(field, "invalid.report_too_many_photos", settings.maxPhotos()));
            return checked;
        }
        long videos = 0;
        for (int i = 0; i < list.size(); i++) {
            MediaUpload upload = list.get(i);
            String f = field + "[" + i + "]";
            try {
                Probe probe = probe(upload);
                if (probe.bytes() == 0) {
                    violations.add(new Violation(f, "invalid.report_photo_type", upload.name()));
                } else if (settings.videoTypes().contains(probe.type())) {
                    videos++;
                    if (probe.bytes() > settings.maxVideoSize().toBytes()) {
                        violations.add(new Violation(f, "invalid.report_video_size", settings.maxVideoSizeText()));
                    } else {
                        checked.add(new Checked(upload, "VIDEO", null));
                    }
                } else if (!settings.photoTypes().contains(probe.type())) {
                    violations.add(new Violation(f, "invalid.report_photo_type", upload.name()));
                } else if (probe.bytes() > settings.maxPhotoSize().toBytes()) {
                    violations.add(new Violation(f, "invalid.report_photo_size", settings.maxPhotoSizeText()));
                } else {
                    int[] size;
                    try (InputStream in = upload.content().open()) {
                        size = Photos.size(in);
                    }
                    if (size == null) {
                        violations.add(new Violation(f, "invalid.report_photo_type", upload.name()));
                    } else if ((long) size[0] * size[1] > settings.maxPhotoPixels()) {
                        violations.add(new Violation(f, "invalid.report_photo_pixels",
                                settings.maxPhotoPixels() / 1_000_000));
                    } else {
                        Photos.Facts facts;
                        try (InputStream in = upload.content().open()) {
                            facts = Photos.facts(size[0], size[1], in);
                        }
                        checked.add(new Checked(upload, "PHOTO", facts));
                    }
                }
            } catch (IOException e) {
                violations.add(new Violation(f, "invalid.report_photo_type", upload.name()));
            }
        }
        if (videos > 1) {
            violations.add(new Violation(field, "invalid.report_one_video"));
        }
        return checked;
    }

    private record Probe(String type, long bytes) {
    }

    /** The sniffed type and the size, reading the content once. */
    private Probe probe(MediaUpload upload) throws IOException {
        try (InputStream in = upload.content().open()) {
            byte[] head = in.readNBytes(8 * 1024); // the magic numbers of images and videos are at the start
            long size = head.length;
            byte[] buffer = new byte[64 * 1024];
            if (upload.size() >= 0) {
                return new Probe(MediaTypes.sniff(head, upload.name()), upload.size());
            }
            long limit = Math.max(settings.maxVideoSize().toBytes(), settings.maxPhotoSize().toBytes()) + 1;
            int n;
            while (size < limit && (n = in.read(buffer)) > 0) {
                size += n;
            }
            return new Probe(MediaTypes.sniff(head, upload.name()), size);
        }
    }

    /** Stores the files now (each durable on disk and recorded by the files module). */
    private List<Checked> stored(List<Checked> checked, String owner) {
        List<Checked> out = new ArrayList<>();
        for (Checked c : checked) {
            try (InputStream in = c.upload().content().open()) {
                out.add(new Checked(c.upload(), c.kind(), c.facts(), files.store(in, c.upload().name(), owner)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    private void storeMedia(UUID id, String stage, List<Checked> checked, String owner, Instant now) {
        for (Checked c : checked) {
            StoredFile file = c.stored() != null ? c.stored() : stored(List.of(c), owner).get(0).stored();
            Photos.Facts f = c.facts();
            reports.addMedia(id, stage, c.kind(), file.id(), f == null ? null : f.width(),
                    f == null ? null : f.height(), f == null ? null : f.takenAt(), f == null ? null : f.lat(),
                    f == null ? null : f.lon(), now);
        }
    }

    /**
     * Open reports of the same category (or its family) within {@code duplicate-radius-meters}:
     * offered to the reporter before sending, and to the officer, nearest first.
     */
    public List<PublicReport> nearby(String category, double lat, double lon) {
        Category c = categories.active(category);
        double radius = settings.duplicateRadiusMeters();
        double dLat = radius / 111_320.0;
        double dLon = radius / (111_320.0 * Math.max(0.01, Math.cos(Math.toRadians(lat))));
        List<String> family = new ArrayList<>(categories.lineage(c.code()));
        categories.list().stream().filter(x -> c.code().equals(x.parentCode())).forEach(x -> family.add(x.code()));
        return reports.openNear(family, lat - dLat, lon - dLon, lat + dLat, lon + dLon).stream()
                .filter(Reports.Row::visible)
                .filter(r -> meters(lat, lon, r.lat(), r.lon()) <= radius)
                .sorted(Comparator.comparingDouble(r -> meters(lat, lon, r.lat(), r.lon())))
                .map(r -> publicView(r, false)).toList();
    }

    /** The distance between two points on the earth, in metres (haversine). */
    static double meters(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dp = p2 - p1;
        double dl = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 6_371_000 * 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
    }

    // ---------------------------------------------------------------- the reporter

    /** The reporter's own report (full) ; REPORT_NOT_FOUND for anyone else's. */
    public Report ofReporter(UUID id, SignedInUser user) {
        return view(owned(id, user, false), false);
    }

    /** The reports the user sent or follows, newest first. */
    public PageResult<Report> mine(SignedInUser user, PageResult.Request paging) {
        PageResult<Reports.Row> page = reports.list(new Reports.Filter(null, user.accountId(), null, null, null, false,
                null), paging, false);
        return views(page, row -> !Objects.equals(row.reporterAccount(), user.accountId()));
    }

    /** Rates a resolved report (1 to 5, with a comment) and closes it; the reporter only. */
    @Transactional
    public Report rate(UUID id, int rating, String comment, SignedInUser user) {
        Reports.Row row = owned(id, user, true);
        if (row.status() != ReportStatus.RESOLVED && !(row.status() == ReportStatus.CLOSED && row.rating() == null)) {
            throw TinhSoException.of(ErrorCode.REPORT_STATE, row.seq());
        }
        List<Violation> violations = new ArrayList<>();
        if (rating < 1 || rating > 5) {
            violations.add(new Violation("rating", "invalid.range", 1, 5));
        }
        String text = VietnameseText.clean(comment);
        if (text != null && text.length() > 1000) {
            violations.add(new Violation("comment", "invalid.too_long", 1000));
        }
        InvalidInput.throwIfAny(violations);
        Instant now = now();
        Map<String, Object> columns = columns("rating", rating, "rating_comment", blank(text), "rated_at", now);
        if (row.status() == ReportStatus.RESOLVED) {
            columns.put("closed_at", now);
            reports.transition(id, ReportStatus.RESOLVED, ReportStatus.CLOSED, now, columns);
        } else {
            reports.update(id, now, columns);
        }
        reports.addEntry(id, "rated", ReportStatus.CLOSED, null, row.agencyId(), rating + "/5"
                + (blank(text) == null ? "" : ": " + text), null, true, now);
        return changed("rated", id, rating + "/5");
    }

    /**
     * Reopens a resolved or closed report within {@code reopen-days} of its resolution: the problem
     * is back. It returns to the same agency, which must accept it again.
     */
    @Transactional
    public Report reopen(UUID id, String reason, SignedInUser user) {
        Reports.Row row = owned(id, user, true);
        if (row.status() != ReportStatus.RESOLVED && row.status() != ReportStatus.CLOSED || row.resolvedAt() == null) {
            throw TinhSoException.of(ErrorCode.REPORT_STATE, row.seq());
        }
        Instant now = now();
        if (now.isAfter(row.resolvedAt().plus(Duration.ofDays(settings.reopenDays())))) {
            throw TinhSoException.of(ErrorCode.REPORT_REOPEN_EXPIRED, settings.reopenDays());
        }
        String text = reason(reason, "reason");
        Instant due = calendar.addWorkingHours(now, settings.acceptWithin(), row.agencyId());
        reports.transition(id, row.status(), ReportStatus.REOPENED, now, columns("reopen_count", row.reopenCount() + 1,
                "accept_due_at", due, "accepted_at", null, "handle_due_at", null, "resolved_at", null,
                "closed_at", null, "rating", null, "rating_comment", null, "rated_at", null, "reminded_at", null,
                "escalated_at", null, "on_time", null));
        reports.addEntry(id, "reopened", ReportStatus.REOPENED, null, row.agencyId(), text, null, true, now);
        return changed("reopened", id, text);
    }

    /** Follows ("me too") a public report, to be told of its progress. */
    @Transactional
    public boolean follow(long number, SignedInUser user) {
        Reports.Row row = visibleRow(number);
        if (Objects.equals(row.reporterAccount(), user.accountId())) {
            return false;
        }
        boolean added = reports.follow(row.id(), user.accountId(), now());
        if (added) {
            publish("followed", reports.byId(row.id(), false).orElseThrow(), agencies.get(row.agencyId()), null);
        }
        return added;
    }

    @Transactional
    public boolean unfollow(long number, SignedInUser user) {
        return reports.unfollow(visibleRow(number).id(), user.accountId());
    }

    public boolean follows(long number, SignedInUser user) {
        return reports.follows(visibleRow(number).id(), user.accountId());
    }

    // ---------------------------------------------------------------- the agency

    /** A report routed to one of the officer's agencies; REPORT_NOT_FOUND otherwise. */
    public Report forOfficer(UUID id, SignedInUser officer) {
        return view(forDesk(id, officer, false), true);
    }

    /** The timeline of a report for its reporter or its agency (with the replaced texts). */
    public List<ReportEntry> timeline(Report report) {
        return entries(report.id(), false);
    }

    /** The reports of the officer's agencies, oldest first (the queue). */
    public PageResult<Report> desk(SignedInUser officer, DeskQuery query, PageResult.Request paging) {
        List<Long> agencyIds = officerAgencies(officer);
        PageResult<Reports.Row> page = reports.list(new Reports.Filter(agencyIds, null, query.statuses(),
                query.category(), query.commune(), query.overdueOnly(), query.text()), paging, true);
        return views(page, row -> false);
    }

    /** Counts of the officer's reports by status, with OVERDUE. */
    public Map<String, Long> deskCounts(SignedInUser officer) {
        return reports.counts(officerAgencies(officer));
    }

    /** Accepts a submitted or reopened report with a severity, which sets the handling deadline. */
    @Transactional
    public Report accept(UUID id, Severity severity, SignedInUser officer) {
        Reports.Row row = forDesk(id, officer, true);
        if (!row.status().awaitsAcceptance()) {
            throw TinhSoException.of(ErrorCode.REPORT_STATE, row.seq());
        }
        Severity s = severity == null ? Severity.NORMAL : severity;
        Instant now = now();
        Instant due = calendar.addWorkingHours(now, settings.handleWithin(s), row.agencyId());
        reports.transition(id, row.status(), ReportStatus.ACCEPTED, now, columns("severity", s.name(),
                "accepted_at", now, "handle_due_at", due, "reminded_at", null, "escalated_at", null));
        reports.addEntry(id, "accepted", ReportStatus.ACCEPTED, officer.displayName(), row.agencyId(), null, null,
                true, now);
        return changed("accepted", id, null);
    }

    /** Changes the severity of an accepted report; the handling deadline is counted again from acceptance. */
    @Transactional
    public Report setSeverity(UUID id, Severity severity, SignedInUser officer) {
        Reports.Row row = forDesk(id, officer, true);
        if (row.status() != ReportStatus.ACCEPTED && row.status() != ReportStatus.IN_PROGRESS || severity == null) {
            throw TinhSoException.of(ErrorCode.REPORT_STATE, row.seq());
        }
        Instant now = now();
        Instant due = calendar.addWorkingHours(row.acceptedAt(), settings.handleWithin(severity), row.agencyId());
        reports.update(id, now, columns("severity", severity.name(), "handle_due_at", due, "reminded_at", null,
                "escalated_at", null));
        reports.addEntry(id, "severity_changed", row.status(), officer.displayName(), row.agencyId(), severity.name(),
                row.severity() == null ? null : row.severity().name(), false, now);
        return changed("severity_changed", id, severity.name());
    }

    /** Starts handling an accepted report. */
    @Transactional
    public Report start(UUID id, SignedInUser officer) {
        Reports.Row row = forDesk(id, officer, true);
        move(row, ReportStatus.IN_PROGRESS);
        Instant now = now();
        reports.transition(id, row.status(), ReportStatus.IN_PROGRESS, now, Map.of());
        reports.addEntry(id, "started", ReportStatus.IN_PROGRESS, officer.displayName(), row.agencyId(), null, null,
                true, now);
        return changed("started", id, null);
    }

    /**
     * Resolves a report with a public answer and at least one "after" photo (the proof of fix).
     */
    @Transactional
    public Report resolve(UUID id, String answer, List<MediaUpload> afterPhotos, SignedInUser officer) {
        Reports.Row row = forDesk(id, officer, true);
        move(row, ReportStatus.RESOLVED);
        List<Violation> violations = new ArrayList<>();
        String text = VietnameseText.clean(answer);
        if (text == null || text.length() < 10 || text.length() > 4000) {
            violations.add(new Violation("answer", "invalid.report_answer", 10, 4000));
        }
        List<MediaUpload> photos = afterPhotos == null ? List.of() : afterPhotos;
        if (photos.isEmpty()) {
            violations.add(new Violation("photos", "invalid.report_after_photo"));
        }
        List<Checked> checked = checkMedia(photos, "photos", violations);
        if (checked.stream().anyMatch(c -> !"PHOTO".equals(c.kind()))) {
            violations.add(new Violation("photos", "invalid.report_after_photo"));
        }
        InvalidInput.throwIfAny(violations);
        Instant now = now();
        storeMedia(id, "AFTER", checked, officer.email(), now);
        boolean onTime = row.handleDueAt() == null || !now.isAfter(row.handleDueAt());
        reports.transition(id, row.status(), ReportStatus.RESOLVED, now, columns("answer", text, "resolved_at", now,
                "on_time", onTime));
        reports.addEntry(id, "resolved", ReportStatus.RESOLVED, officer.displayName(), row.agencyId(), text, null,
                true, now);
        return changed("resolved", id, text);
    }

    /** Rejects a report with a reason the reporter reads (not the agency's matter, not a real problem...). */
    @Transactional
    public Report reject(UUID id, String reason, SignedInUser officer) {
        Reports.Row row = forDesk(id, officer, true);
        move(row, ReportStatus.REJECTED);
        String text = reason(reason, "reason");
        Instant now = now();
        boolean onTime = row.acceptDueAt() == null || !now.isAfter(row.acceptDueAt());
        reports.transition(id, row.status(), ReportStatus.REJECTED, now, columns("reject_reason", text,
                "closed_at", now, "on_time", onTime));
        reports.addEntry(id, "rejected", ReportStatus.REJECTED, officer.displayName(), row.agencyId(), text, null,
                true, now);
        return changed("rejected", id, text);
    }

    /**
     * Sends a report waiting for acceptance to another agency: the triage centre routes what no
     * rule matched, an agency returns what is not its matter (to triage when no agency is given).
     */
    @Transactional
    public Report reroute(UUID id, Long agencyId, String note, SignedInUser officer) {
        Reports.Row row = forDesk(id, officer, true);
        if (!row.status().awaitsAcceptance()) {
            throw TinhSoException.of(ErrorCode.REPORT_STATE, row.seq());
        }
        Agency target = agencyId == null ? routing.triage() : agencies.find(agencyId).filter(Agency::active)
                .orElseThrow(() -> new InvalidInput(List.of(new Violation("agencyId", "invalid.agency"))));
        if (target.id() == row.agencyId()) {
            throw new InvalidInput(List.of(new Violation("agencyId", "invalid.report_same_agency")));
        }
        String text = reason(note, "note");
        Instant now = now();
        Instant due = calendar.addWorkingHours(now, settings.acceptWithin(), target.id());
        reports.transition(id, row.status(), row.status(), now, columns("agency_id", target.id(), "accept_due_at", due,
                "reminded_at", null, "escalated_at", null));
        String kind = agencyId == null ? "returned" : "rerouted";
        reports.addEntry(id, kind, row.status(), officer.displayName(), target.id(), text, null, true, now);
        return changed(kind, id, target.name());
    }

    /** Edits the public text (the original description is kept, and the replaced text in the timeline). */
    @Transactional
    public Report editPublicText(UUID id, String text, SignedInUser officer) {
        Reports.Row row = forDesk(id, officer, true);
        String clean = VietnameseText.clean(text);
        if (clean == null || clean.length() < 10 || clean.length() > 4000) {
            throw new InvalidInput(List.of(new Violation("publicText", "invalid.report_description", 10, 4000)));
        }
        Instant now = now();
        reports.update(id, now, columns("public_text", PublicText.mask(clean), "public_text_edited", true));
        reports.addEntry(id, "public_text_edited", row.status(), officer.displayName(), row.agencyId(), null,
                row.publicText(), false, now);
        return changed("public_text_edited", id, null);
    }

    /** Shows or hides a report on the public map and list. */
    @Transactional
    public Report setVisible(UUID id, boolean visible, SignedInUser officer) {
        Reports.Row row = forDesk(id, officer, true);
        Instant now = now();
        reports.update(id, now, columns("visible", visible));
        reports.addEntry(id, "visibility_changed", row.status(), officer.displayName(), row.agencyId(),
                visible ? "public" : "hidden", null, false, now);
        return changed("visibility_changed", id, visible ? "public" : "hidden");
    }

    /**
     * Merges a duplicate into an earlier report: the duplicate is rejected with a pointer to the
     * other, and its reporter and followers follow the other from now on.
     */
    @Transactional
    public Report merge(UUID id, long intoNumber, SignedInUser officer) {
        Reports.Row row = forDesk(id, officer, true);
        if (!row.status().open()) {
            throw TinhSoException.of(ErrorCode.REPORT_STATE, row.seq());
        }
        Reports.Row into = reports.bySeq(intoNumber).filter(r -> r.mergedInto() == null && r.seq() != row.seq()
                && r.status() != ReportStatus.REJECTED)
                .orElseThrow(() -> new InvalidInput(List.of(new Violation("into", "invalid.report_merge_target"))));
        Instant now = now();
        if (row.reporterAccount() != null) {
            reports.follow(into.id(), row.reporterAccount(), now);
        }
        reports.followers(id).forEach(a -> reports.follow(into.id(), a, now));
        String text = "#" + into.seq();
        reports.transition(id, row.status(), ReportStatus.REJECTED, now, columns("merged_into", into.id(),
                "reject_reason", text, "closed_at", now));
        reports.addEntry(id, "merged", ReportStatus.REJECTED, officer.displayName(), row.agencyId(), text, null,
                true, now);
        return changed("merged", id, text);
    }

    /** The officer's agencies (any grant: officer or leader). */
    private List<Long> officerAgencies(SignedInUser officer) {
        return officer.grants().stream().map(g -> g.agencyId()).filter(Objects::nonNull).distinct().toList();
    }

    // ---------------------------------------------------------------- deadlines (ReportDeadlines)

    /** Reminds agencies of deadlines that fall within {@code remind-before}; returns how many. */
    @Transactional
    public int remindDue(Instant now) {
        int n = 0;
        for (UUID id : reports.dueBefore(now.plus(settings.remindBefore()), false)) {
            Reports.Row row = reports.byId(id, true).orElseThrow();
            reports.update(id, now, columns("reminded_at", now));
            events.publishEvent(new ReportEvent.DeadlineNear(facts(row, agencies.get(row.agencyId()), null),
                    Actor.named(Actor.SYSTEM)));
            n++;
        }
        return n;
    }

    /** Escalates reports whose deadline passed to the agency's leaders; returns how many. */
    @Transactional
    public int escalateOverdue(Instant now) {
        int n = 0;
        for (UUID id : reports.dueBefore(now, true)) {
            Reports.Row row = reports.byId(id, true).orElseThrow();
            reports.update(id, now, columns("escalated_at", now));
            reports.addEntry(id, "escalated", row.status(), null, row.agencyId(), null, null, false, now);
            events.publishEvent(new ReportEvent.Escalated(facts(row, agencies.get(row.agencyId()), null),
                    Actor.named(Actor.SYSTEM)));
            n++;
        }
        return n;
    }

    /** Closes resolved reports whose reopening window has passed; returns how many. */
    @Transactional
    public int closeSettled(Instant now) {
        int n = 0;
        for (UUID id : reports.resolvedBefore(now.minus(Duration.ofDays(settings.reopenDays())))) {
            Reports.Row row = reports.byId(id, true).orElseThrow();
            if (reports.transition(id, ReportStatus.RESOLVED, ReportStatus.CLOSED, now, columns("closed_at", now))) {
                reports.addEntry(id, "closed", ReportStatus.CLOSED, null, row.agencyId(), null, null, true, now);
                changed("closed", id, null);
                n++;
            }
        }
        return n;
    }

    // ---------------------------------------------------------------- public

    /** A public report by its number; REPORT_NOT_FOUND when hidden or unknown. */
    public PublicReport publicReport(long number) {
        return publicView(visibleRow(number), true);
    }

    /** Public reports, newest first. */
    public PageResult<PublicReport> publicList(PublicQuery query, PageResult.Request paging) {
        List<String> family = query.category() == null ? null : categories.list().stream()
                .filter(c -> categories.lineage(c.code()).contains(query.category())).map(Category::code).toList();
        PageResult<Reports.Row> page = reports.publicList(new PublicQuery(query.category(), query.commune(),
                query.statuses(), query.from(), query.to(), family), paging);
        Map<UUID, List<ReportMedia>> media = reports.media(page.items().stream().map(Reports.Row::id).toList());
        Map<Long, String> names = agencyNames();
        return new PageResult<>(page.items().stream().map(r -> publicView(r, media.getOrDefault(r.id(), List.of()),
                names, List.of())).toList(), page.page(), page.size(), page.total());
    }

    /**
     * Public reports by number, for APIs that list by id (Open311), in the order asked; unknown and
     * hidden ones skipped. A merged duplicate is found by its number (rejected, "#" and the other's
     * number) although the lists leave it out.
     */
    public List<PublicReport> publicReports(List<Long> numbers) {
        Map<Long, Reports.Row> found = new HashMap<>();
        reports.bySeqs(numbers).stream().filter(Reports.Row::visible).forEach(r -> found.put(r.seq(), r));
        List<Reports.Row> rows = numbers.stream().distinct().map(found::get).filter(Objects::nonNull).toList();
        Map<UUID, List<ReportMedia>> media = reports.media(rows.stream().map(Reports.Row::id).toList());
        Map<Long, String> names = agencyNames();
        return rows.stream().map(r -> publicView(r, media.getOrDefault(r.id(), List.of()), names, List.of())).toList();
    }

    /** The number of a report by its id (Open311's token), public or not; empty when unknown. */
    Optional<Long> number(UUID id) {
        return reports.byId(id, false).map(Reports.Row::seq);
    }

    /**
     * A published photo (public copy or thumbnail) of a visible report; REPORT_NOT_FOUND otherwise.
     * The original is never served here.
     */
    public InputStream publicPhoto(long mediaId, boolean thumb) {
        var entry = reports.mediaById(mediaId).orElseThrow(() -> TinhSoException.of(ErrorCode.REPORT_NOT_FOUND, mediaId));
        Reports.Row row = reports.byId(entry.getKey(), false).filter(Reports.Row::visible)
                .orElseThrow(() -> TinhSoException.of(ErrorCode.REPORT_NOT_FOUND, mediaId));
        ReportMedia m = entry.getValue();
        if (!m.publishable() || row.mergedInto() != null) {
            throw TinhSoException.of(ErrorCode.REPORT_NOT_FOUND, mediaId);
        }
        return files.open(thumb ? m.thumbFile() : m.publicFile());
    }

    /**
     * An original photo or video of a report, for its reporter or its agency only (the original
     * keeps its EXIF; the reporter also gets the agency's "after" photos); REPORT_NOT_FOUND for anyone else.
     */
    public Map.Entry<StoredFile, InputStream> original(long mediaId, SignedInUser user) {
        var entry = reports.mediaById(mediaId).orElseThrow(() -> TinhSoException.of(ErrorCode.REPORT_NOT_FOUND, mediaId));
        Reports.Row row = reports.byId(entry.getKey(), false).orElseThrow();
        // The reporter sees their own photos and the agency's "after" photos, even of a report kept from the public.
        boolean reporter = user != null && Objects.equals(row.reporterAccount(), user.accountId());
        if (user == null || !reporter && !user.actsFor(row.agencyId())) {
            throw TinhSoException.of(ErrorCode.REPORT_NOT_FOUND, mediaId);
        }
        UUID file = entry.getValue().originalFile();
        return Map.entry(files.get(file), files.open(file));
    }

    // ---------------------------------------------------------------- photo processing (MediaProcessor)

    /** Makes the public copy and thumbnail of one photo; false when it was done already. */
    @Transactional
    public boolean processPhoto(long mediaId) {
        var entry = reports.mediaById(mediaId).orElse(null);
        if (entry == null || entry.getValue().publicFile() != null || !entry.getValue().photo()) {
            return false;
        }
        byte[] original;
        try (InputStream in = files.open(entry.getValue().originalFile())) {
            original = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Photos.Copies copies = photos.copies(original, settings.publicWidth(), settings.thumbWidth());
        StoredFile large = files.store(new ByteArrayInputStream(copies.publicJpeg()), "photo-" + mediaId + ".jpg",
                "reports");
        StoredFile thumb = files.store(new ByteArrayInputStream(copies.thumbJpeg()), "thumb-" + mediaId + ".jpg",
                "reports");
        reports.processed(mediaId, large.id(), thumb.id(), copies.width(), copies.height());
        return true;
    }

    /** Counts a failed attempt at a photo's public copy; after three it is no longer tried. */
    @Transactional
    public void photoFailed(long mediaId) {
        reports.processFailed(mediaId);
    }

    /** Photos waiting for their public copies. */
    public List<Long> unprocessedPhotos(int limit) {
        return reports.unprocessedPhotos(limit);
    }

    // ---------------------------------------------------------------- helpers

    private Reports.Row owned(UUID id, SignedInUser user, boolean lock) {
        return reports.byId(id, lock).filter(r -> user != null && Objects.equals(r.reporterAccount(), user.accountId()))
                .orElseThrow(() -> TinhSoException.of(ErrorCode.REPORT_NOT_FOUND, String.valueOf(id)));
    }

    private Reports.Row forDesk(UUID id, SignedInUser officer, boolean lock) {
        return reports.byId(id, lock).filter(r -> officer.actsFor(r.agencyId()))
                .orElseThrow(() -> TinhSoException.of(ErrorCode.REPORT_NOT_FOUND, String.valueOf(id)));
    }

    private Reports.Row visibleRow(long number) {
        return reports.bySeq(number).filter(Reports.Row::visible)
                .orElseThrow(() -> TinhSoException.of(ErrorCode.REPORT_NOT_FOUND, String.valueOf(number)));
    }

    private static void move(Reports.Row row, ReportStatus to) {
        if (!row.status().canMoveTo(to)) {
            throw TinhSoException.of(ErrorCode.REPORT_STATE, row.seq());
        }
    }

    private static String reason(String reason, String field) {
        String text = VietnameseText.clean(reason);
        if (text == null || text.length() < 5 || text.length() > 2000) {
            throw new InvalidInput(List.of(new Violation(field, "invalid.report_reason", 5, 2000)));
        }
        return text;
    }

    private static String blank(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    static Map<String, Object> columns(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private Report changed(String kind, UUID id, String note) {
        Reports.Row saved = reports.byId(id, false).orElseThrow();
        publish(kind, saved, agencies.get(saved.agencyId()), note);
        return view(saved, false);
    }

    private void publish(String kind, Reports.Row row, Agency agency, String note) {
        events.publishEvent(new ReportEvent.Changed(kind, facts(row, agency, note), Actor.current()));
    }

    private ReportEvent.Facts facts(Reports.Row row, Agency agency, String note) {
        Category c = categories.find(row.categoryCode()).orElseThrow();
        Instant due = row.status().awaitsAcceptance() ? row.acceptDueAt() : row.status().open() ? row.handleDueAt() : null;
        return new ReportEvent.Facts(row.id(), row.seq(), c.name(), row.status(), agency.id(), agency.name(),
                row.reporterAccount(), reports.followers(row.id()), note, due);
    }

    private Map<Long, String> agencyNames() {
        Map<Long, String> names = new HashMap<>();
        agencies.all().forEach(a -> names.put(a.id(), a.name()));
        return names;
    }

    private String communeName(String code) {
        if (code == null) {
            return null;
        }
        return unit(code).map(Unit::name).orElse(code);
    }

    /** A unit of the 2025 structure; empty for an unknown or malformed code. */
    private Optional<Unit> unit(String code) {
        try {
            return units.find(new UnitId(Structure.Y2025, new vn.tinhso.units.UnitCode(code)));
        } catch (TinhSoException e) {
            return Optional.empty();
        }
    }

    private PageResult<Report> views(PageResult<Reports.Row> page, java.util.function.Predicate<Reports.Row> followed) {
        Map<UUID, List<ReportMedia>> media = reports.media(page.items().stream().map(Reports.Row::id).toList());
        Map<Long, String> names = agencyNames();
        return new PageResult<>(page.items().stream().map(r -> view(r, media.getOrDefault(r.id(), List.of()), names,
                followed.test(r))).toList(), page.page(), page.size(), page.total());
    }

    private Report view(Reports.Row row, boolean officer) {
        Map<Long, String> names = new HashMap<>();
        agencies.find(row.agencyId()).ifPresent(a -> names.put(a.id(), a.name()));
        return view(row, reports.media(row.id()), names, false);
    }

    /**
     * The full view. {@code followedOnly} (a report the user follows but did not send) hides the
     * reporter, as does an anonymous report for everyone.
     */
    private Report view(Reports.Row r, List<ReportMedia> media, Map<Long, String> names, boolean followedOnly) {
        Category c = categories.find(r.categoryCode()).orElseThrow();
        Report.Reporter reporter = followedOnly || r.anonymous()
                ? new Report.Reporter(null, null, null, null, r.anonymous())
                : new Report.Reporter(r.reporterAccount(), r.reporterName(), r.reporterPhone(), r.reporterEmail(), false);
        String description = followedOnly ? r.publicText() : r.description();
        return new Report(r.id(), r.seq(), c.code(), c.name(), c.icon(), description, r.publicText(),
                r.publicTextEdited(), r.lat(), r.lon(), r.communeCode(), communeName(r.communeCode()), r.address(),
                reporter, r.source(), r.status(), r.severity(), r.agencyId(), names.get(r.agencyId()), r.visible(),
                r.submittedAt(), r.acceptDueAt(), r.acceptedAt(), r.handleDueAt(), r.resolvedAt(), r.closedAt(),
                r.answer(), r.rejectReason(), r.rating(), r.ratingComment(), r.reopenCount(), r.mergedInto(),
                r.escalatedAt(), r.onTime(), r.followers(), r.updatedAt(),
                followedOnly ? media.stream().filter(ReportMedia::publishable).toList() : media);
    }

    private PublicReport publicView(Reports.Row r, boolean withTimeline) {
        Map<Long, String> names = new HashMap<>();
        agencies.find(r.agencyId()).ifPresent(a -> names.put(a.id(), a.name()));
        return publicView(r, reports.media(r.id()), names, withTimeline ? entries(r.id(), true) : List.of());
    }

    private PublicReport publicView(Reports.Row r, List<ReportMedia> media, Map<Long, String> names,
            List<ReportEntry> timeline) {
        Category c = categories.find(r.categoryCode()).orElseThrow();
        List<PublicReport.Photo> photos = media.stream().filter(ReportMedia::publishable)
                .map(m -> new PublicReport.Photo(m.id(), m.after(), m.publicFile(), m.thumbFile(), m.width(),
                        m.height())).toList();
        return new PublicReport(r.seq(), c.code(), c.name(), c.icon(), r.publicText(), r.lat(), r.lon(),
                r.communeCode(), communeName(r.communeCode()), r.address(), r.status(), names.get(r.agencyId()),
                r.submittedAt(), r.updatedAt(), r.resolvedAt(), r.answer(), r.rejectReason(), r.rating(),
                r.followers(), photos, timeline);
    }

    /** The timeline; the public one leaves out internal entries, officer names and replaced texts. */
    private List<ReportEntry> entries(UUID id, boolean publicOnly) {
        Map<Long, String> names = agencyNames();
        return reports.entries(id).stream().filter(e -> !publicOnly || e.getKey().publicEntry()).map(e -> {
            ReportEntry x = e.getKey();
            String agency = names.get(e.getValue());
            return publicOnly
                    ? new ReportEntry(x.id(), x.kind(), x.status(), null, agency, PublicText.mask(x.note()), null,
                            true, x.at())
                    : new ReportEntry(x.id(), x.kind(), x.status(), x.actorName(), agency, x.note(), x.previous(),
                            x.publicEntry(), x.at());
        }).toList();
    }
}
