package vn.tinhso.opendata;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.json.JsonMapper;
import vn.tinhso.identity.AccountView;
import vn.tinhso.identity.IdentityManagement;
import vn.tinhso.identity.Role;
import vn.tinhso.identity.RoleGrant;
import vn.tinhso.shared.VietnameseText;

/** The CKAN actions: what each reads from its parameters, whom it allows, and what it answers. */
@Component
class CkanActions {

    /** Actions that only read: callable with GET (CKAN's side_effect_free), and their help texts. */
    private static final Map<String, String> READ = new LinkedHashMap<>();
    private static final Map<String, String> WRITE = new LinkedHashMap<>();
    static final int ROWS_MAX = 1000;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static {
        READ.put("site_read", "Return true: the site is readable.");
        READ.put("status_show", "Return the site's version, title, language and extensions.");
        READ.put("help_show", "Return the help text of an action (name).");
        READ.put("package_list", "Return the names of the public datasets (limit, offset).");
        READ.put("package_show", "Return a dataset (id: name or id).");
        READ.put("package_search", "Search datasets (q, fq, sort, rows, start, facet.field, facet.limit, include_private, include_drafts).");
        READ.put("package_activity_list", "Return a dataset's changes, newest first (id, offset, limit).");
        READ.put("resource_show", "Return a resource (id).");
        READ.put("organization_list", "Return the publishers (all_fields, sort, limit, offset, organizations).");
        READ.put("organization_show", "Return a publisher (id, include_datasets).");
        READ.put("group_list", "Return the domains (all_fields, sort, limit, offset, groups).");
        READ.put("group_show", "Return a domain (id, include_datasets).");
        READ.put("tag_list", "Return the tags of public datasets (query, all_fields).");
        READ.put("license_list", "Return the licences datasets may be published under.");
        WRITE.put("package_create", "Create a dataset (name, title, owner_org, ...); officers' datasets wait for review.");
        WRITE.put("package_update", "Replace a dataset's metadata (id and the fields); resources are kept unless given.");
        WRITE.put("package_patch", "Change only the given fields of a dataset (id and the fields).");
        WRITE.put("package_delete", "Delete a dataset (id).");
        WRITE.put("resource_create", "Add a resource to a dataset (package_id, url or multipart upload, name, format).");
        WRITE.put("resource_update", "Replace a resource (id, url or upload, name, format, description).");
        WRITE.put("resource_patch", "Change only the given fields of a resource (id, ...).");
        WRITE.put("resource_delete", "Delete a resource (id).");
        WRITE.put("organization_member_create", "Make an account editor or admin of a publisher (id, username, role).");
    }

    private final DatasetManagement catalogue;
    private final IdentityManagement identity;

    CkanActions(DatasetManagement catalogue, IdentityManagement identity) {
        this.catalogue = catalogue;
        this.identity = identity;
    }

    static boolean known(String action) {
        return READ.containsKey(action) || WRITE.containsKey(action);
    }

    static boolean readOnly(String action) {
        return READ.containsKey(action);
    }

    Object call(String action, CkanParams p, Editor editor, Optional<MultipartFile> upload, String base) {
        CkanDicts.Context c = CkanDicts.Context.of(catalogue, base);
        return switch (action) {
            case "site_read" -> true;
            case "status_show" -> status(base);
            case "help_show" -> help(p);
            case "package_list" -> packageList(p);
            case "package_show" -> pkg(catalogue.find(p.required("id"), editor)
                    .orElseThrow(() -> CkanFailure.notFound("dataset " + p.string("id"))), c);
            case "package_search" -> search(p, editor, c);
            case "package_activity_list" -> activities(p, editor);
            case "resource_show" -> resourceShow(p, editor, c);
            case "organization_list" -> organizationList(p, c);
            case "organization_show" -> organizationShow(p, editor, c);
            case "group_list" -> groupList(p, c);
            case "group_show" -> groupShow(p, editor, c);
            case "tag_list" -> tagList(p);
            case "license_list" -> catalogue.licences().stream().map(CkanDicts::licence).toList();
            case "package_create" -> pkg(createPackage(p, writer(editor)), c);
            case "package_update" -> pkg(updatePackage(p, writer(editor), false), c);
            case "package_patch" -> pkg(updatePackage(p, writer(editor), true), c);
            case "package_delete" -> {
                catalogue.delete(p.required("id"), writer(editor));
                yield null;
            }
            case "resource_create" -> resourceCreate(p, writer(editor), upload, c);
            case "resource_update" -> resourceUpdate(p, writer(editor), upload, c, false);
            case "resource_patch" -> resourceUpdate(p, writer(editor), upload, c, true);
            case "resource_delete" -> {
                catalogue.deleteResource(p.required("id"), writer(editor));
                yield null;
            }
            case "organization_member_create" -> memberCreate(p, writer(editor), c);
            default -> throw CkanFailure.badRequest("Action name not known: " + action);
        };
    }

    private static Editor writer(Editor editor) {
        if (!editor.signedIn()) {
            throw CkanFailure.denied("an API token is needed to change the catalogue");
        }
        return editor;
    }

    private Map<String, Object> pkg(Dataset d, CkanDicts.Context c) {
        return CkanDicts.pkg(d, c, QualityScore.of(d, d.licenceId() == null ? null : c.licences().get(d.licenceId()),
                java.time.Instant.now()).score());
    }

    private Map<String, Object> status(String base) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ckan_version", CkanController.CKAN_VERSION);
        m.put("site_url", base);
        m.put("site_title", "Cổng dữ liệu mở – Tỉnh Số");
        m.put("site_description", "Dữ liệu mở của các cơ quan nhà nước trong tỉnh (Nghị định 47/2020/NĐ-CP)");
        m.put("error_emails_to", null);
        m.put("locale_default", "vi");
        m.put("extensions", List.of("tinhso", "dcat", "activity"));
        return m;
    }

    private static String help(CkanParams p) {
        String name = p.required("name");
        String text = READ.containsKey(name) ? READ.get(name) : WRITE.get(name);
        if (text == null) {
            throw CkanFailure.notFound("action " + name);
        }
        return text;
    }

    private List<String> packageList(CkanParams p) {
        int limit = p.natural("limit", Integer.MAX_VALUE);
        int offset = p.natural("offset", 0);
        DatasetHits all = catalogue.search(new DatasetQuery(null, Map.of(), Set.of(), false, false,
                List.of(new DatasetQuery.Sort("name", false)), offset, limit, List.of(), 0));
        return all.results().stream().map(Dataset::name).toList();
    }

    private Map<String, Object> search(CkanParams p, Editor editor, CkanDicts.Context c) {
        int rows = Math.min(p.natural("rows", 10), ROWS_MAX);
        int start = p.natural("start", 0);
        List<String> facetFields = p.has("facet.field") ? p.strings("facet.field") : List.of();
        List<Facet> facets = new ArrayList<>();
        for (String field : facetFields) {
            facets.add(Facet.ofCkan(field).orElseThrow(() -> CkanFailure.searchQuery("can not facet on '" + field
                    + "'")));
        }
        int facetLimit = p.integer("facet.limit", 50);
        boolean facet = p.bool("facet", true);
        CkanSearch.Terms terms = CkanSearch.parse(p.string("q"), p.string("fq"));
        boolean includePrivate = p.bool("include_private", false);
        boolean includeDrafts = p.bool("include_drafts", false);
        DatasetQuery q = new DatasetQuery(String.join(" ", terms.text()), terms.filters(),
                includePrivate || includeDrafts ? editor.publishers() : Set.of(),
                (includePrivate || includeDrafts) && editor.admin(), includeDrafts, CkanSearch.sort(p.string("sort")),
                start, rows, facet ? facets : List.of(), facetLimit);
        DatasetHits hits = terms.none() ? new DatasetHits(0, List.of(), Map.of()) : catalogue.search(q);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("count", hits.count());
        result.put("sort", p.string("sort") == null ? "score desc, metadata_modified desc" : p.string("sort"));
        Map<String, Object> flat = new LinkedHashMap<>();
        Map<String, Object> searchFacets = new LinkedHashMap<>();
        for (Facet f : q.facets()) {
            List<DatasetHits.FacetCount> counts = hits.facets().getOrDefault(f, List.of());
            Map<String, Long> values = new LinkedHashMap<>();
            counts.forEach(fc -> values.put(fc.value(), fc.count()));
            flat.put(f.ckan(), values);
            Map<String, Object> sf = new LinkedHashMap<>();
            sf.put("title", f.ckan());
            sf.put("items", counts.stream().map(fc -> {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("name", fc.value());
                item.put("display_name", displayName(f, fc.value(), c));
                item.put("count", fc.count());
                return item;
            }).toList());
            searchFacets.put(f.ckan(), sf);
        }
        result.put("facets", flat);
        result.put("search_facets", searchFacets);
        result.put("results", hits.results().stream().map(d -> pkg(d, c)).toList());
        return result;
    }

    private static String displayName(Facet f, String value, CkanDicts.Context c) {
        return switch (f) {
            case PUBLISHER -> c.publishers().values().stream().filter(p -> p.name().equals(value)).findFirst()
                    .map(Publisher::title).orElse(value);
            case DOMAIN -> Optional.ofNullable(c.domains().get(value)).map(DataDomain::title).orElse(value);
            case LICENCE -> Optional.ofNullable(c.licences().get(value)).map(Licence::title).orElse(value);
            default -> value;
        };
    }

    private List<Map<String, Object>> activities(CkanParams p, Editor editor) {
        Dataset d = catalogue.find(p.required("id"), editor)
                .orElseThrow(() -> CkanFailure.notFound("dataset " + p.string("id")));
        int offset = p.natural("offset", 0);
        int limit = Math.min(p.natural("limit", 31), 100);
        return catalogue.revisions(d).stream().skip(offset).limit(limit).map(r -> {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("id", d.id() + "@" + r.revision());
            a.put("timestamp", CkanDicts.time(r.changedAt()));
            a.put("user_id", r.changedBy());
            a.put("object_id", d.id().toString());
            a.put("revision", r.revision());
            a.put("activity_type", switch (r.change()) {
                case "created" -> "new package";
                case "deleted" -> "deleted package";
                default -> "changed package";
            });
            a.put("change", r.change());
            a.put("data", Map.of("package", JSON.readValue(r.snapshot(), Map.class)));
            return a;
        }).toList();
    }

    private Map<String, Object> resourceShow(CkanParams p, Editor editor, CkanDicts.Context c) {
        DatasetResource r = catalogue.resource(p.required("id"), editor)
                .orElseThrow(() -> CkanFailure.notFound("resource " + p.string("id")));
        Dataset d = catalogue.get(r.datasetId().toString(), editor);
        return CkanDicts.resource(r, d, c);
    }

    private Object organizationList(CkanParams p, CkanDicts.Context c) {
        Map<String, Long> counts = counts(Facet.PUBLISHER);
        List<Publisher> list = new ArrayList<>(catalogue.publishers());
        List<String> only = p.strings("organizations");
        if (only != null) {
            list.removeIf(o -> !only.contains(o.name()));
        }
        list.sort(order(p.string("sort"), Publisher::name, Publisher::title, o -> counts.getOrDefault(o.name(), 0L)));
        List<Publisher> page = page(list, p);
        if (p.bool("all_fields", false)) {
            return page.stream().map(o -> CkanDicts.organization(o, c, counts.getOrDefault(o.name(), 0L))).toList();
        }
        return page.stream().map(Publisher::name).toList();
    }

    private Map<String, Object> organizationShow(CkanParams p, Editor editor, CkanDicts.Context c) {
        Publisher o = catalogue.publisher(p.required("id"))
                .orElseThrow(() -> CkanFailure.notFound("organization " + p.string("id")));
        Map<String, Object> m = CkanDicts.organization(o, c, counts(Facet.PUBLISHER).getOrDefault(o.name(), 0L));
        if (p.bool("include_datasets", false)) {
            m.put("packages", catalogue.search(new DatasetQuery(null, Map.of(Facet.PUBLISHER, List.of(Set.of(o.name()))),
                    editor.publishers(), editor.admin(), false, List.of(new DatasetQuery.Sort("name", false)), 0, 1000,
                    List.of(), 0)).results().stream().map(d -> pkg(d, c)).toList());
        }
        return m;
    }

    private Object groupList(CkanParams p, CkanDicts.Context c) {
        Map<String, Long> counts = counts(Facet.DOMAIN);
        List<DataDomain> list = new ArrayList<>(catalogue.domains());
        List<String> only = p.strings("groups");
        if (only != null) {
            list.removeIf(g -> !only.contains(g.code()));
        }
        list.sort(order(p.string("sort"), DataDomain::code, DataDomain::title, g -> counts.getOrDefault(g.code(), 0L)));
        List<DataDomain> page = page(list, p);
        if (p.bool("all_fields", false)) {
            return page.stream().map(g -> CkanDicts.group(g, c, counts.getOrDefault(g.code(), 0L))).toList();
        }
        return page.stream().map(DataDomain::code).toList();
    }

    private Map<String, Object> groupShow(CkanParams p, Editor editor, CkanDicts.Context c) {
        DataDomain g = catalogue.domain(p.required("id"))
                .orElseThrow(() -> CkanFailure.notFound("group " + p.string("id")));
        Map<String, Object> m = CkanDicts.group(g, c, counts(Facet.DOMAIN).getOrDefault(g.code(), 0L));
        if (p.bool("include_datasets", false)) {
            m.put("packages", catalogue.search(new DatasetQuery(null, Map.of(Facet.DOMAIN, List.of(Set.of(g.code()))),
                    Set.of(), false, false, List.of(new DatasetQuery.Sort("name", false)), 0, 1000, List.of(), 0))
                    .results().stream().map(d -> pkg(d, c)).toList());
        }
        return m;
    }

    private List<String> tagList(CkanParams p) {
        String query = p.string("query");
        String folded = query == null ? null : VietnameseText.fold(query);
        TreeSet<String> tags = new TreeSet<>(VietnameseText.order());
        for (DatasetHits.FacetCount fc : catalogue.search(new DatasetQuery(null, Map.of(), Set.of(), false, false,
                List.of(), 0, 0, List.of(Facet.TAG), -1)).facets().getOrDefault(Facet.TAG, List.of())) {
            if (folded == null || VietnameseText.fold(fc.value()).contains(folded)) {
                tags.add(fc.value());
            }
        }
        return new ArrayList<>(tags);
    }

    private Map<String, Long> counts(Facet facet) {
        Map<String, Long> counts = new HashMap<>();
        catalogue.search(new DatasetQuery(null, Map.of(), Set.of(), false, false, List.of(), 0, 0, List.of(facet), -1))
                .facets().getOrDefault(facet, List.of()).forEach(fc -> counts.put(fc.value(), fc.count()));
        return counts;
    }

    private static <T> Comparator<T> order(String sort, Function<T, String> name, Function<T, String> title,
            Function<T, Long> count) {
        String s = sort == null ? "name asc" : sort.strip().toLowerCase(Locale.ROOT);
        Comparator<T> byName = Comparator.comparing(name);
        return switch (s) {
            case "name", "name asc" -> byName;
            case "name desc" -> byName.reversed();
            case "title", "title asc" -> Comparator.comparing(title, VietnameseText.order());
            case "title desc" -> Comparator.comparing(title, VietnameseText.order()).reversed();
            case "package_count", "package_count desc" -> Comparator.comparing(count).reversed().thenComparing(byName);
            case "package_count asc" -> Comparator.comparing(count).thenComparing(byName);
            default -> throw CkanFailure.validation("sort", "Unknown sort: " + sort);
        };
    }

    private static <T> List<T> page(List<T> list, CkanParams p) {
        int offset = p.natural("offset", 0);
        int limit = p.natural("limit", Integer.MAX_VALUE);
        return list.stream().skip(offset).limit(limit).toList();
    }

    // ------------------------------------------------------------------ writing

    private Dataset createPackage(CkanParams p, Editor editor) {
        Dataset d = catalogue.create(input(p, null), editor);
        List<Map<String, Object>> resources = p.dicts("resources");
        if (resources != null) {
            for (Map<String, Object> r : resources) {
                catalogue.addResource(d.id().toString(), resourceInput(new CkanParams(r), null), null, null, editor);
            }
        }
        return catalogue.get(d.id().toString(), editor);
    }

    private Dataset updatePackage(CkanParams p, Editor editor, boolean patch) {
        Dataset old = catalogue.find(p.required("id"), editor)
                .orElseThrow(() -> CkanFailure.notFound("dataset " + p.string("id")));
        DatasetInput base = DatasetInput.of(old, catalogue.publisher(old.publisherId()).map(Publisher::name)
                .orElse(String.valueOf(old.publisherId())));
        CkanParams given = p;
        if (!patch && !p.has("name")) {
            Map<String, Object> withName = new LinkedHashMap<>(p.all());
            withName.put("name", old.name());
            given = new CkanParams(withName);
        }
        Dataset d = catalogue.update(old.id().toString(), input(given, patch ? base : null), editor);
        List<Map<String, Object>> resources = p.dicts("resources");
        if (resources != null) {
            Set<String> kept = new java.util.HashSet<>();
            for (Map<String, Object> r : resources) {
                CkanParams rp = new CkanParams(r);
                String id = rp.string("id");
                if (id != null && d.resources().stream().anyMatch(x -> x.id().toString().equals(id))) {
                    kept.add(id);
                    catalogue.updateResource(id, resourceInput(rp, null), null, null, editor);
                } else {
                    kept.add(catalogue.addResource(d.id().toString(), resourceInput(rp, null), null, null, editor)
                            .id().toString());
                }
            }
            for (DatasetResource r : d.resources()) {
                if (!kept.contains(r.id().toString())) {
                    catalogue.deleteResource(r.id().toString(), editor);
                }
            }
        }
        return catalogue.get(d.id().toString(), editor);
    }

    /** The dataset input of the parameters; for a patch, what is not given comes from {@code base}. */
    private DatasetInput input(CkanParams p, DatasetInput base) {
        Map<String, String> extras = new LinkedHashMap<>();
        List<Map<String, Object>> given = p.dicts("extras");
        if (given != null) {
            for (Map<String, Object> e : given) {
                Object key = e.get("key");
                if (key == null) {
                    throw CkanFailure.validation("extras", "Each extra needs a key");
                }
                Object value = e.get("value");
                extras.put(String.valueOf(key), value == null ? null : String.valueOf(value));
            }
        }
        Function<String, String> field = key -> p.has(key) ? p.string(key) : extras.get(key);
        List<Dataset.Extra> custom = extras.entrySet().stream()
                .filter(e -> !CkanDicts.RESERVED_EXTRAS.contains(e.getKey()))
                .map(e -> new Dataset.Extra(e.getKey(), e.getValue())).toList();
        List<String> tags = tags(p);
        List<String> groups = p.has("groups") ? p.strings("groups") : null;
        String spatial = field.apply("spatial_units");
        List<String> spatialCodes = spatial == null ? null : List.of(spatial.split("\\s*,\\s*")).stream()
                .filter(s -> !s.isBlank()).toList();
        if (base == null) {
            return new DatasetInput(p.string("name"), p.string("title"), field.apply("title_en"), p.string("notes"),
                    field.apply("notes_en"), p.string("owner_org"), p.string("license_id"), p.bool("private", false),
                    p.string("version"), field.apply("frequency"), field.apply("temporal_start"),
                    field.apply("temporal_end"), spatialCodes,
                    p.has("maintainer") ? p.string("maintainer") : field.apply("contact_name"),
                    p.has("maintainer_email") ? p.string("maintainer_email") : field.apply("contact_email"),
                    p.string("url"), tags, groups, custom, p.string("state"));
        }
        boolean extrasGiven = given != null;
        return new DatasetInput(p.has("name") ? p.string("name") : base.name(),
                p.has("title") ? p.string("title") : base.title(),
                or(p, extras, "title_en", base.titleEn()), p.has("notes") ? p.string("notes") : base.notes(),
                or(p, extras, "notes_en", base.notesEn()), p.has("owner_org") ? p.string("owner_org") : base.publisher(),
                p.has("license_id") ? p.string("license_id") : base.licenceId(),
                p.has("private") ? p.bool("private", false) : base.isPrivate(),
                p.has("version") ? p.string("version") : base.version(), or(p, extras, "frequency", base.frequency()),
                or(p, extras, "temporal_start", base.temporalStart()), or(p, extras, "temporal_end", base.temporalEnd()),
                spatialCodes != null ? spatialCodes : base.spatial(),
                p.has("maintainer") ? p.string("maintainer") : or(p, extras, "contact_name", base.contactName()),
                p.has("maintainer_email") ? p.string("maintainer_email")
                        : or(p, extras, "contact_email", base.contactEmail()),
                p.has("url") ? p.string("url") : base.sourceUrl(), tags != null ? tags : base.tags(),
                groups != null ? groups : base.domains(), extrasGiven ? custom : base.extras(), p.string("state"));
    }

    private static String or(CkanParams p, Map<String, String> extras, String key, String otherwise) {
        if (p.has(key)) {
            return p.string(key);
        }
        return extras.containsKey(key) ? extras.get(key) : otherwise;
    }

    private static List<String> tags(CkanParams p) {
        if (p.has("tags")) {
            return p.strings("tags");
        }
        if (p.has("tag_string")) {
            return List.of(p.string("tag_string").split("\\s*,\\s*")).stream().filter(t -> !t.isBlank()).toList();
        }
        return null;
    }

    private static ResourceInput resourceInput(CkanParams p, DatasetResource base) {
        if (base == null) {
            return new ResourceInput(p.string("name"), p.string("description"), p.string("format"), p.string("url"));
        }
        return new ResourceInput(p.has("name") ? p.string("name") : base.name(),
                p.has("description") ? p.string("description") : base.description(),
                p.has("format") ? p.string("format") : base.format(),
                p.has("url") ? p.string("url") : base.uploaded() ? null : base.url());
    }

    private Map<String, Object> resourceCreate(CkanParams p, Editor editor, Optional<MultipartFile> upload,
            CkanDicts.Context c) {
        String dataset = p.required("package_id");
        DatasetResource r = withUpload(upload, (in, name) -> catalogue.addResource(dataset,
                resourceInput(p, null), in, name, editor));
        return CkanDicts.resource(r, catalogue.get(r.datasetId().toString(), editor), c);
    }

    private Map<String, Object> resourceUpdate(CkanParams p, Editor editor, Optional<MultipartFile> upload,
            CkanDicts.Context c, boolean patch) {
        String id = p.required("id");
        DatasetResource old = catalogue.resource(id, editor)
                .orElseThrow(() -> CkanFailure.notFound("resource " + id));
        DatasetResource r = withUpload(upload, (in, name) -> catalogue.updateResource(id,
                resourceInput(p, patch ? old : null), in, name, editor));
        return CkanDicts.resource(r, catalogue.get(r.datasetId().toString(), editor), c);
    }

    private interface WithContent {
        DatasetResource apply(InputStream content, String name);
    }

    private static DatasetResource withUpload(Optional<MultipartFile> upload, WithContent action) {
        if (upload.isEmpty()) {
            return action.apply(null, null);
        }
        try (InputStream in = upload.get().getInputStream()) {
            return action.apply(in, upload.get().getOriginalFilename());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, Object> memberCreate(CkanParams p, Editor editor, CkanDicts.Context c) {
        Publisher o = catalogue.publisher(p.required("id"))
                .orElseThrow(() -> CkanFailure.notFound("organization " + p.string("id")));
        if (!editor.publishes(o.agencyId())) {
            throw CkanFailure.denied("only the publisher's leaders and administrators add members");
        }
        String username = p.required("username");
        String capacity = p.required("role").strip().toLowerCase(Locale.ROOT);
        Role role = switch (capacity) {
            case "editor", "member" -> Role.OFFICER;
            case "admin" -> Role.LEADER;
            default -> throw CkanFailure.validation("role", "Role must be member, editor or admin");
        };
        AccountView account = identity.findByEmail(username.strip())
                .or(() -> {
                    try {
                        return Optional.of(identity.account(Long.parseLong(username.strip())));
                    } catch (RuntimeException e) {
                        return Optional.empty();
                    }
                })
                .orElseThrow(() -> CkanFailure.notFound("user " + username));
        identity.grant(account.id(), new RoleGrant(role, o.agencyId()));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("table_name", "user");
        m.put("table_id", String.valueOf(account.id()));
        m.put("group_id", String.valueOf(o.agencyId()));
        m.put("capacity", capacity);
        m.put("state", "active");
        return m;
    }
}
