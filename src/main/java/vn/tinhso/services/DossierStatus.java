package vn.tinhso.services;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The states of a dossier. Reception (Decree 118/2025/NĐ-CP, see docs/one-stop-rules.md) moves a
 * submitted dossier to received, supplement requested or refused. The states from IN_PROGRESS on
 * belong to the processing workflow that follows reception; they are declared here so that the
 * model, the database and the API do not change when it arrives.
 */
public enum DossierStatus {
    /** Being prepared by the applicant; has no code yet. */
    DRAFT,
    /** Submitted online, waiting for the one-stop desk (chờ tiếp nhận). */
    SUBMITTED,
    /** The desk asked, once and for all, for documents to be added or corrected (yêu cầu bổ sung). */
    SUPPLEMENT_REQUESTED,
    /** Received by the desk with a receipt and appointment date (đã tiếp nhận). */
    RECEIVED,
    /** Refused at reception with a reason (từ chối tiếp nhận). */
    REFUSED,
    /** Being processed by the performing agency (đang xử lý); processing workflow. */
    IN_PROGRESS,
    /** The result is ready to be returned (chờ trả kết quả); processing workflow. */
    RESULT_READY,
    /** The result was returned to the applicant (đã trả kết quả); processing workflow. */
    RETURNED,
    /** Withdrawn by the applicant (rút hồ sơ); processing workflow. */
    WITHDRAWN;

    private static final Map<DossierStatus, Set<DossierStatus>> NEXT = Map.of(
            DRAFT, EnumSet.of(SUBMITTED, RECEIVED),
            SUBMITTED, EnumSet.of(RECEIVED, SUPPLEMENT_REQUESTED, REFUSED, WITHDRAWN),
            SUPPLEMENT_REQUESTED, EnumSet.of(SUBMITTED, REFUSED, WITHDRAWN),
            RECEIVED, EnumSet.of(IN_PROGRESS, WITHDRAWN),
            IN_PROGRESS, EnumSet.of(RESULT_READY, WITHDRAWN),
            RESULT_READY, EnumSet.of(RETURNED),
            REFUSED, EnumSet.noneOf(DossierStatus.class),
            RETURNED, EnumSet.noneOf(DossierStatus.class),
            WITHDRAWN, EnumSet.noneOf(DossierStatus.class));

    public boolean canMoveTo(DossierStatus next) {
        return NEXT.get(this).contains(next);
    }

    /** Whether the dossier waits for the one-stop desk. */
    public boolean awaitsReception() {
        return this == SUBMITTED;
    }

    /** Whether the dossier's story is over. */
    public boolean closed() {
        return NEXT.get(this).isEmpty();
    }
}
