package vn.tinhso.opendata;

import java.util.Arrays;
import java.util.Optional;

/** The facets of dataset search, with the field names CKAN gives them (fq, facet.field). */
public enum Facet {
    PUBLISHER("organization"), DOMAIN("groups"), TAG("tags"), FORMAT("res_format"), LICENCE("license_id"),
    /** The quality score's band ({@code 90-100}, {@code 70-89}, {@code 50-69}, {@code 0-49}): our extension. */
    QUALITY("quality_band");

    private final String ckan;

    Facet(String ckan) {
        this.ckan = ckan;
    }

    public String ckan() {
        return ckan;
    }

    /** The band of a quality score, as the QUALITY facet names it. */
    public static String qualityBand(int score) {
        return score >= 90 ? "90-100" : score >= 70 ? "70-89" : score >= 50 ? "50-69" : "0-49";
    }

    public static Optional<Facet> ofCkan(String field) {
        return Arrays.stream(values()).filter(f -> f.ckan.equals(field)).findFirst();
    }
}
