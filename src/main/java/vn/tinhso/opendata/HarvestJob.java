package vn.tinhso.opendata;

import java.time.Instant;
import java.util.List;

/** One run of a harvest source, with its counts and the errors it met (at most 100 kept). */
public record HarvestJob(long id, long sourceId, Status status, String requestedBy, Instant createdAt,
        Instant startedAt, Instant finishedAt, int created, int updated, int unchanged, int deleted, int errors,
        List<String> log) {

    public enum Status {
        QUEUED, RUNNING, DONE, FAILED
    }
}
