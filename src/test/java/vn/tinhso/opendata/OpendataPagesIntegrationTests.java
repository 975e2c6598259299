package vn.tinhso.opendata;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.tinhso.IntegrationTest;
import vn.tinhso.MultipartBody;
import vn.tinhso.TestHttp;
import vn.tinhso.files.Samples;
import vn.tinhso.identity.TestAccounts;
import vn.tinhso.shared.Zones;

/**
 * The portal pages over HTTP against the running application and its demo catalogue: search without
 * diacritics with facet counts, a facet that narrows, a dataset's page (JSON-LD, citation, download),
 * descriptions rendered safely, drafts hidden, and the staff form refusing bad input in Vietnamese.
 */
@IntegrationTest
class OpendataPagesIntegrationTests {

    static final String BUDGET = "Quyết toán ngân sách tỉnh Thanh Hóa";
    static final String ROADS = "Mạng lưới đường tỉnh và quốc lộ qua địa bàn Thanh Hóa";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    TestAccounts accounts;
    @Autowired
    DatasetManagement catalogue;

    TestHttp anonymous;
    Publisher health;

    @BeforeEach
    void setUp() {
        anonymous = new TestHttp(port);
        health = catalogue.publisher("so-y-te").orElseThrow();
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** The count badge of a facet's checkbox on the search page, or -1 if the value is not offered. */
    static long facetCount(String html, String field, String value) {
        Matcher input = Pattern.compile("name=\"" + field + "\" value=\"" + Pattern.quote(value) + "\"\\s+id=\"([^\"]+)\"")
                .matcher(html);
        if (!input.find()) {
            return -1;
        }
        Matcher label = Pattern.compile("for=\"" + Pattern.quote(input.group(1))
                + "\"><span>[^<]*</span>\\s*<span class=\"badge[^\"]*\">(\\d+)</span>").matcher(html);
        assertThat(label.find()).as("label of " + field + "=" + value).isTrue();
        return Long.parseLong(label.group(1));
    }

    static long shownCount(String html) {
        Matcher m = Pattern.compile("id=\"dataset-count\"[^>]*>(\\d+) bộ dữ liệu<").matcher(html);
        assertThat(m.find()).as("the number of results").isTrue();
        return Long.parseLong(m.group(1));
    }

    Dataset demo(String title) {
        return catalogue.search(DatasetQuery.publicSearch(title, Map.of(), List.of(), 0, 50)).results().stream()
                .filter(d -> d.title().equals(title)).findFirst().orElseThrow();
    }

    Editor leaderOf(Publisher p) {
        return new Editor(1L, "lanhdao@test.tinhso.vn", Set.of(), Set.of(p.agencyId()), false);
    }

    Editor officerOf(Publisher p) {
        return new Editor(2L, "canbo@test.tinhso.vn", Set.of(p.agencyId()), Set.of(), false);
    }

    /** A dataset of the test's own; not in the domain y-te, whose datasets CkanApiIntegrationTests counts. */
    static DatasetInput input(String name, String title, String notes, Publisher p, String state) {
        return new DatasetInput(name, title, null, notes, null, p.name(), "cc-by", false, "1", "ANNUAL", "2024-01-01",
                "2024-12-31", List.of("38"), "Phòng Kế hoạch", "khth@test.tinhso.vn", null,
                List.of("kiểm thử", "trang", "dữ liệu"), List.of("hanh-chinh-cong"), List.of(), state);
    }

    // ------------------------------------------------------------------ search

    @Test
    void searchWithoutDiacriticsFindsThanhHoaAndShowsTheFacetCounts() {
        TestHttp.Response page = anonymous.get("/dataset?q=thanh+hoa", "text/html");

        assertThat(page.status()).isEqualTo(200);
        String html = page.body();
        assertThat(html).contains(BUDGET, ROADS);
        DatasetHits expected = catalogue.search(new DatasetQuery("thanh hoa", Map.of(), Set.of(), false, false,
                List.of(), 0, 0, List.of(Facet.values()), -1));
        assertThat(shownCount(html)).isEqualTo(expected.count()).isGreaterThanOrEqualTo(2);
        // Every publisher among the results is offered with its number of results.
        for (DatasetHits.FacetCount c : expected.facets().get(Facet.PUBLISHER)) {
            assertThat(facetCount(html, "organization", c.value())).as(c.value()).isEqualTo(c.count());
        }
        String budgetPublisher = catalogue.publisher(demo(BUDGET).publisherId()).orElseThrow().name();
        assertThat(facetCount(html, "organization", budgetPublisher)).isPositive();
        assertThat(facetCount(html, "res_format", "CSV")).isPositive();
        assertThat(html).contains("name=\"groups\" value=\"tai-chinh-ngan-sach\"");
    }

    @Test
    void aFacetFilterNarrowsTheResultsAndStaysTicked() {
        Dataset budget = demo(BUDGET);
        String publisher = catalogue.publisher(budget.publisherId()).orElseThrow().name();
        long all = shownCount(anonymous.get("/dataset?q=thanh+hoa", "text/html").body());

        String html = anonymous.get("/dataset?q=thanh+hoa&organization=" + publisher, "text/html").body();

        long narrowed = shownCount(html);
        assertThat(narrowed).isLessThan(all).isEqualTo(catalogue.search(DatasetQuery.publicSearch("thanh hoa",
                Map.of(Facet.PUBLISHER, List.of(Set.of(publisher))), List.of(), 0, 0)).count());
        assertThat(html).contains(BUDGET).doesNotContain(ROADS);
        assertThat(html).containsPattern("name=\"organization\" value=\"" + publisher + "\"\\s+id=\"[^\"]+\"\\s+checked");
        // A second value of the same facet widens again (any of them), the empty state is explained.
        assertThat(anonymous.get("/dataset?q=thanh+hoa&organization=" + publisher + "&organization="
                + catalogue.publisher(demo(ROADS).publisherId()).orElseThrow().name(), "text/html").body())
                .contains(BUDGET, ROADS);
        String none = anonymous.get("/dataset?q=khong+co+bo+du+lieu+nao+nhu+vay", "text/html").body();
        assertThat(shownCount(none)).isZero();
        assertThat(none).contains("Không tìm thấy bộ dữ liệu nào.");
    }

    @Test
    void htmxGetsTheResultsOnlyAndThePortalHomeListsTheDomains() {
        TestHttp.Response fragment = anonymous.send(anonymous.request("/dataset?q=ngan+sach").header("HX-Request", "true")
                .header("Accept", "text/html").GET());
        assertThat(fragment.body()).contains("id=\"dataset-results\"").doesNotContain("<html");

        String home = anonymous.get("/data", "text/html").body();
        for (DataDomain d : catalogue.domains()) {
            assertThat(home).contains("href=\"/group/" + d.code() + "\"");
        }
        assertThat(home).contains("href=\"/api/3/action/package_search\"", "href=\"/catalog.ttl\"");
        assertThat(anonymous.get("/group/y-te", "text/html").body()).contains("<h1 class=\"h3\" id=\"page-heading\">Y tế</h1>");
        String org = anonymous.get("/organization/" + health.name(), "text/html").body();
        assertThat(org).contains(health.title()).doesNotContain("name=\"organization\"");
        assertThat(anonymous.get("/organization/khong-co-don-vi-nay", "text/html").status()).isEqualTo(404);
    }

    // ------------------------------------------------------------------ a dataset's page

    @Test
    void theDatasetPageHasJsonLdTheCitationAndTheDownloadLinkAndCountsTheView() {
        Dataset budget = demo(BUDGET);
        Publisher publisher = catalogue.publisher(budget.publisherId()).orElseThrow();
        long views = catalogue.find(budget.name(), Editor.NOBODY).orElseThrow().views();

        TestHttp.Response page = anonymous.get("/dataset/" + budget.name(), "text/html");

        assertThat(page.status()).isEqualTo(200);
        String html = page.body();
        Matcher script = Pattern.compile("<script type=\"application/ld\\+json\" id=\"dataset-jsonld\">(.*?)</script>",
                Pattern.DOTALL).matcher(html);
        assertThat(script.find()).isTrue();
        JsonNode ld = JSON.readTree(script.group(1));
        assertThat(ld.get("@type").asString()).isEqualTo("Dataset");
        assertThat(ld.get("name").asString()).isEqualTo(BUDGET);
        assertThat(ld.get("identifier").asString()).isEqualTo(budget.id().toString());
        assertThat(ld.get("url").asString()).endsWith("/dataset/" + budget.name());
        assertThat(ld.get("isAccessibleForFree").asBoolean()).isTrue();
        assertThat(ld.get("publisher").get("@type").asString()).isEqualTo("Organization");
        assertThat(ld.get("publisher").get("name").asString()).isEqualTo(publisher.title());
        assertThat(ld.get("temporalCoverage").asString()).isEqualTo(budget.temporalStart() + "/" + budget.temporalEnd());
        JsonNode download = ld.get("distribution").get(0);
        assertThat(download.get("@type").asString()).isEqualTo("DataDownload");
        assertThat(download.get("contentUrl").asString()).contains("/dataset/" + budget.name() + "/resource/");
        assertThat(ld.get("keywords").size()).isEqualTo(budget.tags().size());

        String year = String.valueOf(budget.publishedAt().atZone(Zones.VIETNAM).getYear());
        assertThat(html).contains(publisher.title() + ". (" + year + "). " + BUDGET + ". Cổng dữ liệu mở. ");
        assertThat(html).contains("<meta property=\"og:title\" content=\"" + BUDGET + "\">");
        DatasetResource csv = budget.resources().get(0);
        Matcher link = Pattern.compile("href=\"(/dataset/" + budget.name() + "/resource/" + csv.id()
                + "/download/[^\"]+)\"").matcher(html);
        assertThat(link.find()).isTrue();
        TestHttp.Response file = anonymous.get(link.group(1));
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.contentType()).startsWith("text/csv");
        assertThat(html).contains("href=\"/dataset/" + budget.name() + ".ttl\"",
                "href=\"/api/3/action/package_show?id=" + budget.name() + "\"");
        assertThat(html).contains("https://www.facebook.com/sharer/sharer.php?u=");
        assertThat(catalogue.find(budget.name(), Editor.NOBODY).orElseThrow().views()).isEqualTo(views + 1);
        // Revisions are for the publisher's members, as is the follow form for the signed-in.
        assertThat(html).doesNotContain("id=\"dataset-revisions\"").contains("id=\"follow-sign-in\"");
    }

    @Test
    void aMaliciousDescriptionIsRenderedWithoutScriptsOrJavascriptLinks() {
        String name = "kiem-thu-mo-ta-" + UUID.randomUUID().toString().substring(0, 8);
        String notes = "Mô tả **đậm**.\n\n<script>alert(1)</script>\n\n[x](javascript:alert(1)) và <img src=x onerror=\"alert(2)\">"
                + " và [y](JAVASCRIPT:alert(3))\n\n[trang](https://example.org/a)";
        catalogue.create(input(name, "Bộ dữ liệu kiểm thử mô tả độc hại", notes, health, null), leaderOf(health));
        // A public dataset has a distribution (DcatIntegrationTests checks the whole catalogue against DCAT-AP).
        catalogue.addResource(name, new ResourceInput("Tệp kiểm thử", null, "CSV", "https://example.org/kiem-thu.csv"),
                null, null, leaderOf(health));

        TestHttp.Response page = anonymous.get("/dataset/" + name, "text/html");

        assertThat(page.status()).isEqualTo(200);
        String html = page.body();
        assertThat(html).doesNotContain("<script>alert").doesNotContainIgnoringCase("javascript:")
                .doesNotContain("<img src=x").doesNotContain("onerror=\"alert");
        assertThat(html).contains("<strong>đậm</strong>", "&lt;script&gt;alert(1)&lt;/script&gt;",
                "<a rel=\"nofollow noopener noreferrer\" href=\"https://example.org/a\">trang</a>", "<a rel=\"nofollow noopener noreferrer\" href=\"\">x</a>");
        Matcher script = Pattern.compile("<script type=\"application/ld\\+json\" id=\"dataset-jsonld\">(.*?)</script>",
                Pattern.DOTALL).matcher(html);
        assertThat(script.find()).isTrue();
        assertThat(JSON.readTree(script.group(1)).get("description").asString()).startsWith("Mô tả đậm.");
    }

    @Test
    void aDraftIsNotFoundForThePublicButShownToItsPublisher() {
        String name = "kiem-thu-nhap-" + UUID.randomUUID().toString().substring(0, 8);
        catalogue.create(input(name, "Bộ dữ liệu nháp kiểm thử trang", "Nháp.", health, "draft"), officerOf(health));

        TestHttp.Response page = anonymous.get("/dataset/" + name, "text/html");
        assertThat(page.status()).isEqualTo(404);
        assertThat(page.body()).contains("Không tìm thấy bộ dữ liệu " + name);
        assertThat(anonymous.get("/dataset?q=nhap+kiem+thu+trang", "text/html").body()).doesNotContain(name);

        TestHttp member = new TestHttp(port).withToken(accounts.token("Cán bộ Sở Y tế", TestAccounts.officer(health.agencyId())));
        String own = member.get("/dataset/" + name, "text/html").body();
        assertThat(own).contains("Nháp", "id=\"dataset-revisions\"", "Tạo mới").doesNotContain("dataset-jsonld");
        Publisher other = catalogue.publisher("so-tai-chinh").orElseThrow();
        TestHttp stranger = new TestHttp(port).withToken(accounts.token("Cán bộ Sở Tài chính", TestAccounts.officer(other.agencyId())));
        assertThat(stranger.get("/dataset/" + name, "text/html").status()).isEqualTo(404);
        assertThat(stranger.get("/staff/datasets/" + name + "/edit", "text/html").status()).isEqualTo(404);
        Dataset healthPublic = catalogue.search(DatasetQuery.publicSearch(null,
                Map.of(Facet.PUBLISHER, List.of(Set.of(health.name()))), List.of(), 0, 1)).results().get(0);
        assertThat(stranger.get("/staff/datasets/" + healthPublic.name() + "/edit", "text/html").status())
                .isEqualTo(403);
        assertThat(stranger.postForm("/staff/datasets/" + healthPublic.name() + "/submit", Map.of()).status())
                .isEqualTo(403);
        assertThat(stranger.get("/staff/datasets", "text/html").body()).doesNotContain(name);
        assertThat(member.get("/staff/datasets?state=DRAFT", "text/html").body()).contains(name);
    }

    // ------------------------------------------------------------------ the staff form

    @Test
    void theStaffFormWithBadInputShowsVietnameseMessagesAndSavesNothing() {
        TestHttp officer = new TestHttp(port).withToken(accounts.token("Cán bộ dữ liệu", TestAccounts.officer(health.agencyId())));
        long before = catalogue.count();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", "Tên Có Dấu!");
        form.put("title", "");
        form.put("owner_org", health.name());
        form.put("license_id", "cc-by");
        form.put("temporal_start", "31/02/2024");
        form.put("temporal_end", "01/01/2020");
        form.put("contact_email", "khong-phai-thu");
        form.put("url", "ftp://may-chu/du-lieu");
        form.put("tags", "hợp lệ, sai<thẻ>");

        TestHttp.Response page = officer.postForm("/staff/datasets", form);

        assertThat(page.status()).isEqualTo(200);
        String html = page.body();
        assertThat(html).contains("Vui lòng sửa các lỗi bên dưới.");
        assertThat(html).contains("id=\"e-title\">Vui lòng nhập trường này.</div>");
        assertThat(html).contains("id=\"e-name\">Tên định danh chỉ gồm chữ thường không dấu");
        assertThat(html).contains("id=\"e-contact_email\">Địa chỉ thư điện tử không hợp lệ.</div>");
        assertThat(html).contains("id=\"e-url\">Đường dẫn phải bắt đầu bằng http:// hoặc https://.</div>");
        assertThat(html).contains("id=\"e-temporal_start\">Ngày &quot;31/02/2024&quot; không hợp lệ");
        assertThat(html).contains("id=\"e-tags\">Từ khóa &quot;sai&lt;thẻ&gt;&quot;");
        assertThat(html).contains("value=\"khong-phai-thu\"", "is-invalid");
        assertThat(catalogue.count()).isEqualTo(before);

        // The same form, corrected, creates a draft of the officer's publisher.
        form.put("name", "");
        form.put("title", "Danh sách cơ sở khám chữa bệnh kiểm thử biểu mẫu " + UUID.randomUUID().toString().substring(0, 6));
        form.put("temporal_start", "01/01/2024");
        form.put("temporal_end", "31/12/2024");
        form.put("contact_email", "khth@test.tinhso.vn");
        form.put("url", "https://syt.thanhhoa.gov.vn/du-lieu");
        form.put("tags", "y tế, bệnh viện, cơ sở khám chữa bệnh");
        TestHttp.Response created = officer.postForm("/staff/datasets", form);
        assertThat(created.status()).as(created.body()).isEqualTo(302);
        String edit = created.header("Location");
        assertThat(edit).contains("/staff/datasets/danh-sach-co-so-kham-chua-benh-kiem-thu-bieu-mau-").endsWith("/edit");
        String name = edit.replaceAll("^.*/staff/datasets/([^/]+)/edit$", "$1");
        Dataset d = catalogue.find(name, officerOf(health)).orElseThrow();
        assertThat(d.state()).isEqualTo(DatasetState.DRAFT);
        assertThat(d.temporalStart()).hasToString("2024-01-01");
        assertThat(d.tags()).containsExactly("y tế", "bệnh viện", "cơ sở khám chữa bệnh");
        assertThat(catalogue.count()).isEqualTo(before + 1);
        String editPage = officer.get("/staff/datasets/" + name + "/edit", "text/html").body();
        assertThat(editPage).contains("value=\"01/01/2024\"", "id=\"submit-review\"").doesNotContain("id=\"publish\"");
    }

    @Test
    void aRefusedUploadIsReportedInVietnameseAndTheOtherResourcesStay() {
        String name = "kiem-thu-tai-len-" + UUID.randomUUID().toString().substring(0, 8);
        catalogue.create(input(name, "Bộ dữ liệu kiểm thử tải lên", "Tải lên.", health, "draft"), officerOf(health));
        TestHttp officer = new TestHttp(port).withToken(accounts.token("Cán bộ tải lên", TestAccounts.officer(health.agencyId())));

        TestHttp.Response good = new MultipartBody().file("file", "benh-vien.csv",
                "ma,ten\n1,Bệnh viện Đa khoa tỉnh\n".getBytes(StandardCharsets.UTF_8)).post(officer,
                "/staff/datasets/" + name + "/resources");
        assertThat(good.status()).isEqualTo(302);
        assertThat(officer.get("/staff/datasets/" + name + "/edit", "text/html").body()).contains("Đã thêm tài nguyên.");
        TestHttp.Response bad = new MultipartBody().file("file", "cai-dat.csv", Samples.exe()).post(officer,
                "/staff/datasets/" + name + "/resources");
        assertThat(bad.status()).isEqualTo(302);

        String page = officer.get("/staff/datasets/" + name + "/edit", "text/html").body();
        assertThat(page).contains("Tệp &quot;cai-dat.csv&quot; không được nhận: Loại tệp");
        assertThat(page).contains("benh-vien.csv");
        Dataset d = catalogue.find(name, officerOf(health)).orElseThrow();
        assertThat(d.resources()).extracting(DatasetResource::name).containsExactly("benh-vien.csv");
    }

    @Test
    void aLeaderReturnsADatasetWithANoteAndASignedInUserFollowsAPublicOne() {
        String name = "kiem-thu-tra-lai-" + UUID.randomUUID().toString().substring(0, 8);
        catalogue.create(input(name, "Bộ dữ liệu kiểm thử trả lại", "Trả lại.", health, null), officerOf(health));
        assertThat(catalogue.find(name, officerOf(health)).orElseThrow().state()).isEqualTo(DatasetState.REVIEW);
        TestHttp leader = new TestHttp(port).withToken(accounts.token("Lãnh đạo Sở Y tế", TestAccounts.leader(health.agencyId())));
        TestHttp officer = new TestHttp(port).withToken(accounts.token("Cán bộ Sở Y tế 2", TestAccounts.officer(health.agencyId())));
        assertThat(officer.postForm("/staff/datasets/" + name + "/publish", Map.of()).status()).isEqualTo(403);
        assertThat(officer.get("/staff/datasets/" + name + "/edit", "text/html").body())
                .doesNotContain("id=\"publish\"", "id=\"return-form\"");

        leader.postForm("/staff/datasets/" + name + "/return", Map.of("note", "Ít"));
        assertThat(leader.get("/staff/datasets/" + name + "/edit", "text/html").body())
                .contains("Lý do trả lại cần từ 5 đến 2.000 ký tự.");
        leader.postForm("/staff/datasets/" + name + "/return", Map.of("note", "Thiếu tệp dữ liệu, hãy bổ sung."));
        assertThat(catalogue.find(name, officerOf(health)).orElseThrow().state()).isEqualTo(DatasetState.DRAFT);
        assertThat(officer.get("/staff/datasets/" + name + "/edit", "text/html").body())
                .contains("Thiếu tệp dữ liệu, hãy bổ sung.", "id=\"submit-review\"");

        TestHttp citizen = new TestHttp(port).withToken(accounts.token("Người theo dõi", TestAccounts.citizen()));
        String budget = demo(BUDGET).name();
        assertThat(citizen.get("/dataset/" + budget, "text/html").body()).contains("id=\"follow-button\">Theo dõi<");
        assertThat(citizen.postForm("/dataset/" + budget + "/follow", Map.of("action", "follow")).status()).isEqualTo(302);
        assertThat(citizen.get("/dataset/" + budget, "text/html").body()).contains(">Bỏ theo dõi<");
        citizen.postForm("/dataset/" + budget + "/follow", Map.of("action", "unfollow"));
        assertThat(citizen.get("/dataset/" + budget, "text/html").body()).contains("id=\"follow-button\">Theo dõi<");
        assertThat(anonymous.postForm("/dataset/" + budget + "/follow", Map.of()).status()).isIn(302, 401, 403);
    }
}
