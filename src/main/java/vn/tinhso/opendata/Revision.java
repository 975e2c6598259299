package vn.tinhso.opendata;

import java.time.Instant;

/** A saved version of a dataset: its number, what changed, who, when, and the package as it was (JSON). */
public record Revision(int revision, String change, String changedBy, Instant changedAt, String snapshot) {
}
