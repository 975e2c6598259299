package vn.tinhso.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class SignInRateLimiterUnitTests {

    @Test
    void refusesSignInsAboveTheLimitPerAddressAndLetsOtherAddressesThrough() throws Exception {
        SignInRateLimiter limiter = new SignInRateLimiter(3, new StaticMessageSource());
        for (int i = 0; i < 3; i++) {
            assertThat(post(limiter, "10.0.0.1").getStatus()).isEqualTo(200);
        }
        MockHttpServletResponse refused = post(limiter, "10.0.0.1");
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("60");
        assertThat(post(limiter, "10.0.0.2").getStatus()).isEqualTo(200);
    }

    @Test
    void otherRequestsAreNotCounted() throws Exception {
        SignInRateLimiter limiter = new SignInRateLimiter(1, new StaticMessageSource());
        for (int i = 0; i < 5; i++) {
            MockHttpServletRequest get = new MockHttpServletRequest("GET", "/login");
            get.setServletPath("/login");
            MockHttpServletResponse response = new MockHttpServletResponse();
            limiter.doFilter(get, response, new MockFilterChain());
            assertThat(response.getStatus()).isEqualTo(200);
        }
    }

    private static MockHttpServletResponse post(SignInRateLimiter limiter, String address) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/login");
        request.setServletPath("/login");
        request.setRemoteAddr(address);
        MockHttpServletResponse response = new MockHttpServletResponse();
        limiter.doFilter(request, response, new MockFilterChain());
        return response;
    }
}
