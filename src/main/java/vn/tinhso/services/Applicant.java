package vn.tinhso.services;

/**
 * Who the dossier is for: a person (12-digit personal identification number) or an organisation
 * (10-digit tax code, optionally with a 3-digit branch suffix).
 */
public record Applicant(String name, String idNumber, String phone, String email, String address,
        String organisation) {
}
