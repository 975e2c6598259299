package vn.tinhso.services;

/** A domain (lĩnh vực) of procedures, e.g. {@code ho-tich} Hộ tịch. */
public record Domain(String code, String name, String nameEn) {

    /** The name in the language asked for, Vietnamese when there is no English one. */
    public String name(java.util.Locale locale) {
        return "en".equals(locale.getLanguage()) && nameEn != null && !nameEn.isBlank() ? nameEn : name;
    }
}
