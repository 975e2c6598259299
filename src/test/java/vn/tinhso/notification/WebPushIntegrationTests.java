package vn.tinhso.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.tinhso.IntegrationTest;
import vn.tinhso.TestHttp;
import vn.tinhso.identity.AccountView;
import vn.tinhso.identity.IdentityManagement;
import vn.tinhso.identity.TestAccounts;

/**
 * Web Push end to end: a browser subscribes, an in-app message is written, and the push service
 * (played here by an HTTP server, holding the browser's keys) receives a message it can decrypt,
 * signed with the server's VAPID key.
 */
@IntegrationTest
class WebPushIntegrationTests {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    record Delivery(Map<String, String> headers, byte[] body) {
    }

    @LocalServerPort
    int port;
    @Autowired
    TestAccounts accounts;
    @Autowired
    IdentityManagement identity;
    @Autowired
    InAppMessages messages;
    @Autowired
    JdbcClient jdbc;

    HttpServer pushService;
    BlockingQueue<Delivery> deliveries = new LinkedBlockingQueue<>();
    AtomicInteger answer = new AtomicInteger(201);

    @BeforeEach
    void startPushService() throws Exception {
        pushService = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        pushService.createContext("/push/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Map<String, String> headers = new java.util.HashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v.get(0)));
            deliveries.add(new Delivery(headers, body));
            exchange.sendResponseHeaders(answer.get(), -1);
            exchange.close();
        });
        pushService.start();
    }

    @AfterEach
    void stopPushService() {
        pushService.stop(0);
    }

    @Test
    void aSubscribedBrowserGetsEachMessageEncryptedForItAndSignedByTheServer() throws Exception {
        AccountView citizen = accounts.create("Người nhận thông báo", TestAccounts.citizen());
        TestHttp http = new TestHttp(port).withToken(identity.createApiToken(citizen.id(), "test", null));
        JsonNode key = new TestHttp(port).get("/api/v1/notifications/push/key").json();
        assertThat(key.get("enabled").asBoolean()).isTrue();
        byte[] serverKey = B64D.decode(key.get("publicKey").asString());
        assertThat(serverKey).hasSize(65);

        // The browser: its own P-256 key pair and auth secret, as PushManager.subscribe makes them.
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(WebPush.p256());
        KeyPair browser = generator.generateKeyPair();
        byte[] auth = new byte[16];
        new java.security.SecureRandom().nextBytes(auth);
        String endpoint = "http://127.0.0.1:" + pushService.getAddress().getPort() + "/push/abc123";
        TestHttp.Response subscribed = http.postJson("/api/v1/notifications/push/subscriptions", Map.of("endpoint",
                endpoint, "keys", Map.of("p256dh", B64.encodeToString(WebPush.raw((ECPublicKey) browser.getPublic())),
                        "auth", B64.encodeToString(auth))));
        assertThat(subscribed.status()).as(subscribed.body()).isEqualTo(200);

        messages.add(citizen.id(), "Phản ánh #12 đã được tiếp nhận", "Sở Xây dựng đã tiếp nhận phản ánh.", "/my/reports/x");

        Delivery delivery = deliveries.poll(10, TimeUnit.SECONDS);
        assertThat(delivery).as("a push reached the push service").isNotNull();
        assertThat(delivery.headers()).containsEntry("content-encoding", "aes128gcm").containsEntry("ttl", "86400");
        JsonNode payload = JsonMapper.builder().build().readTree(decrypt(delivery.body(), browser, auth));
        assertThat(payload.get("title").asString()).isEqualTo("Phản ánh #12 đã được tiếp nhận");
        assertThat(payload.get("url").asString()).isEqualTo("/my/reports/x");

        // VAPID (RFC 8292): "vapid t=<ES256 JWT>, k=<the server key>", for this push service's origin.
        String authorization = delivery.headers().get("authorization");
        assertThat(authorization).startsWith("vapid t=").contains(", k=" + key.get("publicKey").asString());
        String jwt = authorization.substring("vapid t=".length(), authorization.indexOf(','));
        String[] parts = jwt.split("\\.");
        Signature verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
        verifier.initVerify(WebPush.publicKey(serverKey, WebPush.p256()));
        verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(verifier.verify(B64D.decode(parts[2]))).isTrue();
        JsonNode claims = JsonMapper.builder().build().readTree(B64D.decode(parts[1]));
        assertThat(claims.get("aud").asString()).isEqualTo("http://127.0.0.1:" + pushService.getAddress().getPort());
        assertThat(claims.get("exp").asLong()).isGreaterThan(Instant.now().getEpochSecond());
        assertThat(claims.get("sub").asString()).startsWith("mailto:");

        // A subscription the push service says is gone is forgotten.
        answer.set(410);
        messages.add(citizen.id(), "Thông báo thứ hai", "Nội dung", "/");
        assertThat(deliveries.poll(10, TimeUnit.SECONDS)).isNotNull();
        for (int i = 0; i < 50 && count(endpoint) > 0; i++) {
            Thread.sleep(100);
        }
        assertThat(count(endpoint)).isZero();
    }

    @Test
    void badSubscriptionsAreRefusedWithAFieldMessage() {
        TestHttp http = new TestHttp(port).withToken(accounts.token("Người đăng ký sai", TestAccounts.citizen()));
        TestHttp.Response r = http.postJson("/api/v1/notifications/push/subscriptions", Map.of("endpoint",
                "ftp://example.vn/x", "keys", Map.of("p256dh", "abc", "auth", "def")));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("errors").findValuesAsString("field")).containsExactly("endpoint", "keys");
        assertThat(new TestHttp(port).postJson("/api/v1/notifications/push/subscriptions", Map.of()).status())
                .isEqualTo(401);
    }

    private long count(String endpoint) {
        return jdbc.sql("SELECT count(*) FROM notification.push_subscription WHERE endpoint = :e").param("e", endpoint)
                .query(Long.class).single();
    }

    /** What the browser does (RFC 8291 section 3, from the receiving side). */
    private static byte[] decrypt(byte[] body, KeyPair browser, byte[] auth) throws Exception {
        ByteBuffer in = ByteBuffer.wrap(body);
        byte[] salt = new byte[16];
        in.get(salt);
        assertThat(in.getInt()).isEqualTo(4096);
        byte[] asPublic = new byte[in.get()];
        in.get(asPublic);
        byte[] record = Arrays.copyOfRange(body, in.position(), body.length);
        KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
        agreement.init(browser.getPrivate());
        agreement.doPhase(WebPush.publicKey(asPublic, WebPush.p256()), true);
        byte[] uaPublic = WebPush.raw((ECPublicKey) browser.getPublic());
        byte[] ikm = WebPush.hkdf(auth, agreement.generateSecret(),
                WebPush.concat("WebPush: info\0".getBytes(StandardCharsets.US_ASCII), uaPublic, asPublic), 32);
        byte[] cek = WebPush.hkdf(salt, ikm, "Content-Encoding: aes128gcm\0".getBytes(StandardCharsets.US_ASCII), 16);
        byte[] nonce = WebPush.hkdf(salt, ikm, "Content-Encoding: nonce\0".getBytes(StandardCharsets.US_ASCII), 12);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, nonce));
        byte[] plain = cipher.doFinal(record);
        assertThat(plain[plain.length - 1]).as("last-record delimiter").isEqualTo((byte) 2);
        return Arrays.copyOf(plain, plain.length - 1);
    }
}
