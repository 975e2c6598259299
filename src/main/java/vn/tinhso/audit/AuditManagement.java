package vn.tinhso.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;
import vn.tinhso.shared.Actor;
import vn.tinhso.shared.PageResult;

/** Reads the audit trail: search, verification of the hash chain, and export for a SIEM. */
@Service
public class AuditManagement {

    private static final Logger log = LoggerFactory.getLogger(AuditManagement.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AuditRecords records;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate readOnly;
    private final TransactionTemplate separate;
    private final AtomicReference<ChainVerification> last = new AtomicReference<>();

    AuditManagement(AuditRecords records, ApplicationEventPublisher events, PlatformTransactionManager transactions) {
        this.records = records;
        this.events = events;
        this.readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
        this.separate = new TransactionTemplate(transactions);
        separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Matching records, newest first. */
    @Transactional(readOnly = true)
    public PageResult<AuditRecord> search(AuditQuery query, PageResult.Request paging) {
        return records.search(query, paging);
    }

    /** Walks the whole chain from the first record and reports the first one that breaks it. */
    @Transactional(readOnly = true)
    public ChainVerification verify() {
        AuditChain.Walk walk = new AuditChain.Walk();
        records.walk(AuditQuery.ALL, walk::accept);
        ChainVerification result = walk.result();
        last.set(result);
        if (!result.intact()) {
            log.error("The audit chain is broken at record {} ({}); {} records before it are intact",
                    result.brokenSeq(), result.reason(), result.checked());
        }
        return result;
    }

    /** The result of the last verification on this node, if one ran. */
    public Optional<ChainVerification> lastVerification() {
        return Optional.ofNullable(last.get());
    }

    /**
     * Writes the matching records in chain order as ECS JSON lines (NDJSON), streaming, and records
     * that the export happened, also when it broke off. Returns the number of records written.
     */
    public long export(AuditQuery query, OutputStream out) {
        AtomicLong count = new AtomicLong();
        boolean complete = false;
        try {
            readOnly.executeWithoutResult(status -> records.walk(query, record -> write(record, out, count)));
            complete = true;
            return count.get();
        } finally {
            AuditExported exported = new AuditExported(bound(query.from()), bound(query.to()), count.get(),
                    complete, Actor.current());
            separate.executeWithoutResult(status -> events.publishEvent(exported));
        }
    }

    private static boolean write(AuditRecord record, OutputStream out, AtomicLong count) {
        try {
            out.write(JSON.writeValueAsBytes(EcsFormat.document(record)));
            out.write('\n');
            if (count.incrementAndGet() % 500 == 0) {
                out.flush();
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String bound(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ISO_INSTANT.format(instant);
    }
}
