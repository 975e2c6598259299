package vn.tinhso.notification;

import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Web Push of in-app messages to the browsers an account subscribed (the installable app), when
 * {@code tinhso.notification.web-push} is on. Standards, implemented with the JDK's own crypto:
 * RFC 8030 (the push protocol), RFC 8291 (message encryption, {@code aes128gcm} of RFC 8188) and
 * RFC 8292 (VAPID: the server identifies itself with an ES256 JWT). The key pair is made once and
 * kept in the database, so every node signs with it.
 *
 * <p>Push is a nudge: the in-app message is the record. A push is sent after the message's
 * transaction commits, on a background thread; a subscription the push service says is gone (404,
 * 410) is removed, other failures are counted and logged.
 */
@Component
class WebPush implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(WebPush.class);
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int RECORD_SIZE = 4096;

    /** A browser's subscription as the Push API gives it. */
    record Subscription(String endpoint, String p256dh, String auth) {
    }

    private final JdbcClient jdbc;
    private final NotificationSettings settings;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ExecutorService sender = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "web-push");
        t.setDaemon(true);
        return t;
    });
    private final SecureRandom random = new SecureRandom();
    private volatile KeyPair vapid;

    WebPush(JdbcClient jdbc, NotificationSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    boolean enabled() {
        return settings.webPush();
    }

    /** The server's public key (uncompressed P-256 point, base64url), for the browser's subscribe call. */
    String publicKey() {
        return B64.encodeToString(raw((ECPublicKey) keys().getPublic()));
    }

    /** Saves (or moves to this account) a browser's subscription. */
    void subscribe(long accountId, Subscription s) {
        jdbc.sql("""
                INSERT INTO notification.push_subscription (account_id, endpoint, p256dh, auth) VALUES (:a, :e, :p, :k)
                ON CONFLICT (endpoint) DO UPDATE SET account_id = :a, p256dh = :p, auth = :k, failures = 0""")
                .param("a", accountId).param("e", s.endpoint()).param("p", s.p256dh()).param("k", s.auth()).update();
    }

    boolean unsubscribe(long accountId, String endpoint) {
        return jdbc.sql("DELETE FROM notification.push_subscription WHERE account_id = :a AND endpoint = :e")
                .param("a", accountId).param("e", endpoint).update() > 0;
    }

    List<Subscription> subscriptions(long accountId) {
        return jdbc.sql("SELECT endpoint, p256dh, auth FROM notification.push_subscription WHERE account_id = :a")
                .param("a", accountId).query((rs, n) -> new Subscription(rs.getString(1), rs.getString(2),
                        rs.getString(3))).list();
    }

    /** Pushes the message to the account's browsers after the current transaction commits. */
    void afterCommit(long accountId, String title, String body, String link) {
        if (!enabled()) {
            return;
        }
        Runnable push = () -> sender.execute(() -> send(accountId, title, body, link));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    push.run();
                }
            });
        } else {
            push.run();
        }
    }

    private void send(long accountId, String title, String body, String link) {
        try {
            byte[] payload = JSON.writeValueAsBytes(Map.of("title", title, "body", body, "url",
                    link == null ? "/" : link));
            for (Subscription s : subscriptions(accountId)) {
                deliver(s, payload);
            }
        } catch (RuntimeException e) {
            log.warn("Web Push to account {} failed: {}", accountId, e.toString());
        }
    }

    private void deliver(Subscription s, byte[] payload) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(s.endpoint())).timeout(Duration.ofSeconds(20))
                    .header("TTL", "86400").header("Urgency", "normal").header("Content-Encoding", "aes128gcm")
                    .header("Content-Type", "application/octet-stream")
                    .header("Authorization", "vapid t=" + jwt(s.endpoint()) + ", k=" + publicKey())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(encrypt(payload, B64D.decode(s.p256dh()),
                            B64D.decode(s.auth()))))
                    .build();
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status == 404 || status == 410) {
                jdbc.sql("DELETE FROM notification.push_subscription WHERE endpoint = :e").param("e", s.endpoint())
                        .update();
            } else if (status >= 300) {
                failed(s, "HTTP " + status);
            } else {
                jdbc.sql("UPDATE notification.push_subscription SET last_sent_at = now(), failures = 0"
                        + " WHERE endpoint = :e").param("e", s.endpoint()).update();
            }
        } catch (java.io.IOException | GeneralSecurityException | IllegalArgumentException e) {
            failed(s, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void failed(Subscription s, String why) {
        log.warn("Web Push to {} failed: {}", URI.create(s.endpoint()).getHost(), why);
        jdbc.sql("UPDATE notification.push_subscription SET failures = failures + 1 WHERE endpoint = :e")
                .param("e", s.endpoint()).update();
    }

    // ---------------------------------------------------------------- RFC 8291: aes128gcm with ECDH + HKDF

    /** The encrypted body: the RFC 8188 header (salt, record size, our public key) and one record. */
    byte[] encrypt(byte[] plaintext, byte[] uaPublic, byte[] authSecret) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(p256(), random);
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        return encrypt(plaintext, uaPublic, authSecret, generator.generateKeyPair(), salt);
    }

    /** The same with a given ephemeral key pair and salt (RFC 8291 section 5 gives an example of both). */
    static byte[] encrypt(byte[] plaintext, byte[] uaPublic, byte[] authSecret, KeyPair ephemeral, byte[] salt)
            throws GeneralSecurityException {
        byte[] asPublic = raw((ECPublicKey) ephemeral.getPublic());
        KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
        agreement.init(ephemeral.getPrivate());
        agreement.doPhase(publicKey(uaPublic, p256()), true);
        byte[] ecdhSecret = agreement.generateSecret();
        byte[] keyInfo = concat("WebPush: info\0".getBytes(StandardCharsets.US_ASCII), uaPublic, asPublic);
        byte[] ikm = hkdf(authSecret, ecdhSecret, keyInfo, 32);
        byte[] cek = hkdf(salt, ikm, "Content-Encoding: aes128gcm\0".getBytes(StandardCharsets.US_ASCII), 16);
        byte[] nonce = hkdf(salt, ikm, "Content-Encoding: nonce\0".getBytes(StandardCharsets.US_ASCII), 12);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, nonce));
        byte[] record = cipher.doFinal(concat(plaintext, new byte[] {2})); // 0x02: the last record, no padding
        return ByteBuffer.allocate(16 + 4 + 1 + asPublic.length + record.length).put(salt).putInt(RECORD_SIZE)
                .put((byte) asPublic.length).put(asPublic).put(record).array();
    }

    /** HKDF-SHA256 (RFC 5869) extract and expand, for outputs of at most 32 bytes. */
    static byte[] hkdf(byte[] salt, byte[] ikm, byte[] info, int length) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(salt, "HmacSHA256"));
        byte[] prk = mac.doFinal(ikm);
        mac.init(new SecretKeySpec(prk, "HmacSHA256"));
        return Arrays.copyOf(mac.doFinal(concat(info, new byte[] {1})), length);
    }

    // ---------------------------------------------------------------- RFC 8292: VAPID

    /** The ES256 JWT for the push service of the endpoint, valid 12 hours. */
    String jwt(String endpoint) throws GeneralSecurityException {
        URI uri = URI.create(endpoint);
        String audience = uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
        String header = B64.encodeToString("{\"typ\":\"JWT\",\"alg\":\"ES256\"}".getBytes(StandardCharsets.UTF_8));
        String claims = B64.encodeToString(JSON.writeValueAsBytes(Map.of("aud", audience,
                "exp", Instant.now().plus(Duration.ofHours(12)).getEpochSecond(), "sub", settings.webPushSubject())));
        Signature signer = Signature.getInstance("SHA256withECDSAinP1363Format");
        signer.initSign(keys().getPrivate());
        signer.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
        return header + "." + claims + "." + B64.encodeToString(signer.sign());
    }

    /** The VAPID key pair: read from the database, made there (once, by whichever node is first) if absent. */
    private KeyPair keys() {
        KeyPair k = vapid;
        if (k != null) {
            return k;
        }
        synchronized (this) {
            if (vapid == null) {
                try {
                    ECParameterSpec p256 = p256();
                    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
                    generator.initialize(p256, random);
                    KeyPair fresh = generator.generateKeyPair();
                    byte[] d = unsigned(((ECPrivateKey) fresh.getPrivate()).getS());
                    jdbc.sql("INSERT INTO notification.web_push_key (id, public_key, private_key) VALUES (1, :p, :s)"
                            + " ON CONFLICT (id) DO NOTHING")
                            .param("p", B64.encodeToString(raw((ECPublicKey) fresh.getPublic())))
                            .param("s", B64.encodeToString(d)).update();
                    Map<String, Object> row = jdbc.sql("SELECT public_key, private_key FROM notification.web_push_key"
                            + " WHERE id = 1").query().singleRow();
                    KeyFactory factory = KeyFactory.getInstance("EC");
                    vapid = new KeyPair(publicKey(B64D.decode((String) row.get("public_key")), p256),
                            factory.generatePrivate(new ECPrivateKeySpec(new BigInteger(1,
                                    B64D.decode((String) row.get("private_key"))), p256)));
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException("no P-256 in this JDK", e);
                }
            }
            return vapid;
        }
    }

    // ---------------------------------------------------------------- P-256 points

    static ECParameterSpec p256() throws GeneralSecurityException {
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec("secp256r1"));
        return parameters.getParameterSpec(ECParameterSpec.class);
    }

    /** A public key from its uncompressed encoding (0x04, X, Y); IllegalArgumentException if malformed. */
    static ECPublicKey publicKey(byte[] raw, ECParameterSpec p256) throws GeneralSecurityException {
        if (raw.length != 65 || raw[0] != 4) {
            throw new IllegalArgumentException("not an uncompressed P-256 point");
        }
        ECPoint point = new ECPoint(new BigInteger(1, Arrays.copyOfRange(raw, 1, 33)),
                new BigInteger(1, Arrays.copyOfRange(raw, 33, 65)));
        return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, p256));
    }

    /** The uncompressed encoding of a public key: 0x04, X and Y on 32 bytes each. */
    static byte[] raw(ECPublicKey key) {
        return concat(new byte[] {4}, unsigned(key.getW().getAffineX()), unsigned(key.getW().getAffineY()));
    }

    private static byte[] unsigned(BigInteger n) {
        byte[] b = n.toByteArray();
        byte[] out = new byte[32];
        int len = Math.min(b.length, 32);
        System.arraycopy(b, b.length - len, out, 32 - len, len);
        return out;
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        ByteBuffer b = ByteBuffer.allocate(n);
        for (byte[] p : parts) {
            b.put(p);
        }
        return b.array();
    }

    @Override
    public void destroy() {
        sender.shutdownNow();
    }
}
