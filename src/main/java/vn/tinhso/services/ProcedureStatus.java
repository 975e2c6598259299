package vn.tinhso.services;

/** A draft is seen by staff only; a published procedure takes dossiers; a retired one no longer does. */
public enum ProcedureStatus {
    DRAFT, PUBLISHED, RETIRED
}
