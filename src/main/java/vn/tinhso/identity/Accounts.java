package vn.tinhso.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.tinhso.shared.PageResult;
import vn.tinhso.shared.VietnameseText;

/** Storage of accounts, their roles, API tokens and one-time tokens. */
@Repository
class Accounts {

    /** An account row with its secret parts, for this module only. */
    record Row(AccountView view, String passwordHash, int failedAttempts) {
    }

    /** An account with its role grants, as {@code ROLE:agencyId} texts, in one query per row set. */
    private static final String SELECT = """
            SELECT a.*, ARRAY(SELECT g.role || ':' || coalesce(g.agency_id::text, '') FROM identity.role_grant g
                              WHERE g.account_id = a.id ORDER BY g.role, g.agency_id) AS grants
            FROM identity.account a
            """;

    private final JdbcClient jdbc;

    Accounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Row> byEmail(String email) {
        return one("WHERE a.email = :v", email == null ? "" : email.strip().toLowerCase(java.util.Locale.ROOT));
    }

    Optional<Row> byId(long id) {
        return one("WHERE a.id = :v", id);
    }

    /** Active accounts holding the role in the agency, e.g. the leaders to tell of an overdue report. */
    java.util.List<AccountView> holding(Role role, long agencyId) {
        return jdbc.sql(SELECT + """
                WHERE a.status = 'ACTIVE' AND EXISTS (SELECT 1 FROM identity.role_grant g
                      WHERE g.account_id = a.id AND g.role = :r AND g.agency_id = :ag) ORDER BY a.id""")
                .param("r", role.name()).param("ag", agencyId).query(this::map).list()
                .stream().map(Row::view).toList();
    }

    Optional<Row> byOidc(String issuer, String subject) {
        return jdbc.sql(SELECT + "WHERE a.oidc_issuer = :i AND a.oidc_subject = :s")
                .param("i", issuer).param("s", subject).query(this::map).optional();
    }

    private Optional<Row> one(String where, Object value) {
        return jdbc.sql(SELECT + where).param("v", value).query(this::map).optional();
    }

    long insert(String email, String displayName, String passwordHash, AccountStatus status, String locale) {
        return jdbc.sql("""
                INSERT INTO identity.account (email, display_name, password_hash, status, locale)
                VALUES (:e, :n, :p, :s, :l) RETURNING id""")
                .param("e", email.strip().toLowerCase(java.util.Locale.ROOT)).param("n", VietnameseText.clean(displayName))
                .param("p", passwordHash).param("s", status.name()).param("l", locale)
                .query(Long.class).single();
    }

    void linkOidc(long id, String issuer, String subject) {
        jdbc.sql("UPDATE identity.account SET oidc_issuer = :i, oidc_subject = :s WHERE id = :id")
                .param("i", issuer).param("s", subject).param("id", id).update();
    }

    void setStatus(long id, AccountStatus status) {
        jdbc.sql("UPDATE identity.account SET status = :s WHERE id = :id").param("s", status.name())
                .param("id", id).update();
    }

    void setPassword(long id, String hash) {
        jdbc.sql("UPDATE identity.account SET password_hash = :h, failed_attempts = 0, locked_until = NULL"
                + " WHERE id = :id").param("h", hash).param("id", id).update();
    }

    /** Counts a failure; returns the failures in a row now recorded. */
    int recordFailure(long id) {
        return jdbc.sql("UPDATE identity.account SET failed_attempts = failed_attempts + 1 WHERE id = :id"
                + " RETURNING failed_attempts").param("id", id).query(Integer.class).single();
    }

    void lockUntil(long id, Instant until) {
        jdbc.sql("UPDATE identity.account SET locked_until = :u, failed_attempts = 0 WHERE id = :id")
                .param("u", until == null ? null : Timestamp.from(until)).param("id", id).update();
    }

    void recordSuccess(long id) {
        jdbc.sql("UPDATE identity.account SET failed_attempts = 0, locked_until = NULL, last_sign_in_at = now()"
                + " WHERE id = :id").param("id", id).update();
    }

    void grant(long id, RoleGrant grant) {
        jdbc.sql("""
                INSERT INTO identity.role_grant (account_id, role, agency_id) VALUES (:id, :r, :a)
                ON CONFLICT DO NOTHING""")
                .param("id", id).param("r", grant.role().name()).param("a", grant.agencyId()).update();
    }

    int revoke(long id, RoleGrant grant) {
        return jdbc.sql("""
                DELETE FROM identity.role_grant WHERE account_id = :id AND role = :r
                AND coalesce(agency_id, 0) = coalesce(CAST(:a AS BIGINT), 0)""")
                .param("id", id).param("r", grant.role().name()).param("a", grant.agencyId()).update();
    }

    PageResult<AccountView> search(String text, Role role, PageResult.Request paging) {
        String folded = text == null || text.isBlank() ? null : "%" + VietnameseText.fold(text) + "%";
        String where = """
                WHERE (CAST(:q AS TEXT) IS NULL OR lower(a.email) LIKE :q
                       OR lower(platform.unaccent_vi(a.display_name)) LIKE :q)
                  AND (CAST(:r AS TEXT) IS NULL OR EXISTS (SELECT 1 FROM identity.role_grant g
                       WHERE g.account_id = a.id AND g.role = :r))""";
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("q", folded);
        params.put("r", role == null ? null : role.name());
        long total = jdbc.sql("SELECT count(*) FROM identity.account a " + where).params(params)
                .query(Long.class).single();
        List<AccountView> items = jdbc.sql(SELECT + where
                        + " ORDER BY a.created_at DESC, a.id DESC LIMIT :l OFFSET :o")
                .params(params).param("l", paging.size()).param("o", paging.offset())
                .query(this::map).list().stream().map(Row::view).toList();
        return new PageResult<>(items, paging.page(), paging.size(), total);
    }

    private Row map(ResultSet rs, int n) throws SQLException {
        long id = rs.getLong("id");
        AccountView view = new AccountView(id, rs.getString("email"), rs.getString("display_name"),
                AccountStatus.valueOf(rs.getString("status")), rs.getString("locale"), grants(rs.getArray("grants")),
                instant(rs, "locked_until"), instant(rs, "last_sign_in_at"), instant(rs, "created_at"));
        return new Row(view, rs.getString("password_hash"), rs.getInt("failed_attempts"));
    }

    private static List<RoleGrant> grants(java.sql.Array array) throws SQLException {
        List<RoleGrant> grants = new java.util.ArrayList<>();
        for (Object text : (Object[]) array.getArray()) {
            String[] parts = text.toString().split(":", 2);
            grants.add(new RoleGrant(Role.valueOf(parts[0]), parts[1].isEmpty() ? null : Long.valueOf(parts[1])));
        }
        return grants;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
