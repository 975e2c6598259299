package vn.tinhso.calendar;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Make-up working days and extra days off as administrators entered them. */
@Repository
class Adjustments {

    private final JdbcClient jdbc;

    Adjustments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Adjustment> inYear(int year) {
        return jdbc.sql("SELECT * FROM calendar.adjustment WHERE day BETWEEN :first AND :last ORDER BY day")
                .param("first", LocalDate.of(year, 1, 1)).param("last", LocalDate.of(year, 12, 31))
                .query(Adjustments::map).list();
    }

    List<Adjustment> all() {
        return jdbc.sql("SELECT * FROM calendar.adjustment ORDER BY day DESC").query(Adjustments::map).list();
    }

    Optional<Adjustment> byId(long id) {
        return jdbc.sql("SELECT * FROM calendar.adjustment WHERE id = :id").param("id", id)
                .query(Adjustments::map).optional();
    }

    Optional<Adjustment> on(LocalDate date) {
        return jdbc.sql("SELECT * FROM calendar.adjustment WHERE day = :day").param("day", date)
                .query(Adjustments::map).optional();
    }

    long insert(LocalDate date, AdjustmentKind kind, String reason, String createdBy) {
        return jdbc.sql("""
                INSERT INTO calendar.adjustment (day, kind, reason, created_by)
                VALUES (:day, :kind, :reason, :by) RETURNING id""")
                .param("day", date).param("kind", kind.name()).param("reason", reason).param("by", createdBy)
                .query(Long.class).single();
    }

    void delete(long id) {
        jdbc.sql("DELETE FROM calendar.adjustment WHERE id = :id").param("id", id).update();
    }

    private static Adjustment map(ResultSet rs, int row) throws SQLException {
        return new Adjustment(rs.getLong("id"), rs.getObject("day", LocalDate.class),
                AdjustmentKind.valueOf(rs.getString("kind")), rs.getString("reason"), rs.getString("created_by"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
