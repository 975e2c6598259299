package vn.tinhso.opendata;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.tinhso.identity.IdentitySettings;

/**
 * Checks the links of public datasets in the background, the least recently checked first, and
 * records each answer: a link is broken when it answers 400 or more, or does not answer in time. Rows
 * are claimed in a short transaction (FOR UPDATE SKIP LOCKED), so several nodes share the work and
 * no HTTP call holds a transaction. Addresses on private networks other than the portal's own host
 * are not fetched (no probing of internal systems through the portal), and not marked broken.
 */
@Component
class LinkChecker {

    private static final Logger log = LoggerFactory.getLogger(LinkChecker.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Datasets datasets;
    private final DatasetIndex index;
    private final OpendataSettings settings;
    private final String ownHost;
    private final HttpClient http;

    LinkChecker(JdbcClient jdbc, TransactionTemplate tx, Datasets datasets, DatasetIndex index,
            OpendataSettings settings, IdentitySettings identity) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.datasets = datasets;
        this.index = index;
        this.settings = settings;
        this.ownHost = URI.create(identity.baseUrl()).getHost();
        this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(settings.linkCheckTimeout()).build();
    }

    @Scheduled(initialDelayString = "PT2M", fixedDelayString = "${tinhso.opendata.link-check-interval:PT10M}")
    void scheduled() {
        try {
            checkBatch();
        } catch (RuntimeException e) {
            log.warn("The link check failed: {}", e.toString());
        }
    }

    /** One round: claims a batch of links, fetches each, records the answers; returns how many were checked. */
    int checkBatch() {
        List<Claimed> batch = tx.execute(status -> jdbc.sql("""
                WITH picked AS (
                  SELECT r.id FROM opendata.resource r JOIN opendata.dataset d ON d.id = r.dataset_id
                  WHERE r.file_id IS NULL AND r.url IS NOT NULL AND d.state = 'PUBLISHED'
                  ORDER BY r.checked_at NULLS FIRST LIMIT :limit FOR UPDATE OF r SKIP LOCKED)
                UPDATE opendata.resource r SET checked_at = now() FROM picked WHERE r.id = picked.id
                RETURNING r.id, r.dataset_id, r.url, r.broken""")
                .param("limit", settings.linkCheckBatch())
                .query((rs, i) -> new Claimed(rs.getObject("id", UUID.class), rs.getObject("dataset_id", UUID.class),
                        rs.getString("url"), rs.getBoolean("broken"))).list());
        if (batch == null) {
            return 0;
        }
        for (Claimed c : batch) {
            Result r = check(c.url());
            tx.executeWithoutResult(status -> {
                datasets.recordCheck(c.id(), r.status(), r.error(), r.broken(), Instant.now());
                if (r.broken() != c.broken()) {
                    datasets.reindex(c.dataset());
                }
            });
        }
        index.invalidate();
        return batch.size();
    }

    private record Claimed(UUID id, UUID dataset, String url, boolean broken) {
    }

    record Result(Integer status, String error, boolean broken) {
    }

    Result check(String url) {
        URI uri;
        try {
            uri = URI.create(url.strip());
            if (uri.getHost() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                return new Result(null, "not an http(s) address", true);
            }
            if (!uri.getHost().equalsIgnoreCase(ownHost) && privateAddress(uri.getHost())) {
                return new Result(null, "private address, not checked", false);
            }
        } catch (IllegalArgumentException | java.net.UnknownHostException e) {
            return new Result(null, "unknown host", true);
        }
        try {
            HttpResponse<Void> head = http.send(HttpRequest.newBuilder(uri).timeout(settings.linkCheckTimeout())
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
            int status = head.statusCode();
            if (status == 405 || status == 501) {
                status = http.send(HttpRequest.newBuilder(uri).timeout(settings.linkCheckTimeout())
                        .header("Range", "bytes=0-0").GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            }
            return new Result(status, null, status >= 400);
        } catch (java.io.IOException e) {
            return new Result(null, e.getClass().getSimpleName(), true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(null, "interrupted", false);
        }
    }

    private static boolean privateAddress(String host) throws java.net.UnknownHostException {
        for (InetAddress a : InetAddress.getAllByName(host)) {
            if (a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress()
                    || a.isMulticastAddress()) {
                return true;
            }
        }
        return false;
    }

}
