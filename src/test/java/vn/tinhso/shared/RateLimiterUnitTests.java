package vn.tinhso.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RateLimiterUnitTests {

    @Test
    void allowsTheLimitPerKeyInAMinuteAndNoMore() {
        RateLimiter limiter = new RateLimiter(3);

        assertThat(limiter.allow("10.0.0.1")).isTrue();
        assertThat(limiter.allow("10.0.0.1")).isTrue();
        assertThat(limiter.allow("10.0.0.1")).isTrue();
        assertThat(limiter.allow("10.0.0.1")).isFalse();
        assertThat(limiter.allow("10.0.0.2")).as("another address has its own budget").isTrue();
    }
}
