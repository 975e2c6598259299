package vn.tinhso.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import vn.tinhso.IntegrationTest;
import vn.tinhso.TestHttp;

@IntegrationTest
class SecurityRulesIntegrationTests {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @LocalServerPort
    int port;

    @Test
    void everyEndpointOfOursDeclaresWhoMayCallIt() {
        List<String> undeclared = mappings.getHandlerMethods().entrySet().stream()
                .filter(e -> e.getValue().getBeanType() != UnruledTestController.class)
                .filter(e -> !WebConfiguration.hasDeclaredRule(e.getValue()))
                .map(e -> e.getKey() + " -> " + e.getValue()).toList();
        List<HandlerMethod> ours = mappings.getHandlerMethods().values().stream()
                .filter(h -> h.getBeanType().getPackageName().startsWith("vn.tinhso")).toList();
        assertThat(ours).hasSizeGreaterThan(20);
        assertThat(undeclared).as("endpoints without @PreAuthorize").isEmpty();
    }

    @Test
    void anEndpointWithoutARuleIsRefusedAtRunTime() {
        TestHttp.Response response = new TestHttp(port).get("/test/unruled");
        assertThat(response.status()).isIn(302, 401, 403);
        assertThat(response.body()).doesNotContain("secret");
    }

    @Test
    void pagesSendSecurityHeaders() {
        TestHttp.Response home = new TestHttp(port).get("/");
        assertThat(home.header("Content-Security-Policy")).contains("default-src 'self'").contains("frame-ancestors 'none'");
        assertThat(home.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(home.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void actuatorDetailsAreForAdministratorsOnly() {
        assertThat(new TestHttp(port).get("/actuator/health").status()).isEqualTo(200);
        assertThat(new TestHttp(port).get("/actuator/prometheus").status()).isIn(302, 401, 403);
    }

    @Test
    void unknownPathsGetABilingualPageOrProblemDetails() {
        TestHttp.Response page = new TestHttp(port).get("/khong-ton-tai", "text/html");
        assertThat(page.status()).isEqualTo(404);
        assertThat(page.body()).contains("Không tìm thấy trang");
        TestHttp.Response english = new TestHttp(port).get("/khong-ton-tai?lang=en", "text/html");
        assertThat(english.body()).contains("was not found");
        TestHttp.Response api = new TestHttp(port).get("/api/v1/khong-ton-tai");
        assertThat(api.status()).isEqualTo(404);
        assertThat(api.contentType()).startsWith("application/problem+json");
        assertThat(api.json().get("instance").asString()).isEqualTo("/api/v1/khong-ton-tai");
    }
}
