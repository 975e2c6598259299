package vn.tinhso.opendata;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Administration of the open data portal: harvest sources and jobs, publishers, the link checker. */
@RestController
@RequestMapping("/api/v1/admin/opendata")
@Tag(name = "Open data administration", description = "Harvest sources and jobs, publishers, link checks (administrators)")
class OpendataAdminApiController {

    private final HarvestManagement harvest;
    private final DatasetManagement catalogue;
    private final LinkChecker links;

    OpendataAdminApiController(HarvestManagement harvest, DatasetManagement catalogue, LinkChecker links) {
        this.harvest = harvest;
        this.catalogue = catalogue;
        this.links = links;
    }

    record SourceRequest(String title, String kind, String url, String publisher, String frequency) {
    }

    @GetMapping("/harvest-sources")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "The harvest sources")
    List<HarvestSource> sources() {
        return harvest.sources();
    }

    @PostMapping("/harvest-sources")
    @PreAuthorize("hasRole('ADMIN')")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a harvest source: kind CKAN (the site's address) or DCAT (a catalogue's address), "
            + "the publisher its datasets go to, frequency MANUAL, HOURLY, DAILY or WEEKLY")
    HarvestSource create(@RequestBody SourceRequest body) {
        return harvest.create(body.title(), body.kind(), body.url(), body.publisher(), body.frequency());
    }

    @PostMapping("/harvest-sources/{id}/run")
    @PreAuthorize("hasRole('ADMIN')")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Run a source now (the job queued or running already, if there is one)")
    HarvestJob run(@PathVariable long id) {
        return harvest.run(id);
    }

    @GetMapping("/harvest-sources/{id}/jobs")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "The last 20 jobs of a source, newest first")
    List<HarvestJob> jobs(@PathVariable long id) {
        return harvest.jobs(id);
    }

    @GetMapping("/harvest-jobs/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "A harvest job: status, counts (created, updated, unchanged, deleted, errors) and its log")
    HarvestJob job(@PathVariable long id) {
        return harvest.job(id);
    }

    record PublisherRequest(long agencyId, String name, String title, String titleEn, String description,
            String email) {
    }

    @PostMapping("/publishers")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Register an agency as a publisher, or change its URL name and titles")
    Publisher publisher(@RequestBody PublisherRequest body) {
        return catalogue.savePublisher(new Publisher(body.agencyId(), body.name(), body.title(), body.titleEn(),
                body.description(), body.email()));
    }

    @PostMapping("/link-check")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Check a batch of resource links now (the background checker does it every few minutes)")
    Map<String, Integer> linkCheck() {
        return Map.of("checked", links.checkBatch());
    }
}
