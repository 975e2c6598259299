package vn.tinhso.opendata;

import java.time.Instant;
import java.util.UUID;

/**
 * A resource of a dataset (CKAN resource, dcat:Distribution): an uploaded file ({@code fileId}) or a
 * link ({@code url}). {@code broken} is set by the link checker.
 */
public record DatasetResource(UUID id, UUID datasetId, int position, String name, String description, String format,
        String url, UUID fileId, String mimetype, Long size, String hash, long downloads, Instant createdAt,
        Instant modifiedAt, Instant checkedAt, Integer checkStatus, String checkError, boolean broken) {

    public boolean uploaded() {
        return fileId != null;
    }
}
