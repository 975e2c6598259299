package vn.tinhso.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import vn.tinhso.IntegrationTest;
import vn.tinhso.MultipartBody;
import vn.tinhso.TestHttp;
import vn.tinhso.identity.TestAccounts;
import vn.tinhso.units.AgencyManagement;

/** The catalogue through its API: demo content, search, facets, editing, import and export. */
@IntegrationTest
class ProcedureCatalogueIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    TestAccounts accounts;
    @Autowired
    AgencyManagement agencies;

    private TestHttp anonymous() {
        return new TestHttp(port);
    }

    private TestHttp admin() {
        return new TestHttp(port).withToken(accounts.token("Quản trị danh mục", TestAccounts.admin()));
    }

    private static List<String> names(JsonNode search) {
        List<String> names = new ArrayList<>();
        search.get("result").get("items").forEach(i -> names.add(i.get("name").asString()));
        return names;
    }

    @Test
    void theDemoCatalogueCoversBothLevelsAndManyDomains() {
        JsonNode all = anonymous().get("/api/v1/procedures?size=1").json();

        assertThat(all.get("result").get("total").asLong()).isGreaterThanOrEqualTo(60);
        assertThat(all.get("domains").size()).isGreaterThanOrEqualTo(12);
        assertThat(all.get("levels").findValuesAsString("key")).contains("PROVINCE", "COMMUNE");
        assertThat(all.get("onlineLevels").findValuesAsString("key")).contains("FULL", "PARTIAL");
        assertThat(anonymous().get("/api/v1/procedures/1.001193.000.00.00.H56").json().get("demo").asBoolean())
                .isTrue();
    }

    @Test
    void searchIgnoresDiacriticsAndAllowsOneTypo() {
        List<String> exact = names(anonymous().get("/api/v1/procedures?q=giấy%20phép%20xây%20dựng&size=8").json());
        List<String> bare = names(anonymous().get("/api/v1/procedures?q=giay%20phep%20xay%20dung&size=8").json());
        List<String> typo = names(anonymous().get("/api/v1/procedures?q=giay%20phep%20xay%20dumg&size=8").json());

        assertThat(exact).hasSizeGreaterThanOrEqualTo(4)
                .allSatisfy(n -> assertThat(n.toLowerCase()).contains("giấy phép xây dựng"));
        assertThat(bare).isEqualTo(exact);
        assertThat(typo.subList(0, 4)).allSatisfy(n -> assertThat(n.toLowerCase()).contains("giấy phép xây dựng"));
        assertThat(names(anonymous().get("/api/v1/procedures?q=khai%20sinh").json()))
                .anySatisfy(n -> assertThat(n).startsWith("Đăng ký khai sinh"));
        assertThat(anonymous().get("/api/v1/procedures?q=zzqxw").json().get("result").get("total").asLong()).isZero();
    }

    @Test
    void facetsCountEveryOtherCriterion() {
        JsonNode building = anonymous().get("/api/v1/procedures?domain=hoat-dong-xay-dung&size=200").json();
        long total = building.get("result").get("total").asLong();
        long province = 0;
        long commune = 0;
        for (JsonNode item : building.get("result").get("items")) {
            assertThat(item.get("domainCode").asString()).isEqualTo("hoat-dong-xay-dung");
            province += item.get("levels").toString().contains("PROVINCE") ? 1 : 0;
            commune += item.get("levels").toString().contains("COMMUNE") ? 1 : 0;
        }
        assertThat(total).isGreaterThan(0);
        assertThat(building.get("domains").size()).as("other domains stay visible").isGreaterThan(1);
        assertThat(count(building.get("levels"), "PROVINCE")).isEqualTo(province);
        assertThat(count(building.get("levels"), "COMMUNE")).isEqualTo(commune);

        JsonNode communeOnly = anonymous().get("/api/v1/procedures?domain=hoat-dong-xay-dung&level=COMMUNE").json();
        assertThat(communeOnly.get("result").get("total").asLong()).isEqualTo(commune);
        assertThat(count(communeOnly.get("agencies"), "commune")).isEqualTo(commune);
    }

    private static long count(JsonNode facet, String key) {
        for (JsonNode f : facet) {
            if (f.get("key").asString().equals(key)) {
                return f.get("count").asLong();
            }
        }
        return 0;
    }

    @Test
    void namesSortInVietnameseOrder() {
        List<String> names = names(anonymous().get("/api/v1/procedures?sort=name&size=200").json());
        assertThat(names).isSortedAccordingTo(vn.tinhso.shared.VietnameseText.order());
    }

    @Test
    void aProcedureIsReadByItsCodeAndAnUnknownCodeIsAProblem() {
        JsonNode p = anonymous().get("/api/v1/procedures/1.001193.000.00.00.H56").json();
        assertThat(p.get("name").asString()).isEqualTo("Đăng ký khai sinh");
        assertThat(p.get("form").get("fields").size()).isGreaterThan(3);

        TestHttp.Response missing = anonymous().get("/api/v1/procedures/9.999999.000.00.00.H56");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("detail").asString()).isEqualTo("Không tìm thấy thủ tục 9.999999.000.00.00.H56.");
    }

    @Test
    void draftsAreHiddenUntilPublishedAndRetiredOnesStayReadable() {
        String code = ServiceFixtures.code();
        var agency = agencies.findByCode("000.00.05.H56").orElseThrow();
        ProcedureInput draft = ServiceFixtures.procedure(code, agency, "Thủ tục nháp kiểm thử");
        draft = new ProcedureInput(draft.code(), draft.name(), draft.domain(), draft.levels(), draft.agency(),
                draft.onlineLevel(), draft.applicants(), draft.methods(), draft.fees(), draft.documents(),
                draft.result(), draft.legalBasis(), draft.conditions(), draft.form(), null, null);
        TestHttp.Response created = admin().postJson("/api/v1/procedures", draft);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("status").asString()).isEqualTo("DRAFT");
        assertThat(anonymous().get("/api/v1/procedures/" + code).status()).isEqualTo(404);
        assertThat(admin().postJson("/api/v1/procedures", draft).status()).isEqualTo(409);

        assertThat(admin().postJson("/api/v1/procedures/" + code + "/publish", null).json().get("status").asString())
                .isEqualTo("PUBLISHED");
        assertThat(anonymous().get("/api/v1/procedures?q=thu%20tuc%20nhap%20kiem%20thu").json().get("result")
                .get("total").asLong()).isEqualTo(1);
        admin().postJson("/api/v1/procedures/" + code + "/retire", null);
        assertThat(anonymous().get("/api/v1/procedures/" + code).json().get("status").asString()).isEqualTo("RETIRED");
        assertThat(anonymous().get("/api/v1/procedures?q=thu%20tuc%20nhap%20kiem%20thu").json().get("result")
                .get("total").asLong()).isZero();
        assertThat(anonymous().postJson("/api/v1/procedures/" + code + "/publish", null).status()).isEqualTo(401);
    }

    @Test
    void anInvalidProcedureIsRefusedWithEveryProblem() {
        ProcedureInput bad = new ProcedureInput("mã sai", "", "khong-co", List.of(), "000.00.99.H56",
                Procedure.OnlineLevel.FULL, null, List.of(new Procedure.Method(Procedure.Channel.DIRECT, 0, null, null)),
                List.of(new Procedure.Fee("Lệ phí", Procedure.FeeKind.FIXED, null)), List.of(), null, List.of(), null,
                new EForm(List.of(ServiceFixtures.field("Bad Name", EForm.FieldType.CHOICE, true))), null, null);
        TestHttp.Response r = admin().postJson("/api/v1/procedures", bad);

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("errors").findValuesAsString("field")).contains("code", "name", "domain", "levels",
                "agency", "methods[0].days", "methods", "fees[0]", "form.fields[0].name", "form.fields[0].options");
    }

    @Test
    void exportThenImportGivesTheSameCatalogueInJsonAndCsv() {
        TestHttp admin = admin();
        String json = admin.get("/api/v1/procedures/export?format=json").body();
        String csv = admin.get("/api/v1/procedures/export?format=csv").body();
        assertThat(json).contains("\"format\" : \"tinhso-procedures/1\"").contains("Đăng ký khai sinh");
        assertThat(csv).startsWith("code,name,domain").contains("Đăng ký khai sinh");

        TestHttp.Response fromJson = new MultipartBody().file("file", "catalogue.json", json.getBytes(StandardCharsets.UTF_8))
                .post(admin, "/api/v1/procedures/import");
        assertThat(fromJson.status()).as(fromJson.body()).isEqualTo(200);
        assertThat(fromJson.json().get("created").asInt()).isZero();
        TestHttp.Response fromCsv = new MultipartBody().file("file", "catalogue.csv", csv.getBytes(StandardCharsets.UTF_8))
                .post(admin, "/api/v1/procedures/import");
        assertThat(fromCsv.status()).as(fromCsv.body()).isEqualTo(200);
        assertThat(fromCsv.json().get("created").asInt()).isZero();
        assertThat(admin.get("/api/v1/procedures/export?format=csv").body()).isEqualTo(csv);
    }

    @Test
    void aBrokenImportSavesNothing() {
        TestHttp admin = admin();
        long before = anonymous().get("/api/v1/procedures?size=1").json().get("result").get("total").asLong();
        String csv = "code,name,domain,domain_name,domain_name_en,levels,agency,online_level,applicants,methods,fees,"
                + "documents,result,legal_basis,conditions,form,status\n"
                + "9.100001.000.00.00.H56,Thủ tục nhập đúng,ho-tich,,,COMMUNE,,FULL,,ONLINE: 3 ngày,,,,,,,PUBLISHED\n"
                + "9.100002.000.00.00.H56,Thủ tục nhập sai,ho-tich,,,COMMUNE,,FULL,,trong ngày,,,,,,,PUBLISHED\n";
        TestHttp.Response r = new MultipartBody().file("file", "sai.csv", csv.getBytes(StandardCharsets.UTF_8))
                .post(admin, "/api/v1/procedures/import");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("row[3].methods");
        assertThat(anonymous().get("/api/v1/procedures?size=1").json().get("result").get("total").asLong())
                .isEqualTo(before);
        assertThat(new MultipartBody().file("file", "x.json", "{oops".getBytes(StandardCharsets.UTF_8))
                .post(admin, "/api/v1/procedures/import").status()).isEqualTo(400);
    }
}
