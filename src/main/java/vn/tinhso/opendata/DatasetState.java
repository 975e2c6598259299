package vn.tinhso.opendata;

/**
 * Where a dataset is in its publication: officers write drafts and send them for review, a leader of
 * the publisher publishes (docs/opendata.md). CKAN sees DRAFT and REVIEW as {@code draft}.
 */
public enum DatasetState {
    DRAFT, REVIEW, PUBLISHED, DELETED;

    public String ckan() {
        return switch (this) {
            case PUBLISHED -> "active";
            case DELETED -> "deleted";
            default -> "draft";
        };
    }
}
