package vn.tinhso.shared;

import org.springframework.http.HttpStatus;

/**
 * Stable error codes of the platform. Each renders as an RFC 9457 problem with type
 * {@code /problems/<code>} and a message translated from {@code error.<code>} in the bundles.
 */
public enum ErrorCode {
    VALIDATION_FAILED(HttpStatus.BAD_REQUEST),
    MALFORMED_REQUEST(HttpStatus.BAD_REQUEST),
    NOT_FOUND(HttpStatus.NOT_FOUND),
    UNIT_NOT_FOUND(HttpStatus.NOT_FOUND),
    INVALID_UNIT_CODE(HttpStatus.BAD_REQUEST),
    UNKNOWN_STRUCTURE(HttpStatus.BAD_REQUEST),
    AGENCY_NOT_FOUND(HttpStatus.NOT_FOUND),
    AGENCY_CODE_TAKEN(HttpStatus.CONFLICT),
    ACCOUNT_NOT_FOUND(HttpStatus.NOT_FOUND),
    EMAIL_TAKEN(HttpStatus.CONFLICT),
    WEAK_PASSWORD(HttpStatus.BAD_REQUEST),
    INVALID_TOKEN(HttpStatus.BAD_REQUEST),
    TOKEN_NOT_FOUND(HttpStatus.NOT_FOUND),
    INVALID_DATE(HttpStatus.BAD_REQUEST),
    INVALID_CALENDAR_ENTRY(HttpStatus.BAD_REQUEST),
    CALENDAR_ENTRY_EXISTS(HttpStatus.CONFLICT),
    FILE_NOT_FOUND(HttpStatus.NOT_FOUND),
    FILE_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE),
    FILE_TYPE_FORBIDDEN(HttpStatus.UNSUPPORTED_MEDIA_TYPE),
    FILE_EMPTY(HttpStatus.BAD_REQUEST),
    FORBIDDEN(HttpStatus.FORBIDDEN),
    UNAUTHORIZED(HttpStatus.UNAUTHORIZED),
    TOO_MANY_REQUESTS(HttpStatus.TOO_MANY_REQUESTS),
    CONFLICT(HttpStatus.CONFLICT),
    INTERNAL(HttpStatus.INTERNAL_SERVER_ERROR),
    NOTIFICATION_NOT_FOUND(HttpStatus.NOT_FOUND),
    PROCEDURE_NOT_FOUND(HttpStatus.NOT_FOUND),
    PROCEDURE_CODE_TAKEN(HttpStatus.CONFLICT),
    PROCEDURE_NOT_AVAILABLE(HttpStatus.CONFLICT),
    DOSSIER_NOT_FOUND(HttpStatus.NOT_FOUND),
    DOSSIER_STATE(HttpStatus.CONFLICT),
    DOCUMENT_TYPE_FORBIDDEN(HttpStatus.UNSUPPORTED_MEDIA_TYPE),
    DOCUMENT_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE),
    TOO_MANY_DOCUMENTS(HttpStatus.BAD_REQUEST),
    IDEMPOTENCY_KEY_REUSED(HttpStatus.UNPROCESSABLE_CONTENT),
    CATALOGUE_INVALID(HttpStatus.BAD_REQUEST),
    SUPPLEMENT_ALREADY_REQUESTED(HttpStatus.CONFLICT),
    REPORT_NOT_FOUND(HttpStatus.NOT_FOUND),
    REPORT_CATEGORY_UNKNOWN(HttpStatus.BAD_REQUEST),
    REPORT_STATE(HttpStatus.CONFLICT),
    REPORT_REOPEN_EXPIRED(HttpStatus.CONFLICT),
    REPORT_NO_TRIAGE(HttpStatus.SERVICE_UNAVAILABLE),
    PUSH_DISABLED(HttpStatus.CONFLICT),
    DATASET_NOT_FOUND(HttpStatus.NOT_FOUND),
    RESOURCE_NOT_FOUND(HttpStatus.NOT_FOUND),
    DATASET_STATE(HttpStatus.CONFLICT);

    private final HttpStatus status;

    ErrorCode(HttpStatus status) {
        this.status = status;
    }

    public HttpStatus status() {
        return status;
    }

    /** The code as it appears in problem details and message keys, e.g. {@code unit_not_found}. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
