package vn.tinhso.opendata;

/** A publisher (CKAN organization): an agency of the units module, with a URL name. */
public record Publisher(long agencyId, String name, String title, String titleEn, String description, String email) {

    public String title(boolean english) {
        return english && titleEn != null ? titleEn : title;
    }
}
