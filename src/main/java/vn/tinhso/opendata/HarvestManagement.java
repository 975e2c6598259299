package vn.tinhso.opendata;

import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.tinhso.shared.Actor;
import vn.tinhso.shared.ErrorCode;
import vn.tinhso.shared.InvalidInput;
import vn.tinhso.shared.InvalidInput.Violation;
import vn.tinhso.shared.TinhSoException;

/** Harvest sources and their jobs (administrators; docs/opendata.md, "Harvesting"). */
@Service
public class HarvestManagement {

    private final Harvests harvests;
    private final Harvester harvester;
    private final DatasetManagement catalogue;
    private final ApplicationEventPublisher events;

    HarvestManagement(Harvests harvests, Harvester harvester, DatasetManagement catalogue,
            ApplicationEventPublisher events) {
        this.harvests = harvests;
        this.harvester = harvester;
        this.catalogue = catalogue;
        this.events = events;
    }

    public List<HarvestSource> sources() {
        return harvests.sources();
    }

    @Transactional
    public HarvestSource create(String title, String kind, String url, String publisher, String frequency) {
        List<Violation> v = new ArrayList<>();
        if (title == null || title.strip().length() < 3 || title.strip().length() > 300) {
            v.add(new Violation("title", "opendata.invalid.required"));
        }
        HarvestSource.Kind k = enumOf(HarvestSource.Kind.class, kind);
        if (k == null) {
            v.add(new Violation("kind", "opendata.invalid.harvest_kind"));
        }
        if (url == null || !DatasetManagement.URL.matcher(url.strip()).matches()) {
            v.add(new Violation("url", "opendata.invalid.url"));
        } else if (k != null && harvests.urlTaken(k, url.strip())) {
            v.add(new Violation("url", "opendata.invalid.harvest_url_taken"));
        }
        var p = catalogue.publisher(publisher);
        if (p.isEmpty()) {
            v.add(new Violation("publisher", "opendata.invalid.owner_org", String.valueOf(publisher)));
        }
        HarvestSource.Schedule f = frequency == null || frequency.isBlank() ? HarvestSource.Schedule.MANUAL
                : enumOf(HarvestSource.Schedule.class, frequency);
        if (f == null) {
            v.add(new Violation("frequency", "opendata.invalid.frequency", frequency));
        }
        InvalidInput.throwIfAny(v);
        long id = harvests.createSource(title.strip(), k, url.strip(), p.orElseThrow().agencyId(), f,
                Actor.current().name());
        events.publishEvent(OpendataChanged.of("harvest.source_created", "harvest_source", id));
        return harvests.source(id).orElseThrow();
    }

    /** Queues a run of the source (or returns the one already queued or running) and starts it soon. */
    public HarvestJob run(long sourceId) {
        harvests.source(sourceId).orElseThrow(() -> TinhSoException.of(ErrorCode.NOT_FOUND, "harvest source " + sourceId));
        harvests.failStale(Harvester.STALE); // a job left RUNNING by a node that died must not block this run
        HarvestJob job = harvests.queue(sourceId, Actor.current().name());
        events.publishEvent(OpendataChanged.of("harvest.run_requested", "harvest_source", sourceId));
        harvester.runSoon();
        return job;
    }

    public HarvestJob job(long id) {
        return harvests.job(id).orElseThrow(() -> TinhSoException.of(ErrorCode.NOT_FOUND, "harvest job " + id));
    }

    public List<HarvestJob> jobs(long sourceId) {
        return harvests.jobs(sourceId, 20);
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
