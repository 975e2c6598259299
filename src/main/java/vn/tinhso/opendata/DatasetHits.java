package vn.tinhso.opendata;

import java.util.List;
import java.util.Map;

/** A page of search results, the number of all matches and the facet counts among them. */
public record DatasetHits(long count, List<Dataset> results, Map<Facet, List<FacetCount>> facets) {

    /** How many matches have the value. */
    public record FacetCount(String value, long count) {
    }
}
