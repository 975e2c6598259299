package vn.tinhso.services;

import java.time.Instant;
import java.util.List;

/**
 * An administrative procedure with the fields of the national database of administrative
 * procedures (Cơ sở dữ liệu quốc gia về thủ tục hành chính).
 *
 * @param code the national code, e.g. {@code 1.004227.000.00.00.H56}
 * @param agencyCode the performing provincial agency; {@code null} when the commune's People's
 *        Committee chosen by the applicant performs it
 * @param methods each submission method with its processing time
 * @param legalBasis the legal texts, one per entry
 * @param form the e-form, or {@code null}
 */
public record Procedure(long id, String code, String name, Domain domain, List<Level> levels, String agencyCode,
        OnlineLevel onlineLevel, String applicants, List<Method> methods, List<Fee> fees,
        List<RequiredDocument> documents, String result, List<String> legalBasis, String conditions, EForm form,
        ProcedureStatus status, boolean demo, int version, Instant updatedAt) {

    /** Levels of government that perform procedures since 2025-07-01 (Law on the Organisation of Local Government, 2025). */
    public enum Level {
        PROVINCE, COMMUNE
    }

    /** Toàn trình (the whole procedure online) or một phần (some steps in person). */
    public enum OnlineLevel {
        FULL, PARTIAL
    }

    /** How a dossier reaches the agency. */
    public enum Channel {
        ONLINE, DIRECT, POST
    }

    /** A submission method with its processing time in working days and/or working hours. */
    public record Method(Channel method, int days, Integer hours, String note) {
    }

    /** A fee or charge; {@code amount} in VND for FIXED, {@code null} otherwise. */
    public record Fee(String description, FeeKind kind, Long amount) {
    }

    public enum FeeKind {
        FREE, FIXED, VARIES
    }

    /**
     * A document of the dossier (thành phần hồ sơ). {@code template} names the form to fill, if any;
     * {@code templateFile} is that form as a file to download (files module), if one was uploaded.
     */
    public record RequiredDocument(String name, int originals, int copies, boolean required, String template,
            java.util.UUID templateFile) {

        public RequiredDocument(String name, int originals, int copies, boolean required, String template) {
            this(name, originals, copies, required, template, null);
        }
    }

    /** The method for a channel, if the procedure offers it. */
    public java.util.Optional<Method> method(Channel channel) {
        return methods.stream().filter(m -> m.method() == channel).findFirst();
    }

    /**
     * The method whose processing time applies to a dossier of the channel: its own, else the online
     * one, else the first listed.
     */
    public Method methodFor(Channel channel) {
        return method(channel).or(() -> method(Channel.ONLINE)).orElse(methods.get(0));
    }

    public boolean offers(Channel channel) {
        return method(channel).isPresent();
    }

    public boolean performedAt(Level level) {
        return levels.contains(level);
    }
}
