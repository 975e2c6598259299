package vn.tinhso.units;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.tinhso.shared.Actor;
import vn.tinhso.shared.ErrorCode;
import vn.tinhso.shared.PageResult;
import vn.tinhso.shared.TinhSoException;
import vn.tinhso.shared.VietnameseText;

/** Agencies (cơ quan): province departments, the public administration centre, commune committees. */
@Service
@Transactional(readOnly = true)
public class AgencyManagement {

    private static final String SELECT = """
            SELECT a.*, u.name AS unit_name FROM units.agency a
            JOIN units.unit u ON u.structure = a.unit_structure AND u.code = a.unit_code
            """;

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    AgencyManagement(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** Agencies whose name or code contains the text (diacritics ignored), in Vietnamese order. */
    public PageResult<Agency> search(String text, AgencyLevel level, PageResult.Request paging) {
        StringBuilder where = new StringBuilder(" WHERE TRUE");
        Map<String, Object> params = new HashMap<>();
        String folded = VietnameseText.fold(text);
        if (folded != null && !folded.isEmpty()) {
            where.append(" AND (a.name_folded LIKE :p OR lower(a.code) LIKE :p)");
            params.put("p", "%" + folded.replace("%", "").replace("_", "") + "%");
        }
        if (level != null) {
            where.append(" AND a.level = :level");
            params.put("level", level.name());
        }
        long total = jdbc.sql("SELECT count(*) FROM units.agency a" + where).params(params)
                .query(Long.class).single();
        List<Agency> items = jdbc.sql(SELECT + where + " ORDER BY a.level DESC, a.sort_key LIMIT :l OFFSET :o")
                .params(params).param("l", paging.size()).param("o", paging.offset())
                .query(AgencyManagement::map).list();
        return new PageResult<>(items, paging.page(), paging.size(), total);
    }

    public Optional<Agency> find(long id) {
        return jdbc.sql(SELECT + " WHERE a.id = :id").param("id", id).query(AgencyManagement::map).optional();
    }

    public Agency get(long id) {
        return find(id).orElseThrow(() -> TinhSoException.of(ErrorCode.AGENCY_NOT_FOUND, String.valueOf(id)));
    }

    public Optional<Agency> findByCode(String code) {
        return jdbc.sql(SELECT + " WHERE a.code = :c").param("c", code).query(AgencyManagement::map).optional();
    }

    public List<Agency> all() {
        return jdbc.sql(SELECT + " WHERE a.active ORDER BY a.level DESC, a.sort_key")
                .query(AgencyManagement::map).list();
    }

    @Transactional
    public Agency create(AgencyForm form) {
        checkUnit(form);
        if (findByCode(form.code().strip()).isPresent()) {
            throw new TinhSoException(ErrorCode.AGENCY_CODE_TAKEN, "code", form.code());
        }
        long id = jdbc.sql("""
                INSERT INTO units.agency (code, name, kind, level, unit_structure, unit_code, email, phone, active,
                                          name_folded, sort_key)
                VALUES (:code, :name, :kind, :level, 2025, :unit, :email, :phone, :active, :folded, :sortKey)
                RETURNING id""").params(columns(form)).query(Long.class).single();
        events.publishEvent(new AgencyChanged(id, form.code(), "created", Actor.current()));
        return get(id);
    }

    @Transactional
    public Agency update(long id, AgencyForm form) {
        Agency before = get(id);
        checkUnit(form);
        findByCode(form.code().strip()).filter(other -> other.id() != id).ifPresent(other -> {
            throw new TinhSoException(ErrorCode.AGENCY_CODE_TAKEN, "code", form.code());
        });
        jdbc.sql("""
                UPDATE units.agency SET code = :code, name = :name, kind = :kind, level = :level, unit_code = :unit,
                       email = :email, phone = :phone, active = :active, name_folded = :folded, sort_key = :sortKey,
                       updated_at = now(), version = version + 1
                WHERE id = :id""").params(columns(form)).param("id", id).update();
        String change = before.active() && !form.active() ? "deactivated" : "updated";
        events.publishEvent(new AgencyChanged(id, form.code(), change, Actor.current()));
        return get(id);
    }

    private void checkUnit(AgencyForm form) {
        boolean exists = jdbc.sql("SELECT count(*) FROM units.unit WHERE structure = 2025 AND code = :c AND level = :l")
                .param("c", form.unitCode()).param("l", form.level() == AgencyLevel.PROVINCE ? "PROVINCE" : "COMMUNE")
                .query(Long.class).single() > 0;
        if (!exists) {
            throw new TinhSoException(ErrorCode.UNIT_NOT_FOUND, "unitCode", "2025/" + form.unitCode());
        }
    }

    private static Map<String, Object> columns(AgencyForm form) {
        String name = VietnameseText.clean(form.name());
        Map<String, Object> p = new HashMap<>();
        p.put("code", form.code().strip());
        p.put("name", name);
        p.put("kind", form.kind().name());
        p.put("level", form.level().name());
        p.put("unit", form.unitCode());
        p.put("email", form.email() == null || form.email().isBlank() ? null : form.email().strip());
        p.put("phone", form.phone() == null || form.phone().isBlank() ? null : form.phone().strip());
        p.put("active", form.active());
        p.put("folded", VietnameseText.fold(name));
        p.put("sortKey", VietnameseText.sortKey(name));
        return p;
    }

    private static Agency map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Agency(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                AgencyKind.valueOf(rs.getString("kind")), AgencyLevel.valueOf(rs.getString("level")),
                rs.getInt("unit_structure"), rs.getString("unit_code"), rs.getString("unit_name"),
                rs.getString("email"), rs.getString("phone"), rs.getBoolean("active"));
    }
}
