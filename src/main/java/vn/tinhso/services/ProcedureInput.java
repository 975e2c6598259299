package vn.tinhso.services;

import java.util.List;

/**
 * A procedure as written by staff, the API and catalogue files (format {@code tinhso-procedures/1},
 * docs/procedure-catalogue.md). {@code domain} is a domain code; {@code agency} an agency code;
 * {@code demo} marks demo content (when absent, the file's {@code demo} flag applies).
 */
public record ProcedureInput(String code, String name, String domain, List<Procedure.Level> levels, String agency,
        Procedure.OnlineLevel onlineLevel, String applicants, List<Procedure.Method> methods,
        List<Procedure.Fee> fees, List<Procedure.RequiredDocument> documents, String result, List<String> legalBasis,
        String conditions, EForm form, ProcedureStatus status, Boolean demo) {

    public ProcedureInput {
        levels = levels == null ? List.of() : levels;
        methods = methods == null ? List.of() : methods;
        fees = fees == null ? List.of() : fees;
        documents = documents == null ? List.of() : documents;
        legalBasis = legalBasis == null ? List.of() : legalBasis;
    }

    static ProcedureInput of(Procedure p) {
        return new ProcedureInput(p.code(), p.name(), p.domain().code(), p.levels(), p.agencyCode(), p.onlineLevel(),
                p.applicants(), p.methods(), p.fees(), p.documents(), p.result(), p.legalBasis(), p.conditions(),
                p.form(), p.status(), p.demo());
    }
}
