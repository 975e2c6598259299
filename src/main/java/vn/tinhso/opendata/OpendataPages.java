package vn.tinhso.opendata;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.tinhso.identity.IdentitySettings;
import vn.tinhso.shared.ErrorCode;
import vn.tinhso.shared.PageResult;
import vn.tinhso.shared.TinhSoException;
import vn.tinhso.shared.VietnameseText;
import vn.tinhso.shared.Zones;
import vn.tinhso.units.Structure;
import vn.tinhso.units.Unit;
import vn.tinhso.units.UnitId;
import vn.tinhso.units.UnitManagement;

/**
 * The public pages of the open data portal: its home ({@code /data}), the search with facets
 * ({@code /dataset}, CKAN's parameter names), a dataset's page, and the publishers' and domains' pages
 * ({@code /organization}, {@code /group}, CKAN's addresses). Public datasets only, except that the
 * members of a publisher see their drafts and private datasets on the dataset's page.
 */
@Controller
class OpendataPages {

    static final int PAGE_SIZE = 20;
    static final int FACET_SHOWN = 8;
    static final int FACET_LIMIT = 50;
    static final int SHARE_TEXT = 200;
    static final int EXCERPT = 220;
    static final String DATASET_NAME = "{name:[A-Za-z0-9][A-Za-z0-9_\\-]*}";

    /** A sort the search offers: the value of the select, its message and the index's keys. */
    record SortOption(String value, String label, List<DatasetQuery.Sort> keys) {
    }

    static final List<SortOption> SORTS = List.of(
            new SortOption("", "opendata.page.sort.relevance", List.of(new DatasetQuery.Sort("score", true),
                    new DatasetQuery.Sort("metadata_modified", true))),
            new SortOption("metadata_modified desc", "opendata.page.sort.newest",
                    List.of(new DatasetQuery.Sort("metadata_modified", true))),
            new SortOption("title_string asc", "opendata.page.sort.name",
                    List.of(new DatasetQuery.Sort("title_string", false))),
            new SortOption("views_recent desc", "opendata.page.sort.views",
                    List.of(new DatasetQuery.Sort("views_recent", true))),
            new SortOption("quality desc", "opendata.page.sort.quality",
                    List.of(new DatasetQuery.Sort("quality", true))));

    /** A dataset in a list of results. */
    record Card(String name, String title, String excerpt, String publisherName, String publisherTitle,
            List<String> domains, List<String> formats, Instant modified, long views, boolean demo) {
    }

    /** One value of a facet with its count among the results, ticked or not. */
    record FacetOption(String value, String label, long count, boolean checked) {
    }

    /** A facet as the search page shows it: the first values, and the others behind "more". */
    record FacetView(String field, String legend, List<FacetOption> shown, List<FacetOption> more) {
    }

    /** A domain's card on the portal's home, with its number of public datasets. */
    record DomainCard(DataDomain domain, String title, long count) {
    }

    /** A publisher with its number of public datasets. */
    record PublisherCard(Publisher publisher, String title, long count) {
    }

    /** A resource as the dataset's page lists it. */
    record ResourceRow(DatasetResource resource, String href, boolean download, String size) {
    }

    /** The reference data a page refers to, read once per request (each read is a query). */
    record Names(Map<Long, Publisher> publishers, Map<String, Publisher> publisherNames,
            Map<String, DataDomain> domains, Map<String, Licence> licences) {

        static Names of(DatasetManagement catalogue) {
            List<Publisher> all = catalogue.publishers();
            Map<Long, Publisher> byId = new HashMap<>();
            Map<String, Publisher> byName = new HashMap<>();
            all.forEach(p -> {
                byId.put(p.agencyId(), p);
                byName.put(p.name(), p);
            });
            Map<String, DataDomain> domains = new HashMap<>();
            catalogue.domains().forEach(d -> domains.put(d.code(), d));
            Map<String, Licence> licences = new HashMap<>();
            catalogue.licences().forEach(l -> licences.put(l.id(), l));
            return new Names(byId, byName, domains, licences);
        }
    }

    private final DatasetManagement catalogue;
    private final UnitManagement units;
    private final IdentitySettings identity;
    private final MessageSource messages;

    OpendataPages(DatasetManagement catalogue, UnitManagement units, IdentitySettings identity,
            MessageSource messages) {
        this.catalogue = catalogue;
        this.units = units;
        this.identity = identity;
        this.messages = messages;
    }

    // ------------------------------------------------------------------ the portal's home

    @GetMapping("/data")
    @PreAuthorize("permitAll()")
    String home(Model model) {
        boolean english = english();
        DatasetHits all = catalogue.search(new DatasetQuery(null, Map.of(), Set.of(), false, false, List.of(), 0, 0,
                List.of(Facet.DOMAIN, Facet.PUBLISHER), -1));
        Map<String, Long> byDomain = counts(all, Facet.DOMAIN);
        Names names = Names.of(catalogue);
        List<DomainCard> domains = catalogue.domains().stream()
                .map(d -> new DomainCard(d, d.title(english), byDomain.getOrDefault(d.code(), 0L))).toList();
        model.addAttribute("total", all.count())
                .addAttribute("publisherCount", all.facets().getOrDefault(Facet.PUBLISHER, List.of()).size())
                .addAttribute("domains", domains)
                .addAttribute("newest", cards(catalogue.search(DatasetQuery.publicSearch(null, Map.of(),
                        List.of(new DatasetQuery.Sort("metadata_modified", true)), 0, 6)).results(), names))
                .addAttribute("popular", cards(catalogue.search(DatasetQuery.publicSearch(null, Map.of(),
                        List.of(new DatasetQuery.Sort("views_recent", true)), 0, 6)).results(), names));
        return "opendata/home";
    }

    // ------------------------------------------------------------------ search

    @GetMapping("/dataset")
    @PreAuthorize("permitAll()")
    String search(@RequestParam MultiValueMap<String, String> params,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        search(params, null, null, "/dataset", model);
        return htmx != null ? "opendata/search :: results" : "opendata/search";
    }

    /**
     * Fills the model of the search fragment. {@code fixed}: a facet the page is about (a publisher's or
     * a domain's page), always filtered on and not offered as a filter.
     */
    private void search(MultiValueMap<String, String> params, Facet fixed, String fixedValue, String action,
            Model model) {
        boolean english = english();
        Names names = Names.of(catalogue);
        String q = text(params.getFirst("q"));
        String sortValue = Objects.requireNonNullElse(params.getFirst("sort"), "").strip();
        SortOption sort = SORTS.stream().filter(s -> s.value().equals(sortValue)).findFirst().orElse(SORTS.get(0));
        String pageText = Objects.requireNonNullElse(params.getFirst("page"), "0").strip();
        int page = pageText.matches("\\d{1,5}") ? Integer.parseInt(pageText) : 0;
        Map<Facet, List<Set<String>>> filters = new EnumMap<>(Facet.class);
        Map<Facet, Set<String>> selected = new EnumMap<>(Facet.class);
        List<Facet> facets = new ArrayList<>();
        for (Facet f : Facet.values()) {
            if (f == fixed) {
                continue;
            }
            facets.add(f);
            Set<String> values = new LinkedHashSet<>();
            for (String v : params.getOrDefault(f.ckan(), List.of())) {
                if (v != null && !v.isBlank() && values.size() < FACET_LIMIT) {
                    values.add(v.strip());
                }
            }
            if (!values.isEmpty()) {
                selected.put(f, values);
                filters.put(f, List.of(Set.copyOf(values))); // values of a facet: any of them
            }
        }
        if (fixed != null) {
            filters.put(fixed, List.of(Set.of(fixedValue)));
        }
        DatasetHits hits = catalogue.search(new DatasetQuery(q, filters, Set.of(), false, false, sort.keys(),
                page * PAGE_SIZE, PAGE_SIZE, facets, FACET_LIMIT));
        List<FacetView> views = new ArrayList<>();
        for (Facet f : facets) {
            views.add(facetView(f, hits.facets().getOrDefault(f, List.of()), selected.getOrDefault(f, Set.of()),
                    english, names));
        }
        model.addAttribute("q", q).addAttribute("sort", sort.value()).addAttribute("sorts", SORTS)
                .addAttribute("facets", views).addAttribute("action", action)
                .addAttribute("filtered", !selected.isEmpty() || q != null)
                .addAttribute("result", new PageResult<>(cards(hits.results(), names), page, PAGE_SIZE, hits.count()));
    }

    private static FacetView facetView(Facet f, List<DatasetHits.FacetCount> counts, Set<String> selected,
            boolean english, Names names) {
        List<FacetOption> options = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        // Ticked values first, so that they can be unticked even when nothing matches any more.
        for (String v : selected) {
            long count = counts.stream().filter(c -> c.value().equals(v)).mapToLong(DatasetHits.FacetCount::count)
                    .findFirst().orElse(0);
            options.add(new FacetOption(v, label(f, v, english, names), count, true));
            seen.add(v);
        }
        for (DatasetHits.FacetCount c : counts) {
            if (seen.add(c.value())) {
                options.add(new FacetOption(c.value(), label(f, c.value(), english, names), c.count(), false));
            }
        }
        int shown = Math.max(FACET_SHOWN, selected.size());
        return new FacetView(f.ckan(), "opendata.page.facet." + f.ckan(),
                options.subList(0, Math.min(shown, options.size())),
                options.subList(Math.min(shown, options.size()), options.size()));
    }

    private static String label(Facet f, String value, boolean english, Names names) {
        return switch (f) {
            case PUBLISHER -> Optional.ofNullable(names.publisherNames().get(value)).map(p -> p.title(english))
                    .orElse(value);
            case DOMAIN -> Optional.ofNullable(names.domains().get(value)).map(d -> d.title(english)).orElse(value);
            case LICENCE -> Optional.ofNullable(names.licences().get(value)).map(l -> l.title(english)).orElse(value);
            default -> value;
        };
    }

    // ------------------------------------------------------------------ publishers and domains

    @GetMapping("/organization")
    @PreAuthorize("permitAll()")
    String organizations(Model model) {
        boolean english = english();
        Map<String, Long> counts = counts(facetCounts(Facet.PUBLISHER), Facet.PUBLISHER);
        List<PublisherCard> publishers = catalogue.publishers().stream()
                .filter(p -> counts.getOrDefault(p.name(), 0L) > 0)
                .map(p -> new PublisherCard(p, p.title(english), counts.get(p.name())))
                .sorted(Comparator.comparing(PublisherCard::title, VietnameseText.order())).toList();
        model.addAttribute("publishers", publishers);
        return "opendata/organizations";
    }

    @GetMapping("/organization/{name}")
    @PreAuthorize("permitAll()")
    String organization(@PathVariable String name, @RequestParam MultiValueMap<String, String> params,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        Publisher p = catalogue.publisher(name).filter(x -> x.name().equals(name))
                .orElseThrow(() -> TinhSoException.of(ErrorCode.NOT_FOUND, name));
        search(params, Facet.PUBLISHER, p.name(), "/organization/" + p.name(), model);
        model.addAttribute("publisher", p).addAttribute("heading", p.title(english()))
                .addAttribute("descriptionHtml", DatasetMarkdown.html(p.description()));
        return htmx != null ? "opendata/search :: results" : "opendata/organization";
    }

    @GetMapping("/group")
    @PreAuthorize("permitAll()")
    String groups(Model model) {
        boolean english = english();
        Map<String, Long> counts = counts(facetCounts(Facet.DOMAIN), Facet.DOMAIN);
        model.addAttribute("domains", catalogue.domains().stream()
                .map(d -> new DomainCard(d, d.title(english), counts.getOrDefault(d.code(), 0L))).toList());
        return "opendata/groups";
    }

    @GetMapping("/group/{code}")
    @PreAuthorize("permitAll()")
    String group(@PathVariable String code, @RequestParam MultiValueMap<String, String> params,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        DataDomain d = catalogue.domain(code).orElseThrow(() -> TinhSoException.of(ErrorCode.NOT_FOUND, code));
        search(params, Facet.DOMAIN, d.code(), "/group/" + d.code(), model);
        model.addAttribute("domain", d).addAttribute("heading", d.title(english()))
                .addAttribute("descriptionHtml", DatasetMarkdown.html(d.description()));
        return htmx != null ? "opendata/search :: results" : "opendata/group";
    }

    private DatasetHits facetCounts(Facet facet) {
        return catalogue.search(new DatasetQuery(null, Map.of(), Set.of(), false, false, List.of(), 0, 0,
                List.of(facet), -1));
    }

    private static Map<String, Long> counts(DatasetHits hits, Facet facet) {
        Map<String, Long> counts = new HashMap<>();
        hits.facets().getOrDefault(facet, List.of()).forEach(c -> counts.put(c.value(), c.count()));
        return counts;
    }

    // ------------------------------------------------------------------ a dataset

    @GetMapping("/dataset/" + DATASET_NAME)
    @PreAuthorize("permitAll()") // visibility of the dataset is checked by the catalogue
    String dataset(@PathVariable String name, Authentication auth, HttpServletRequest request,
            org.springframework.security.web.csrf.CsrfToken csrf, Model model) {
        if (csrf != null) {
            // The head (JSON-LD, sharing tags) may fill the response buffer before the layout asks for the
            // token: made now, while a session can still be created.
            csrf.getToken();
        }
        Editor editor = Editor.of(auth);
        Dataset d = catalogue.get(name, editor);
        if (!d.name().equals(name)) {
            return "redirect:/dataset/" + d.name(); // asked by id
        }
        catalogue.countView(d);
        boolean english = english();
        String base = base(request);
        CkanDicts.Context context = CkanDicts.Context.of(catalogue, base);
        Publisher publisher = context.publishers().get(d.publisherId());
        Licence licence = d.licenceId() == null ? null : context.licences().get(d.licenceId());
        List<String> spatial = spatialNames(d);
        boolean member = editor.edits(d.publisherId());
        String title = d.title(english);
        String url = base + "/dataset/" + d.name();
        String shareText = DatasetMarkdown.plain(d.notes(english), SHARE_TEXT);
        String encodedUrl = URLEncoder.encode(url, StandardCharsets.UTF_8);
        Instant published = d.publishedAt() != null ? d.publishedAt() : d.createdAt();
        String year = String.valueOf(published.atZone(Zones.VIETNAM).getYear());
        model.addAttribute("d", d).addAttribute("datasetTitle", title).addAttribute("english", english)
                .addAttribute("notesHtml", DatasetMarkdown.html(d.notes(english)))
                .addAttribute("publisher", publisher)
                .addAttribute("publisherTitle", publisher == null ? "" : publisher.title(english))
                .addAttribute("domains", d.domains().stream().map(context.domains()::get).filter(Objects::nonNull)
                        .toList())
                .addAttribute("licence", licence)
                .addAttribute("frequency", Frequency.of(d.frequency()).map(f -> f.label(english)).orElse(null))
                .addAttribute("spatial", spatial)
                .addAttribute("resources", d.resources().stream().map(r -> row(r, d)).toList())
                .addAttribute("quality", catalogue.quality(d)).addAttribute("member", member)
                .addAttribute("revisions", member ? catalogue.revisions(d) : List.of())
                .addAttribute("subscribed", catalogue.subscribed(d, editor))
                .addAttribute("signedIn", editor.signedIn())
                .addAttribute("citation", (publisher == null ? "" : publisher.title(english) + ". ") + "(" + year
                        + "). " + title + ". " + msg("opendata.page.citation.portal") + ". " + url)
                .addAttribute("shareUrl", url).addAttribute("shareText", shareText.isEmpty() ? title : shareText)
                .addAttribute("facebookUrl", "https://www.facebook.com/sharer/sharer.php?u=" + encodedUrl)
                .addAttribute("zaloUrl", "https://sp.zalo.me/plugins/share?href=" + encodedUrl)
                .addAttribute("xUrl", "https://x.com/intent/post?url=" + encodedUrl + "&text="
                        + URLEncoder.encode(title, StandardCharsets.UTF_8))
                .addAttribute("ckanUrl", "/api/3/action/package_show?id=" + d.name())
                .addAttribute("jsonLd", d.isPublic()
                        ? DatasetJsonLd.of(d, publisher, licence, spatial, base, context) : null);
        return "opendata/dataset";
    }

    @PostMapping("/dataset/" + DATASET_NAME + "/follow")
    @PreAuthorize("isAuthenticated()")
    String follow(@PathVariable String name, @RequestParam(defaultValue = "follow") String action,
            Authentication auth, RedirectAttributes redirect) {
        Editor editor = Editor.of(auth);
        Dataset d = catalogue.get(name, editor);
        if ("unfollow".equals(action)) {
            catalogue.unsubscribe(d, editor);
            redirect.addFlashAttribute("followOutcome", "unfollowed");
        } else {
            catalogue.subscribe(d, editor);
            redirect.addFlashAttribute("followOutcome", "followed");
        }
        return "redirect:/dataset/" + d.name();
    }

    private ResourceRow row(DatasetResource r, Dataset d) {
        String href = CkanDicts.url(r, d, new CkanDicts.Context(Map.of(), Map.of(), Map.of(), ""));
        boolean safe = href != null && (r.uploaded() || href.matches("(?i)^https?://.*"));
        return new ResourceRow(r, safe ? href : null, r.uploaded(), size(r.size()));
    }

    /** Names of the units the dataset covers, by their codes in the 2025 structure. */
    private List<String> spatialNames(Dataset d) {
        List<String> names = new ArrayList<>();
        for (String code : d.spatial()) {
            Optional<Unit> unit;
            try {
                unit = units.find(UnitId.of(String.valueOf(Structure.Y2025.year()), code));
            } catch (RuntimeException e) {
                unit = Optional.empty();
            }
            names.add(unit.map(Unit::name).orElse(code));
        }
        return names;
    }

    // ------------------------------------------------------------------ helpers

    static List<Card> cards(List<Dataset> datasets, Names names) {
        boolean english = english();
        return datasets.stream().map(d -> {
            Optional<Publisher> p = Optional.ofNullable(names.publishers().get(d.publisherId()));
            return new Card(d.name(), d.title(english), DatasetMarkdown.plain(d.notes(english), EXCERPT),
                    p.map(Publisher::name).orElse(null), p.map(x -> x.title(english)).orElse(""),
                    d.domains().stream().map(code -> Optional.ofNullable(names.domains().get(code))
                            .map(x -> x.title(english)).orElse(code)).toList(),
                    d.formats(), d.modifiedAt(), d.views(), d.demo());
        }).toList();
    }

    /** A size as people read it: 812 B, 12,4 KB, 3,1 MB (decimal comma in Vietnamese). */
    static String size(Long bytes) {
        if (bytes == null) {
            return null;
        }
        Locale locale = LocaleContextHolder.getLocale();
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(locale, "%.1f KB", bytes / 1024.0);
        }
        if (bytes < 1024L * 1024 * 1024) {
            return String.format(locale, "%.1f MB", bytes / (1024.0 * 1024));
        }
        return String.format(locale, "%.1f GB", bytes / (1024.0 * 1024 * 1024));
    }

    static boolean english() {
        return "en".equals(LocaleContextHolder.getLocale().getLanguage());
    }

    private String msg(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }

    private String base(HttpServletRequest request) {
        return CkanDicts.base(identity.baseUrl(), request);
    }

    private static String text(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
