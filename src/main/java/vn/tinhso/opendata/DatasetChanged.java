package vn.tinhso.opendata;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.tinhso.shared.Actor;
import vn.tinhso.shared.AuditableEvent;

/**
 * A dataset was created, changed, sent for review, published, returned, deleted, or one of its
 * resources changed. {@code subscribers} are the accounts following it, told when a public dataset
 * changes.
 */
public record DatasetChanged(UUID datasetId, String name, String title, String change, int revision,
        boolean isPublic, List<Long> subscribers, Actor actor) implements AuditableEvent {

    public DatasetChanged {
        subscribers = List.copyOf(subscribers);
    }

    @Override
    public String action() {
        return "opendata.dataset." + change;
    }

    @Override
    public String targetType() {
        return "dataset";
    }

    @Override
    public String targetId() {
        return datasetId.toString();
    }

    @Override
    public Map<String, String> details() {
        return Map.of("name", name, "revision", String.valueOf(revision));
    }
}
