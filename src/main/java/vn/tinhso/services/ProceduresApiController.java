package vn.tinhso.services;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.tinhso.shared.ErrorCode;
import vn.tinhso.shared.InvalidInput;
import vn.tinhso.shared.PageResult;
import vn.tinhso.shared.TinhSoException;

/** The procedure catalogue: public search and reading; import, export and editing for administrators. */
@RestController
@RequestMapping("/api/v1/procedures")
@Tag(name = "Procedures", description = "Catalogue of administrative procedures (thủ tục hành chính)")
class ProceduresApiController {

    private final ProcedureManagement procedures;

    ProceduresApiController(ProcedureManagement procedures) {
        this.procedures = procedures;
    }

    @GetMapping
    @PreAuthorize("permitAll()")
    @Operation(summary = "Search published procedures without diacritics and with a typo allowed; facet counts")
    ProcedureSearch search(@RequestParam(required = false) String q, @RequestParam(required = false) String domain,
            @RequestParam(required = false) Procedure.Level level, @RequestParam(required = false) String agency,
            @RequestParam(required = false) Procedure.OnlineLevel online,
            @RequestParam(required = false) String sort, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size, Locale locale) {
        return procedures.search(new ProcedureQuery(q, domain, level, agency, online, null, sort, false),
                new PageResult.Request(page, size), locale);
    }

    @GetMapping("/{code}")
    @PreAuthorize("permitAll()")
    @Operation(summary = "A published or retired procedure by its national code")
    Procedure get(@PathVariable String code) {
        return procedures.published(code);
    }

    @GetMapping("/domains")
    @PreAuthorize("permitAll()")
    @Operation(summary = "The domains (lĩnh vực) of procedures")
    List<Domain> domains() {
        return procedures.domains();
    }

    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Create a procedure (a draft unless status is given)")
    ResponseEntity<Procedure> create(@RequestBody ProcedureInput input) {
        Procedure created = procedures.save(input, true);
        return ResponseEntity.created(java.net.URI.create("/api/v1/procedures/" + created.code())).body(created);
    }

    @PutMapping("/{code}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Replace a procedure")
    Procedure update(@PathVariable String code, @RequestBody ProcedureInput input) {
        if (input.code() != null && !input.code().strip().equals(code)) {
            throw new TinhSoException(ErrorCode.VALIDATION_FAILED, "code", "code");
        }
        return procedures.save(new ProcedureInput(code, input.name(), input.domain(), input.levels(), input.agency(),
                input.onlineLevel(), input.applicants(), input.methods(), input.fees(), input.documents(),
                input.result(), input.legalBasis(), input.conditions(), input.form(), input.status(), input.demo()), false);
    }

    @PostMapping("/{code}/publish")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Publish a procedure: it takes dossiers")
    Procedure publish(@PathVariable String code) {
        return procedures.publish(code);
    }

    @PostMapping("/{code}/retire")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Retire a procedure: it no longer takes dossiers")
    Procedure retire(@PathVariable String code) {
        return procedures.retire(code);
    }

    @GetMapping("/export")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "The whole catalogue as JSON (tinhso-procedures/1) or CSV (docs/procedure-catalogue.md)")
    ResponseEntity<String> export(@RequestParam(defaultValue = "json") String format) {
        StringWriter out = new StringWriter();
        boolean csv = "csv".equalsIgnoreCase(format);
        if (!csv && !"json".equalsIgnoreCase(format)) {
            throw new TinhSoException(ErrorCode.VALIDATION_FAILED, "format", "format");
        }
        if (csv) {
            procedures.exportCsv(out);
        } else {
            procedures.exportJson(out);
        }
        return ResponseEntity.ok()
                .contentType(csv ? new MediaType("text", "csv", StandardCharsets.UTF_8) : MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"thu-tuc." + (csv ? "csv" : "json") + "\"")
                .body(out.toString());
    }

    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Import a catalogue file (part 'file', .json or .csv); all or nothing")
    ImportReport importFile(@RequestPart(name = "file", required = false) MultipartFile file) {
        if (file == null || file.isEmpty()) {
            throw new TinhSoException(ErrorCode.FILE_EMPTY, "file");
        }
        try (InputStream in = file.getInputStream()) {
            String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename().toLowerCase(Locale.ROOT);
            ImportReport report = name.endsWith(".csv")
                    ? procedures.importCsv(new InputStreamReader(in, StandardCharsets.UTF_8))
                    : procedures.importJson(in);
            if (!report.saved()) {
                throw new InvalidInput(report.errors());
            }
            return report;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
