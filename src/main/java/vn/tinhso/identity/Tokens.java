package vn.tinhso.identity;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Storage of API tokens and one-time tokens (links); only hashes of the secrets are kept. */
@Repository
class Tokens {

    static final String API_PREFIX = "tsk_";

    private final JdbcClient jdbc;

    Tokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Issues a one-time token and returns its secret. */
    String issueOneTime(long accountId, String purpose, Instant expiresAt) {
        String secret = Secrets.random(32);
        jdbc.sql("INSERT INTO identity.one_time_token (token_hash, account_id, purpose, expires_at) VALUES (:h, :a, :p, :e)")
                .param("h", Secrets.sha256(secret)).param("a", accountId).param("p", purpose)
                .param("e", Timestamp.from(expiresAt)).update();
        return secret;
    }

    /** Consumes a valid one-time token: the account it belongs to, or empty when unknown, used or expired. */
    Optional<Long> consumeOneTime(String secret, String purpose) {
        if (secret == null || secret.isBlank()) {
            return Optional.empty();
        }
        return jdbc.sql("""
                UPDATE identity.one_time_token SET used_at = now()
                WHERE token_hash = :h AND purpose = :p AND used_at IS NULL AND expires_at > now()
                RETURNING account_id""")
                .param("h", Secrets.sha256(secret)).param("p", purpose).query(Long.class).optional();
    }

    boolean oneTimeValid(String secret, String purpose) {
        return secret != null && jdbc.sql("""
                SELECT count(*) FROM identity.one_time_token
                WHERE token_hash = :h AND purpose = :p AND used_at IS NULL AND expires_at > now()""")
                .param("h", Secrets.sha256(secret)).param("p", purpose).query(Long.class).single() > 0;
    }

    /** Creates an API token and returns its secret, {@code tsk_<random>}. */
    String createApi(long accountId, String name, Instant expiresAt) {
        String secret = API_PREFIX + Secrets.random(30);
        jdbc.sql("""
                INSERT INTO identity.api_token (account_id, name, prefix, token_hash, expires_at)
                VALUES (:a, :n, :p, :h, :e)""")
                .param("a", accountId).param("n", name).param("p", secret.substring(0, 10))
                .param("h", Secrets.sha256(secret)).param("e", expiresAt == null ? null : Timestamp.from(expiresAt))
                .update();
        return secret;
    }

    /**
     * The account of a usable API token, marking it used. The time of use is written at most once a
     * minute: a client sending many requests with one token would otherwise queue them all on the
     * token's row lock and pay a write per request.
     */
    Optional<Long> useApi(String secret) {
        return jdbc.sql("""
                WITH t AS (SELECT id, account_id, last_used_at FROM identity.api_token
                           WHERE token_hash = :h AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > now())),
                     touched AS (UPDATE identity.api_token a SET last_used_at = now() FROM t
                                 WHERE a.id = t.id AND (t.last_used_at IS NULL OR t.last_used_at < now() - interval '1 minute')
                                 RETURNING a.id)
                SELECT account_id FROM t""").param("h", Secrets.sha256(secret)).query(Long.class).optional();
    }

    List<ApiToken> apiTokens(long accountId) {
        return jdbc.sql("SELECT * FROM identity.api_token WHERE account_id = :a ORDER BY created_at DESC, id DESC")
                .param("a", accountId)
                .query((rs, n) -> new ApiToken(rs.getLong("id"), rs.getString("name"), rs.getString("prefix"),
                        ts(rs.getTimestamp("created_at")), ts(rs.getTimestamp("expires_at")),
                        ts(rs.getTimestamp("last_used_at")), ts(rs.getTimestamp("revoked_at"))))
                .list();
    }

    boolean revokeApi(long accountId, long tokenId) {
        return jdbc.sql("UPDATE identity.api_token SET revoked_at = now() WHERE id = :id AND account_id = :a"
                + " AND revoked_at IS NULL").param("id", tokenId).param("a", accountId).update() == 1;
    }

    private static Instant ts(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
