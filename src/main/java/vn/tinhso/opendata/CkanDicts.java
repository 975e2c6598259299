package vn.tinhso.opendata;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Datasets, resources, publishers, domains and licences as CKAN 2.10/2.11 dictionaries (package_show
 * and friends; docs/ckan-api.md). Fields CKAN has no core place for travel as extras, as ckanext-dcat
 * names them: {@code title_en}, {@code notes_en}, {@code frequency}, {@code temporal_start},
 * {@code temporal_end}, {@code spatial_units}, {@code contact_name}, {@code contact_email}.
 */
final class CkanDicts {

    /** Extras that carry our first-class fields. */
    static final Set<String> RESERVED_EXTRAS = Set.of("title_en", "notes_en", "frequency", "temporal_start",
            "temporal_end", "spatial_units", "contact_name", "contact_email", "review_state", "quality_score");
    private static final DateTimeFormatter CKAN_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS");

    /** What the dictionaries refer to: publishers, domains and licences by key, and the site's address. */
    record Context(Map<Long, Publisher> publishers, Map<String, DataDomain> domains, Map<String, Licence> licences,
            String base) {

        static Context of(DatasetManagement catalogue, String base) {
            return new Context(catalogue.publishers().stream()
                    .collect(Collectors.toMap(Publisher::agencyId, Function.identity())),
                    Datasets.byKey(catalogue.domains(), DataDomain::code),
                    Datasets.byKey(catalogue.licences(), Licence::id), base);
        }
    }

    private CkanDicts() {
    }

    /** The package as a revision keeps it (no site address: it may change). */
    static Map<String, Object> snapshot(Dataset d, DatasetManagement catalogue) {
        return pkg(d, Context.of(catalogue, ""), -1);
    }

    /** The site's address for links in answers: the configured base URL, else the request's own. */
    static String base(String configured, jakarta.servlet.http.HttpServletRequest request) {
        return configured != null && !configured.isBlank() ? configured.replaceAll("/+$", "")
                : request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort();
    }

    static String time(Instant t) {
        return t == null ? null : LocalDateTime.ofInstant(t, ZoneOffset.UTC).format(CKAN_TIME);
    }

    static Map<String, Object> pkg(Dataset d, Context c, int quality) {
        Map<String, Object> p = new LinkedHashMap<>();
        Publisher publisher = c.publishers().get(d.publisherId());
        Licence licence = d.licenceId() == null ? null : c.licences().get(d.licenceId());
        p.put("id", d.id().toString());
        p.put("name", d.name());
        p.put("title", d.title());
        p.put("type", "dataset");
        p.put("state", d.state().ckan());
        p.put("private", d.isPrivate());
        p.put("notes", d.notes());
        p.put("url", d.sourceUrl());
        p.put("version", d.version());
        p.put("author", publisher == null ? null : publisher.title());
        p.put("author_email", publisher == null ? null : publisher.email());
        p.put("maintainer", d.contactName());
        p.put("maintainer_email", d.contactEmail());
        p.put("license_id", d.licenceId());
        p.put("license_title", licence == null ? d.licenceId() : licence.title());
        if (licence != null && licence.url() != null) {
            p.put("license_url", licence.url());
        }
        p.put("isopen", licence != null && licence.open());
        p.put("owner_org", String.valueOf(d.publisherId()));
        p.put("organization", publisher == null ? null : organization(publisher, c, null));
        p.put("creator_user_id", d.creator());
        p.put("metadata_created", time(d.createdAt()));
        p.put("metadata_modified", time(d.modifiedAt()));
        List<Map<String, Object>> groups = new ArrayList<>();
        for (String code : d.domains()) {
            DataDomain domain = c.domains().get(code);
            if (domain != null) {
                groups.add(groupRef(domain, c));
            }
        }
        p.put("groups", groups);
        p.put("tags", d.tags().stream().map(t -> {
            Map<String, Object> tag = new LinkedHashMap<>();
            tag.put("name", t);
            tag.put("display_name", t);
            tag.put("state", "active");
            tag.put("vocabulary_id", null);
            return tag;
        }).toList());
        p.put("num_tags", d.tags().size());
        p.put("resources", d.resources().stream().map(r -> resource(r, d, c)).toList());
        p.put("num_resources", d.resources().size());
        p.put("extras", extras(d, quality));
        p.put("relationships_as_object", List.of());
        p.put("relationships_as_subject", List.of());
        p.put("revision", d.revision());
        p.put("views", d.views());
        p.put("downloads", d.downloads());
        p.put("demo", d.demo());
        return p;
    }

    private static List<Map<String, Object>> extras(Dataset d, int quality) {
        Map<String, String> extras = new LinkedHashMap<>();
        d.extras().forEach(e -> extras.put(e.key(), e.value()));
        put(extras, "title_en", d.titleEn());
        put(extras, "notes_en", d.notesEn());
        put(extras, "frequency", d.frequency());
        put(extras, "temporal_start", d.temporalStart() == null ? null : d.temporalStart().toString());
        put(extras, "temporal_end", d.temporalEnd() == null ? null : d.temporalEnd().toString());
        put(extras, "spatial_units", d.spatial().isEmpty() ? null : String.join(",", d.spatial()));
        put(extras, "contact_name", d.contactName());
        put(extras, "contact_email", d.contactEmail());
        if (d.state() == DatasetState.REVIEW || d.state() == DatasetState.DRAFT) {
            put(extras, "review_state", d.state().name().toLowerCase(java.util.Locale.ROOT));
        }
        if (quality >= 0) {
            put(extras, "quality_score", String.valueOf(quality));
        }
        return extras.entrySet().stream().map(e -> {
            Map<String, Object> extra = new LinkedHashMap<>();
            extra.put("key", e.getKey());
            extra.put("value", e.getValue());
            return extra;
        }).toList();
    }

    private static void put(Map<String, String> extras, String key, String value) {
        if (value != null && !value.isBlank()) {
            extras.put(key, value);
        }
    }

    static Map<String, Object> resource(DatasetResource r, Dataset d, Context c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id().toString());
        m.put("package_id", d.id().toString());
        m.put("name", r.name());
        m.put("description", r.description());
        m.put("format", r.format() == null ? "" : r.format());
        m.put("url", url(r, d, c));
        m.put("url_type", r.uploaded() ? "upload" : null);
        m.put("mimetype", r.mimetype());
        m.put("size", r.size());
        m.put("hash", r.hash() == null ? "" : r.hash());
        m.put("position", r.position());
        m.put("state", "active");
        m.put("created", time(r.createdAt()));
        m.put("last_modified", time(r.modifiedAt()));
        m.put("metadata_modified", time(r.modifiedAt()));
        m.put("datastore_active", false);
        m.put("downloads", r.downloads());
        m.put("broken", r.broken());
        return m;
    }

    /** Where a resource is fetched: its link, or our download address for an uploaded file. */
    static String url(DatasetResource r, Dataset d, Context c) {
        if (!r.uploaded()) {
            return r.url();
        }
        return c.base() + "/dataset/" + d.name() + "/resource/" + r.id() + "/download/"
                + java.net.URLEncoder.encode(fileName(r), java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String fileName(DatasetResource r) {
        String name = r.name().replaceAll("[\\\\/:*?\"<>|]", "_");
        String ext = r.format() == null ? "" : "." + r.format().toLowerCase(java.util.Locale.ROOT);
        return name.toLowerCase(java.util.Locale.ROOT).endsWith(ext) ? name : name + ext;
    }

    static Map<String, Object> organization(Publisher p, Context c, Long count) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("id", String.valueOf(p.agencyId()));
        o.put("name", p.name());
        o.put("title", p.title());
        o.put("display_name", p.title());
        o.put("title_en", p.titleEn());
        o.put("description", p.description() == null ? "" : p.description());
        o.put("image_url", "");
        o.put("type", "organization");
        o.put("is_organization", true);
        o.put("approval_status", "approved");
        o.put("state", "active");
        if (count != null) {
            o.put("package_count", count);
        }
        return o;
    }

    static Map<String, Object> groupRef(DataDomain g, Context c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", g.code());
        m.put("name", g.code());
        m.put("title", g.title());
        m.put("display_name", g.title());
        m.put("description", g.description() == null ? "" : g.description());
        m.put("image_display_url", "");
        return m;
    }

    static Map<String, Object> group(DataDomain g, Context c, Long count) {
        Map<String, Object> m = groupRef(g, c);
        m.put("title_en", g.titleEn());
        m.put("type", "group");
        m.put("is_organization", false);
        m.put("approval_status", "approved");
        m.put("state", "active");
        m.put("theme", g.themeUri());
        if (count != null) {
            m.put("package_count", count);
        }
        return m;
    }

    static Map<String, Object> licence(Licence l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", l.id());
        m.put("title", l.title());
        m.put("url", l.url() == null ? "" : l.url());
        m.put("od_conformance", l.open() ? "approved" : "not reviewed");
        m.put("osd_conformance", "not reviewed");
        m.put("is_okd_compliant", l.open());
        m.put("is_osi_compliant", false);
        m.put("is_generic", l.url() == null);
        m.put("status", "active");
        m.put("maintainer", "");
        m.put("family", "");
        m.put("domain_content", true);
        m.put("domain_data", true);
        m.put("domain_software", false);
        return m;
    }
}
