package vn.tinhso.opendata;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.tinhso.shared.ErrorCode;
import vn.tinhso.shared.PageResult;
import vn.tinhso.shared.TinhSoException;

/** "Request a dataset" on the platform's API: public requests and answers; nobody's e-mail is shown. */
@RestController
@RequestMapping("/api/v1/opendata/requests")
@Tag(name = "Open data requests", description = "Ask for a dataset; the answers of the publishers")
class DatasetRequestsApiController {

    private final DatasetRequestManagement requests;

    DatasetRequestsApiController(DatasetRequestManagement requests) {
        this.requests = requests;
    }

    /** A request as the public sees it: no name, no e-mail. */
    record PublicRequest(long id, String title, String description, String status, String answer,
            String datasetName, Instant createdAt, Instant answeredAt) {
        static PublicRequest of(DatasetRequest r) {
            return new PublicRequest(r.id(), r.title(), r.description(), r.status().name(), r.answer(),
                    r.datasetName(), r.createdAt(), r.answeredAt());
        }
    }

    record NewRequest(String title, String description, String requester, String email, String publisher) {
    }

    record Answer(String status, String answer, String dataset) {
    }

    @GetMapping
    @PreAuthorize("permitAll()")
    @Operation(summary = "The requests, newest first (status OPEN, ANSWERED, DECLINED, PUBLISHED)")
    PageResult<PublicRequest> list(@RequestParam(required = false) String status,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        DatasetRequest.Status s = null;
        if (status != null && !status.isBlank()) {
            try {
                s = DatasetRequest.Status.valueOf(status.strip().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new TinhSoException(ErrorCode.VALIDATION_FAILED, "status", "status");
            }
        }
        return requests.list(s, new PageResult.Request(page, size)).map(PublicRequest::of);
    }

    @GetMapping("/{id}")
    @PreAuthorize("permitAll()")
    @Operation(summary = "One request and its answer")
    PublicRequest one(@PathVariable long id) {
        return PublicRequest.of(requests.get(id));
    }

    @PostMapping
    @PreAuthorize("permitAll()") // anyone may ask; limited per client address
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Ask for a dataset (title, description; requester and email unless signed in; publisher optional)")
    PublicRequest create(@RequestBody NewRequest body, Authentication auth, HttpServletRequest request) {
        return PublicRequest.of(requests.request(body.title(), body.description(), body.requester(), body.email(),
                body.publisher(), Editor.of(auth), request.getRemoteAddr()));
    }

    @PostMapping("/{id}/answer")
    @PreAuthorize("hasAnyRole('OFFICER', 'LEADER', 'ADMIN')") // and of the publisher asked: checked by the module
    @Operation(summary = "Answer a request: status ANSWERED, DECLINED or PUBLISHED (with the dataset's name), answer text")
    PublicRequest answer(@PathVariable long id, @RequestBody Answer body, Authentication auth) {
        return PublicRequest.of(requests.answer(id, body.status(), body.answer(), body.dataset(), Editor.of(auth)));
    }
}
