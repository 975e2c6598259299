package vn.tinhso.units;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.tinhso.shared.ErrorCode;
import vn.tinhso.shared.PageResult;
import vn.tinhso.shared.TinhSoException;
import vn.tinhso.shared.VietnameseText;

/** Administrative units of both structures and the official conversion between them. */
@Service
@Transactional(readOnly = true)
public class UnitManagement {

    static final String SELECT = """
            SELECT u.structure, u.code, u.level, u.kind, u.name, u.short_name, u.english_name, u.name_folded,
                   u.parent_code, par.name AS parent_name, u.province_code, p.name AS province_name
            FROM units.unit u
            JOIN units.unit p ON p.structure = u.structure AND p.code = u.province_code
            LEFT JOIN units.unit par ON par.structure = u.structure AND par.code = u.parent_code
            """;

    private final JdbcClient jdbc;
    private final UnitIndex index;

    UnitManagement(JdbcClient jdbc, UnitIndex index) {
        this.jdbc = jdbc;
        this.index = index;
    }

    /** Units whose name contains the text, ignoring case and diacritics, in Vietnamese order. */
    public PageResult<Unit> search(UnitQuery query, PageResult.Request paging) {
        return index.search(query, paging);
    }

    public Optional<Unit> find(UnitId id) {
        return jdbc.sql(SELECT + " WHERE u.structure = :s AND u.code = :c")
                .param("s", id.structure().year()).param("c", id.code().value())
                .query(UnitManagement::map).optional();
    }

    /** The unit, or a {@code unit_not_found} error. */
    public Unit get(UnitId id) {
        return find(id).orElseThrow(() -> TinhSoException.of(ErrorCode.UNIT_NOT_FOUND, id.toString()));
    }

    /** What a 2024 unit became on 2025-07-01; a 2025 unit is its own successor list's end (empty). */
    public List<UnitConversion> successors(UnitId id) {
        Unit unit = get(id);
        if (id.structure() == Structure.Y2025) {
            return List.of();
        }
        if (unit.level() == UnitLevel.COMMUNE) {
            return conversions("c.old_code = :code", unit.code());
        }
        String scope = unit.level() == UnitLevel.PROVINCE ? "province_code" : "parent_code";
        String target = unit.level() == UnitLevel.PROVINCE ? "n.province_code" : "n.code";
        return aggregate(unit, """
                SELECT DISTINCT %s AS code FROM units.conversion c
                JOIN units.unit o ON o.structure = 2024 AND o.code = c.old_code
                JOIN units.unit n ON n.structure = 2025 AND n.code = c.new_code
                WHERE o.%s = :code OR c.old_code = :code
                """.formatted(target, scope), Structure.Y2025, true);
    }

    /** What a 2025 unit was made of before 2025-07-01; a 2024 unit has no predecessors here. */
    public List<UnitConversion> predecessors(UnitId id) {
        Unit unit = get(id);
        if (id.structure() == Structure.Y2024) {
            return List.of();
        }
        if (unit.level() == UnitLevel.COMMUNE) {
            return conversions("c.new_code = :code", unit.code());
        }
        return aggregate(unit, """
                SELECT DISTINCT o.province_code AS code FROM units.conversion c
                JOIN units.unit o ON o.structure = 2024 AND o.code = c.old_code
                JOIN units.unit n ON n.structure = 2025 AND n.code = c.new_code
                WHERE n.province_code = :code
                """, Structure.Y2024, false);
    }

    private List<UnitConversion> aggregate(Unit unit, String sql, Structure other, boolean forward) {
        List<String> codes = jdbc.sql(sql).param("code", unit.code()).query(String.class).list();
        String share = codes.size() == 1 ? "WHOLE" : "PART";
        return codes.stream()
                .map(code -> get(new UnitId(other, new UnitCode(code))))
                .sorted(java.util.Comparator.comparing(Unit::shortName, VietnameseText.order()))
                .map(o -> forward ? new UnitConversion(unit, o, share, null) : new UnitConversion(o, unit, share, null))
                .toList();
    }

    private List<UnitConversion> conversions(String condition, String code) {
        return jdbc.sql("""
                SELECT c.old_code, c.new_code, c.share, c.note, c.old_name FROM units.conversion c
                WHERE %s ORDER BY c.old_code, c.new_code""".formatted(condition))
                .param("code", code)
                .query((rs, n) -> new String[] {rs.getString("old_code"), rs.getString("new_code"),
                        rs.getString("share"), rs.getString("note"), rs.getString("old_name")})
                .list().stream()
                .map(r -> new UnitConversion(
                        find(new UnitId(Structure.Y2024, new UnitCode(r[0]))).orElseGet(() -> unknownOld(r[0], r[4])),
                        get(new UnitId(Structure.Y2025, new UnitCode(r[1]))), r[2], r[3]))
                .toList();
    }

    private static Unit unknownOld(String code, String name) {
        return new Unit(2024, code, UnitLevel.COMMUNE, "", name, name, null, null, null, null, null);
    }

    /** Provinces of a structure in Vietnamese order. */
    public List<Unit> provinces(Structure structure) {
        return jdbc.sql(SELECT + " WHERE u.structure = :s AND u.level = 'PROVINCE' ORDER BY u.sort_key")
                .param("s", structure.year()).query(UnitManagement::map).list();
    }

    /** Communes of a province in a structure, in Vietnamese order. */
    public List<Unit> communes(Structure structure, String provinceCode) {
        return jdbc.sql(SELECT + " WHERE u.structure = :s AND u.province_code = :p AND u.level = 'COMMUNE'"
                        + " ORDER BY u.sort_key")
                .param("s", structure.year()).param("p", provinceCode).query(UnitManagement::map).list();
    }

    public long count(Structure structure, UnitLevel level) {
        return jdbc.sql("SELECT count(*) FROM units.unit WHERE structure = :s AND level = :l")
                .param("s", structure.year()).param("l", level.name()).query(Long.class).single();
    }

    static Unit map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Unit(rs.getInt("structure"), rs.getString("code"), UnitLevel.valueOf(rs.getString("level")),
                rs.getString("kind"), rs.getString("name"), rs.getString("short_name"), rs.getString("english_name"),
                rs.getString("parent_code"), rs.getString("parent_name"), rs.getString("province_code"),
                rs.getString("province_name"));
    }
}
