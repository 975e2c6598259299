package vn.tinhso.opendata;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import vn.tinhso.IntegrationTest;
import vn.tinhso.MultipartBody;
import vn.tinhso.TestHttp;
import vn.tinhso.identity.TestAccounts;

/**
 * The CKAN Action API as CKAN clients use it (ckanapi, CKAN's own JavaScript client, harvesters): the
 * calls they send, the envelopes and error objects they expect, on the demo catalogue.
 */
@IntegrationTest
class CkanApiIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    TestAccounts accounts;
    @Autowired
    DatasetManagement catalogue;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    TestHttp anonymous;
    Publisher health;
    Publisher finance;

    @BeforeEach
    void setUp() {
        anonymous = new TestHttp(port);
        health = catalogue.publisher("so-y-te").orElseThrow();
        finance = catalogue.publisher("so-tai-chinh").orElseThrow();
    }

    // ------------------------------------------------------------------ helpers

    TestHttp.Response get(String action, String... query) {
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i + 1 < query.length; i += 2) {
            pairs.add(query[i] + "=" + URLEncoder.encode(query[i + 1], StandardCharsets.UTF_8));
        }
        return anonymous.get("/api/3/action/" + action + (pairs.isEmpty() ? "" : "?" + String.join("&", pairs)));
    }

    /** POSTs a JSON body with the token as ckanapi sends it: the bare token in Authorization. */
    static TestHttp.Response post(TestHttp http, String action, String token, Object body) {
        HttpRequest.Builder request = http.request("/api/3/action/" + action).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(tools.jackson.databind.json.JsonMapper.builder().build()
                        .writeValueAsString(body)));
        if (token != null) {
            request.header("Authorization", token);
        }
        return http.send(request);
    }

    static JsonNode result(TestHttp.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/json");
        JsonNode body = r.json();
        assertThat(body.get("success").asBoolean()).isTrue();
        assertThat(body.get("help").asString()).contains("/api/3/action/help_show?name=");
        return body.get("result");
    }

    static JsonNode error(TestHttp.Response r, int status, String type) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        JsonNode body = r.json();
        assertThat(body.get("success").asBoolean()).isFalse();
        assertThat(body.get("error").get("__type").asString()).isEqualTo(type);
        return body.get("error");
    }

    Map<String, Object> newDataset(String name, Publisher publisher) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", name);
        p.put("title", "Danh sách trạm quan trắc không khí tự động");
        p.put("notes", "Vị trí và thông số của các trạm quan trắc chất lượng không khí tự động trên địa bàn tỉnh.");
        p.put("owner_org", publisher.name());
        p.put("license_id", "cc-by");
        p.put("tags", List.of(Map.of("name", "không khí"), Map.of("name", "quan trắc"), Map.of("name", "môi trường")));
        p.put("groups", List.of(Map.of("name", "tai-nguyen-moi-truong")));
        p.put("extras", List.of(Map.of("key", "frequency", "value", "MONTHLY"), Map.of("key", "nguon", "value", "Trạm")));
        return p;
    }

    /** The public datasets matching a condition, counted in SQL: the oracle for the index's counts. */
    long publicCount(String condition) {
        return jdbc.sql("SELECT count(*) FROM opendata.dataset d WHERE state = 'PUBLISHED' AND NOT private AND "
                + condition).query(Long.class).single();
    }

    // ------------------------------------------------------------------ reading

    @Test
    void statusAndSiteReadAnswerInTheEnvelope() {
        JsonNode status = result(get("status_show"));
        assertThat(status.get("ckan_version").asString()).startsWith("2.10");
        assertThat(status.get("locale_default").asString()).isEqualTo("vi");
        assertThat(result(anonymous.get("/api/action/site_read")).asBoolean()).isTrue();
        assertThat(result(get("help_show", "name", "package_search")).asString()).contains("fq");
    }

    @Test
    void packageSearchCountsTheDemoCatalogueWithFacetsLikeCkan() {
        JsonNode all = result(get("package_search", "facet.field",
                "[\"organization\",\"groups\",\"tags\",\"res_format\",\"license_id\"]", "facet.limit", "-1"));
        assertThat(all.get("count").asLong()).isGreaterThanOrEqualTo(198);
        assertThat(all.get("results")).hasSize(10);
        assertThat(all.get("sort").asString()).isEqualTo("score desc, metadata_modified desc");
        JsonNode groups = all.get("search_facets").get("groups");
        assertThat(groups.get("title").asString()).isEqualTo("groups");
        assertThat(groups.get("items")).hasSize(15);
        long domainSum = 0;
        for (JsonNode item : groups.get("items")) {
            assertThat(item.get("display_name").asString()).isNotBlank();
            domainSum += item.get("count").asLong();
        }
        assertThat(domainSum).isGreaterThanOrEqualTo(198);
        assertThat(all.get("facets").get("res_format").get("CSV").asLong()).isGreaterThanOrEqualTo(196);
        for (JsonNode p : result(get("package_search", "q", "tags:lúa")).get("results")) {
            assertThat(p.get("organization").get("name").asString()).isNotBlank();
            assertThat(p.get("resources").get(0).get("url").asString()).startsWith("http");
            assertThat(p.get("tags").findValuesAsString("name")).contains("lúa");
        }

        JsonNode health = result(get("package_search", "fq", "organization:so-y-te", "rows", "50"));
        assertThat(health.get("count").asLong()).isGreaterThanOrEqualTo(13);
        health.get("results").forEach(p -> assertThat(p.get("organization").get("name").asString()).isEqualTo("so-y-te"));

        JsonNode both = result(get("package_search", "fq", "+organization:so-y-te +res_format:csv groups:y-te"));
        assertThat(both.get("count").asLong()).isEqualTo(publicCount(
                "publisher_id = " + this.health.agencyId() + " AND 'y-te' = ANY(domains) AND EXISTS (SELECT 1 FROM "
                        + "opendata.resource r WHERE r.dataset_id = d.id AND upper(r.format) = 'CSV')")).isGreaterThanOrEqualTo(13);
        JsonNode good = result(get("package_search", "fq", "quality_band:(90-100 OR 70-89)", "rows", "1000",
                "facet.field", "[\"quality_band\"]"));
        assertThat(good.get("count").asLong()).isPositive();
        good.get("results").forEach(p -> assertThat(p.get("extras").toString()).containsPattern(
                "\"key\":\"quality_score\",\"value\":\"(7\\d|8\\d|9\\d|100)\""));
        assertThat(good.get("search_facets").get("quality_band").get("items").findValuesAsString("name"))
                .isSubsetOf("90-100", "70-89");

        JsonNode either = result(get("package_search", "fq", "groups:(y-te OR giao-duc)"));
        assertThat(either.get("count").asLong()).isEqualTo(publicCount("domains && ARRAY['y-te', 'giao-duc']"))
                .isGreaterThanOrEqualTo(26);
    }

    @Test
    void searchIgnoresDiacriticsAndPagesAndSorts() {
        JsonNode folded = result(get("package_search", "q", "thanh hoa", "rows", "1000"));
        JsonNode marked = result(get("package_search", "q", "Thanh Hóa", "rows", "1000"));
        assertThat(folded.get("count").asLong()).isPositive().isEqualTo(marked.get("count").asLong());
        // Every word matches, as a word or the beginning of one, in any field.
        folded.get("results").forEach(p -> assertThat(vn.tinhso.shared.VietnameseText.fold(p.toString()))
                .containsPattern("(?<![a-z0-9])thanh").containsPattern("(?<![a-z0-9])hoa"));
        List<String> found = new ArrayList<>();
        folded.get("results").forEach(p -> found.add(p.get("name").asString()));
        assertThat(found).contains("quyet-toan-ngan-sach-tinh-thanh-hoa");

        JsonNode byName = result(get("package_search", "sort", "name asc", "rows", "5", "start", "2"));
        List<String> names = new ArrayList<>();
        byName.get("results").forEach(p -> names.add(p.get("name").asString()));
        assertThat(names).hasSize(5).isSorted();
        JsonNode clamped = result(get("package_search", "rows", "5000"));
        assertThat(clamped.get("results").size()).isEqualTo((int) Math.min(1000, clamped.get("count").asLong()));
    }

    @Test
    void badSearchParametersAreCkansErrors() {
        assertThat(error(get("package_search", "rows", "abc"), 409, "Validation Error").get("rows").get(0).asString())
                .isEqualTo("Invalid integer");
        error(get("package_search", "rows", "-1"), 409, "Validation Error");
        assertThat(error(get("package_search", "fq", "organization:(so-y-te OR"), 400, "Search Query Error")
                .get("message").asString()).startsWith("Search Query is invalid");
        error(get("package_search", "fq", "khong_co_truong:x"), 400, "Search Query Error");
        error(get("package_search", "fq", "tags:\"unterminated"), 400, "Search Query Error");
        error(get("package_search", "sort", "name sideways"), 400, "Search Query Error");
        error(get("package_search", "facet.field", "[\"organization\""), 409, "Validation Error");
    }

    @Test
    void packageShowByNameOrIdAndNotFound() {
        JsonNode byName = result(get("package_show", "id", "don-vi-hanh-chinh-cap-xa-2025"));
        assertThat(byName.get("title").asString()).contains("đơn vị hành chính");
        assertThat(byName.get("type").asString()).isEqualTo("dataset");
        assertThat(byName.get("state").asString()).isEqualTo("active");
        assertThat(byName.get("isopen").asBoolean()).isTrue();
        assertThat(byName.get("resources").get(0).get("url_type").asString()).isEqualTo("upload");
        assertThat(byName.get("metadata_created").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}");
        JsonNode byId = result(get("package_show", "id", byName.get("id").asString()));
        assertThat(byId.get("name").asString()).isEqualTo("don-vi-hanh-chinh-cap-xa-2025");

        error(get("package_show", "id", "khong-ton-tai"), 404, "Not Found Error");
        error(get("package_show"), 409, "Validation Error");
        error(get("resource_show", "id", "00000000-0000-0000-0000-000000000000"), 404, "Not Found Error");
    }

    @Test
    void organizationsGroupsTagsAndLicences() {
        JsonNode names = result(get("organization_list"));
        assertThat(names.findValuesAsString("")).isEmpty();
        List<String> orgs = new ArrayList<>();
        names.forEach(n -> orgs.add(n.asString()));
        assertThat(orgs).contains("so-y-te", "so-tai-chinh").isSorted();
        JsonNode full = result(get("organization_list", "all_fields", "true", "sort", "package_count desc"));
        assertThat(full.get(0).get("package_count").asLong()).isGreaterThanOrEqualTo(full.get(1).get("package_count").asLong());
        JsonNode org = result(get("organization_show", "id", "so-y-te", "include_datasets", "true"));
        assertThat(org.get("title").asString()).isEqualTo("Sở Y tế");
        assertThat(org.get("packages").size()).isEqualTo(org.get("package_count").asInt());
        error(get("organization_show", "id", "khong-co"), 404, "Not Found Error");

        JsonNode groups = result(get("group_list", "all_fields", "true"));
        assertThat(groups).hasSize(15);
        assertThat(result(get("group_show", "id", "y-te")).get("package_count").asLong())
                .isEqualTo(publicCount("'y-te' = ANY(domains)"));
        assertThat(result(get("tag_list")).size()).isGreaterThan(20);
        List<String> licences = result(get("license_list")).findValuesAsString("id");
        assertThat(licences).contains("vn-open-data", "cc-by", "cc-zero", "odc-odbl");
        assertThat(result(get("package_list", "limit", "3")).size()).isEqualTo(3);
    }

    @Test
    void unknownActionsWritesByGetAndBadJsonAreBadRequests() {
        TestHttp.Response unknown = get("khong_co_action");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().asString()).isEqualTo("Bad request - Action name not known: khong_co_action");
        TestHttp.Response write = get("package_create", "name", "x");
        assertThat(write.status()).isEqualTo(400);
        assertThat(write.json().asString()).startsWith("Bad request - JSON Error");
        TestHttp.Response bad = anonymous.send(anonymous.request("/api/3/action/package_search")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"q\": ")));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().asString()).startsWith("Bad request - JSON Error");
        JsonNode posted = result(post(anonymous, "package_search", null, Map.of("q", "y tế", "rows", 2)));
        assertThat(posted.get("results").size()).isLessThanOrEqualTo(2);
    }

    // ------------------------------------------------------------------ writing

    @Test
    void writesNeedAValidTokenOfThePublisher() {
        Map<String, Object> body = newDataset("tram-quan-trac-khong-khi-1", health);
        assertThat(error(post(anonymous, "package_create", null, body), 403, "Authorization Error")
                .get("message").asString()).startsWith("Access denied");
        error(post(anonymous, "package_create", "khong-phai-token", body), 403, "Authorization Error");
        String outsider = accounts.token("Cán bộ Sở Tài chính", TestAccounts.officer(finance.agencyId()));
        error(post(anonymous, "package_create", outsider, body), 403, "Authorization Error");
        String citizen = accounts.token("Công dân", TestAccounts.citizen());
        error(post(anonymous, "package_create", citizen, body), 403, "Authorization Error");
        assertThat(catalogue.find("tram-quan-trac-khong-khi-1", Editor.NOBODY)).isEmpty();
    }

    @Test
    void invalidPackagesAreValidationErrorsPerFieldAndSaveNothing() {
        String officer = accounts.token("Cán bộ Sở Y tế", TestAccounts.officer(health.agencyId()));
        JsonNode missing = error(post(anonymous, "package_create", officer, Map.of("notes", "x")), 409,
                "Validation Error");
        assertThat(missing.has("name")).isTrue();
        assertThat(missing.has("title")).isTrue();
        assertThat(missing.has("owner_org")).isTrue();

        Map<String, Object> bad = newDataset("Tên Có Dấu", health);
        bad.put("license_id", "khong-co");
        bad.put("groups", List.of(Map.of("name", "khong-co-linh-vuc")));
        bad.put("extras", List.of(Map.of("key", "temporal_start", "value", "31/02/2024")));
        JsonNode invalid = error(post(anonymous, "package_create", officer, bad), 409, "Validation Error");
        assertThat(invalid.get("name").get(0).asString()).contains("chữ thường");
        assertThat(invalid.has("license_id")).isTrue();
        assertThat(invalid.has("groups")).isTrue();
        assertThat(invalid.has("temporal_start")).isTrue();

        TestHttp.Response english = anonymous.send(anonymous.request("/api/3/action/package_create")
                .header("Content-Type", "application/json").header("Authorization", officer)
                .header("Accept-Language", "en").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"name\": \"don-vi-hanh-chinh-cap-xa-2025\", \"title\": \"x\", \"owner_org\": \"so-y-te\"}")));
        assertThat(error(english, 409, "Validation Error").get("name").get(0).asString())
                .isEqualTo("That URL is already in use.");
        assertThat(catalogue.find("ten-co-dau", Editor.NOBODY)).isEmpty();
    }

    @Test
    void anOfficersPackageWaitsForReviewAndItsLeaderPublishesIt() {
        String officer = accounts.token("Cán bộ dữ liệu Sở Y tế", TestAccounts.officer(health.agencyId()));
        String leader = accounts.token("Lãnh đạo Sở Y tế", TestAccounts.leader(health.agencyId()));
        JsonNode created = result(post(anonymous, "package_create", officer, newDataset("tram-quan-trac-2", health)));
        assertThat(created.get("state").asString()).isEqualTo("draft");
        assertThat(created.get("extras").findValuesAsString("key")).contains("frequency", "nguon", "review_state");
        assertThat(created.get("tags").findValuesAsString("name")).containsExactly("không khí", "quan trắc", "môi trường");
        error(get("package_show", "id", "tram-quan-trac-2"), 404, "Not Found Error");
        TestHttp.Response mine = anonymous.send(anonymous.request("/api/3/action/package_show?id=tram-quan-trac-2")
                .header("Authorization", officer).GET());
        assertThat(result(mine).get("name").asString()).isEqualTo("tram-quan-trac-2");

        JsonNode officerActive = result(post(anonymous, "package_patch", officer,
                Map.of("id", "tram-quan-trac-2", "state", "active")));
        assertThat(officerActive.get("state").asString()).isEqualTo("draft");
        JsonNode published = result(post(anonymous, "package_patch", leader,
                Map.of("id", "tram-quan-trac-2", "state", "active", "title", "Trạm quan trắc không khí")));
        assertThat(published.get("state").asString()).isEqualTo("active");
        assertThat(published.get("title").asString()).isEqualTo("Trạm quan trắc không khí");
        assertThat(published.get("tags")).hasSize(3);
        assertThat(result(get("package_show", "id", "tram-quan-trac-2")).get("notes").asString())
                .startsWith("Vị trí và thông số");

        JsonNode activity = result(get("package_activity_list", "id", "tram-quan-trac-2"));
        assertThat(activity.findValuesAsString("change")).containsSubsequence("published", "submitted", "created");
        assertThat(activity.get(activity.size() - 1).get("data").get("package").get("title").asString())
                .isEqualTo("Danh sách trạm quan trắc không khí tự động");
    }

    @Test
    void resourcesAreUploadedOrLinkedAndBadFilesRefused() {
        String leader = accounts.token("Lãnh đạo Sở Y tế 2", TestAccounts.leader(health.agencyId()));
        result(post(anonymous, "package_create", leader, newDataset("co-so-y-te-upload", health)));
        byte[] csv = "ma_xa,ten_xa,so_co_so\n14758,Phường Hàm Rồng,12\n".getBytes(StandardCharsets.UTF_8);
        TestHttp.Response uploaded = new MultipartBody().field("package_id", "co-so-y-te-upload", null)
                .field("name", "Cơ sở y tế theo xã", null).file("upload", "co-so-y-te.csv", csv)
                .post(anonymous, "/api/3/action/resource_create", "Authorization", leader);
        JsonNode resource = result(uploaded);
        assertThat(resource.get("url_type").asString()).isEqualTo("upload");
        assertThat(resource.get("format").asString()).isEqualTo("CSV");
        assertThat(resource.get("hash").asString()).startsWith("sha256:");
        String url = resource.get("url").asString();
        TestHttp.Response download = anonymous.get(url.substring(url.indexOf("/dataset/")));
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.body()).contains("Phường Hàm Rồng");

        JsonNode link = result(post(anonymous, "resource_create", leader, Map.of("package_id", "co-so-y-te-upload",
                "name", "API", "url", "https://example.org/api/co-so.json")));
        assertThat(link.get("format").asString()).isEqualTo("JSON");
        error(post(anonymous, "resource_create", leader, Map.of("package_id", "co-so-y-te-upload", "name", "x",
                "url", "javascript:alert(1)")), 409, "Validation Error");
        TestHttp.Response exe = new MultipartBody().field("package_id", "co-so-y-te-upload", null)
                .file("upload", "chuong-trinh.csv", new byte[] {0x4d, 0x5a, (byte) 0x90, 0, 3, 0, 0, 0, 4, 0})
                .post(anonymous, "/api/3/action/resource_create", "Authorization", leader);
        assertThat(error(exe, 409, "Validation Error").has("upload")).isTrue();
        assertThat(result(get("package_show", "id", "co-so-y-te-upload")).get("num_resources").asInt()).isEqualTo(2);

        result(post(anonymous, "resource_delete", leader, Map.of("id", link.get("id").asString())));
        // The anonymous answer above was kept; the change must show at once all the same.
        assertThat(result(get("package_show", "id", "co-so-y-te-upload")).get("num_resources").asInt()).isEqualTo(1);
        result(post(anonymous, "package_delete", leader, Map.of("id", "co-so-y-te-upload")));
        error(get("package_show", "id", "co-so-y-te-upload"), 404, "Not Found Error");
    }

    @Test
    void aLeaderMakesAnAccountEditorOfThePublisher() {
        String leader = accounts.token("Lãnh đạo Sở Y tế 3", TestAccounts.leader(health.agencyId()));
        var newcomer = accounts.create("Cán bộ mới");
        error(post(anonymous, "organization_member_create", accounts.token("Cán bộ khác",
                TestAccounts.officer(health.agencyId())), Map.of("id", "so-y-te", "username", newcomer.email(),
                "role", "editor")), 403, "Authorization Error");
        JsonNode member = result(post(anonymous, "organization_member_create", leader,
                Map.of("id", "so-y-te", "username", newcomer.email(), "role", "editor")));
        assertThat(member.get("capacity").asString()).isEqualTo("editor");
        error(post(anonymous, "organization_member_create", leader,
                Map.of("id", "so-y-te", "username", "khong-co@example.org", "role", "editor")), 404, "Not Found Error");
    }
}
