package vn.tinhso.services;

import java.util.List;

/**
 * An electronic form defined as data: the same definition renders the form for citizens and
 * validates what they send, on the server ({@link EFormValidator}).
 */
public record EForm(List<Field> fields) {

    public EForm {
        fields = fields == null ? List.of() : List.copyOf(fields);
    }

    public enum FieldType {
        TEXT, TEXTAREA, NUMBER, DATE, CHOICE, UNIT, ID_NUMBER, PHONE, EMAIL, FILE
    }

    /** A choice of a CHOICE field. */
    public record Option(String value, String label, String labelEn) {
        public String label(java.util.Locale locale) {
            return "en".equals(locale.getLanguage()) && labelEn != null ? labelEn : label;
        }
    }

    /**
     * One field. {@code name} is the key of the value in the submitted data.
     *
     * @param maxLength for text types (default 500, TEXTAREA 4000)
     * @param min for NUMBER, inclusive
     * @param max for NUMBER, inclusive
     */
    public record Field(String name, String label, String labelEn, FieldType type, boolean required,
            Integer maxLength, java.math.BigDecimal min, java.math.BigDecimal max, List<Option> options, String help,
            String helpEn) {

        public Field {
            options = options == null ? List.of() : List.copyOf(options);
        }

        public String label(java.util.Locale locale) {
            return "en".equals(locale.getLanguage()) && labelEn != null ? labelEn : label;
        }

        public String help(java.util.Locale locale) {
            return "en".equals(locale.getLanguage()) && helpEn != null ? helpEn : help;
        }

        /**
         * A stored value as people read it: dates as dd/MM/yyyy, choices by their label, the rest as
         * it is; empty for no value.
         */
        public String display(Object value, java.util.Locale locale) {
            if (value == null) {
                return "";
            }
            String text = String.valueOf(value);
            if (type == FieldType.DATE) {
                java.time.LocalDate date = EFormValidator.date(text);
                return date == null ? text : vn.tinhso.shared.Zones.DATE.format(date);
            }
            if (type == FieldType.CHOICE) {
                return options.stream().filter(o -> o.value().equals(text)).map(o -> o.label(locale)).findFirst()
                        .orElse(text);
            }
            return text;
        }

        /** The longest text accepted. */
        public int lengthLimit() {
            return maxLength != null ? maxLength : type == FieldType.TEXTAREA ? 4000 : 500;
        }
    }

    public java.util.Optional<Field> field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }
}
