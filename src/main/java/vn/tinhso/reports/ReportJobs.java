package vn.tinhso.reports;

import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The background work of field reports: public copies of new photos (after each submission and
 * resolution, and a sweep for any left over), and the deadline watch (reminders, escalation to the
 * leaders, closing resolved reports whose reopening window passed). The watch takes a database
 * advisory lock, so that one node of several does it.
 */
@Component
class ReportJobs {

    private static final Logger log = LoggerFactory.getLogger(ReportJobs.class);
    private static final long WATCH_LOCK = 0x7265706f72747321L; // "reports!"

    private final ReportManagement reports;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final ReportMapIndex map;

    ReportJobs(ReportManagement reports, JdbcClient jdbc, TransactionTemplate tx, ReportMapIndex map) {
        this.reports = reports;
        this.jdbc = jdbc;
        this.tx = tx;
        this.map = map;
    }

    /** After the commit, on another thread; a failure is left to the sweep. */
    @org.springframework.scheduling.annotation.Async
    @org.springframework.transaction.event.TransactionalEventListener
    void on(ReportEvent.Changed event) {
        map.invalidate(); // this node shows its own change at once; others within a second
        if ("submitted".equals(event.kind()) || "resolved".equals(event.kind())) {
            processPhotos();
        }
    }

    @Scheduled(initialDelayString = "PT20S", fixedDelayString = "${tinhso.reports.photo-sweep-every:PT1M}")
    void processPhotos() {
        for (Long id : reports.unprocessedPhotos(100)) {
            try {
                reports.processPhoto(id);
            } catch (RuntimeException e) {
                log.warn("Photo {} of a report could not be processed: {}", id, e.toString());
            }
        }
    }

    @Scheduled(initialDelayString = "PT30S", fixedDelayString = "${tinhso.reports.deadline-check-every:PT1M}")
    void watchDeadlines() {
        watch(Instant.now());
    }

    /** One round of the deadline watch at the moment; false when another node holds the lock. */
    boolean watch(Instant now) {
        Boolean done = tx.execute(status -> {
            if (!jdbc.sql("SELECT pg_try_advisory_xact_lock(:k)").param("k", WATCH_LOCK).query(Boolean.class).single()) {
                return false;
            }
            int reminded = reports.remindDue(now);
            int escalated = reports.escalateOverdue(now);
            int closed = reports.closeSettled(now);
            if (reminded + escalated + closed > 0) {
                log.info("Report deadlines: {} reminded, {} escalated, {} closed", reminded, escalated, closed);
            }
            return true;
        });
        return Boolean.TRUE.equals(done);
    }
}
