package vn.tinhso.services;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import vn.tinhso.shared.InvalidInput.Violation;
import vn.tinhso.shared.VietnameseText;

/**
 * Checks submitted values against an {@link EForm} and returns them normalised: text in NFC, numbers
 * as plain decimals, dates as ISO {@code yyyy-MM-dd} (accepted as {@code dd/MM/yyyy} or ISO), phone
 * numbers as digits. Fields not in the form are refused rather than silently dropped.
 */
final class EFormValidator {

    /** The personal identification number of the Law on Identification 2023 (12 digits). */
    static final Pattern ID_NUMBER = Pattern.compile("\\d{12}");
    /** Vietnamese mobile (03x, 05x, 07x, 08x, 09x) and fixed-line (02x) numbers, 10 digits from 0. */
    static final Pattern PHONE = Pattern.compile("0[235789]\\d{8}");
    static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");
    private static final Pattern PHONE_SEPARATORS = Pattern.compile("[\\s.\\-()]");
    private static final DateTimeFormatter VN_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);

    /** What the validator may ask the rest of the platform. */
    interface Lookups {
        boolean unitExists(String code);

        boolean fileUsable(UUID id);
    }

    private EFormValidator() {
    }

    /**
     * The normalised values, or violations named {@code <prefix><field name>}.
     *
     * @param values raw values as sent: strings (forms) or JSON scalars (API)
     */
    static Map<String, Object> validate(EForm form, Map<String, ?> values, String prefix, Lookups lookups,
            List<Violation> violations) {
        Map<String, Object> clean = new LinkedHashMap<>();
        if (form == null) {
            return clean;
        }
        for (String name : values.keySet()) {
            if (form.field(name).isEmpty()) {
                violations.add(new Violation(prefix + name, "invalid.unknown_field"));
            }
        }
        for (EForm.Field field : form.fields()) {
            Object raw = values.get(field.name());
            String text = raw == null ? "" : VietnameseText.clean(String.valueOf(raw));
            String key = prefix + field.name();
            if (text.isEmpty()) {
                if (field.required()) {
                    violations.add(new Violation(key, "invalid.required"));
                }
                continue;
            }
            int before = violations.size();
            Object value = value(field, text, key, lookups, violations);
            if (violations.size() == before) {
                clean.put(field.name(), value);
            }
        }
        return clean;
    }

    private static Object value(EForm.Field field, String text, String key, Lookups lookups,
            List<Violation> violations) {
        switch (field.type()) {
            case TEXT, TEXTAREA -> {
                if (text.length() > field.lengthLimit()) {
                    violations.add(new Violation(key, "invalid.too_long", field.lengthLimit()));
                }
                return text;
            }
            case NUMBER -> {
                return number(field, text, key, violations);
            }
            case DATE -> {
                LocalDate date = date(text);
                if (date == null) {
                    violations.add(new Violation(key, "invalid.date"));
                    return null;
                }
                return date.toString();
            }
            case CHOICE -> {
                if (field.options().stream().noneMatch(o -> o.value().equals(text))) {
                    violations.add(new Violation(key, "invalid.choice"));
                }
                return text;
            }
            case UNIT -> {
                if (!lookups.unitExists(text)) {
                    violations.add(new Violation(key, "invalid.unit"));
                }
                return text;
            }
            case ID_NUMBER -> {
                if (!ID_NUMBER.matcher(text).matches()) {
                    violations.add(new Violation(key, "invalid.id_number"));
                }
                return text;
            }
            case PHONE -> {
                String digits = phone(text);
                if (digits == null) {
                    violations.add(new Violation(key, "invalid.phone"));
                }
                return digits;
            }
            case EMAIL -> {
                if (text.length() > 254 || !EMAIL.matcher(text).matches()) {
                    violations.add(new Violation(key, "invalid.email"));
                }
                return text;
            }
            case FILE -> {
                UUID id = uuid(text);
                if (id == null || !lookups.fileUsable(id)) {
                    violations.add(new Violation(key, "invalid.file"));
                }
                return text;
            }
            default -> throw new IllegalStateException("Unhandled field type " + field.type());
        }
    }

    private static BigDecimal number(EForm.Field field, String text, String key, List<Violation> violations) {
        BigDecimal number;
        try {
            number = new BigDecimal(text.replace(',', '.'));
        } catch (NumberFormatException e) {
            violations.add(new Violation(key, "invalid.number"));
            return null;
        }
        if ((field.min() != null && number.compareTo(field.min()) < 0)
                || (field.max() != null && number.compareTo(field.max()) > 0)) {
            violations.add(new Violation(key, "invalid.range", plain(field.min()), plain(field.max())));
        }
        return number.stripTrailingZeros();
    }

    private static String plain(BigDecimal value) {
        return value == null ? "…" : value.toPlainString();
    }

    /** A date written {@code dd/MM/yyyy} (as people write it) or ISO (as APIs and date inputs send it). */
    static LocalDate date(String text) {
        try {
            return text.contains("/") ? LocalDate.parse(text, VN_DATE) : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The phone number as 10 digits from 0 ({@code +84} and separators accepted), or null. */
    static String phone(String text) {
        String digits = PHONE_SEPARATORS.matcher(text).replaceAll("");
        if (digits.startsWith("+84")) {
            digits = "0" + digits.substring(3);
        } else if (digits.startsWith("84") && digits.length() == 11) {
            digits = "0" + digits.substring(2);
        }
        return PHONE.matcher(digits).matches() ? digits : null;
    }

    private static UUID uuid(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Checks a form definition itself: unique field names, options for choices, sane limits. */
    static List<Violation> checkDefinition(EForm form, String prefix) {
        List<Violation> problems = new ArrayList<>();
        if (form == null) {
            return problems;
        }
        java.util.Set<String> names = new java.util.HashSet<>();
        for (int i = 0; i < form.fields().size(); i++) {
            EForm.Field f = form.fields().get(i);
            String at = prefix + "fields[" + i + "]";
            if (f.name() == null || !f.name().matches("[a-z][a-zA-Z0-9]{0,62}") || !names.add(f.name())) {
                problems.add(new Violation(at + ".name", "invalid.field_name"));
            }
            if (f.label() == null || f.label().isBlank()) {
                problems.add(new Violation(at + ".label", "invalid.required"));
            }
            if (f.type() == null) {
                problems.add(new Violation(at + ".type", "invalid.required"));
            } else if (f.type() == EForm.FieldType.CHOICE && f.options().isEmpty()) {
                problems.add(new Violation(at + ".options", "invalid.required"));
            }
            if (f.min() != null && f.max() != null && f.min().compareTo(f.max()) > 0) {
                problems.add(new Violation(at + ".max", "invalid.range", f.min(), f.max()));
            }
        }
        return problems;
    }
}
