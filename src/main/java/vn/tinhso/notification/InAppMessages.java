package vn.tinhso.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.tinhso.shared.PageResult;

/** Storage of in-app messages; every query is scoped to one account. */
@Repository
class InAppMessages {

    private final JdbcClient jdbc;
    private final WebPush push;

    InAppMessages(JdbcClient jdbc, WebPush push) {
        this.jdbc = jdbc;
        this.push = push;
    }

    /** Stores a message; once stored (committed) it is also pushed to the account's browsers, if configured. */
    long add(long accountId, String title, String body, String link) {
        long id = jdbc.sql("""
                INSERT INTO notification.message (account_id, title, body, link) VALUES (:a, :t, :b, :l)
                RETURNING id""").param("a", accountId).param("t", title).param("b", body).param("l", link)
                .query(Long.class).single();
        push.afterCommit(accountId, title, body, link);
        return id;
    }

    PageResult<InAppMessage> of(long accountId, boolean unreadOnly, PageResult.Request paging) {
        String where = " WHERE account_id = :a" + (unreadOnly ? " AND read_at IS NULL" : "");
        long total = jdbc.sql("SELECT count(*) FROM notification.message" + where).param("a", accountId)
                .query(Long.class).single();
        List<InAppMessage> items = jdbc.sql("SELECT * FROM notification.message" + where
                        + " ORDER BY created_at DESC, id DESC LIMIT :l OFFSET :o")
                .param("a", accountId).param("l", paging.size()).param("o", paging.offset())
                .query(InAppMessages::map).list();
        return new PageResult<>(items, paging.page(), paging.size(), total);
    }

    long unread(long accountId) {
        return jdbc.sql("SELECT count(*) FROM notification.message WHERE account_id = :a AND read_at IS NULL")
                .param("a", accountId).query(Long.class).single();
    }

    /** Marks the account's message read (once: a second call keeps the first time); empty if not theirs. */
    Optional<InAppMessage> markRead(long accountId, long id) {
        return jdbc.sql("""
                UPDATE notification.message SET read_at = coalesce(read_at, now())
                WHERE id = :id AND account_id = :a RETURNING *""")
                .param("id", id).param("a", accountId).query(InAppMessages::map).optional();
    }

    private static InAppMessage map(ResultSet rs, int n) throws SQLException {
        return new InAppMessage(rs.getLong("id"), rs.getString("title"), rs.getString("body"), rs.getString("link"),
                rs.getTimestamp("created_at").toInstant(), instant(rs.getTimestamp("read_at")));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
