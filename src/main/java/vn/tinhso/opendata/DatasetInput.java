package vn.tinhso.opendata;

import java.util.List;

/**
 * What a publisher writes about a dataset, by the field names of CKAN (package_create): checked whole
 * by {@link DatasetManagement}, which answers every invalid field at once. {@code publisher} is the
 * publisher's name or agency id (owner_org); {@code state} is {@code draft} to keep it a draft, or null.
 */
public record DatasetInput(String name, String title, String titleEn, String notes, String notesEn, String publisher,
        String licenceId, boolean isPrivate, String version, String frequency, String temporalStart,
        String temporalEnd, List<String> spatial, String contactName, String contactEmail, String sourceUrl,
        List<String> tags, List<String> domains, List<Dataset.Extra> extras, String state) {

    public DatasetInput {
        spatial = spatial == null ? List.of() : List.copyOf(spatial);
        tags = tags == null ? List.of() : List.copyOf(tags);
        domains = domains == null ? List.of() : List.copyOf(domains);
        extras = extras == null ? List.of() : List.copyOf(extras);
    }

    /** The input that would save the dataset as it is (for patches and edit forms). */
    public static DatasetInput of(Dataset d, String publisherName) {
        return new DatasetInput(d.name(), d.title(), d.titleEn(), d.notes(), d.notesEn(), publisherName, d.licenceId(),
                d.isPrivate(), d.version(), d.frequency(),
                d.temporalStart() == null ? null : d.temporalStart().toString(),
                d.temporalEnd() == null ? null : d.temporalEnd().toString(), d.spatial(), d.contactName(),
                d.contactEmail(), d.sourceUrl(), d.tags(), d.domains(), d.extras(), null);
    }
}
