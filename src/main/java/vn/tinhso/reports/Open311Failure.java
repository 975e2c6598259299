package vn.tinhso.reports;

import java.io.Serial;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A refusal of the Open311 API, rendered as the specification's error list with the status as each
 * error's code. Each description is a message key with its arguments, translated when rendered.
 */
final class Open311Failure extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    /** One error of the list: the offending parameter (or null) and the message key with its arguments. */
    record Error(String parameter, String key, Object... args) {
    }

    private final HttpStatus status;
    private final transient List<Error> errors;

    Open311Failure(HttpStatus status, List<Error> errors) {
        super(status.value() + " " + errors.stream().map(Error::key).toList());
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    static Open311Failure of(HttpStatus status, String parameter, String key, Object... args) {
        return new Open311Failure(status, List.of(new Error(parameter, key, args)));
    }

    HttpStatus status() {
        return status;
    }

    List<Error> errors() {
        return errors;
    }
}
