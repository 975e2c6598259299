package vn.tinhso.reports;

/**
 * Category x commune (x optional area) -> handling agency. {@code categoryCode} and
 * {@code communeCode} null mean any; a rule with {@code toCommune} sends the report to the
 * People's Committee of the report's commune instead of a fixed agency.
 */
public record RoutingRule(long id, String categoryCode, String communeCode, Double minLat, Double minLon,
        Double maxLat, Double maxLon, Long agencyId, boolean toCommune, int priority, String note) {

    boolean hasArea() {
        return minLat != null;
    }

    boolean matches(java.util.List<String> lineage, String commune, double lat, double lon) {
        return (categoryCode == null || lineage.contains(categoryCode))
                && (communeCode == null || communeCode.equals(commune))
                && (!hasArea() || lat >= minLat && lat <= maxLat && lon >= minLon && lon <= maxLon);
    }

    /**
     * How specific the rule is for a report of the category: an area beats a commune, a commune beats a
     * category, a category close to the report's beats its ancestor, then the priority.
     */
    long specificity(java.util.List<String> lineage) {
        int depth = categoryCode == null ? 0 : 10 - lineage.indexOf(categoryCode);
        return (hasArea() ? 1L << 40 : 0) + (communeCode != null ? 1L << 32 : 0) + ((long) depth << 20)
                + Math.max(0, Math.min(priority, 1 << 19));
    }
}
