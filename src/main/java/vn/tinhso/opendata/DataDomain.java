package vn.tinhso.opendata;

/**
 * A domain of the portal (lĩnh vực; a CKAN group, a DCAT theme): configurable data. {@code theme} is
 * the code of the EU data theme vocabulary it maps to (AGRI, ENVI, ...), for DCAT-AP's dcat:theme.
 */
public record DataDomain(String code, String title, String titleEn, String description, String icon, String theme,
        int position) {

    public String title(boolean english) {
        return english && titleEn != null ? titleEn : title;
    }

    public String themeUri() {
        return theme == null ? null : "http://publications.europa.eu/resource/authority/data-theme/" + theme;
    }
}
