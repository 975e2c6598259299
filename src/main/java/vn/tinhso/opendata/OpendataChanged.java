package vn.tinhso.opendata;

import vn.tinhso.shared.Actor;
import vn.tinhso.shared.AuditableEvent;

/**
 * A change of the portal other than a dataset's (see {@link DatasetChanged}): a harvest source created
 * or run, a dataset request made or answered. {@code action} is e.g. {@code opendata.harvest.run_requested}.
 */
public record OpendataChanged(String action, String targetType, String targetId, Actor actor)
        implements AuditableEvent {

    static OpendataChanged of(String action, String targetType, long id) {
        return new OpendataChanged("opendata." + action, targetType, String.valueOf(id), Actor.current());
    }
}
