package vn.tinhso.audit;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.tinhso.shared.Actor;

/**
 * Verifies the chain in the background, so that tampering raises an alarm without anyone asking:
 * an error in the log and an {@code audit.chain.broken} record, once per broken record found.
 */
@Component
class ChainWatch {

    private final AuditManagement audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private volatile Long reported;

    ChainWatch(AuditManagement audit, ApplicationEventPublisher events, TransactionTemplate tx) {
        this.audit = audit;
        this.events = events;
        this.tx = tx;
    }

    @Scheduled(initialDelayString = "PT1M",
            fixedDelayString = "${tinhso.audit.verify-every:" + AuditSettings.VERIFY_EVERY + "}")
    void verify() {
        ChainVerification result = audit.verify();
        if (!result.intact() && !result.brokenSeq().equals(reported)) {
            reported = result.brokenSeq();
            tx.executeWithoutResult(status -> events.publishEvent(
                    new AuditChainBroken(result.brokenSeq(), result.reason(), new Actor(Actor.SYSTEM, null))));
        }
    }
}
