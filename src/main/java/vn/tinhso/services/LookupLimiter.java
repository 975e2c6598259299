package vn.tinhso.services;

import org.springframework.stereotype.Component;
import vn.tinhso.shared.RateLimiter;

/**
 * The one budget of public status lookups per client address ({@code tinhso.services.lookups-per-minute}),
 * shared by the lookup page and the API, so that using both does not double it.
 */
@Component
class LookupLimiter {

    private final RateLimiter limiter;

    LookupLimiter(ServicesSettings settings) {
        this.limiter = new RateLimiter(settings.lookupsPerMinute());
    }

    boolean allow(String address) {
        return limiter.allow(address);
    }
}
