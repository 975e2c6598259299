package vn.tinhso.services;

import java.util.List;
import vn.tinhso.shared.InvalidInput.Violation;

/** The outcome of a catalogue import: nothing is saved unless every entry is valid. */
public record ImportReport(int created, int updated, int domains, List<Violation> errors) {

    public boolean saved() {
        return errors.isEmpty();
    }
}
