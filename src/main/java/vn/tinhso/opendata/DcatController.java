package vn.tinhso.opendata;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.vocabulary.DCAT;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.tinhso.identity.IdentitySettings;
import vn.tinhso.shared.ErrorCode;
import vn.tinhso.shared.TinhSoException;

/**
 * DCAT-AP 3.0 of the public catalogue: {@code /catalog.ttl|rdf|jsonld} in pages with Hydra paging,
 * {@code /catalog/all.ttl|nt} streamed whole in bounded memory, and {@code /dataset/{name}.ttl|rdf|jsonld}.
 */
@RestController
@Tag(name = "DCAT", description = "DCAT-AP 3.0 catalogue in Turtle, RDF/XML and JSON-LD (docs/opendata.md)")
class DcatController {

    static final int PAGE_SIZE = 100;
    private static final Map<String, RdfFormat> FORMATS = Map.of(
            "ttl", new RdfFormat(RDFFormat.TURTLE_PRETTY, "text/turtle"),
            "rdf", new RdfFormat(RDFFormat.RDFXML_PRETTY, "application/rdf+xml"),
            "jsonld", new RdfFormat(RDFFormat.JSONLD11, "application/ld+json"),
            "nt", new RdfFormat(RDFFormat.NTRIPLES, "application/n-triples"));

    private record RdfFormat(RDFFormat format, String mediaType) {
    }

    private final DatasetManagement catalogue;
    private final IdentitySettings settings;
    private final Dcat.Province province;

    DcatController(DatasetManagement catalogue, IdentitySettings settings, OpendataSettings opendata,
            vn.tinhso.units.UnitsSettings units) {
        this.catalogue = catalogue;
        this.settings = settings;
        this.province = new Dcat.Province(units.provinceCode(), opendata.box());
    }

    @GetMapping("/catalog.{format}")
    @PreAuthorize("permitAll()")
    @Operation(summary = "The catalogue in DCAT-AP 3.0, a page of 100 datasets (page=1..), newest change first")
    ResponseEntity<byte[]> catalog(@PathVariable String format, @RequestParam(defaultValue = "1") String page,
            HttpServletRequest request) {
        RdfFormat f = format(format, false);
        int number = page(page);
        String base = base(request);
        // The page from the search index, in its order of the latest change: no sorting of the whole catalogue.
        DatasetHits hits = catalogue.search(new DatasetQuery(null, java.util.Map.of(), java.util.Set.of(), false, false,
                List.of(new DatasetQuery.Sort("metadata_modified", true)), (number - 1) * PAGE_SIZE, PAGE_SIZE,
                List.of(), 0));
        int pages = (int) ((hits.count() + PAGE_SIZE - 1) / PAGE_SIZE);
        Model m = Dcat.model();
        CkanDicts.Context c = CkanDicts.Context.of(catalogue, base);
        Resource catalog = Dcat.catalog(m, base, catalogue.domains(), issued(), licence(), c, province);
        hits.results().forEach(d -> catalog.addProperty(DCAT.dataset, Dcat.dataset(m, d, c, province)));
        Dcat.hydra(m, base + "/catalog." + format + "?page=" + number, base + "/catalog." + format, number, pages,
                hits.count(), PAGE_SIZE);
        return write(m, f);
    }

    @GetMapping("/catalog/all.{format}")
    @PreAuthorize("permitAll()")
    @Operation(summary = "The whole catalogue in one stream (Turtle blocks or N-Triples), for harvesters")
    void all(@PathVariable String format, HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response)
            throws java.io.IOException {
        RdfFormat f = switch (format) {
            case "ttl" -> new RdfFormat(RDFFormat.TURTLE_BLOCKS, "text/turtle");
            case "nt" -> FORMATS.get("nt");
            default -> throw TinhSoException.of(ErrorCode.NOT_FOUND, format);
        };
        String base = base(request);
        CkanDicts.Context c = CkanDicts.Context.of(catalogue, base);
        List<Dataset> all = publicDatasets();
        // Written on the request's own thread, straight to the connection: no async timeout cuts a long
        // export, and memory holds one dataset's triples at a time.
        response.setContentType(f.mediaType() + ";charset=UTF-8");
        try (java.io.OutputStream out = new java.io.BufferedOutputStream(response.getOutputStream(), 1 << 16)) {
            Dcat.stream(out, f.format(), base, catalogue.domains(), all, c, province, issued(), licence());
        }
    }

    @GetMapping("/dataset/{name}.{format:ttl|rdf|jsonld}")
    @PreAuthorize("permitAll()")
    @Operation(summary = "One public dataset in DCAT-AP 3.0")
    ResponseEntity<byte[]> dataset(@PathVariable String name, @PathVariable String format,
            HttpServletRequest request) {
        RdfFormat f = format(format, false);
        Dataset d = catalogue.find(name, Editor.NOBODY)
                .orElseThrow(() -> TinhSoException.of(ErrorCode.DATASET_NOT_FOUND, name));
        String base = base(request);
        Model m = Dcat.model();
        CkanDicts.Context c = CkanDicts.Context.of(catalogue, base);
        Resource catalog = Dcat.catalog(m, base, catalogue.domains(), issued(), licence(), c, province);
        catalog.addProperty(DCAT.dataset, Dcat.dataset(m, d, c, province));
        return write(m, f);
    }

    private List<Dataset> publicDatasets() {
        return catalogue.indexed().stream().filter(Dataset::isPublic)
                .sorted(Comparator.comparing(Dataset::modifiedAt).reversed().thenComparing(Dataset::name)).toList();
    }

    /** When the catalogue was first published: its oldest publication. */
    private Instant issued() {
        return catalogue.indexed().stream().filter(Dataset::isPublic).map(Dataset::publishedAt)
                .filter(java.util.Objects::nonNull).min(Instant::compareTo).orElse(null);
    }

    /** The catalogue's own licence: the first open licence (the open data licence of Decree 47/2020). */
    private Licence licence() {
        return catalogue.licences().stream().filter(Licence::open).findFirst().orElse(null);
    }

    private static RdfFormat format(String format, boolean streaming) {
        RdfFormat f = FORMATS.get(format);
        if (f == null || (!streaming && format.equals("nt"))) {
            throw TinhSoException.of(ErrorCode.NOT_FOUND, format);
        }
        return f;
    }

    private static int page(String page) {
        try {
            int n = Integer.parseInt(page.strip());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new TinhSoException(ErrorCode.VALIDATION_FAILED, "page", "page");
    }

    private static ResponseEntity<byte[]> write(Model m, RdfFormat f) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RDFDataMgr.write(out, m, f.format());
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, f.mediaType() + ";charset=UTF-8")
                .body(out.toByteArray());
    }

    private String base(HttpServletRequest request) {
        return CkanDicts.base(settings.baseUrl(), request);
    }

}
