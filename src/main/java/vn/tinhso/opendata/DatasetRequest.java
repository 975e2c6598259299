package vn.tinhso.opendata;

import java.time.Instant;

/**
 * A public request for a dataset ("đề nghị công bố dữ liệu") and its answer. The requester's e-mail
 * is never shown publicly.
 */
public record DatasetRequest(long id, String title, String description, String requester, String email,
        Long accountId, Long publisherId, Status status, String answer, String answeredBy, String datasetName,
        Instant createdAt, Instant answeredAt) {

    public enum Status {
        OPEN, ANSWERED, DECLINED, PUBLISHED
    }
}
