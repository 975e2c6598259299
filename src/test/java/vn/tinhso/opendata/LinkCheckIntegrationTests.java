package vn.tinhso.opendata;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.tinhso.IntegrationTest;
import vn.tinhso.TestHttp;
import vn.tinhso.identity.TestAccounts;

/** The link checker marks the links that answer 4xx/5xx as broken, and the quality score shows it. */
@IntegrationTest
class LinkCheckIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    TestAccounts accounts;
    @Autowired
    DatasetManagement catalogue;

    @Test
    void brokenLinksAreFoundAndCostTheirPoints() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/ok.csv", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.createContext("/gone.csv", exchange -> {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.start();
        try {
            String base = "http://localhost:" + server.getAddress().getPort();
            Publisher health = catalogue.publisher("so-y-te").orElseThrow();
            Editor leader = Editor.of(accounts.create("Lãnh đạo kiểm tra liên kết", TestAccounts.leader(health.agencyId())));
            Dataset d = catalogue.create(new DatasetInput("kiem-tra-lien-ket", "Bộ dữ liệu kiểm tra liên kết", null,
                    "Hai tài nguyên: một đường dẫn còn sống, một đường dẫn đã mất.", null, health.name(), "cc-by", false,
                    null, null, null, null, List.of(), null, null, null, List.of(), List.of(), List.of(), null), leader);
            catalogue.addResource(d.name(), new ResourceInput("Còn sống", null, "CSV", base + "/ok.csv"), null, null,
                    leader);
            catalogue.addResource(d.name(), new ResourceInput("Đã mất", null, "CSV", base + "/gone.csv"), null, null,
                    leader);
            assertThat(catalogue.quality(catalogue.get(d.name(), leader)).missed()).extracting(QualityScore.Criterion::code)
                    .doesNotContain("reachable");

            TestHttp admin = new TestHttp(port).withToken(accounts.token("Quản trị liên kết", TestAccounts.admin()));
            TestHttp officer = new TestHttp(port).withToken(accounts.token("Cán bộ", TestAccounts.officer(health.agencyId())));
            assertThat(officer.send(officer.request("/api/v1/admin/opendata/link-check")
                    .POST(HttpRequest.BodyPublishers.noBody())).status()).isEqualTo(403);
            for (int i = 0; i < 50 && catalogue.get(d.name(), leader).resources().stream()
                    .anyMatch(r -> r.checkedAt() == null || r.checkStatus() == null); i++) {
                TestHttp.Response r = admin.send(admin.request("/api/v1/admin/opendata/link-check")
                        .POST(HttpRequest.BodyPublishers.noBody()));
                assertThat(r.status()).isEqualTo(200);
            }
            Dataset checked = catalogue.get(d.name(), leader);
            Map<String, DatasetResource> byName = new java.util.HashMap<>();
            checked.resources().forEach(r -> byName.put(r.name(), r));
            assertThat(byName.get("Còn sống").checkStatus()).isEqualTo(200);
            assertThat(byName.get("Còn sống").broken()).isFalse();
            assertThat(byName.get("Đã mất").checkStatus()).isEqualTo(404);
            assertThat(byName.get("Đã mất").broken()).isTrue();
            assertThat(catalogue.quality(checked).missed()).extracting(QualityScore.Criterion::code).contains("reachable");
            TestHttp.Response shown = new TestHttp(port).get("/api/3/action/resource_show?id=" + byName.get("Đã mất").id());
            assertThat(shown.json().get("result").get("broken").asBoolean()).isTrue();
        } finally {
            server.stop(0);
        }
    }
}
