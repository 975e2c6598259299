package vn.tinhso.shared;

import java.util.List;

/**
 * Several invalid fields at once, each with the key of its message (in the {@code messages} bundles)
 * and the message's arguments; rendered as one problem with per-field {@code errors} on the API and
 * next to each field on forms.
 */
public class InvalidInput extends TinhSoException {

    /** One invalid field, e.g. {@code form.birthDate} with key {@code invalid.date}. */
    public record Violation(String field, String key, List<Object> args) {
        public Violation(String field, String key, Object... args) {
            this(field, key, List.of(args));
        }
    }

    private final transient List<Violation> violations;

    public InvalidInput(List<Violation> violations) {
        super(ErrorCode.VALIDATION_FAILED, violations.isEmpty() ? null : violations.get(0).field());
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }

    /** Throws if there is any violation. */
    public static void throwIfAny(List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw new InvalidInput(violations);
        }
    }
}
