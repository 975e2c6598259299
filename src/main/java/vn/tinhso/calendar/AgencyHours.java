package vn.tinhso.calendar;

import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Agencies' own working hours, keyed by the agency's identifier in the units module. */
@Repository
class AgencyHours {

    private final JdbcClient jdbc;

    AgencyHours(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Map<Long, WorkingHours> all() {
        Map<Long, WorkingHours> hours = new HashMap<>();
        jdbc.sql("SELECT agency_id, hours FROM calendar.agency_hours")
                .query(rs -> {
                    hours.put(rs.getLong("agency_id"), WorkingHours.parse(rs.getString("hours")));
                });
        return hours;
    }

    void save(long agencyId, WorkingHours hours, String updatedBy) {
        jdbc.sql("""
                INSERT INTO calendar.agency_hours (agency_id, hours, updated_by) VALUES (:id, :hours, :by)
                ON CONFLICT (agency_id) DO UPDATE SET hours = :hours, updated_by = :by, updated_at = now()""")
                .param("id", agencyId).param("hours", hours.toString()).param("by", updatedBy).update();
    }

    boolean delete(long agencyId) {
        return jdbc.sql("DELETE FROM calendar.agency_hours WHERE agency_id = :id").param("id", agencyId).update() > 0;
    }
}
