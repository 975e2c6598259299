package vn.tinhso.files;

import java.util.Map;
import vn.tinhso.shared.Actor;
import vn.tinhso.shared.AuditableEvent;

/**
 * An upload was refused for its type or size: worth a security record, since a renamed executable
 * is a typical probe. {@code reason} is the error code, {@code detail} the sniffed type or the limit.
 */
public record FileRejected(String name, String reason, String detail, String owner, Actor actor)
        implements AuditableEvent {

    @Override
    public String action() {
        return "files.file.rejected";
    }

    @Override
    public String targetType() {
        return "file";
    }

    @Override
    public String targetId() {
        return name;
    }

    @Override
    public String outcome() {
        return "failure";
    }

    @Override
    public Map<String, String> details() {
        return Map.of("reason", reason, "detail", detail, "owner", owner);
    }
}
