package vn.tinhso.opendata;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A dataset as schema.org {@code Dataset} in JSON-LD, for search engines (Google Dataset Search reads
 * it from the page's head). Built with Jackson, never by string concatenation; every {@code <} is
 * written as {@code \u003c}, so no text of a publisher can close the {@code <script>} element.
 */
final class DatasetJsonLd {

    static final int MAX_DESCRIPTION = 5000;

    private DatasetJsonLd() {
    }

    /**
     * @param base the portal's address, without a trailing slash
     * @param spatial the names of the units the dataset covers
     */
    static String of(Dataset d, Publisher publisher, Licence licence, List<String> spatial, String base,
            CkanDicts.Context context) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("@context", "https://schema.org");
        m.put("@type", "Dataset");
        m.put("name", d.title());
        String description = DatasetMarkdown.plain(d.notes(), MAX_DESCRIPTION);
        m.put("description", description.isEmpty() ? d.title() : description);
        m.put("url", base + "/dataset/" + d.name());
        m.put("identifier", d.id().toString());
        m.put("inLanguage", "vi");
        if (!d.tags().isEmpty()) {
            m.put("keywords", d.tags());
        }
        if (licence != null) {
            m.put("license", licence.url() != null ? licence.url() : licence.title());
        }
        m.put("isAccessibleForFree", true);
        if (publisher != null) {
            Map<String, Object> org = new LinkedHashMap<>();
            org.put("@type", "Organization");
            org.put("name", publisher.title());
            org.put("url", base + "/organization/" + publisher.name());
            if (publisher.email() != null && !publisher.email().isBlank()) {
                org.put("email", publisher.email());
            }
            m.put("creator", org);
            m.put("publisher", org);
        }
        if (d.version() != null) {
            m.put("version", d.version());
        }
        if (d.temporalStart() != null) {
            m.put("temporalCoverage", d.temporalStart() + "/" + (d.temporalEnd() == null ? ".." : d.temporalEnd()));
        }
        if (!spatial.isEmpty()) {
            List<Map<String, Object>> places = new ArrayList<>();
            for (String name : spatial) {
                Map<String, Object> place = new LinkedHashMap<>();
                place.put("@type", "Place");
                place.put("name", name);
                places.add(place);
            }
            m.put("spatialCoverage", places.size() == 1 ? places.get(0) : places);
        }
        List<Map<String, Object>> distribution = new ArrayList<>();
        for (DatasetResource r : d.resources()) {
            String url = CkanDicts.url(r, d, context);
            if (url == null || !url.matches("(?i)^https?://.*")) {
                continue;
            }
            Map<String, Object> dist = new LinkedHashMap<>();
            dist.put("@type", "DataDownload");
            dist.put("name", r.name());
            if (r.format() != null) {
                dist.put("encodingFormat", r.mimetype() != null ? r.mimetype() : r.format());
            }
            dist.put("contentUrl", url);
            if (r.size() != null) {
                dist.put("contentSize", r.size() + " B");
            }
            distribution.add(dist);
        }
        if (!distribution.isEmpty()) {
            m.put("distribution", distribution);
        }
        if (d.createdAt() != null) {
            m.put("dateCreated", d.createdAt().toString());
        }
        if (d.modifiedAt() != null) {
            m.put("dateModified", d.modifiedAt().toString());
        }
        if (d.publishedAt() != null) {
            m.put("datePublished", d.publishedAt().toString());
        }
        return Datasets.JSON.writeValueAsString(m).replace("<", "\\u003c");
    }
}
