package vn.tinhso.reports;

import java.time.Instant;
import java.util.List;
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

    /**
     * Photos are processed on one background thread of low priority: decoding and encoding a phone
     * photo costs more CPU than a submission, and submissions come first (decision 0010). A backlog
     * waits in the database (media without a public copy), never in memory.
     */
    private final java.util.concurrent.ExecutorService photoWorker = java.util.concurrent.Executors
            .newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "report-photos");
                t.setDaemon(true);
                t.setPriority(Thread.MIN_PRIORITY);
                return t;
            });
    private final java.util.concurrent.atomic.AtomicBoolean photoRunQueued = new java.util.concurrent.atomic.AtomicBoolean();

    /** After the commit: the map shows the change, new photos get their public copies. */
    @org.springframework.transaction.event.TransactionalEventListener
    void on(ReportEvent.Changed event) {
        map.invalidate(); // this node shows its own change at once; others within a second
        if ("submitted".equals(event.kind()) || "resolved".equals(event.kind())) {
            schedulePhotos();
        }
    }

    /** Queues one run of the photo worker unless one is already waiting (it will see the new photos). */
    private void schedulePhotos() {
        if (photoRunQueued.compareAndSet(false, true)) {
            photoWorker.execute(() -> {
                photoRunQueued.set(false);
                processPhotos();
            });
        }
    }

    @Scheduled(initialDelayString = "PT20S", fixedDelayString = "${tinhso.reports.photo-sweep-every:PT1M}")
    void sweepPhotos() {
        schedulePhotos();
    }

    private void processPhotos() {
        List<Long> batch;
        do {
            batch = reports.unprocessedPhotos(100);
            int failed = 0;
            for (Long id : batch) {
                yieldToSubmissions();
                try {
                    reports.processPhoto(id);
                } catch (RuntimeException e) {
                    failed++;
                    reports.photoFailed(id);
                    log.warn("Photo {} of a report could not be processed: {}", id, e.toString());
                }
            }
            if (failed == batch.size()) {
                return; // only failures left: the sweep tries again later
            }
        } while (batch.size() == 100);
    }

    /**
     * Waits while this node is taking reports in (at most {@link #MAX_YIELD_MILLIS}, so that photos
     * still get their copies under sustained load): a submission's answer matters more than a
     * public copy a few seconds sooner.
     */
    private void yieldToSubmissions() {
        long deadline = System.currentTimeMillis() + MAX_YIELD_MILLIS;
        while (reports.submissionsInFlight() > 0 && System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    static final long MAX_YIELD_MILLIS = 2000;

    @jakarta.annotation.PreDestroy
    void stop() {
        photoWorker.shutdownNow();
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
