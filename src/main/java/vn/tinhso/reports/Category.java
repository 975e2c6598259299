package vn.tinhso.reports;

import java.util.Locale;

/**
 * A report category, a node of a tree (configurable data; docs/reports.md lists the default set).
 *
 * @param anonymousAllowed whether a report of it may be sent without a name and contact
 * @param publicByDefault whether its reports appear on the public map (security matters do not)
 */
public record Category(String code, String parentCode, String name, String nameEn, String description, String icon,
        boolean anonymousAllowed, boolean publicByDefault, int position, boolean active) {

    /** The name in the language of the locale. */
    public String name(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? nameEn : name;
    }
}
