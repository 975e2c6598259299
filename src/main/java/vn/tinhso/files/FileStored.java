package vn.tinhso.files;

import java.util.Map;
import java.util.UUID;
import vn.tinhso.shared.Actor;
import vn.tinhso.shared.AuditableEvent;

/** A file was stored completely: its content is on the store and its metadata committed. */
public record FileStored(UUID fileId, String name, String contentType, long size, String sha256, String owner,
        Actor actor) implements AuditableEvent {

    @Override
    public String action() {
        return "files.file.stored";
    }

    @Override
    public String targetType() {
        return "file";
    }

    @Override
    public String targetId() {
        return fileId.toString();
    }

    @Override
    public Map<String, String> details() {
        return Map.of("name", name, "contentType", contentType, "size", String.valueOf(size), "sha256", sha256,
                "owner", owner);
    }
}
