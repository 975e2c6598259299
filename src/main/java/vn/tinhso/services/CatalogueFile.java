package vn.tinhso.services;

import java.util.List;

/** A catalogue file as JSON: {@code format} {@code tinhso-procedures/1}, its domains and procedures. */
public record CatalogueFile(String format, boolean demo, List<Domain> domains, List<ProcedureInput> procedures) {

    public static final String FORMAT = "tinhso-procedures/1";

    public CatalogueFile {
        domains = domains == null ? List.of() : domains;
        procedures = procedures == null ? List.of() : procedures;
    }
}
