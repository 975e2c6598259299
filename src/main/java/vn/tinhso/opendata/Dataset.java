package vn.tinhso.opendata;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A dataset as read from the catalogue, with its resources. */
public record Dataset(UUID id, String name, String title, String titleEn, String notes, String notesEn,
        long publisherId, String licenceId, DatasetState state, boolean isPrivate, String version, String frequency,
        LocalDate temporalStart, LocalDate temporalEnd, List<String> spatial, String contactName,
        String contactEmail, String sourceUrl, List<String> tags, List<String> domains, List<Extra> extras,
        boolean demo, Long harvestSource, String creator, String reviewNote, long views, long downloads,
        int revision, Instant createdAt, Instant modifiedAt, Instant publishedAt, Instant dataUpdatedAt,
        List<DatasetResource> resources) {

    /** A custom field (CKAN extra). */
    public record Extra(String key, String value) {
    }

    public Dataset {
        spatial = List.copyOf(spatial);
        tags = List.copyOf(tags);
        domains = List.copyOf(domains);
        extras = List.copyOf(extras);
        resources = List.copyOf(resources);
    }

    /** Whether anyone may see it: published and not private. */
    public boolean isPublic() {
        return state == DatasetState.PUBLISHED && !isPrivate;
    }

    public String title(boolean english) {
        return english && titleEn != null && !titleEn.isBlank() ? titleEn : title;
    }

    public String notes(boolean english) {
        return english && notesEn != null && !notesEn.isBlank() ? notesEn : notes;
    }

    /** The distinct formats of its resources, upper case, in resource order. */
    public List<String> formats() {
        return resources.stream().map(DatasetResource::format).filter(f -> f != null && !f.isBlank())
                .map(f -> f.strip().toUpperCase(java.util.Locale.ROOT)).distinct().toList();
    }

    Dataset withResources(List<DatasetResource> list) {
        return new Dataset(id, name, title, titleEn, notes, notesEn, publisherId, licenceId, state, isPrivate, version,
                frequency, temporalStart, temporalEnd, spatial, contactName, contactEmail, sourceUrl, tags, domains,
                extras, demo, harvestSource, creator, reviewNote, views, downloads, revision, createdAt, modifiedAt,
                publishedAt, dataUpdatedAt, list);
    }
}
