package vn.tinhso.services;

import java.util.Map;
import vn.tinhso.shared.Actor;
import vn.tinhso.shared.AuditableEvent;

/** A procedure was created, changed, published or retired, or a catalogue file was imported. */
public record ProcedureChanged(String code, String change, Actor actor) implements AuditableEvent {

    @Override
    public String action() {
        return "services.procedure." + change;
    }

    @Override
    public String targetType() {
        return "procedure";
    }

    @Override
    public String targetId() {
        return code;
    }

    @Override
    public Map<String, String> details() {
        return Map.of();
    }
}
