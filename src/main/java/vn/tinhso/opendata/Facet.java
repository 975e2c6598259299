package vn.tinhso.opendata;

import java.util.Arrays;
import java.util.Optional;

/** The facets of dataset search, with the field names CKAN gives them (fq, facet.field). */
public enum Facet {
    PUBLISHER("organization"), DOMAIN("groups"), TAG("tags"), FORMAT("res_format"), LICENCE("license_id");

    private final String ckan;

    Facet(String ckan) {
        this.ckan = ckan;
    }

    public String ckan() {
        return ckan;
    }

    public static Optional<Facet> ofCkan(String field) {
        return Arrays.stream(values()).filter(f -> f.ckan.equals(field)).findFirst();
    }
}
