package vn.tinhso.services;

import com.ibm.icu.text.CollationKey;
import com.ibm.icu.text.Collator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import vn.tinhso.shared.PageResult;
import vn.tinhso.shared.VietnameseText;

/**
 * The catalogue in memory, for search: every procedure's folded words (no diacritics, lower case),
 * posting lists from each distinct word to the procedures that have it, and collation keys for name
 * order. A query word matches a catalogue word exactly, as its beginning, or (from 4 letters) with
 * one typo (one letter added, missing, changed or two swapped); a procedure matches when every query
 * word does. Count, page and facets come from one pass over the matches (docs/services.md;
 * decision 0008). The index is rebuilt when the catalogue's version changes: at once after a change
 * on this node, and within {@link #CHECK_MILLIS} after a change on another node.
 */
@Component
class ProcedureIndex {

    static final long CHECK_MILLIS = 2000;
    private static final Pattern WORDS = Pattern.compile("[^a-z0-9]+");

    /** One procedure as the index keeps it. */
    private record Entry(ProcedureSummary summary, String folded, CollationKey key, String agencyKey) {
    }

    /** An immutable state of the index. */
    private record Snapshot(String version, List<Entry> entries, String[] vocabulary, int[][] postings,
            Map<String, Domain> domains) {
    }

    private final ProcedureCatalogue catalogue;
    private volatile Snapshot snapshot;
    private volatile long checkedAt;

    ProcedureIndex(ProcedureCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** Makes the next search check the catalogue's version (call after a change has committed). */
    void invalidate() {
        checkedAt = 0;
    }

    private Snapshot current() {
        long now = System.currentTimeMillis();
        Snapshot s = snapshot;
        if (s == null || now - checkedAt > CHECK_MILLIS) {
            synchronized (this) {
                s = snapshot;
                if (s == null || now - checkedAt > CHECK_MILLIS) {
                    String version = catalogue.version();
                    if (s == null || !s.version().equals(version)) {
                        s = build(version, catalogue.summaries(), catalogue.domains());
                        snapshot = s;
                    }
                    checkedAt = System.currentTimeMillis();
                }
            }
        }
        return s;
    }

    private static Snapshot build(String version, List<ProcedureSummary> summaries, List<Domain> domains) {
        Collator collator = VietnameseText.collator();
        List<Entry> entries = new ArrayList<>(summaries.size());
        Map<String, List<Integer>> words = new HashMap<>();
        for (ProcedureSummary p : summaries) {
            String folded = VietnameseText.fold(p.name() + " " + p.code());
            int id = entries.size();
            entries.add(new Entry(p, folded, collator.getCollationKey(VietnameseText.clean(p.name())),
                    p.agencyCode() == null ? ProcedureQuery.COMMUNE_AGENCIES : p.agencyCode()));
            for (String word : WORDS.split(folded)) {
                if (!word.isEmpty()) {
                    List<Integer> ids = words.computeIfAbsent(word, w -> new ArrayList<>());
                    if (ids.isEmpty() || ids.get(ids.size() - 1) != id) {
                        ids.add(id);
                    }
                }
            }
        }
        String[] vocabulary = words.keySet().toArray(String[]::new);
        int[][] postings = new int[vocabulary.length][];
        for (int i = 0; i < vocabulary.length; i++) {
            postings[i] = words.get(vocabulary[i]).stream().mapToInt(Integer::intValue).toArray();
        }
        Map<String, Domain> byCode = new LinkedHashMap<>();
        domains.forEach(d -> byCode.put(d.code(), d));
        return new Snapshot(version, List.copyOf(entries), vocabulary, postings, byCode);
    }

    /** The page and the facet counts (key to count per dimension) of a search. */
    record Result(PageResult<ProcedureSummary> page, Map<String, Map<String, Long>> facets,
            Map<String, Domain> domains) {
    }

    Result search(ProcedureQuery query, PageResult.Request paging) {
        Snapshot s = current();
        int n = s.entries().size();
        String folded = query.text() == null ? "" : VietnameseText.fold(query.text()).strip();
        String[] terms = folded.isEmpty() ? new String[0] : Arrays.stream(WORDS.split(folded))
                .filter(w -> !w.isEmpty()).distinct().toArray(String[]::new);
        float[] score = new float[n];
        int[] matched = new int[n];
        for (String term : terms) {
            float[] best = new float[n];
            for (int w = 0; w < s.vocabulary().length; w++) {
                float weight = weight(term, s.vocabulary()[w]);
                if (weight > 0) {
                    for (int id : s.postings()[w]) {
                        best[id] = Math.max(best[id], weight);
                    }
                }
            }
            for (int id = 0; id < n; id++) {
                if (best[id] > 0) {
                    matched[id]++;
                    score[id] += best[id];
                }
            }
        }
        String phrase = String.join(" ", terms);
        List<Integer> hits = new ArrayList<>();
        Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
        for (String name : List.of("domain", "level", "agency", "online")) {
            facets.put(name, new LinkedHashMap<>());
        }
        for (int id = 0; id < n; id++) {
            if (matched[id] < terms.length) {
                continue;
            }
            Entry e = s.entries().get(id);
            ProcedureSummary p = e.summary();
            if (!statusMatches(query, p.status())) {
                continue;
            }
            boolean domain = query.domain() == null || query.domain().isBlank() || query.domain().equals(p.domainCode());
            boolean level = query.level() == null || p.levels().contains(query.level());
            boolean agency = query.agency() == null || query.agency().isBlank() || query.agency().equals(e.agencyKey());
            boolean online = query.online() == null || query.online() == p.onlineLevel();
            if (level && agency && online) {
                count(facets.get("domain"), p.domainCode());
            }
            if (domain && level && online) {
                count(facets.get("agency"), e.agencyKey());
            }
            if (domain && level && agency) {
                count(facets.get("online"), p.onlineLevel().name());
            }
            if (domain && agency && online) {
                p.levels().forEach(l -> count(facets.get("level"), l.name()));
            }
            if (domain && level && agency && online) {
                if (terms.length > 0) {
                    score[id] = score[id] / terms.length + (e.folded().contains(phrase) ? 1 : 0);
                }
                hits.add(id);
            }
        }
        boolean byName = terms.length == 0 || "name".equals(query.sort());
        Comparator<Integer> order = (a, b) -> s.entries().get(a).key().compareTo(s.entries().get(b).key());
        if (!byName) {
            order = Comparator.<Integer>comparingDouble(id -> -score[id]).thenComparing(order);
        }
        hits.sort(order);
        int from = (int) Math.min(paging.offset(), hits.size());
        int to = Math.min(from + paging.size(), hits.size());
        List<ProcedureSummary> items = hits.subList(from, to).stream().map(id -> s.entries().get(id).summary())
                .toList();
        return new Result(new PageResult<>(items, paging.page(), paging.size(), hits.size()), facets, s.domains());
    }

    private static boolean statusMatches(ProcedureQuery query, ProcedureStatus status) {
        if (query.status() != null) {
            return query.status() == status;
        }
        return query.staff() || status == ProcedureStatus.PUBLISHED;
    }

    private static void count(Map<String, Long> facet, String key) {
        facet.merge(key, 1L, Long::sum);
    }

    /** How well a catalogue word answers a query word: 1 exact, 0.8 its beginning, 0.6 one typo, 0 not. */
    static float weight(String term, String word) {
        if (word.equals(term)) {
            return 1f;
        }
        if (term.length() >= 2 && word.startsWith(term)) {
            return 0.8f;
        }
        if (term.length() >= 4 && Math.abs(word.length() - term.length()) <= 1 && oneEdit(term, word)) {
            return 0.6f;
        }
        return 0f;
    }

    /** Whether the two differ by one insertion, deletion, substitution or swap of neighbours. */
    static boolean oneEdit(String a, String b) {
        if (a.length() == b.length()) {
            int first = -1;
            int diffs = 0;
            for (int i = 0; i < a.length(); i++) {
                if (a.charAt(i) != b.charAt(i)) {
                    if (++diffs == 1) {
                        first = i;
                    }
                }
            }
            return diffs == 1 || diffs == 2 && first + 1 < a.length() && a.charAt(first) == b.charAt(first + 1)
                    && a.charAt(first + 1) == b.charAt(first) && a.substring(first + 2).equals(b.substring(first + 2));
        }
        String longer = a.length() > b.length() ? a : b;
        String shorter = a.length() > b.length() ? b : a;
        int i = 0;
        while (i < shorter.length() && shorter.charAt(i) == longer.charAt(i)) {
            i++;
        }
        return shorter.substring(i).equals(longer.substring(i + 1));
    }
}
