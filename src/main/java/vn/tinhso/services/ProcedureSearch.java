package vn.tinhso.services;

import java.util.List;
import vn.tinhso.shared.PageResult;

/**
 * One page of procedures and the facet counts of the search. A facet's counts apply every criterion
 * except its own, so that choosing a domain still shows how many results the other domains have.
 */
public record ProcedureSearch(PageResult<ProcedureSummary> result, List<Facet> domains, List<Facet> levels,
        List<Facet> agencies, List<Facet> onlineLevels) {

    /** A facet value: {@code key} as the API takes it, {@code label} to show. */
    public record Facet(String key, String label, long count) {
    }
}
