package vn.tinhso.units;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import vn.tinhso.IntegrationTest;
import vn.tinhso.TestHttp;
import vn.tinhso.shared.VietnameseText;

@IntegrationTest
class UnitsApiIntegrationTests {

    @LocalServerPort
    int port;

    TestHttp http() {
        return new TestHttp(port);
    }

    @Test
    void importsTheWholeCountryInBothStructures() {
        assertThat(total("/api/v1/units?structure=2024&level=province")).isEqualTo(63);
        // The 10,056 rows of the official list are 10,051 communes and 5 island districts without
        // communes (Bạch Long Vĩ, Cồn Cỏ, Hoàng Sa, Lý Sơn, Côn Đảo), which are districts here.
        assertThat(total("/api/v1/units?structure=2024&level=commune")).isEqualTo(10_051);
        assertThat(total("/api/v1/units?structure=2024&q=huyen%20ly%20son&level=district")).isEqualTo(1);
        assertThat(total("/api/v1/units?structure=2025&level=province")).isEqualTo(34);
        assertThat(total("/api/v1/units?structure=2025&level=commune")).isEqualTo(3_321);
        assertThat(total("/api/v1/units?structure=2025&level=commune&province=38")).isEqualTo(166);
        // The shipped list (as of 2025-01-04) holds 26 districts and 549 communes for Thanh Hóa;
        // the data README's "27 districts, 550 communes" predates the last mergers.
        assertThat(total("/api/v1/units?structure=2024&level=district&province=38")).isEqualTo(26);
        assertThat(total("/api/v1/units?structure=2024&level=commune&province=38")).isEqualTo(549);
    }

    @Test
    void theSameCodeIsADifferentUnitInEachStructure() {
        JsonNode now = http().get("/api/v1/units/2025/14758").json();
        JsonNode before = http().get("/api/v1/units/2024/14758").json();
        assertThat(now.get("name").asString()).isEqualTo("Phường Hàm Rồng");
        assertThat(before.get("name").asString()).isEqualTo("Phường Đông Thọ");
        assertThat(now.get("provinceName").asString()).isEqualTo("Tỉnh Thanh Hóa");
        assertThat(before.get("parentName").asString()).isEqualTo("Thành phố Thanh Hóa");
    }

    @Test
    void searchIgnoresDiacriticsAndCase() {
        List<String> plain = codes("/api/v1/units?q=ham%20rong&size=200");
        List<String> upper = codes("/api/v1/units?q=HAM%20RONG&size=200");
        List<String> marked = codes("/api/v1/units?q=H%C3%A0m%20R%E1%BB%93ng&size=200");
        assertThat(plain).isNotEmpty().contains("2025/14758").isEqualTo(upper).isEqualTo(marked);
    }

    @Test
    void searchResultsFollowVietnameseCollation() {
        JsonNode items = http().get("/api/v1/units?structure=2025&level=commune&province=38&size=200").json()
                .get("items");
        List<String> names = new ArrayList<>();
        items.forEach(i -> names.add(i.get("shortName").asString()));
        List<String> sorted = new ArrayList<>(names);
        sorted.sort(VietnameseText.order());
        assertThat(names).hasSize(166).isEqualTo(sorted);
        // "Đ" sorts after every "D" in Vietnamese, unlike in code-point or English order.
        int lastD = -1;
        int firstDd = Integer.MAX_VALUE;
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).startsWith("D")) {
                lastD = i;
            }
            if (names.get(i).startsWith("Đ")) {
                firstDd = Math.min(firstDd, i);
            }
        }
        assertThat(lastD).isLessThan(firstDd);
    }

    @Test
    void aSplitCommuneHasSeveralSuccessorsAndTheNewOnesListTheirPredecessors() {
        // Phường Ngọc Hà (Ba Đình, Hà Nội) was split between several new wards ("Nhập một phần").
        JsonNode successors = http().get("/api/v1/units/2024/00016/successors").json();
        assertThat(successors.size()).isGreaterThan(1);
        successors.forEach(s -> assertThat(s.get("share").asString()).isEqualTo("PART"));
        List<String> successorCodes = new ArrayList<>();
        successors.forEach(s -> successorCodes.add(s.get("newUnit").get("code").asString()));
        assertThat(successorCodes).contains("00004");

        JsonNode predecessors = http().get("/api/v1/units/2025/00004/predecessors").json();
        List<String> old = new ArrayList<>();
        predecessors.forEach(p -> old.add(p.get("oldUnit").get("code").asString()));
        assertThat(old).contains("00004", "00013", "00016");
    }

    @Test
    void anOldProvinceMapsToItsNewProvince() {
        JsonNode successors = http().get("/api/v1/units/2024/38/successors").json();
        assertThat(successors.size()).isEqualTo(1);
        assertThat(successors.get(0).get("newUnit").get("code").asString()).isEqualTo("38");
    }

    @Test
    void badInputGetsProblemDetailsNotAServerError() {
        TestHttp.Response badCode = http().get("/api/v1/units/2025/12ab");
        assertThat(badCode.status()).isEqualTo(400);
        assertThat(badCode.contentType()).startsWith("application/problem+json");
        assertThat(badCode.json().get("code").asString()).isEqualTo("invalid_unit_code");

        TestHttp.Response badStructure = http().get("/api/v1/units/1999/38");
        assertThat(badStructure.status()).isEqualTo(400);
        assertThat(badStructure.json().get("code").asString()).isEqualTo("unknown_structure");

        TestHttp.Response unknown = http().get("/api/v1/units/2025/99999");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("code").asString()).isEqualTo("unit_not_found");

        assertThat(http().get("/api/v1/units?structure=abc").status()).isEqualTo(400);
        assertThat(http().get("/api/v1/units?size=100000").status()).isEqualTo(400);
        assertThat(http().get("/api/v1/units?page=-1").status()).isEqualTo(400);
        assertThat(http().get("/api/v1/units?level=village").status()).isEqualTo(400);
        assertThat(http().get("/api/v1/units?province=x").status()).isEqualTo(400);
    }

    private long total(String path) {
        TestHttp.Response response = http().get(path);
        assertThat(response.status()).isEqualTo(200);
        return response.json().get("total").asLong();
    }

    private List<String> codes(String path) {
        List<String> codes = new ArrayList<>();
        http().get(path).json().get("items")
                .forEach(i -> codes.add(i.get("structure").asInt() + "/" + i.get("code").asString()));
        return codes;
    }
}
