package vn.tinhso.opendata;

import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.sparql.vocabulary.FOAF;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.apache.jena.vocabulary.VCARD4;

/**
 * The catalogue in DCAT-AP 3.0 (https://semiceu.github.io/DCAT-AP/releases/3.0.1/), built with Apache
 * Jena: dcat:Catalog, dcat:Dataset, dcat:Distribution, foaf:Agent publishers, dct:LicenseDocument,
 * vcard:Kind contact points, dct:Location units, dct:PeriodOfTime, EU data themes and frequencies.
 * Pages carry Hydra paging (docs/opendata.md, "DCAT").
 */
final class Dcat {

    static final String HYDRA = "http://www.w3.org/ns/hydra/core#";
    static final String SPDX = "http://spdx.org/rdf/terms#";
    static final String ADMS = "http://www.w3.org/ns/adms#";
    static final String SCHEMA = "http://schema.org/";
    private static final String EU_LANGUAGE = "http://publications.europa.eu/resource/authority/language/";
    private static final String EU_FILE_TYPE = "http://publications.europa.eu/resource/authority/file-type/";

    private static final org.apache.jena.datatypes.RDFDatatype WKT = org.apache.jena.datatypes.TypeMapper.getInstance()
            .getSafeTypeByName("http://www.opengis.net/ont/geosparql#wktLiteral");
    private static final String AVAILABILITY = "http://publications.europa.eu/resource/authority/planned-availability/";

    /** The English labels of the EU data themes (publications.europa.eu authority table data-theme). */
    private static final java.util.Map<String, String> THEMES = java.util.Map.ofEntries(
            java.util.Map.entry("AGRI", "Agriculture, fisheries, forestry and food"),
            java.util.Map.entry("ECON", "Economy and finance"),
            java.util.Map.entry("EDUC", "Education, culture and sport"),
            java.util.Map.entry("ENER", "Energy"), java.util.Map.entry("ENVI", "Environment"),
            java.util.Map.entry("GOVE", "Government and public sector"), java.util.Map.entry("HEAL", "Health"),
            java.util.Map.entry("INTR", "International issues"),
            java.util.Map.entry("JUST", "Justice, legal system and public safety"),
            java.util.Map.entry("REGI", "Regions and cities"), java.util.Map.entry("SOCI", "Population and society"),
            java.util.Map.entry("TECH", "Science and technology"), java.util.Map.entry("TRAN", "Transport"));

    private Dcat() {
    }

    static Model model() {
        Model m = ModelFactory.createDefaultModel();
        m.setNsPrefix("dcat", DCAT.NS);
        m.setNsPrefix("dct", DCTerms.NS);
        m.setNsPrefix("foaf", FOAF.NS);
        m.setNsPrefix("vcard", VCARD4.NS);
        m.setNsPrefix("skos", SKOS.uri);
        m.setNsPrefix("xsd", "http://www.w3.org/2001/XMLSchema#");
        m.setNsPrefix("hydra", HYDRA);
        m.setNsPrefix("spdx", SPDX);
        m.setNsPrefix("owl", OWL.NS);
        m.setNsPrefix("adms", ADMS);
        m.setNsPrefix("gsp", "http://www.opengis.net/ont/geosparql#");
        m.setNsPrefix("dcatap", "http://data.europa.eu/r5r/");
        return m;
    }

    static String catalogUri(String base) {
        return base + "/catalog";
    }

    static String datasetUri(String base, Dataset d) {
        return base + "/dataset/" + d.id();
    }

    /** The catalog resource with its own metadata (not its datasets). */
    static Resource catalog(Model m, String base, List<DataDomain> domains, Instant issued, Licence licence,
            CkanDicts.Context ctx, Province province) {
        Resource c = m.createResource(catalogUri(base), DCAT.Catalog);
        c.addProperty(DCTerms.title, m.createLiteral("Cổng dữ liệu mở", "vi"));
        c.addProperty(DCTerms.title, m.createLiteral("Open data portal", "en"));
        c.addProperty(DCTerms.description, m.createLiteral(
                "Dữ liệu mở của các cơ quan nhà nước trong tỉnh, theo Nghị định 47/2020/NĐ-CP và Luật Dữ liệu 2024.", "vi"));
        c.addProperty(DCTerms.description, m.createLiteral(
                "Open data of the province's state agencies (Decree 47/2020/ND-CP, Data Law 2024).", "en"));
        c.addProperty(FOAF.homepage, m.createResource(base + "/data", FOAF.Document));
        c.addProperty(DCTerms.language, vietnamese(m));
        Resource publisher = m.createResource(base + "/data#portal", FOAF.Agent);
        publisher.addProperty(FOAF.name, m.createLiteral("Ủy ban nhân dân tỉnh", "vi"));
        publisher.addProperty(DCTerms.type, regionalAuthority(m));
        c.addProperty(DCTerms.publisher, publisher);
        Resource themes = m.createResource("http://publications.europa.eu/resource/authority/data-theme",
                SKOS.ConceptScheme);
        themes.addProperty(DCTerms.title, m.createLiteral("Data theme", "en"));
        c.addProperty(DCAT.themeTaxonomy, themes);
        c.addProperty(DCTerms.modified, m.createTypedLiteral(java.time.LocalDate.now(ZoneOffset.UTC).toString(),
                XSDDatatype.XSDdate));
        if (issued != null) {
            c.addProperty(DCTerms.issued, dateTime(m, issued));
        }
        if (licence != null) {
            c.addProperty(DCTerms.license, licence(m, licence, ctx));
        }
        c.addProperty(DCTerms.spatial, location(m, base, province.code(), province));
        return c;
    }

    /** Adds a dataset with its distributions, publisher, licence, contact, coverage and themes. */
    /** Where the province is: its unit code and bounding box, for dct:spatial. */
    record Province(String code, double[] box) {
    }

    static Resource dataset(Model m, Dataset d, CkanDicts.Context c, Province province) {
        String base = c.base();
        Resource ds = m.createResource(datasetUri(base, d), DCAT.Dataset);
        ds.addProperty(DCTerms.title, m.createLiteral(d.title(), "vi"));
        if (d.titleEn() != null) {
            ds.addProperty(DCTerms.title, m.createLiteral(d.titleEn(), "en"));
        }
        ds.addProperty(DCTerms.description, m.createLiteral(d.notes() == null ? d.title() : d.notes(), "vi"));
        if (d.notesEn() != null) {
            ds.addProperty(DCTerms.description, m.createLiteral(d.notesEn(), "en"));
        }
        ds.addProperty(DCTerms.identifier, d.id().toString());
        ds.addProperty(DCAT.landingPage, m.createResource(base + "/dataset/" + d.name(), FOAF.Document));
        if (d.publishedAt() != null) {
            ds.addProperty(DCTerms.issued, dateTime(m, d.publishedAt()));
        }
        ds.addProperty(DCTerms.modified, dateTime(m, d.modifiedAt()));
        if (d.version() != null) {
            ds.addProperty(OWL.versionInfo, d.version());
        }
        ds.addProperty(DCTerms.language, vietnamese(m));
        d.tags().forEach(t -> ds.addProperty(DCAT.keyword, m.createLiteral(t, "vi")));
        Publisher p = c.publishers().get(d.publisherId());
        if (p != null) {
            Resource agent = m.createResource(base + "/organization/" + p.name(), FOAF.Agent);
            agent.addProperty(FOAF.name, m.createLiteral(p.title(), "vi"));
            agent.addProperty(DCTerms.type, regionalAuthority(m));
            ds.addProperty(DCTerms.publisher, agent);
        }
        if (d.contactEmail() != null || d.contactName() != null) {
            Resource contact = m.createResource(base + "/dataset/" + d.name() + "#contact", VCARD4.Kind);
            if (d.contactName() != null) {
                contact.addProperty(VCARD4.fn, d.contactName());
            }
            if (d.contactEmail() != null) {
                contact.addProperty(VCARD4.hasEmail, m.createResource("mailto:" + d.contactEmail()));
            }
            ds.addProperty(DCAT.contactPoint, contact);
        }
        for (String code : d.domains()) {
            DataDomain domain = c.domains().get(code);
            if (domain != null && domain.themeUri() != null) {
                Resource theme = m.createResource(domain.themeUri(), SKOS.Concept);
                theme.addProperty(SKOS.prefLabel, m.createLiteral(THEMES.getOrDefault(domain.theme(), domain.theme()),
                        "en"));
                theme.addProperty(SKOS.inScheme, m.createResource(
                        "http://publications.europa.eu/resource/authority/data-theme"));
                ds.addProperty(DCAT.theme, theme);
            }
        }
        Frequency.of(d.frequency()).ifPresent(f -> ds.addProperty(DCTerms.accrualPeriodicity,
                m.createResource(f.uri(), DCTerms.Frequency)));
        for (String unit : d.spatial()) {
            ds.addProperty(DCTerms.spatial, location(m, base, unit, province));
        }
        if (d.temporalStart() != null || d.temporalEnd() != null) {
            Resource period = m.createResource(base + "/dataset/" + d.name() + "#temporal", DCTerms.PeriodOfTime);
            if (d.temporalStart() != null) {
                period.addProperty(DCAT.startDate, date(m, d.temporalStart()));
            }
            if (d.temporalEnd() != null) {
                period.addProperty(DCAT.endDate, date(m, d.temporalEnd()));
            }
            ds.addProperty(DCTerms.temporal, period);
        }
        Licence licence = d.licenceId() == null ? null : c.licences().get(d.licenceId());
        for (DatasetResource r : d.resources()) {
            ds.addProperty(DCAT.distribution, distribution(m, d, r, licence, c));
        }
        return ds;
    }

    private static Resource distribution(Model m, Dataset d, DatasetResource r, Licence licence, CkanDicts.Context c) {
        Resource dist = m.createResource(c.base() + "/dataset/" + d.name() + "/resource/" + r.id(), DCAT.Distribution);
        String url = CkanDicts.url(r, d, c);
        dist.addProperty(DCAT.accessURL, m.createResource(url));
        if (r.uploaded()) {
            dist.addProperty(DCAT.downloadURL, m.createResource(url));
        }
        dist.addProperty(DCTerms.title, m.createLiteral(r.name(), "vi"));
        dist.addProperty(DCTerms.description, m.createLiteral(r.description() != null && !r.description().isBlank()
                ? r.description() : r.name() + (r.format() == null ? "" : " (" + r.format() + ")"), "vi"));
        if (r.format() != null && !r.format().isBlank()) {
            dist.addProperty(DCTerms.format, m.createResource(EU_FILE_TYPE + r.format().toUpperCase(Locale.ROOT),
                    DCTerms.MediaTypeOrExtent));
        }
        if (r.mimetype() != null) {
            dist.addProperty(DCAT.mediaType, m.createResource("https://www.iana.org/assignments/media-types/"
                    + r.mimetype(), DCTerms.MediaType));
        }
        if (r.size() != null) {
            dist.addProperty(DCAT.byteSize, m.createTypedLiteral(String.valueOf(r.size()),
                    XSDDatatype.XSDnonNegativeInteger));
        }
        if (r.hash() != null && r.hash().startsWith("sha256:")) {
            Resource checksum = m.createResource(dist.getURI() + "#checksum", m.createResource(SPDX + "Checksum"));
            checksum.addProperty(m.createProperty(SPDX, "algorithm"), m.createResource(SPDX + "checksumAlgorithm_sha256",
                    m.createResource(SPDX + "ChecksumAlgorithm")));
            checksum.addProperty(m.createProperty(SPDX, "checksumValue"), m.createTypedLiteral(
                    r.hash().substring(7), XSDDatatype.XSDhexBinary));
            dist.addProperty(m.createProperty(SPDX, "checksum"), checksum);
        }
        dist.addProperty(DCTerms.issued, dateTime(m, r.createdAt()));
        dist.addProperty(DCTerms.modified, dateTime(m, r.modifiedAt()));
        if (licence != null) {
            dist.addProperty(DCTerms.license, licence(m, licence, c));
        }
        Resource stable = m.createResource(AVAILABILITY + "STABLE", SKOS.Concept);
        stable.addProperty(SKOS.prefLabel, m.createLiteral("stable", "en"));
        dist.addProperty(m.createProperty("http://data.europa.eu/r5r/", "availability"), stable);
        return dist;
    }

    private static Resource licence(Model m, Licence l, CkanDicts.Context c) {
        Resource doc = m.createResource(l.url() != null ? l.url() : c.base() + "/data/licences#" + l.id(),
                DCTerms.LicenseDocument);
        doc.addProperty(DCTerms.title, m.createLiteral(l.title(), "vi"));
        // ADMS licence types: public domain for CC0, attribution (and share-alike) for the others.
        String type = switch (l.id()) {
            case "cc-zero" -> "PublicDomain";
            case "cc-by-sa", "odc-odbl" -> "ShareAlike";
            default -> l.open() ? "Attribution" : "RestrictedUse";
        };
        Resource licenceType = m.createResource("http://purl.org/adms/licencetype/" + type, SKOS.Concept);
        licenceType.addProperty(SKOS.prefLabel, m.createLiteral(type.replaceAll("([a-z])([A-Z])", "$1 $2"), "en"));
        doc.addProperty(DCTerms.type, licenceType);
        return doc;
    }

    static void hydra(Model m, String pageUri, String pageBase, int page, int pages, long total, int size) {
        Resource view = m.createResource(pageUri, m.createResource(HYDRA + "PartialCollectionView"));
        Property first = m.createProperty(HYDRA, "first");
        Property last = m.createProperty(HYDRA, "last");
        Property next = m.createProperty(HYDRA, "next");
        Property previous = m.createProperty(HYDRA, "previous");
        view.addProperty(first, m.createResource(pageBase + "?page=1"));
        view.addProperty(last, m.createResource(pageBase + "?page=" + Math.max(pages, 1)));
        if (page < pages) {
            view.addProperty(next, m.createResource(pageBase + "?page=" + (page + 1)));
        }
        if (page > 1) {
            view.addProperty(previous, m.createResource(pageBase + "?page=" + (page - 1)));
        }
        view.addLiteral(m.createProperty(HYDRA, "totalItems"), m.createTypedLiteral(total));
        // The older Hydra paging terms, still read by ckanext-dcat's harvester.
        view.addProperty(RDF.type, m.createResource(HYDRA + "PagedCollection"));
        view.addProperty(m.createProperty(HYDRA, "firstPage"), pageBase + "?page=1");
        view.addProperty(m.createProperty(HYDRA, "lastPage"), pageBase + "?page=" + Math.max(pages, 1));
        if (page < pages) {
            view.addProperty(m.createProperty(HYDRA, "nextPage"), pageBase + "?page=" + (page + 1));
        }
        if (page > 1) {
            view.addProperty(m.createProperty(HYDRA, "previousPage"), pageBase + "?page=" + (page - 1));
        }
        view.addLiteral(m.createProperty(HYDRA, "itemsPerPage"), m.createTypedLiteral((long) size));
    }

    /** Streams the whole catalogue as Turtle blocks or N-Triples, one dataset at a time (bounded memory). */
    static void stream(OutputStream out, RDFFormat format, String base, List<DataDomain> domains,
            Iterable<Dataset> datasets, CkanDicts.Context c, Province province, Instant issued, Licence licence) {
        StreamRDF stream = StreamRDFWriter.getWriterStream(out, format);
        stream.start();
        Model head = model();
        head.getNsPrefixMap().forEach(stream::prefix);
        Resource catalog = catalog(head, base, domains, issued, licence, c, province);
        head.getGraph().find().forEachRemaining(stream::triple);
        for (Dataset d : datasets) {
            Model one = model();
            Resource ds = dataset(one, d, c, province);
            one.add(one.createResource(catalog.getURI()), DCAT.dataset, ds);
            one.getGraph().find().forEachRemaining(stream::triple);
        }
        stream.finish();
    }

    /** A unit of the 2025 structure as a dct:Location; the province with its box and centre. */
    private static Resource location(Model m, String base, String unit, Province province) {
        Resource location = m.createResource(base + "/units/2025/" + unit, DCTerms.Location);
        if (unit.equals(province.code())) {
            double[] b = province.box();
            location.addProperty(DCAT.bbox, m.createTypedLiteral(String.format(Locale.ROOT,
                    "POLYGON((%s %s, %s %s, %s %s, %s %s, %s %s))", b[0], b[1], b[2], b[1], b[2], b[3], b[0], b[3],
                    b[0], b[1]), WKT));
            location.addProperty(DCAT.centroid, m.createTypedLiteral(String.format(Locale.ROOT, "POINT(%s %s)",
                    (b[0] + b[2]) / 2, (b[1] + b[3]) / 2), WKT));
        }
        return location;
    }

    private static Resource vietnamese(Model m) {
        return m.createResource(EU_LANGUAGE + "VIE", DCTerms.LinguisticSystem);
    }

    private static Resource regionalAuthority(Model m) {
        Resource type = m.createResource("http://purl.org/adms/publishertype/RegionalAuthority", SKOS.Concept);
        type.addProperty(SKOS.prefLabel, m.createLiteral("Regional authority", "en"));
        return type;
    }

    private static org.apache.jena.rdf.model.Literal dateTime(Model m, Instant t) {
        return m.createTypedLiteral(t.atOffset(ZoneOffset.UTC).truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                .toString(), XSDDatatype.XSDdateTime);
    }

    private static org.apache.jena.rdf.model.Literal date(Model m, LocalDate d) {
        return m.createTypedLiteral(d.toString(), XSDDatatype.XSDdate);
    }
}
