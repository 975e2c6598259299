package vn.tinhso.units;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import vn.tinhso.shared.PageResult;
import vn.tinhso.shared.VietnameseText;

/**
 * All units of both structures in memory, in Vietnamese collation order, for search. Units are
 * reference data written once by the importer, so scanning 14,000 folded names in memory is both
 * simpler and much cheaper than a count and a sorted page in SQL for every keystroke of a search.
 */
@Component
class UnitIndex {

    private record Entry(Unit unit, String folded) {
    }

    private final JdbcClient jdbc;
    private volatile List<Entry> entries;

    UnitIndex(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Loads the index in the background once the application is ready, so no user waits for it. */
    @Async
    @EventListener(ApplicationReadyEvent.class)
    public void warmUp() {
        entries();
    }

    PageResult<Unit> search(UnitQuery query, PageResult.Request paging) {
        String folded = VietnameseText.fold(query.text());
        boolean anyText = folded == null || folded.isEmpty();
        Integer structure = query.structure() == null ? null : query.structure().year();
        List<Unit> page = new ArrayList<>(paging.size());
        long total = 0;
        for (Entry e : entries()) {
            Unit u = e.unit();
            if ((structure == null || u.structure() == structure)
                    && (query.level() == null || u.level() == query.level())
                    && (query.provinceCode() == null || query.provinceCode().equals(u.provinceCode()))
                    && (anyText || e.folded().contains(folded))) {
                if (total >= paging.offset() && page.size() < paging.size()) {
                    page.add(u);
                }
                total++;
            }
        }
        return new PageResult<>(page, paging.page(), paging.size(), total);
    }

    /** Forgets the index, e.g. after an import. */
    void invalidate() {
        entries = null;
    }

    private List<Entry> entries() {
        List<Entry> loaded = entries;
        if (loaded == null) {
            synchronized (this) {
                loaded = entries;
                if (loaded == null) {
                    loaded = load();
                    if (!loaded.isEmpty()) {
                        entries = loaded;
                    }
                }
            }
        }
        return loaded;
    }

    private List<Entry> load() {
        return jdbc.sql(UnitManagement.SELECT + " ORDER BY u.sort_key, u.structure DESC, u.code")
                .query((rs, n) -> new Entry(UnitManagement.map(rs, n), rs.getString("name_folded")))
                .list();
    }
}
