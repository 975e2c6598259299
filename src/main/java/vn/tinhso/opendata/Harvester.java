package vn.tinhso.opendata;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.tinhso.shared.InvalidInput;

/**
 * Runs harvest jobs: reads the source (CKAN or DCAT), creates the datasets it has that we do not,
 * updates those whose modification time changed, leaves the rest, and deletes the harvested datasets
 * the source no longer has. A dataset that cannot be saved is an error in the job's log; the run goes
 * on. Jobs are claimed with {@code FOR UPDATE SKIP LOCKED} (one node runs a job), beat while they
 * run, and a job whose heartbeat stopped for {@link #STALE} is marked FAILED by the next sweep: no
 * job stays RUNNING after a crash.
 */
@Component
class Harvester {

    static final Duration STALE = Duration.ofMinutes(10);
    private static final Logger log = LoggerFactory.getLogger(Harvester.class);

    private final Harvests harvests;
    private final RemoteCatalogues remote;
    private final DatasetManagement catalogue;
    private final Datasets datasets;
    private final org.springframework.transaction.support.TransactionTemplate tx;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "opendata-harvest");
        t.setDaemon(true);
        return t;
    });

    Harvester(Harvests harvests, RemoteCatalogues remote, DatasetManagement catalogue, Datasets datasets,
            org.springframework.transaction.support.TransactionTemplate tx) {
        this.harvests = harvests;
        this.remote = remote;
        this.catalogue = catalogue;
        this.datasets = datasets;
        this.tx = tx;
    }

    /** Every minute: fail the stale, queue the due, run what is queued. */
    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT1M")
    void sweep() {
        try {
            int stale = harvests.failStale(STALE);
            if (stale > 0) {
                log.warn("Marked {} harvest job(s) failed: their node stopped while running them", stale);
            }
            harvests.due(Instant.now()).forEach(s -> harvests.queue(s.id(), "schedule"));
            runQueued();
        } catch (RuntimeException e) {
            log.warn("The harvest sweep failed: {}", e.toString());
        }
    }

    /** Runs the queued jobs on the harvest thread, one after another. */
    void runSoon() {
        worker.execute(this::runQueued);
    }

    private void runQueued() {
        Optional<HarvestJob> job;
        while ((job = harvests.claim()).isPresent()) {
            run(job.get());
        }
    }

    private void run(HarvestJob job) {
        HarvestSource source = harvests.source(job.sourceId()).orElseThrow();
        Run run = new Run(job.id(), source);
        try {
            if (source.kind() == HarvestSource.Kind.CKAN) {
                remote.ckan(source.url(), run::take);
            } else {
                remote.dcat(source.url(), run::take);
            }
            run.deleteMissing();
            run.beat();
            harvests.finish(job.id(), HarvestJob.Status.DONE);
        } catch (RemoteCatalogues.Unreadable e) {
            run.errors.add(e.getMessage());
            run.beat();
            harvests.finish(job.id(), HarvestJob.Status.FAILED);
        } catch (RuntimeException e) {
            log.warn("Harvest job {} failed", job.id(), e);
            run.errors.add("unexpected: " + e.getClass().getSimpleName());
            run.beat();
            harvests.finish(job.id(), HarvestJob.Status.FAILED);
        }
    }

    /** One job's state while it runs. */
    private final class Run {
        final long job;
        final HarvestSource source;
        final String by;
        final Map<String, String[]> existing = new HashMap<>();
        final Set<String> seen = new HashSet<>();
        final List<String> errors = new ArrayList<>();
        int created;
        int updated;
        int unchanged;
        int deleted;
        int sinceBeat;

        Run(long job, HarvestSource source) {
            this.job = job;
            this.source = source;
            this.by = "harvest:" + source.id();
            harvests.harvested(source.id()).forEach(row -> existing.put(row[1], row));
        }

        void take(RemoteDataset r) {
            if (r.ref() == null || !seen.add(r.ref())) {
                return;
            }
            try {
                String[] row = existing.get(r.ref());
                List<ResourceInput> links = r.links().stream()
                        .filter(l -> l.url() != null && DatasetManagement.URL.matcher(l.url()).matches()).toList();
                if (row == null) {
                    tx.executeWithoutResult(status -> {
                        Dataset d = catalogue.createAs(input(r, freeName(r)), false, source.id(), r.ref(), by,
                                Instant.now());
                        catalogue.replaceLinksAs(d, links, by);
                        harvests.setHarvestModified(d.id(), r.modified());
                    });
                    created++;
                } else if (r.modified() != null && r.modified().equals(row[2])) {
                    unchanged++;
                } else {
                    tx.executeWithoutResult(status -> {
                        Dataset old = datasets.find(UUID.fromString(row[0])).orElseThrow();
                        Dataset d = catalogue.updateAs(old, input(r, old.name()), by);
                        catalogue.replaceLinksAs(d, links, by);
                        harvests.setHarvestModified(d.id(), r.modified());
                    });
                    updated++;
                }
            } catch (InvalidInput e) {
                errors.add(r.ref() + ": " + e.violations().stream().map(v -> v.field() + " " + v.key()).toList());
            } catch (RuntimeException e) {
                errors.add(r.ref() + ": " + e.getClass().getSimpleName());
            }
            if (++sinceBeat >= 20) {
                beat();
            }
        }

        void deleteMissing() {
            for (Map.Entry<String, String[]> e : existing.entrySet()) {
                if (!seen.contains(e.getKey())) {
                    datasets.find(UUID.fromString(e.getValue()[0])).ifPresent(d -> catalogue.deleteAs(d, by));
                    deleted++;
                }
            }
        }

        void beat() {
            sinceBeat = 0;
            harvests.progress(job, created, updated, unchanged, deleted, errors);
        }

        private String freeName(RemoteDataset r) {
            String base = r.name() != null && DatasetManagement.NAME.matcher(r.name()).matches() ? r.name()
                    : DemoOpenData.slug(r.title() == null ? r.ref() : r.title(), 90);
            String name = base;
            for (int i = 0; datasets.nameTaken(name, null); i++) {
                String suffix = "-h" + source.id() + (i == 0 ? "" : "-" + i);
                name = (base.length() + suffix.length() > 100 ? base.substring(0, 100 - suffix.length()) : base) + suffix;
            }
            return name;
        }

        private DatasetInput input(RemoteDataset r, String name) {
            String licence = r.licenceId() != null && catalogue.licence(r.licenceId()).isPresent() ? r.licenceId()
                    : catalogue.licences().stream().filter(l -> l.url() != null && l.url().equals(r.licenceUrl()))
                            .map(Licence::id).findFirst().orElse("notspecified");
            Set<String> domains = new HashSet<>(catalogue.domains().stream().map(DataDomain::code).toList());
            return new DatasetInput(name, r.title() == null ? name : r.title(), null, r.notes(), null,
                    String.valueOf(source.publisherId()), licence, false, null,
                    Frequency.of(r.frequency()).map(Enum::name).orElse(null), r.temporalStart(), r.temporalEnd(),
                    List.of(), r.contactName(), validEmail(r.contactEmail()), validUrl(r.sourceUrl()),
                    r.tags().stream().filter(t -> DatasetManagement.TAG.matcher(t).matches()).toList(),
                    r.groups().stream().filter(domains::contains).toList(),
                    List.of(new Dataset.Extra("harvest_source", source.url())), null);
        }
    }

    private static String validEmail(String email) {
        return email != null && DatasetManagement.EMAIL.matcher(email).matches() ? email : null;
    }

    private static String validUrl(String url) {
        return url != null && DatasetManagement.URL.matcher(url).matches() ? url : null;
    }
}
