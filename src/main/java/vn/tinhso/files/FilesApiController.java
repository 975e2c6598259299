package vn.tinhso.files;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.tinhso.shared.ErrorCode;
import vn.tinhso.shared.TinhSoException;

/** Upload and download of files; a file is readable by its owner and by administrators. */
@RestController
@RequestMapping("/api/v1/files")
@Tag(name = "Files", description = "File upload with type sniffing, size limit and SHA-256; download")
class FilesApiController {

    /** A file as the API shows it. */
    record FileView(UUID id, String name, String contentType, long size, String sha256, Instant createdAt) {
        static FileView of(StoredFile file) {
            return new FileView(file.id(), file.name(), file.contentType(), file.size(), file.sha256(),
                    file.createdAt());
        }
    }

    private final FileManagement files;

    FilesApiController(FileManagement files) {
        this.files = files;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Upload one file (multipart part 'file'); its type is sniffed from the content")
    ResponseEntity<FileView> upload(@RequestPart(name = "file", required = false) MultipartFile file,
            Authentication auth) {
        if (file == null) {
            throw new TinhSoException(ErrorCode.FILE_EMPTY, "file");
        }
        try (InputStream content = file.getInputStream()) {
            StoredFile stored = files.store(content, file.getOriginalFilename(), auth.getName());
            return ResponseEntity.created(URI.create("/api/v1/files/" + stored.id())).body(FileView.of(stored));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping("/{id}")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "A file's metadata (its owner or administrators)")
    FileView metadata(@PathVariable UUID id, Authentication auth) {
        return FileView.of(readable(id, auth));
    }

    @GetMapping("/{id}/content")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Download a file (its owner or administrators), always as an attachment")
    ResponseEntity<InputStreamResource> content(@PathVariable UUID id, Authentication auth) {
        StoredFile file = readable(id, auth);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .contentLength(file.size())
                .header(HttpHeaders.CONTENT_DISPOSITION, FileNames.attachment(file.name()))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .header(HttpHeaders.ETAG, "\"" + file.sha256() + "\"")
                .body(new InputStreamResource(files.open(id)));
    }

    private StoredFile readable(UUID id, Authentication auth) {
        StoredFile file = files.get(id);
        boolean admin = auth.getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()));
        if (!admin && !file.ownedBy(auth.getName())) {
            throw new TinhSoException(ErrorCode.FORBIDDEN);
        }
        return file;
    }
}
