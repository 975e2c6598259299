package vn.tinhso.opendata;

import com.ibm.icu.text.Collator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import vn.tinhso.shared.VietnameseText;

/**
 * The catalogue in memory, for search (decision 0012): every dataset that is not deleted, its folded
 * words (no diacritics, lower case) with posting lists, its facet values as small integers, and its
 * place in each sort order. A query word matches a catalogue word exactly, or as its beginning from
 * three letters; a dataset matches when every word does. Count, facets and the page come from one
 * pass over a bit set of the matches.
 *
 * <p>The index follows the database by {@code change_no} (every change of a dataset takes a new one),
 * like the reports' map index: a search catches up when the last catch-up is older than
 * {@link #FRESHNESS_MILLIS}, reading the last {@link #OVERLAP} changes again, since a change number is
 * taken before its transaction commits.
 */
@Component
class DatasetIndex {

    static final long FRESHNESS_MILLIS = 1000;
    static final long OVERLAP = 200;
    /** Public searches whose answers are kept per snapshot (like Solr's query result cache). */
    static final int RESULTS_CACHED = 500;
    private static final int BATCH = 5000;
    private static final Pattern WORDS = Pattern.compile("[^\\p{L}\\p{N}]+");

    /** One dataset as the index keeps it. */
    private record Entry(Dataset dataset, int quality, long publisher, String publisherName, boolean visible,
            String[] words, String[] titleWords, String[] tagWords, Map<Facet, String[]> values) {
    }

    /**
     * An immutable state of the index. {@code values[f]} is the dictionary of facet f's values,
     * {@code ids[f][i]} the ids (in that dictionary) of entry i's values.
     */
    private record Snapshot(Entry[] entries, String[] vocabulary, int[][] postings, Map<String, Integer> slot,
            Map<String, int[]> orders, String[][] values, int[][][] ids, int[][] titleIds, int[][] tagIds,
            long[] publicBits, Map<DatasetQuery, DatasetHits> results) {

        static final Snapshot EMPTY = new Snapshot(new Entry[0], new String[0], new int[0][], Map.of(), Map.of(),
                new String[Facet.values().length][0], new int[Facet.values().length][0][], new int[0][], new int[0][],
                new long[0], emptyResults());

        /** The answers to the latest public searches on this snapshot (a new snapshot starts empty). */
        static Map<DatasetQuery, DatasetHits> emptyResults() {
            return java.util.Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<DatasetQuery, DatasetHits> eldest) {
                    return size() > RESULTS_CACHED;
                }
            });
        }
    }

    private final Datasets datasets;
    private final Catalogue catalogue;
    private final Map<UUID, Entry> entries = new HashMap<>();
    private final ReentrantLock lock = new ReentrantLock();
    private volatile Snapshot snapshot = Snapshot.EMPTY;
    private volatile long refreshedAt;
    private long lastChange = -1;

    DatasetIndex(Datasets datasets, Catalogue catalogue) {
        this.datasets = datasets;
        this.catalogue = catalogue;
    }

    /** Forces a catch-up at the next search (after a change on this node has committed). */
    void invalidate() {
        refreshedAt = 0;
    }

    /** Every dataset the index holds that is not deleted, for exports; in no particular order. */
    List<Dataset> all() {
        return Arrays.stream(current().entries()).map(Entry::dataset).toList();
    }

    /**
     * A token that changes whenever the catalogue the index answers from changes (after catching up),
     * for caches of answers built on it.
     */
    Object version() {
        return current();
    }

    DatasetHits search(DatasetQuery q) {
        Snapshot s = current();
        boolean anonymous = q.publishers().isEmpty() && !q.allVisible();
        if (anonymous) {
            DatasetHits cached = s.results().get(q);
            if (cached != null) {
                return cached;
            }
        }
        DatasetHits hits = compute(s, q, anonymous);
        if (anonymous) {
            s.results().put(q, hits);
        }
        return hits;
    }

    private DatasetHits compute(Snapshot s, DatasetQuery q, boolean anonymous) {
        int n = s.entries().length;
        long[] match;
        if (anonymous) {
            match = s.publicBits().clone();
        } else {
            match = new long[(n + 63) >>> 6];
            for (int i = 0; i < n; i++) {
                if (visible(s.entries()[i], q)) {
                    match[i >>> 6] |= 1L << i;
                }
            }
        }
        String[] queryWords = words(q.text());
        for (String word : queryWords) {
            and(match, wordMatches(s, word, n));
        }
        for (Map.Entry<Facet, List<Set<String>>> filter : q.filters().entrySet()) {
            int f = filter.getKey().ordinal();
            for (Set<String> anyOf : filter.getValue()) {
                boolean[] wanted = new boolean[s.values()[f].length];
                for (int v = 0; v < wanted.length; v++) {
                    wanted[v] = anyOf.contains(s.values()[f][v]);
                }
                for (int i = nextSet(match, 0); i >= 0; i = nextSet(match, i + 1)) {
                    if (!hasAny(s.ids()[f][i], wanted)) {
                        match[i >>> 6] &= ~(1L << i);
                    }
                }
            }
        }
        int count = 0;
        int[][] counts = new int[Facet.values().length][];
        int[] asked = q.facets().stream().mapToInt(Facet::ordinal).toArray();
        for (int f : asked) {
            counts[f] = new int[s.values()[f].length];
        }
        for (int i = nextSet(match, 0); i >= 0; i = nextSet(match, i + 1)) {
            count++;
            for (int f : asked) {
                int[] c = counts[f];
                for (int id : s.ids()[f][i]) {
                    c[id]++;
                }
            }
        }
        List<Dataset> page = page(s, match, count, queryWords, q);
        Map<Facet, List<DatasetHits.FacetCount>> facets = new EnumMap<>(Facet.class);
        for (Facet f : q.facets()) {
            int[] c = counts[f.ordinal()];
            String[] names = s.values()[f.ordinal()];
            List<Integer> present = new ArrayList<>();
            for (int v = 0; v < c.length; v++) {
                if (c[v] > 0) {
                    present.add(v);
                }
            }
            present.sort((a, b) -> c[a] != c[b] ? Integer.compare(c[b], c[a]) : names[a].compareTo(names[b]));
            facets.put(f, present.stream().limit(q.facetLimit() < 0 ? Long.MAX_VALUE : q.facetLimit())
                    .map(v -> new DatasetHits.FacetCount(names[v], c[v])).toList());
        }
        return new DatasetHits(count, page, facets);
    }

    private static boolean visible(Entry e, DatasetQuery q) {
        Dataset d = e.dataset();
        if (e.visible()) {
            return true;
        }
        boolean member = q.allVisible() || q.publishers().contains(e.publisher());
        if (!member) {
            return false;
        }
        return d.state() == DatasetState.PUBLISHED || q.includeDrafts();
    }

    private static boolean hasAny(int[] ids, boolean[] wanted) {
        for (int id : ids) {
            if (wanted[id]) {
                return true;
            }
        }
        return false;
    }

    private List<Dataset> page(Snapshot s, long[] match, int count, String[] queryWords, DatasetQuery q) {
        int from = Math.min(q.start(), count);
        int to = (int) Math.min((long) from + q.rows(), count);
        if (from >= to) {
            return List.of();
        }
        List<DatasetQuery.Sort> sort = q.sort().isEmpty()
                ? List.of(new DatasetQuery.Sort("score", true), new DatasetQuery.Sort("metadata_modified", true))
                : q.sort();
        DatasetQuery.Sort first = sort.get(0);
        boolean relevance = first.field().equals("score") || first.field().equals("relevance");
        if (!relevance || queryWords.length == 0) {
            // Walk a precomputed order: the first matches in it are the page.
            DatasetQuery.Sort key = relevance ? (sort.size() > 1 ? sort.get(1) : new DatasetQuery.Sort(
                    "metadata_modified", true)) : first;
            int[] order = s.orders().get(key.field());
            List<Dataset> result = new ArrayList<>(to - from);
            int seen = 0;
            for (int k = 0; k < order.length && seen < to; k++) {
                int i = order[key.descending() ? order.length - 1 - k : k];
                if ((match[i >>> 6] & (1L << i)) != 0) {
                    if (seen >= from) {
                        result.add(s.entries()[i].dataset());
                    }
                    seen++;
                }
            }
            return result;
        }
        // Relevance: words in the title count most, then tags, then the rest; ties by the second key. Scores
        // are small numbers: walk the second key's order once per score, highest first, until the page is full.
        DatasetQuery.Sort second = sort.size() > 1 ? sort.get(1) : new DatasetQuery.Sort("metadata_modified", true);
        int[] order = s.orders().get(second.field().equals("score") || second.field().equals("relevance")
                ? "metadata_modified" : second.field());
        // A query word matches a range of the sorted vocabulary (itself, or the words it begins).
        int[] lo = new int[queryWords.length];
        int[] hi = new int[queryWords.length];
        for (int w = 0; w < queryWords.length; w++) {
            int[] range = range(s.vocabulary(), queryWords[w]);
            lo[w] = range[0];
            hi[w] = range[1];
        }
        int[] score = new int[s.entries().length];
        int best = 0;
        for (int i = nextSet(match, 0); i >= 0; i = nextSet(match, i + 1)) {
            int sc = 0;
            for (int w = 0; w < lo.length; w++) {
                sc += (within(s.titleIds()[i], lo[w], hi[w]) ? 3 : 0) + (within(s.tagIds()[i], lo[w], hi[w]) ? 2 : 0);
            }
            score[i] = sc;
            best = Math.max(best, sc);
        }
        List<Dataset> result = new ArrayList<>(to - from);
        int seen = 0;
        for (int level = best; level >= 0 && seen < to; level--) {
            for (int k = 0; k < order.length && seen < to; k++) {
                int i = order[second.descending() ? order.length - 1 - k : k];
                if ((match[i >>> 6] & (1L << i)) != 0 && score[i] == level) {
                    if (seen >= from) {
                        result.add(s.entries()[i].dataset());
                    }
                    seen++;
                }
            }
        }
        return result;
    }

    private static boolean within(int[] ids, int lo, int hi) {
        for (int id : ids) {
            if (id >= lo && id < hi) {
                return true;
            }
        }
        return false;
    }

    /** The vocabulary range a query word matches: itself, or (from three letters) every word it begins. */
    private static int[] range(String[] vocabulary, String word) {
        int at = Arrays.binarySearch(vocabulary, word);
        if (word.length() < 3) {
            return at >= 0 ? new int[] {at, at + 1} : new int[] {0, 0};
        }
        int from = at >= 0 ? at : -at - 1;
        int to = from;
        while (to < vocabulary.length && vocabulary[to].startsWith(word)) {
            to++;
        }
        return new int[] {from, to};
    }

    /** The datasets having a word equal to, or (from three letters) starting with, the query word. */
    private static long[] wordMatches(Snapshot s, String word, int n) {
        long[] bits = new long[(n + 63) >>> 6];
        int[] range = range(s.vocabulary(), word);
        for (int v = range[0]; v < range[1]; v++) {
            for (int i : s.postings()[v]) {
                bits[i >>> 6] |= 1L << i;
            }
        }
        return bits;
    }

    private static void and(long[] into, long[] other) {
        for (int i = 0; i < into.length; i++) {
            into[i] &= other[i];
        }
    }

    private static int nextSet(long[] bits, int from) {
        int w = from >>> 6;
        if (w >= bits.length) {
            return -1;
        }
        long word = bits[w] & (-1L << from);
        while (true) {
            if (word != 0) {
                return (w << 6) + Long.numberOfTrailingZeros(word);
            }
            if (++w == bits.length) {
                return -1;
            }
            word = bits[w];
        }
    }

    static String[] words(String text) {
        if (text == null || text.isBlank()) {
            return new String[0];
        }
        return Arrays.stream(WORDS.split(VietnameseText.fold(text))).filter(w -> !w.isEmpty()).distinct()
                .toArray(String[]::new);
    }

    // ------------------------------------------------------------------ keeping up with the database

    private Snapshot current() {
        if (System.currentTimeMillis() - refreshedAt < FRESHNESS_MILLIS && lastChange >= 0) {
            return snapshot;
        }
        if (lastChange >= 0 && !lock.tryLock()) {
            return snapshot; // another thread is catching up; this search reads what is there
        }
        if (lastChange < 0) {
            lock.lock();
        }
        try {
            if (System.currentTimeMillis() - refreshedAt < FRESHNESS_MILLIS && lastChange >= 0) {
                return snapshot;
            }
            boolean changed = false;
            long after = Math.max(lastChange - OVERLAP, 0);
            Map<Long, Publisher> publishers = new HashMap<>();
            catalogue.publishers().forEach(p -> publishers.put(p.agencyId(), p));
            Map<String, Licence> licences = Datasets.byKey(catalogue.licences(), Licence::id);
            Instant now = Instant.now();
            List<Datasets.Changed> batch;
            do {
                batch = datasets.changedAfter(after, BATCH);
                for (Datasets.Changed c : batch) {
                    Dataset d = c.dataset();
                    Entry before = entries.get(d.id());
                    if (d.state() == DatasetState.DELETED) {
                        changed |= entries.remove(d.id()) != null;
                    } else if (before == null || !before.dataset().equals(d)) {
                        // The overlap reads recent changes again: only a real change rebuilds the snapshot.
                        entries.put(d.id(), entry(d, publishers.get(d.publisherId()), licences.get(d.licenceId()), now));
                        changed = true;
                    }
                    after = Math.max(after, c.changeNo());
                }
            } while (batch.size() == BATCH);
            lastChange = Math.max(lastChange, after);
            if (changed || snapshot == Snapshot.EMPTY) {
                snapshot = build(entries.values());
            }
            refreshedAt = System.currentTimeMillis();
            return snapshot;
        } finally {
            lock.unlock();
        }
    }

    private static Entry entry(Dataset d, Publisher publisher, Licence licence, Instant now) {
        String publisherName = publisher == null ? String.valueOf(d.publisherId()) : publisher.name();
        Set<String> words = new TreeSet<>();
        String[] titleWords = concat(words(d.title()), words(d.titleEn()));
        String[] tagWords = words(String.join(" ", d.tags()));
        words.addAll(Arrays.asList(titleWords));
        words.addAll(Arrays.asList(tagWords));
        words.addAll(Arrays.asList(words(d.notes())));
        words.addAll(Arrays.asList(words(d.notesEn())));
        words.addAll(Arrays.asList(words(d.name().replace('-', ' '))));
        words.addAll(Arrays.asList(words(publisher == null ? null : publisher.title())));
        for (DatasetResource r : d.resources()) {
            words.addAll(Arrays.asList(words(r.name())));
        }
        Map<Facet, String[]> values = new EnumMap<>(Facet.class);
        values.put(Facet.PUBLISHER, new String[] {publisherName});
        values.put(Facet.DOMAIN, d.domains().toArray(String[]::new));
        values.put(Facet.TAG, d.tags().toArray(String[]::new));
        values.put(Facet.FORMAT, d.formats().toArray(String[]::new));
        values.put(Facet.LICENCE, d.licenceId() == null ? new String[0] : new String[] {d.licenceId()});
        int quality = QualityScore.of(d, licence, now).score();
        values.put(Facet.QUALITY, new String[] {Facet.qualityBand(quality)});
        return new Entry(d, quality, d.publisherId(), publisherName, d.isPublic(),
                words.toArray(String[]::new), titleWords, tagWords, values);
    }

    /** The places of the words in the sorted vocabulary (every word of an entry is in it). */
    private static int[] positions(String[] vocabulary, String[] words) {
        return Arrays.stream(words).mapToInt(w -> Arrays.binarySearch(vocabulary, w)).filter(p -> p >= 0).toArray();
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static Snapshot build(java.util.Collection<Entry> all) {
        Entry[] entries = all.toArray(Entry[]::new);
        Map<String, List<Integer>> posting = new HashMap<>();
        Map<String, Integer> slot = new HashMap<>();
        for (int i = 0; i < entries.length; i++) {
            slot.put(entries[i].dataset().id().toString(), i);
            for (String w : entries[i].words()) {
                posting.computeIfAbsent(w, k -> new ArrayList<>()).add(i);
            }
        }
        String[] vocabulary = posting.keySet().toArray(String[]::new);
        Arrays.sort(vocabulary);
        int[][] postings = new int[vocabulary.length][];
        for (int v = 0; v < vocabulary.length; v++) {
            postings[v] = posting.get(vocabulary[v]).stream().mapToInt(Integer::intValue).toArray();
        }
        Collator collator = VietnameseText.collator();
        Map<String, int[]> orders = new LinkedHashMap<>();
        Map<String, Comparator<Entry>> keys = new LinkedHashMap<>();
        Comparator<Entry> byName = Comparator.comparing(e -> e.dataset().name());
        keys.put("metadata_modified", Comparator.<Entry, Instant>comparing(e -> e.dataset().modifiedAt()).thenComparing(byName));
        keys.put("metadata_created", Comparator.<Entry, Instant>comparing(e -> e.dataset().createdAt()).thenComparing(byName));
        keys.put("name", byName);
        Map<Entry, com.ibm.icu.text.CollationKey> titleKeys = new java.util.IdentityHashMap<>();
        for (Entry e : entries) {
            titleKeys.put(e, collator.getCollationKey(e.dataset().title()));
        }
        keys.put("title_string", Comparator.<Entry, com.ibm.icu.text.CollationKey>comparing(titleKeys::get)
                .thenComparing(byName));
        keys.put("views_recent", Comparator.<Entry>comparingLong(e -> e.dataset().views()).thenComparing(byName));
        keys.put("views_total", keys.get("views_recent"));
        keys.put("downloads", Comparator.<Entry>comparingLong(e -> e.dataset().downloads()).thenComparing(byName));
        keys.put("quality", Comparator.<Entry>comparingInt(Entry::quality).thenComparing(byName));
        for (Map.Entry<String, Comparator<Entry>> key : keys.entrySet()) {
            Comparator<Entry> cmp = key.getValue();
            Integer[] order = new Integer[entries.length];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> cmp.compare(entries[a], entries[b]));
            orders.put(key.getKey(), Arrays.stream(order).mapToInt(Integer::intValue).toArray());
        }
        orders.put("score", orders.get("metadata_modified"));
        orders.put("relevance", orders.get("metadata_modified"));
        int facets = Facet.values().length;
        String[][] values = new String[facets][];
        int[][][] ids = new int[facets][entries.length][];
        for (Facet f : Facet.values()) {
            Map<String, Integer> dictionary = new HashMap<>();
            for (int i = 0; i < entries.length; i++) {
                String[] vs = entries[i].values().get(f);
                int[] e = new int[vs.length];
                for (int k = 0; k < vs.length; k++) {
                    e[k] = dictionary.computeIfAbsent(vs[k], x -> dictionary.size());
                }
                ids[f.ordinal()][i] = e;
            }
            String[] names = new String[dictionary.size()];
            dictionary.forEach((name, id) -> names[id] = name);
            values[f.ordinal()] = names;
        }
        int[][] titleIds = new int[entries.length][];
        int[][] tagIds = new int[entries.length][];
        for (int i = 0; i < entries.length; i++) {
            titleIds[i] = positions(vocabulary, entries[i].titleWords());
            tagIds[i] = positions(vocabulary, entries[i].tagWords());
        }
        long[] publicBits = new long[(entries.length + 63) >>> 6];
        for (int i = 0; i < entries.length; i++) {
            if (entries[i].visible()) {
                publicBits[i >>> 6] |= 1L << i;
            }
        }
        return new Snapshot(entries, vocabulary, postings, slot, Map.copyOf(orders), values, ids, titleIds, tagIds,
                publicBits, Snapshot.emptyResults());
    }
}
