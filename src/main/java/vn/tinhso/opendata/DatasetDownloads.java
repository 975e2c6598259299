package vn.tinhso.opendata;

import java.io.InputStream;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import vn.tinhso.files.FileManagement;
import vn.tinhso.files.StoredFile;
import vn.tinhso.shared.ErrorCode;
import vn.tinhso.shared.TinhSoException;

/**
 * Downloads of uploaded resources at CKAN's address ({@code /dataset/{name}/resource/{id}/download/{file}}):
 * public datasets for anyone, private ones and drafts for their publisher; counted as downloads.
 */
@Controller
class DatasetDownloads {

    private final DatasetManagement catalogue;

    DatasetDownloads(DatasetManagement catalogue) {
        this.catalogue = catalogue;
    }

    @GetMapping("/dataset/{name}/resource/{id}/download/{file}")
    @PreAuthorize("permitAll()") // visibility of the dataset is checked below
    ResponseEntity<InputStreamResource> download(@PathVariable String name, @PathVariable String id,
            @PathVariable String file, Authentication auth) {
        Editor editor = Editor.of(auth);
        Dataset d = catalogue.get(name, editor);
        DatasetResource r = catalogue.resource(id, editor).filter(x -> x.datasetId().equals(d.id()) && x.uploaded())
                .orElseThrow(() -> TinhSoException.of(ErrorCode.RESOURCE_NOT_FOUND, id));
        StoredFile stored = catalogue.file(r);
        InputStream content = catalogue.download(r);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(stored.contentType().startsWith("text/")
                        ? stored.contentType() + ";charset=UTF-8" : stored.contentType()))
                .contentLength(stored.size())
                .header(HttpHeaders.CONTENT_DISPOSITION, FileManagement.attachmentHeader(CkanDicts.fileName(r)))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .body(new InputStreamResource(content));
    }
}
