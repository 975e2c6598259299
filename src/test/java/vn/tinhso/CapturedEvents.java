package vn.tinhso;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.tinhso.shared.AuditableEvent;

/** Test fixture: keeps every auditable event published by the application, from any thread. */
@Component
public class CapturedEvents {

    private final List<AuditableEvent> events = new CopyOnWriteArrayList<>();

    @EventListener
    void on(AuditableEvent event) {
        events.add(event);
    }

    public <T> Stream<T> of(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast);
    }
}
