package vn.tinhso.services;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import tools.jackson.core.JacksonException;
import vn.tinhso.identity.SignedInUser;
import vn.tinhso.shared.ErrorCode;
import vn.tinhso.shared.PageResult;
import vn.tinhso.shared.TinhSoException;

/**
 * Dossiers: submission and "my dossiers" for citizens, the reception desk for officers, and the
 * public status lookup.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Dossiers", description = "Online submission, reception at the one-stop desk, status lookup")
class DossiersApiController {

    /** A dossier as the API takes it; {@code files} maps a document slot to uploaded file ids. */
    record DossierRequest(String procedure, Long agencyId, Applicant applicant, Map<String, Object> form,
            Dossier.Delivery delivery, String deliveryAddress, Map<Integer, List<UUID>> files) {
        DossierInput input() {
            return new DossierInput(procedure, agencyId, applicant, form, delivery, deliveryAddress, files);
        }
    }

    /** A dossier with its timeline. */
    record DossierDetail(Dossier dossier, List<DossierEntry> timeline) {
    }

    record SupplementRequest(String note, List<String> items) {
    }

    record RefusalRequest(String reason) {
    }

    private final DossierManagement dossiers;
    private final LookupLimiter lookups;

    DossiersApiController(DossierManagement dossiers, LookupLimiter lookups) {
        this.dossiers = dossiers;
        this.lookups = lookups;
    }

    @PostMapping(path = "/dossiers", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('CITIZEN')")
    @Operation(summary = "Submit a dossier with files uploaded before (POST /api/v1/files); Idempotency-Key honoured")
    ResponseEntity<Dossier> submitJson(@RequestBody DossierRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String key,
            @AuthenticationPrincipal SignedInUser user) {
        String hash = sha256(ProcedureCatalogue.JSON.writeValueAsBytes(request));
        return created(dossiers.submit(request.input(), Map.of(), key, hash, user));
    }

    @PostMapping(path = "/dossiers", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasRole('CITIZEN')")
    @Operation(summary = "Submit a dossier as multipart: part 'dossier' (JSON) and files in parts 'document.<slot>'")
    ResponseEntity<Dossier> submitMultipart(MultipartHttpServletRequest multipart,
            @RequestHeader(name = "Idempotency-Key", required = false) String key,
            @AuthenticationPrincipal SignedInUser user) {
        String json = multipart.getParameter("dossier");
        MultipartFile jsonPart = multipart.getFile("dossier");
        try {
            if (json == null && jsonPart != null) {
                json = new String(jsonPart.getBytes(), StandardCharsets.UTF_8);
            }
            if (json == null) {
                throw new TinhSoException(ErrorCode.MALFORMED_REQUEST, "dossier");
            }
            DossierRequest request = ProcedureCatalogue.JSON.readValue(json, DossierRequest.class);
            Map<Integer, List<Upload>> uploads = new LinkedHashMap<>();
            StringBuilder fingerprint = new StringBuilder(json);
            List<InputStream> open = new ArrayList<>();
            try {
                for (var entry : multipart.getMultiFileMap().entrySet()) {
                    if (entry.getKey().equals("dossier")) {
                        continue;
                    }
                    int slot = slot(entry.getKey());
                    for (MultipartFile file : entry.getValue()) {
                        InputStream in = file.getInputStream();
                        open.add(in);
                        uploads.computeIfAbsent(slot, s -> new ArrayList<>()).add(new Upload(in, file.getOriginalFilename()));
                        fingerprint.append('|').append(slot).append(':').append(file.getOriginalFilename())
                                .append(':').append(file.getSize());
                    }
                }
                String hash = sha256(fingerprint.toString().getBytes(StandardCharsets.UTF_8));
                return created(dossiers.submit(request.input(), uploads, key, hash, user));
            } finally {
                for (InputStream in : open) {
                    in.close();
                }
            }
        } catch (JacksonException e) {
            throw new TinhSoException(ErrorCode.MALFORMED_REQUEST, "dossier");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int slot(String part) {
        if (part.startsWith("document.")) {
            try {
                return Integer.parseInt(part.substring("document.".length()));
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new TinhSoException(ErrorCode.VALIDATION_FAILED, part, part);
    }

    private static ResponseEntity<Dossier> created(DossierManagement.Submission submission) {
        return ResponseEntity.created(URI.create("/api/v1/dossiers/" + submission.dossier().id()))
                .header("Idempotent-Replayed", String.valueOf(submission.replayed()))
                .body(submission.dossier());
    }

    @GetMapping("/dossiers/mine")
    @PreAuthorize("hasRole('CITIZEN')")
    @Operation(summary = "The caller's dossiers, drafts included, most recently changed first")
    PageResult<Dossier> mine(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
            @AuthenticationPrincipal SignedInUser user) {
        return dossiers.mine(user.accountId(), new PageResult.Request(page, size));
    }

    @GetMapping("/dossiers/{id}")
    @PreAuthorize("hasRole('CITIZEN')")
    @Operation(summary = "One of the caller's dossiers with its timeline")
    DossierDetail mineOne(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user) {
        Dossier dossier = dossiers.ofOwner(id, user.accountId());
        return new DossierDetail(dossier, dossiers.timeline(dossier));
    }

    @GetMapping("/dossiers/{id}/receipt")
    @PreAuthorize("hasRole('CITIZEN')")
    @Operation(summary = "The receipt-and-appointment slip (PDF) of one of the caller's received dossiers")
    ResponseEntity<InputStreamResource> receipt(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user) {
        Dossier dossier = dossiers.ofOwner(id, user.accountId());
        return pdf(dossier, dossiers.receipt(dossier));
    }

    static ResponseEntity<InputStreamResource> pdf(Dossier dossier, InputStream content) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"giay-tiep-nhan-" + dossier.code() + ".pdf\"")
                .header("X-Content-Type-Options", "nosniff")
                .body(new InputStreamResource(content));
    }

    @PostMapping(path = "/dossiers/{id}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasRole('CITIZEN')")
    @Operation(summary = "Add a document (part 'file') to a draft or to a dossier asked to be supplemented")
    ResponseEntity<DossierDocument> attach(@PathVariable UUID id, @RequestParam int slot,
            @org.springframework.web.bind.annotation.RequestPart(name = "file", required = false) MultipartFile file,
            @AuthenticationPrincipal SignedInUser user) {
        if (file == null || file.isEmpty()) {
            throw new TinhSoException(ErrorCode.FILE_EMPTY, "file");
        }
        try (InputStream in = file.getInputStream()) {
            DossierDocument document = dossiers.attach(id, slot, new Upload(in, file.getOriginalFilename()), user);
            return ResponseEntity.status(201).body(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @PostMapping("/dossiers/{id}/resubmit")
    @PreAuthorize("hasRole('CITIZEN')")
    @Operation(summary = "Send a supplemented dossier back to the desk")
    Dossier resubmit(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user) {
        return dossiers.resubmit(id, user);
    }

    @GetMapping("/dossiers/{code}/status")
    @PreAuthorize("permitAll()")
    @Operation(summary = "Public status of a dossier: its code and the last 4 digits of the applicant's phone or ID")
    PublicStatus status(@PathVariable String code, @RequestParam(required = false) String digits,
            HttpServletRequest request) {
        if (!lookups.allow(request.getRemoteAddr())) {
            throw new TinhSoException(ErrorCode.TOO_MANY_REQUESTS);
        }
        if (digits == null || !digits.strip().matches("\\d{4}")) {
            throw new TinhSoException(ErrorCode.VALIDATION_FAILED, "digits", "digits");
        }
        return dossiers.lookup(code, digits);
    }

    // ------------------------------------------------------------ the desk

    @GetMapping("/desk/dossiers")
    @PreAuthorize("hasAnyRole('OFFICER', 'LEADER')")
    @Operation(summary = "Dossiers of the caller's agencies in the statuses asked (default SUBMITTED), oldest first")
    PageResult<Dossier> inbox(@RequestParam(required = false) Set<DossierStatus> status,
            @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size, @AuthenticationPrincipal SignedInUser user) {
        return dossiers.inbox(user, status, q, new PageResult.Request(page, size));
    }

    @GetMapping("/desk/dossiers/{id}")
    @PreAuthorize("hasAnyRole('OFFICER', 'LEADER')")
    @Operation(summary = "A dossier of the caller's agencies with its timeline")
    DossierDetail deskOne(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user) {
        Dossier dossier = dossiers.ofDesk(id, user);
        return new DossierDetail(dossier, dossiers.timeline(dossier));
    }

    @PostMapping("/desk/dossiers/{id}/receive")
    @PreAuthorize("hasAnyRole('OFFICER', 'LEADER')")
    @Operation(summary = "Receive a submitted dossier: appointment date and receipt")
    Dossier receive(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user) {
        return dossiers.receive(id, user);
    }

    @PostMapping("/desk/dossiers/{id}/supplement-request")
    @PreAuthorize("hasAnyRole('OFFICER', 'LEADER')")
    @Operation(summary = "Ask the applicant, once, for the documents to add or correct")
    Dossier requestSupplement(@PathVariable UUID id, @RequestBody SupplementRequest request,
            @AuthenticationPrincipal SignedInUser user) {
        return dossiers.requestSupplement(id, request.note(), request.items(), user);
    }

    @PostMapping("/desk/dossiers/{id}/refuse")
    @PreAuthorize("hasAnyRole('OFFICER', 'LEADER')")
    @Operation(summary = "Refuse a dossier at reception with a reason")
    Dossier refuse(@PathVariable UUID id, @RequestBody RefusalRequest request,
            @AuthenticationPrincipal SignedInUser user) {
        return dossiers.refuse(id, request.reason(), user);
    }

    @GetMapping("/desk/dossiers/{id}/receipt")
    @PreAuthorize("hasAnyRole('OFFICER', 'LEADER')")
    @Operation(summary = "The receipt slip of a dossier of the caller's agencies")
    ResponseEntity<InputStreamResource> deskReceipt(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user) {
        Dossier dossier = dossiers.ofDesk(id, user);
        return pdf(dossier, dossiers.receipt(dossier));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
