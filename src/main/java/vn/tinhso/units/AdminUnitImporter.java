package vn.tinhso.units;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.tinhso.shared.VietnameseText;

/**
 * Imports, at first start, the official unit lists shipped in {@code admin-units/}: the 2024
 * three-level list and the 2025 conversion table (from which the two-level list is derived). The
 * files are read as published: header lines, section rows, codes inside names, split communes.
 */
@Component
@Order(1)
class AdminUnitImporter implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminUnitImporter.class);
    static final String BEFORE = "admin-units/communes-before-2025-07.csv";
    static final String CONVERSION = "admin-units/conversion-2025-07.csv";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final UnitIndex index;

    AdminUnitImporter(JdbcTemplate jdbc, TransactionTemplate tx, UnitIndex index) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.index = index;
    }

    @Override
    public void run(ApplicationArguments args) {
        Integer existing = jdbc.queryForObject("SELECT count(*) FROM units.unit", Integer.class);
        if (existing != null && existing > 0) {
            return;
        }
        long start = System.nanoTime();
        tx.executeWithoutResult(status -> {
            // Another node may be importing at the same moment: the lock makes one of them wait.
            jdbc.execute("LOCK TABLE units.unit IN EXCLUSIVE MODE");
            if (jdbc.queryForObject("SELECT count(*) FROM units.unit", Integer.class) == 0) {
                importBefore();
                importConversion();
            }
        });
        index.invalidate();
        log.info("Imported administrative units in {} ms", (System.nanoTime() - start) / 1_000_000);
    }

    private void importBefore() {
        Map<String, Object[]> units = new LinkedHashMap<>();
        for (CSVRecord r : read(BEFORE, 1)) {
            String province = r.get(1);
            String district = r.get(3);
            units.putIfAbsent(province, row(2024, province, "PROVINCE", r.get(0), null, null, province));
            units.putIfAbsent(district, row(2024, district, "DISTRICT", r.get(2), null, province, province));
            if (!r.get(5).isBlank()) { // a district without communes (Côn Đảo) has an empty commune
                units.put(r.get(5), row(2024, r.get(5), "COMMUNE", r.get(4), r.get(7), district, province));
            }
        }
        insertUnits(units.values());
    }

    private void importConversion() {
        Map<String, Object[]> units = new LinkedHashMap<>();
        List<Object[]> conversions = new ArrayList<>();
        for (CSVRecord r : read(CONVERSION, 2)) {
            if (r.size() < 8 || r.get(2).isBlank()) {
                continue; // a section title row such as "THÀNH PHỐ HÀ NỘI  ,,,,"
            }
            String[] province = UnitNames.splitCode(r.get(0));
            String newCode = r.get(2).strip();
            units.putIfAbsent(province[1], row(2025, province[1], "PROVINCE", province[0], null, null, province[1]));
            units.putIfAbsent(newCode, row(2025, newCode, "COMMUNE", r.get(1), null, province[1], province[1]));
            String oldCode = r.get(4).strip();
            String note = VietnameseText.clean(r.get(5));
            String oldName = VietnameseText.clean(r.get(3));
            if (oldCode.isEmpty()) {
                // No old commune: the row converts a whole old district (e.g. into a special zone).
                String[] district = UnitNames.splitCode(r.get(6));
                oldCode = district[1];
                oldName = oldName.isEmpty() ? district[0] : oldName + " (" + district[0] + ")";
                note = note.isEmpty() ? null : note;
            }
            if (oldCode != null) {
                String share = UnitNames.isPartial(note) || oldCode.length() == 3 && !isWholeDistrict(note)
                        ? "PART" : "WHOLE";
                conversions.add(new Object[] {oldCode, newCode, share, oldName, note});
            }
        }
        insertUnits(units.values());
        jdbc.batchUpdate("""
                INSERT INTO units.conversion (old_code, new_code, share, old_name, note) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (old_code, new_code) DO NOTHING""", conversions);
    }

    private static boolean isWholeDistrict(String note) {
        return note != null && VietnameseText.fold(note).contains("toan bo huyen");
    }

    private static Object[] row(int structure, String code, String level, String rawName, String english,
            String parent, String province) {
        String name = UnitNames.canonical(rawName);
        String shortName = UnitNames.shortName(name);
        return new Object[] {structure, code.strip(), level, UnitNames.kind(name), name, shortName,
                english == null || english.isBlank() ? null : VietnameseText.clean(english),
                parent, province, VietnameseText.fold(name), VietnameseText.sortKey(shortName)};
    }

    private void insertUnits(java.util.Collection<Object[]> rows) {
        jdbc.batchUpdate("""
                INSERT INTO units.unit (structure, code, level, kind, name, short_name, english_name,
                                        parent_code, province_code, name_folded, sort_key)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", new ArrayList<>(rows));
    }

    private static List<CSVRecord> read(String resource, int headerLines) {
        try (Reader reader = new InputStreamReader(new ClassPathResource(resource).getInputStream(),
                StandardCharsets.UTF_8)) {
            List<CSVRecord> records = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get()
                    .parse(reader).getRecords();
            return records.subList(Math.min(headerLines, records.size()), records.size());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }
}
