package vn.tinhso.opendata;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.VCARD4;
import org.springframework.stereotype.Component;

/**
 * Reads other catalogues for harvesting: a CKAN Action API page by page ({@code package_search}, 100
 * at a time, by name), or a DCAT catalogue in Turtle, RDF/XML or JSON-LD following its Hydra
 * {@code next}/{@code nextPage} links. Each dataset found is handed over as it is read.
 */
@Component
class RemoteCatalogues {

    static final int PAGE = 100;
    private static final int MAX_PAGES = 2000;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(10)).build();

    /** A catalogue that cannot be read: its address, its answer, or its content. */
    static class Unreadable extends RuntimeException {
        Unreadable(String message) {
            super(message);
        }
    }

    @SuppressWarnings("unchecked")
    void ckan(String base, Consumer<RemoteDataset> each) {
        String root = base.replaceAll("/+$", "");
        for (int start = 0, page = 0; page < MAX_PAGES; start += PAGE, page++) {
            byte[] body = get(root + "/api/3/action/package_search?rows=" + PAGE + "&start=" + start + "&sort="
                    + URLEncoder.encode("name asc", StandardCharsets.UTF_8), "application/json");
            Map<String, Object> answer;
            try {
                answer = Datasets.JSON.readValue(body, Map.class);
            } catch (RuntimeException e) {
                throw new Unreadable("the CKAN answer is not JSON");
            }
            if (!Boolean.TRUE.equals(answer.get("success")) || !(answer.get("result") instanceof Map<?, ?> result)) {
                throw new Unreadable("the CKAN answer has no result");
            }
            List<Map<String, Object>> results = (List<Map<String, Object>>) result.get("results");
            for (Map<String, Object> p : results) {
                each.accept(fromCkan(p));
            }
            long count = ((Number) result.get("count")).longValue();
            if (results.isEmpty() || start + PAGE >= count) {
                return;
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static RemoteDataset fromCkan(Map<String, Object> p) {
        Map<String, String> extras = new java.util.HashMap<>();
        if (p.get("extras") instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Map<?, ?> e && e.get("key") != null) {
                    extras.put(String.valueOf(e.get("key")), e.get("value") == null ? null : String.valueOf(e.get("value")));
                }
            }
        }
        List<String> tags = names(p.get("tags"));
        List<String> groups = names(p.get("groups"));
        List<ResourceInput> links = new ArrayList<>();
        if (p.get("resources") instanceof List<?> resources) {
            for (Object o : resources) {
                Map<String, Object> r = (Map<String, Object>) o;
                if (r.get("url") != null && !String.valueOf(r.get("url")).isBlank()) {
                    links.add(new ResourceInput(text(r.get("name")), text(r.get("description")), text(r.get("format")),
                            text(r.get("url"))));
                }
            }
        }
        return new RemoteDataset(text(p.get("id")), text(p.get("metadata_modified")), text(p.get("name")),
                text(p.get("title")), text(p.get("notes")), tags, text(p.get("license_id")), text(p.get("license_url")),
                groups, links, extras.get("frequency"), extras.get("temporal_start"), extras.get("temporal_end"),
                p.get("maintainer") != null ? text(p.get("maintainer")) : extras.get("contact_name"),
                p.get("maintainer_email") != null ? text(p.get("maintainer_email")) : extras.get("contact_email"),
                text(p.get("url")));
    }

    private static List<String> names(Object list) {
        List<String> names = new ArrayList<>();
        if (list instanceof List<?> items) {
            for (Object o : items) {
                if (o instanceof Map<?, ?> m && m.get("name") != null) {
                    names.add(String.valueOf(m.get("name")));
                }
            }
        }
        return names;
    }

    private static String text(Object o) {
        return o == null ? null : String.valueOf(o);
    }

    void dcat(String url, Consumer<RemoteDataset> each) {
        Set<String> seen = new LinkedHashSet<>();
        String next = url;
        for (int page = 0; next != null && page < MAX_PAGES && seen.add(next); page++) {
            Model m = read(next);
            for (Resource ds : m.listResourcesWithProperty(RDF.type, DCAT.Dataset).toList()) {
                each.accept(fromDcat(m, ds));
            }
            next = nextPage(m);
        }
    }

    private Model read(String url) {
        HttpResponse<byte[]> response = send(url, "text/turtle, application/rdf+xml;q=0.9, application/ld+json;q=0.8");
        String type = response.headers().firstValue("Content-Type").orElse("text/turtle");
        Lang lang = RDFLanguages.contentTypeToLang(type.split(";")[0].strip());
        if (lang == null) {
            lang = RDFLanguages.filenameToLang(url.replaceAll("\\?.*$", ""), Lang.TURTLE);
        }
        Model m = ModelFactory.createDefaultModel();
        try {
            RDFParser.source(new ByteArrayInputStream(response.body())).lang(lang).base(url).parse(m);
        } catch (RuntimeException e) {
            throw new Unreadable("the catalogue at " + url + " is not valid RDF (" + lang.getName() + ")");
        }
        return m;
    }

    private static String nextPage(Model m) {
        for (String term : new String[] {"next", "nextPage"}) {
            Property p = m.createProperty(Dcat.HYDRA, term);
            for (Statement st : m.listStatements(null, p, (RDFNode) null).toList()) {
                RDFNode o = st.getObject();
                return o.isURIResource() ? o.asResource().getURI() : o.asLiteral().getLexicalForm();
            }
        }
        return null;
    }

    private static RemoteDataset fromDcat(Model m, Resource ds) {
        String ref = literal(ds, DCTerms.identifier, null);
        if (ref == null) {
            ref = ds.isURIResource() ? ds.getURI() : ds.getId().getLabelString();
        }
        List<String> keywords = ds.listProperties(DCAT.keyword).toList().stream()
                .map(s -> s.getObject().asLiteral().getLexicalForm()).distinct().toList();
        List<ResourceInput> links = new ArrayList<>();
        String licenceUrl = null;
        for (Statement st : ds.listProperties(DCAT.distribution).toList()) {
            Resource d = st.getObject().asResource();
            String access = uri(d, DCAT.downloadURL);
            if (access == null) {
                access = uri(d, DCAT.accessURL);
            }
            if (access == null) {
                continue;
            }
            String format = uri(d, DCTerms.format);
            if (format == null) {
                format = literal(d, DCTerms.format, null);
            }
            links.add(new ResourceInput(literal(d, DCTerms.title, "vi"), literal(d, DCTerms.description, "vi"),
                    format == null ? null : format.replaceAll("^.*[/#]", "").toUpperCase(Locale.ROOT), access));
            if (licenceUrl == null) {
                licenceUrl = uri(d, DCTerms.license);
            }
        }
        if (licenceUrl == null) {
            licenceUrl = uri(ds, DCTerms.license);
        }
        String frequency = uri(ds, DCTerms.accrualPeriodicity);
        String start = null;
        String end = null;
        Statement temporal = ds.getProperty(DCTerms.temporal);
        if (temporal != null && temporal.getObject().isResource()) {
            start = literal(temporal.getObject().asResource(), DCAT.startDate, null);
            end = literal(temporal.getObject().asResource(), DCAT.endDate, null);
        }
        String contactName = null;
        String contactEmail = null;
        Statement contact = ds.getProperty(DCAT.contactPoint);
        if (contact != null && contact.getObject().isResource()) {
            contactName = literal(contact.getObject().asResource(), VCARD4.fn, null);
            String mail = uri(contact.getObject().asResource(), VCARD4.hasEmail);
            contactEmail = mail == null ? null : mail.replaceFirst("^mailto:", "");
        }
        return new RemoteDataset(ref, literal(ds, DCTerms.modified, null), null, literal(ds, DCTerms.title, "vi"),
                literal(ds, DCTerms.description, "vi"), keywords, null, licenceUrl, List.of(), links,
                frequency == null ? null : frequency.replaceAll("^.*/", ""), start, end, contactName, contactEmail,
                uri(ds, DCAT.landingPage));
    }

    /** A literal of the property, in the language if there is one in it, else any. */
    private static String literal(Resource r, Property p, String language) {
        String any = null;
        for (Statement st : r.listProperties(p).toList()) {
            if (st.getObject().isLiteral()) {
                Literal l = st.getObject().asLiteral();
                if (language != null && language.equals(l.getLanguage())) {
                    return l.getLexicalForm();
                }
                if (any == null) {
                    any = l.getLexicalForm();
                }
            }
        }
        return any;
    }

    private static String uri(Resource r, Property p) {
        Statement st = r.getProperty(p);
        return st != null && st.getObject().isURIResource() ? st.getObject().asResource().getURI() : null;
    }

    private byte[] get(String url, String accept) {
        return send(url, accept).body();
    }

    private HttpResponse<byte[]> send(String url, String accept) {
        try {
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                    .header("Accept", accept).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() >= 400) {
                throw new Unreadable(url + " answered " + r.statusCode());
            }
            return r;
        } catch (IOException | IllegalArgumentException e) {
            throw new Unreadable(url + " could not be read: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unreadable("interrupted");
        }
    }
}
