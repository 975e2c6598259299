package vn.tinhso.opendata;

import java.time.Duration;
import java.time.Instant;

/** A catalogue the portal harvests: a CKAN Action API or a DCAT catalogue, into one publisher. */
public record HarvestSource(long id, String title, Kind kind, String url, long publisherId, Schedule frequency,
        boolean active, Instant createdAt) {

    public enum Kind {
        CKAN, DCAT
    }

    /** How often a source is harvested by itself; MANUAL only when asked. */
    public enum Schedule {
        MANUAL(null), HOURLY(Duration.ofHours(1)), DAILY(Duration.ofDays(1)), WEEKLY(Duration.ofDays(7));

        private final Duration period;

        Schedule(Duration period) {
            this.period = period;
        }

        public Duration period() {
            return period;
        }
    }
}
