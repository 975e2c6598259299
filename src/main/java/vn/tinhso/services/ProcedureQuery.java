package vn.tinhso.services;

/**
 * A search of the catalogue. Every criterion is optional.
 *
 * @param text searched in names and codes, without diacritics and with a typo allowed
 * @param agency the performing agency's code, or {@link #COMMUNE_AGENCIES} for procedures of commune
 *        People's Committees
 * @param status {@code null} for published procedures only (the public view), or all for staff
 * @param staff whether the search is staff's, who see drafts and retired procedures too
 * @param sort {@code relevance} (the default with text) or {@code name} (Vietnamese collation)
 */
public record ProcedureQuery(String text, String domain, Procedure.Level level, String agency,
        Procedure.OnlineLevel online, ProcedureStatus status, String sort, boolean staff) {

    /** The agency facet's key for procedures performed by commune People's Committees. */
    public static final String COMMUNE_AGENCIES = "commune";

    public static ProcedureQuery published(String text) {
        return new ProcedureQuery(text, null, null, null, null, null, null, false);
    }
}
