package vn.tinhso.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import vn.tinhso.shared.ErrorCode;
import vn.tinhso.shared.TinhSoException;

class AuditMomentsUnitTests {

    @Test
    void aDayIsTheWholeDayInVietnam() {
        assertThat(Moments.start("2026-11-25", "from")).isEqualTo(Instant.parse("2026-11-24T17:00:00Z"));
        assertThat(Moments.end("2026-11-25", "to")).isEqualTo(Instant.parse("2026-11-25T17:00:00Z"));
    }

    @Test
    void timesAreVietnameseUnlessTheyCarryAnOffset() {
        assertThat(Moments.start("2026-11-25T08:30", "from")).isEqualTo(Instant.parse("2026-11-25T01:30:00Z"));
        assertThat(Moments.start("2026-11-25T08:30:00Z", "from")).isEqualTo(Instant.parse("2026-11-25T08:30:00Z"));
        assertThat(Moments.end("2026-11-25T08:30+09:00", "to")).isEqualTo(Instant.parse("2026-11-24T23:30:00Z"));
        assertThat(Moments.start(" ", "from")).isNull();
    }

    @Test
    void refusesWhatIsNoDateNamingTheField() {
        for (String bad : new String[] {"25/11/2026", "2026-13-01", "hôm qua", "2026-11-25T25:00"}) {
            assertThatThrownBy(() -> Moments.start(bad, "from")).as(bad)
                    .isInstanceOfSatisfying(TinhSoException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_DATE);
                        assertThat(e.field()).isEqualTo("from");
                    });
        }
    }

    @Test
    void aPeriodMustNotEndBeforeItStarts() {
        assertThatThrownBy(() -> AuditApiController.query(null, null, "2026-11-25", "2026-11-24"))
                .isInstanceOfSatisfying(TinhSoException.class, e -> assertThat(e.field()).isEqualTo("to"));
        assertThat(AuditApiController.query(" ", "", null, null)).isEqualTo(AuditQuery.ALL);
    }
}
