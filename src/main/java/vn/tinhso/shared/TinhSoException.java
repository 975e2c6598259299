package vn.tinhso.shared;

import java.util.Arrays;

/**
 * A failure a user can understand: carries a stable {@link ErrorCode}, the arguments of its
 * translated message, and optionally the name of the offending field.
 */
public class TinhSoException extends RuntimeException {

    private final ErrorCode code;
    private final transient Object[] args;
    private final String field;

    public TinhSoException(ErrorCode code, Object... args) {
        this(code, null, args);
    }

    public TinhSoException(ErrorCode code, String field, Object... args) {
        super(code.code() + (args.length > 0 ? " " + Arrays.toString(args) : ""));
        this.code = code;
        this.args = args;
        this.field = field;
    }

    /**
     * A failure with message arguments and no field. Use it when the only argument is a String:
     * {@code new TinhSoException(code, "x")} would take {@code "x"} for the field.
     */
    public static TinhSoException of(ErrorCode code, Object... args) {
        return new TinhSoException(code, (String) null, args);
    }

    public ErrorCode code() {
        return code;
    }

    public Object[] args() {
        return args.clone();
    }

    /** The request field at fault, or {@code null}. */
    public String field() {
        return field;
    }
}
