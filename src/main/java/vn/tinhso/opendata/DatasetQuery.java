package vn.tinhso.opendata;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A search of the catalogue. {@code filters}: per facet, a list of value sets; a dataset matches when,
 * for every set, it has one of its values (so a list is AND, a set is OR). {@code publishers}: the
 * agencies whose private datasets and drafts the caller may also see ({@code allVisible} for
 * administrators); public datasets are always seen. {@code sort}: CKAN sort fields with direction.
 */
public record DatasetQuery(String text, Map<Facet, List<Set<String>>> filters, Set<Long> publishers,
        boolean allVisible, boolean includeDrafts, List<Sort> sort, int start, int rows, List<Facet> facets,
        int facetLimit) {

    /** A sort key: {@code score} (relevance), {@code metadata_modified}, {@code metadata_created}, {@code name},
     * {@code title_string}, {@code views_recent} (views), {@code downloads}, {@code quality}. */
    public record Sort(String field, boolean descending) {
    }

    public static final Set<String> SORT_FIELDS = Set.of("score", "relevance", "metadata_modified",
            "metadata_created", "name", "title_string", "views_recent", "views_total", "downloads", "quality");

    public DatasetQuery {
        filters = Map.copyOf(filters);
        publishers = Set.copyOf(publishers);
        sort = List.copyOf(sort);
        facets = List.copyOf(facets);
    }

    /** Public datasets only, relevance then newest first. */
    public static DatasetQuery publicSearch(String text, Map<Facet, List<Set<String>>> filters, List<Sort> sort,
            int start, int rows) {
        return new DatasetQuery(text, filters, Set.of(), false, false, sort, start, rows, List.of(Facet.values()), 50);
    }
}
