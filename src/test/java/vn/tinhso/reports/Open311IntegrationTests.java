package vn.tinhso.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;
import vn.tinhso.IntegrationTest;
import vn.tinhso.MultipartBody;
import vn.tinhso.TestHttp;
import vn.tinhso.identity.AccountView;
import vn.tinhso.identity.IdentityManagement;
import vn.tinhso.identity.TestAccounts;
import vn.tinhso.shared.Zones;
import vn.tinhso.units.Unit;

/**
 * The Open311 GeoReport v2 API over real HTTP, in both formats, shaped after the specification's
 * own examples (wiki.open311.org/GeoReport_v2): discovery, services, service definition, POST and
 * GET requests, tokens and the error list; with the bad inputs and the reporter's privacy.
 */
@IntegrationTest
class Open311IntegrationTests {

    static final String API = "/open311/v2/";
    static final String NAME_FIRST = "Lê Thị";
    static final String NAME_LAST = "Hồng Nhung";
    static final String PHONE = "0912345678";
    static final String EMAIL = "nhung.le@example.vn";
    static final String PHONE_IN_TEXT = "0987 654 321";

    @LocalServerPort
    int port;
    @Autowired
    TestAccounts accounts;
    @Autowired
    IdentityManagement identity;
    @Autowired
    ReportManagement reports;
    @Autowired
    JdbcClient jdbc;

    TestHttp http;
    String apiKey;
    Unit commune;

    @BeforeEach
    void setUp() {
        http = new TestHttp(port);
        apiKey = accounts.token("Hệ thống tiếp nhận 1022", TestAccounts.citizen());
        commune = reports.communes().get(0);
    }

    // ---------------------------------------------------------------- helpers

    /** The specification's POST example, with our category, a pin in the province and a Vietnamese reporter. */
    Map<String, String> specExample() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("api_key", apiKey);
        params.put("service_code", "road-damage");
        params.put("lat", "19.8067");
        params.put("long", "105.7852");
        params.put("address_string", "12 Lê Lợi");
        params.put("email", EMAIL);
        params.put("device_id", "tt222111");
        params.put("account_id", "123456");
        params.put("first_name", NAME_FIRST);
        params.put("last_name", NAME_LAST);
        params.put("phone", PHONE);
        params.put("description", "Ổ gà lớn giữa đường, xe máy dễ ngã. Gọi tôi: " + PHONE_IN_TEXT);
        params.put("attribute[commune]", commune.code());
        return params;
    }

    TestHttp.Response post(String format, Map<String, String> params) {
        return http.postForm(API + "requests." + format, params);
    }

    TestHttp.Response get(String path, String... query) {
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i + 1 < query.length; i += 2) {
            pairs.add(query[i] + "=" + URLEncoder.encode(query[i + 1], StandardCharsets.UTF_8));
        }
        return http.get(API + path + (pairs.isEmpty() ? "" : "?" + String.join("&", pairs)));
    }

    static Document xml(TestHttp.Response r) {
        assertThat(r.contentType()).startsWith("text/xml");
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError("Not XML: " + r.body(), e);
        }
    }

    static String text(Object node, String path) {
        try {
            return XPathFactory.newInstance().newXPath().evaluate(path, node);
        } catch (Exception e) {
            throw new AssertionError(path, e);
        }
    }

    static NodeList nodes(Object node, String path) {
        try {
            return (NodeList) XPathFactory.newInstance().newXPath().evaluate(path, node, XPathConstants.NODESET);
        } catch (Exception e) {
            throw new AssertionError(path, e);
        }
    }

    static JsonNode json(TestHttp.Response r) {
        assertThat(r.contentType()).startsWith("application/json");
        return r.json();
    }

    /** The error list of either format as code: description pairs, checking its shape. */
    static List<String> errors(TestHttp.Response r, String format) {
        List<String> errors = new ArrayList<>();
        if (format.equals("xml")) {
            Document doc = xml(r);
            assertThat(doc.getDocumentElement().getTagName()).isEqualTo("errors");
            NodeList list = nodes(doc, "/errors/error");
            for (int i = 0; i < list.getLength(); i++) {
                errors.add(text(list.item(i), "code") + ": " + text(list.item(i), "description"));
            }
        } else {
            JsonNode list = json(r);
            assertThat(list.isArray()).isTrue();
            list.forEach(e -> errors.add(e.get("code").asInt() + ": " + e.get("description").asString()));
        }
        assertThat(errors).as(r.body()).isNotEmpty().allMatch(e -> e.startsWith(r.status() + ": "));
        return errors;
    }

    long created(TestHttp.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return Long.parseLong(text(xml(r), "/service_requests/request/service_request_id"));
    }

    static byte[] photo() {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        image.getGraphics().fillRect(8, 8, 20, 20);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static void assertPrivate(String body) {
        assertThat(body).doesNotContain(NAME_FIRST, NAME_LAST, PHONE, EMAIL, PHONE_IN_TEXT, "0987654321");
    }

    // ---------------------------------------------------------------- discovery and services

    @Test
    void discoveryNamesTheProductionEndpointAndBothFormats() {
        Document doc = xml(get("discovery.xml"));
        assertThat(text(doc, "/discovery/endpoints/endpoint/specification")).isEqualTo("http://wiki.open311.org/GeoReport_v2");
        assertThat(text(doc, "/discovery/endpoints/endpoint/type")).isEqualTo("production");
        assertThat(text(doc, "/discovery/endpoints/endpoint/url")).endsWith("/open311/v2");
        assertThat(text(doc, "/discovery/changeset")).isNotBlank();
        assertThat(text(doc, "/discovery/key_service")).contains("api_key");
        assertThat(nodes(doc, "/discovery/endpoints/endpoint/formats/format").getLength()).isEqualTo(2);

        JsonNode json = json(get("discovery.json"));
        assertThat(json.get("contact").asString()).isNotBlank();
        assertThat(json.get("endpoints").get(0).get("formats").get(0).asString()).isEqualTo("text/xml");
        assertThat(json.get("endpoints").get(0).get("formats").get(1).asString()).isEqualTo("application/json");
    }

    @Test
    void servicesAreTheActiveCategoriesGroupedByTheirParent() {
        long active = reports.categories().stream().filter(Category::active).count();

        Document doc = xml(get("services.xml"));
        assertThat(nodes(doc, "/services/service").getLength()).isEqualTo((int) active);
        Object pothole = nodes(doc, "/services/service[service_code='road-damage']").item(0);
        assertThat(text(pothole, "service_name")).isEqualTo("Ổ gà, hư hỏng mặt đường");
        assertThat(text(pothole, "metadata")).isEqualTo("true");
        assertThat(text(pothole, "type")).isEqualTo("realtime");
        assertThat(text(pothole, "group")).isEqualTo("Đường sá, cầu cống");
        assertThat(text(pothole, "keywords")).contains("Potholes");
        assertThat(text(pothole, "description")).isNotBlank();

        JsonNode json = json(get("services.json"));
        assertThat(json).hasSize((int) active);
        JsonNode first = json.get(0);
        assertThat(first.get("service_code").isString()).isTrue();
        assertThat(first.get("metadata").isBoolean()).isTrue();
        assertThat(json.findValuesAsString("service_code")).contains("road-damage", "lighting", "land");
    }

    @Test
    void serviceDefinitionOffersTheProvincesCommunesAsTheCommuneAttribute() {
        List<Unit> communes = reports.communes();

        Document doc = xml(get("services/road-damage.xml"));
        assertThat(text(doc, "/service_definition/service_code")).isEqualTo("road-damage");
        Object attribute = nodes(doc, "/service_definition/attributes/attribute").item(0);
        assertThat(text(attribute, "variable")).isEqualTo("true");
        assertThat(text(attribute, "code")).isEqualTo("commune");
        assertThat(text(attribute, "datatype")).isEqualTo("singlevaluelist");
        assertThat(text(attribute, "required")).isEqualTo("false");
        assertThat(text(attribute, "order")).isEqualTo("1");
        assertThat(nodes(attribute, "values/value").getLength()).isEqualTo(communes.size());
        assertThat(text(attribute, "values/value[1]/key")).isEqualTo(communes.get(0).code());
        assertThat(text(attribute, "values/value[1]/name")).isEqualTo(communes.get(0).name());

        JsonNode json = json(get("services/road-damage.json"));
        JsonNode values = json.get("attributes").get(0).get("values");
        assertThat(values).hasSize(communes.size());
        assertThat(values.findValuesAsString("key")).containsAll(communes.stream().map(Unit::code).toList());
        assertThat(json.get("attributes").get(0).get("required").asBoolean()).isFalse();

        for (String format : List.of("xml", "json")) {
            TestHttp.Response unknown = get("services/no-such-service." + format);
            assertThat(unknown.status()).isEqualTo(404);
            assertThat(errors(unknown, format)).anyMatch(e -> e.contains("no-such-service"));
        }
    }

    // ---------------------------------------------------------------- posting

    @Test
    void theSpecificationsPostExampleCreatesAReportFoundByNumberAndToken() {
        TestHttp.Response r = post("xml", specExample());

        long number = created(r);
        Document doc = xml(r);
        assertThat(nodes(doc, "/service_requests/request").getLength()).isEqualTo(1);
        assertThat(text(doc, "/service_requests/request/service_notice")).contains(String.valueOf(number));
        assertThat(nodes(doc, "/service_requests/request/account_id").getLength()).isEqualTo(1);
        String token = text(doc, "/service_requests/request/token");
        assertPrivate(r.body());

        Document one = xml(get("requests/" + number + ".xml"));
        Element request = (Element) nodes(one, "/service_requests/request").item(0);
        assertThat(text(request, "service_request_id")).isEqualTo(String.valueOf(number));
        assertThat(text(request, "status")).isEqualTo("open");
        assertThat(text(request, "service_code")).isEqualTo("road-damage");
        assertThat(text(request, "service_name")).isEqualTo("Ổ gà, hư hỏng mặt đường");
        assertThat(text(request, "description")).startsWith("Ổ gà lớn giữa đường").contains("•••");
        assertThat(text(request, "address")).contains("12 Lê Lợi");
        assertThat(text(request, "agency_responsible")).isNotBlank();
        assertThat(Double.parseDouble(text(request, "lat"))).isEqualTo(19.8067);
        assertThat(Double.parseDouble(text(request, "long"))).isEqualTo(105.7852);
        OffsetDateTime requested = OffsetDateTime.parse(text(request, "requested_datetime"));
        assertThat(requested.getOffset()).isEqualTo(Zones.VIETNAM.getRules().getOffset(requested.toInstant()));
        assertThat(requested.toInstant()).isCloseTo(java.time.Instant.now(), org.assertj.core.api.Assertions
                .within(5, ChronoUnit.MINUTES));
        assertThat(text(request, "updated_datetime")).isNotBlank();
        assertPrivate(get("requests/" + number + ".xml").body());

        JsonNode byToken = json(get("tokens/" + token + ".json"));
        assertThat(byToken.get(0).get("service_request_id").asString()).isEqualTo(String.valueOf(number));
        assertThat(byToken.get(0).get("token").asString()).isEqualTo(token);
        assertThat(text(xml(get("tokens/" + token + ".xml")), "/service_requests/request/service_request_id"))
                .isEqualTo(String.valueOf(number));
    }

    @Test
    void aJsonPostAnswersAListOfOneWithStringIdentifiers() {
        Map<String, String> params = specExample();
        params.put("media_url", "http://farm3.static.flickr.com/2002/2212426634_5ed477a060.jpg");
        TestHttp.Response r = post("json", params);

        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode answer = json(r);
        assertThat(answer).hasSize(1);
        assertThat(answer.get(0).get("service_request_id").isString()).isTrue();
        assertThat(answer.get(0).has("account_id")).isTrue();
        assertThat(answer.get(0).get("service_notice").asString()).contains("media_url");
        JsonNode one = json(get("requests/" + answer.get(0).get("service_request_id").asString() + ".json"));
        assertThat(one).hasSize(1);
        assertThat(one.get(0).get("lat").isNumber()).isTrue();
        assertThat(one.get(0).get("media_url").isNull()).as("media_url is not fetched").isTrue();
        assertPrivate(one.toString());
    }

    @Test
    void aMultipartPostCarriesAPhotoPublishedAsTheMediaUrl() {
        MultipartBody body = new MultipartBody();
        specExample().forEach((k, v) -> body.field(k, v, null));
        TestHttp.Response r = body.file("media", "o-ga.jpg", photo()).post(http, API + "requests.xml");
        long number = created(r);
        reports.unprocessedPhotos(100).forEach(reports::processPhoto);

        String mediaUrl = json(get("requests/" + number + ".json")).get(0).get("media_url").asString();
        assertThat(mediaUrl).matches("https?://.+/api/v1/reports/photos/\\d+");
        TestHttp.Response photo = http.get(mediaUrl.substring(mediaUrl.indexOf("/api/v1/")));
        assertThat(photo.status()).isEqualTo(200);
        assertThat(photo.contentType()).isEqualTo("image/jpeg");
    }

    @Test
    void withoutNameOrContactAReportIsAnonymousWhereTheCategoryAllowsIt() {
        Map<String, String> params = specExample();
        List.of("first_name", "last_name", "phone", "email").forEach(params::remove);

        long number = created(post("xml", params));
        assertThat(jdbc.sql("SELECT anonymous FROM reports.report WHERE seq = :n").param("n", number)
                .query(Boolean.class).single()).isTrue();

        params.put("service_code", "land");
        TestHttp.Response land = post("json", params);
        assertThat(land.status()).isEqualTo(400);
        assertThat(errors(land, "json")).anyMatch(e -> e.contains("first_name/last_name"));
    }

    @Test
    void aPostWithoutAUsableApiKeyIsRefusedWith403() {
        AccountView account = accounts.create("Hệ thống cũ", TestAccounts.citizen());
        String revoked = identity.createApiToken(account.id(), "revoked", null);
        identity.revokeApiToken(account.id(), identity.apiTokens(account.id()).get(0).id());
        String expired = identity.createApiToken(account.id(), "expired", 1);
        jdbc.sql("UPDATE identity.api_token SET expires_at = now() - interval '1 day' WHERE name = 'expired'"
                + " AND account_id = :a").param("a", account.id()).update();
        long before = jdbc.sql("SELECT count(*) FROM reports.report").query(Long.class).single();

        for (String format : List.of("xml", "json")) {
            for (String key : java.util.Arrays.asList(null, "", "tsk_wrong-key-0123456789", revoked, expired)) {
                Map<String, String> params = specExample();
                if (key == null) {
                    params.remove("api_key");
                } else {
                    params.put("api_key", key);
                }
                TestHttp.Response r = post(format, params);
                assertThat(r.status()).as(key + " " + r.body()).isEqualTo(403);
                assertThat(errors(r, format)).allMatch(e -> e.contains("api_key"));
            }
        }
        assertThat(jdbc.sql("SELECT count(*) FROM reports.report").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void badInputIsTheErrorListWith400InTheFormatAsked() {
        List<List<String>> cases = List.of(
                List.of("service_code", "service_code", "no-such-service"),
                List.of("lat/long", "lat", "91"),
                List.of("lat/long", "long", "200"),
                List.of("lat", "lat", "bắc"),
                List.of("attribute[nope]", "attribute[nope]", "1"),
                List.of("attribute[commune]", "attribute[commune]", "99999"));
        for (String format : List.of("xml", "json")) {
            for (List<String> c : cases) {
                Map<String, String> params = specExample();
                params.put(c.get(1), c.get(2));
                TestHttp.Response r = post(format, params);
                assertThat(r.status()).as(c + " " + r.body()).isEqualTo(400);
                assertThat(r.contentType()).doesNotContain("problem");
                assertThat(errors(r, format)).as(c.toString()).anyMatch(e -> e.startsWith("400: " + c.get(0) + ": "));
            }
            Map<String, String> longOut = specExample();
            longOut.put("long", "200");
            assertThat(errors(post(format, longOut), format)).anyMatch(e -> e.contains("-180"));
            Map<String, String> hanoi = specExample();
            hanoi.put("lat", "21.0285");
            hanoi.put("long", "105.8542");
            TestHttp.Response outside = post(format, hanoi);
            assertThat(outside.status()).isEqualTo(400);
            assertThat(errors(outside, format)).anyMatch(e -> e.contains("ngoài địa bàn tỉnh"));
        }
    }

    @Test
    void errorsFollowAcceptLanguage() {
        Map<String, String> params = specExample();
        params.put("lat", "91");
        TestHttp.Response r = http.send(http.request(API + "requests.json")
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept-Language", "en")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(params.entrySet().stream()
                        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&")))));
        assertThat(errors(r, "json")).anyMatch(e -> e.contains("latitude"));
    }

    // ---------------------------------------------------------------- reading

    @Test
    void requestsListsPublicReportsNewestFirstWithTheSpecificationsFilters() {
        long first = created(post("xml", specExample()));
        Map<String, String> lighting = specExample();
        lighting.put("service_code", "lighting");
        long second = created(post("xml", lighting));
        Map<String, String> security = specExample();
        security.put("service_code", "security");
        long hidden = created(post("xml", security));

        Document all = xml(get("requests.xml"));
        List<String> ids = strings(nodes(all, "/service_requests/request/service_request_id"));
        assertThat(ids).contains(String.valueOf(first), String.valueOf(second)).doesNotContain(String.valueOf(hidden));
        assertThat(ids.indexOf(String.valueOf(second))).isLessThan(ids.indexOf(String.valueOf(first)));
        assertPrivate(all.getDocumentElement().getTextContent());

        assertThat(json(get("requests.json", "service_code", "lighting")).findValuesAsString("service_code"))
                .containsOnly("lighting");
        assertThat(json(get("requests.json", "service_code", "lighting,road-damage"))
                .findValuesAsString("service_request_id")).contains(String.valueOf(first), String.valueOf(second));
        assertThat(json(get("requests.json", "status", "closed")).findValuesAsString("service_request_id"))
                .doesNotContain(String.valueOf(first));
        assertThat(json(get("requests.json", "status", "open")).findValuesAsString("status")).containsOnly("open");
        String tomorrow = OffsetDateTime.now(Zones.VIETNAM).plusDays(1).truncatedTo(ChronoUnit.SECONDS).toString();
        assertThat(json(get("requests.json", "start_date", tomorrow))).isEmpty();
        assertThat(json(get("requests.json", "page_size", "1"))).hasSize(1);

        JsonNode byId = json(get("requests.json", "service_request_id", second + "," + hidden + "," + first,
                "service_code", "land", "status", "closed"));
        assertThat(byId.findValuesAsString("service_request_id"))
                .containsExactly(String.valueOf(second), String.valueOf(first));

        for (String format : List.of("xml", "json")) {
            TestHttp.Response notPublic = get("requests/" + hidden + "." + format);
            assertThat(notPublic.status()).isEqualTo(404);
            assertThat(errors(notPublic, format)).hasSize(1);
        }
    }

    @Test
    void badFiltersAndUnknownRequestsAreTheErrorList() {
        for (String format : List.of("xml", "json")) {
            assertError(get("requests." + format, "start_date", "14/04/2010"), format, 400, "start_date");
            assertError(get("requests." + format, "end_date", "2010-13-45T00:00:00Z"), format, 400, "end_date");
            assertError(get("requests." + format, "start_date", "2020-01-01T00:00:00+07:00", "end_date",
                    "2020-12-31T00:00:00+07:00"), format, 400, "start_date");
            assertError(get("requests." + format, "service_code", "no-such-service"), format, 400, "service_code");
            assertError(get("requests." + format, "status", "pending"), format, 400, "status");
            assertError(get("requests." + format, "service_request_id", "abc"), format, 400, "service_request_id");
            assertError(get("requests/999999999." + format), format, 404, "service_request_id");
            assertError(get("requests/not-a-number." + format), format, 404, "service_request_id");
            assertError(get("tokens/" + UUID.randomUUID() + "." + format), format, 404, "token");
            assertError(get("no-such-thing." + format), format, 404, "");
        }
        assertError(http.delete(API + "requests.json"), "json", 405, "");
        TestHttp.Response unknownFormat = get("services.yaml");
        assertThat(unknownFormat.status()).isEqualTo(404);
        assertThat(errors(unknownFormat, "xml")).isNotEmpty();
    }

    void assertError(TestHttp.Response r, String format, int status, String parameter) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(errors(r, format)).as(r.body()).anyMatch(e -> e.startsWith(status + ": " + parameter));
    }

    static List<String> strings(NodeList list) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) {
            values.add(list.item(i).getTextContent());
        }
        return values;
    }
}
