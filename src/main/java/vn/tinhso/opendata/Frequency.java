package vn.tinhso.opendata;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * How often a dataset is updated: the codes of the EU frequency vocabulary
 * (http://publications.europa.eu/resource/authority/frequency), which DCAT-AP uses for
 * dct:accrualPeriodicity. {@code period} is the longest gap that still respects it (with a grace of a
 * fifth), used by the quality score; null where no regular update is promised.
 */
public enum Frequency {
    UPDATE_CONT("Cập nhật liên tục", "Continuously updated", Duration.ofDays(2)),
    DAILY("Hằng ngày", "Daily", Duration.ofDays(2)),
    WEEKLY("Hằng tuần", "Weekly", Duration.ofDays(9)),
    MONTHLY("Hằng tháng", "Monthly", Duration.ofDays(37)),
    QUARTERLY("Hằng quý", "Quarterly", Duration.ofDays(110)),
    BIANNUAL("Sáu tháng một lần", "Every six months", Duration.ofDays(220)),
    ANNUAL("Hằng năm", "Annual", Duration.ofDays(440)),
    IRREG("Không định kỳ", "Irregular", null),
    NEVER("Không cập nhật", "Never", null);

    private final String vi;
    private final String en;
    private final Duration period;

    Frequency(String vi, String en, Duration period) {
        this.vi = vi;
        this.en = en;
        this.period = period;
    }

    public String label(boolean english) {
        return english ? en : vi;
    }

    public Optional<Duration> period() {
        return Optional.ofNullable(period);
    }

    public String uri() {
        return "http://publications.europa.eu/resource/authority/frequency/" + name();
    }

    /** The frequency of a code, case-insensitive; empty if unknown. */
    public static Optional<Frequency> of(String code) {
        return code == null ? Optional.empty()
                : Arrays.stream(values()).filter(f -> f.name().equalsIgnoreCase(code.strip())).findFirst();
    }
}
