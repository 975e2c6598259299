package vn.tinhso.services;

import java.time.Instant;

/** One step of a dossier's timeline: what happened, the status it led to, who did it, and a note. */
public record DossierEntry(String type, DossierStatus status, String actor, String note, Instant at) {
}
