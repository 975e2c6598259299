package vn.tinhso.reports;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The public map's data in memory: position, state, category, commune and day of every public
 * report, in flat arrays indexed by the report number (numbers come from one sequence, so they are
 * dense). A viewport query scans them once and clusters on a grid of the zoom level; at 1,000,000
 * reports that is a few milliseconds, where SQL must group a million rows (docs/benchmarks.md).
 *
 * <p>The index follows the database by {@code change_seq}, which every change of a report takes
 * anew: a query catches up with at most one small query when the last catch-up is older than
 * {@link #FRESHNESS_MILLIS}, so every node of several sees a change within about a second. A change
 * number is taken before its transaction commits, so a slow transaction may commit after a later
 * number was read: each catch-up therefore reads the last {@link #OVERLAP} changes again.
 */
@Component
class ReportMapIndex {

    /** How stale the index may be when a query arrives. */
    static final long FRESHNESS_MILLIS = 1000;
    /** Points instead of clusters when at most this many reports are in view. */
    static final int MAX_POINTS = 400;
    /** A grid cell is this many screen pixels wide at the zoom level (256-pixel tiles). */
    private static final int CELL_PIXELS = 60;
    private static final int BATCH = 100_000;
    static final long OVERLAP = 1000;

    private final JdbcClient jdbc;
    private final ReportCategories categories;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

    // Guarded by lock. Index = report number (seq).
    private double[] lat = new double[0];
    private double[] lon = new double[0];
    private byte[] status = new byte[0];
    private short[] category = new short[0];
    private int[] commune = new int[0];
    private long[] day = new long[0];
    private boolean[] present = new boolean[0];
    private long maxNumber;
    private long lastChange = -1;
    private volatile long refreshedAt;
    private final Map<String, Short> categoryIds = new HashMap<>();
    private final List<String> categoryCodes = new ArrayList<>();

    ReportMapIndex(JdbcClient jdbc, ReportCategories categories) {
        this.jdbc = jdbc;
        this.categories = categories;
    }

    /** What the map asks for: a box, a zoom level and the filters (null means any). */
    record Query(double minLon, double minLat, double maxLon, double maxLat, int zoom, String category,
            String commune, List<ReportStatus> statuses, Instant from, Instant to) {
    }

    record Cluster(double lat, double lon, int count) {
    }

    record Point(long number, double lat, double lon, ReportStatus status, String category, String icon) {
    }

    /** Clusters when many reports are in view, else points; {@code total} counts both. */
    record View(int total, List<Cluster> clusters, List<Point> points) {
    }

    View query(Query q) {
        catchUp();
        boolean[] wantedCategory = wantedCategories(q.category());
        int wantedCommune = q.commune() == null ? -1 : parseCommune(q.commune());
        int statusMask = 0;
        if (q.statuses() != null && !q.statuses().isEmpty()) {
            for (ReportStatus s : q.statuses()) {
                statusMask |= 1 << s.ordinal();
            }
        } else {
            statusMask = -1;
        }
        long from = q.from() == null ? Long.MIN_VALUE : q.from().getEpochSecond();
        long to = q.to() == null ? Long.MAX_VALUE : q.to().getEpochSecond();
        double cell = 360.0 / (1L << Math.max(0, Math.min(q.zoom(), 22))) * CELL_PIXELS / 256.0;
        lock.readLock().lock();
        try {
            Map<Long, double[]> cells = new HashMap<>();
            long[] firstPoints = new long[MAX_POINTS];
            int total = 0;
            for (int n = 1; n <= maxNumber; n++) {
                if (!present[n]) {
                    continue;
                }
                double la = lat[n];
                double lo = lon[n];
                if (la < q.minLat() || la > q.maxLat() || lo < q.minLon() || lo > q.maxLon()
                        || (statusMask & (1 << status[n])) == 0
                        || wantedCategory != null && !wantedCategory[category[n]]
                        || wantedCommune != -1 && commune[n] != wantedCommune
                        || day[n] < from || day[n] >= to) {
                    continue;
                }
                if (total < MAX_POINTS) {
                    firstPoints[total] = n;
                }
                total++;
                long key = ((long) Math.floor(la / cell) << 32) ^ (Math.floorMod((long) Math.floor(lo / cell), 1L << 32));
                double[] sum = cells.get(key);
                if (sum == null) {
                    cells.put(key, new double[] {la, lo, 1});
                } else {
                    sum[0] += la;
                    sum[1] += lo;
                    sum[2]++;
                }
            }
            if (total <= MAX_POINTS) {
                List<Point> points = new ArrayList<>(total);
                for (int i = 0; i < total; i++) {
                    int n = (int) firstPoints[i];
                    String code = categoryCodes.get(category[n]);
                    points.add(new Point(n, lat[n], lon[n], ReportStatus.values()[status[n]], code,
                            categories.find(code).map(Category::icon).orElse("")));
                }
                return new View(total, List.of(), points);
            }
            List<Cluster> clusters = new ArrayList<>(cells.size());
            for (double[] sum : cells.values()) {
                clusters.add(new Cluster(sum[0] / sum[2], sum[1] / sum[2], (int) sum[2]));
            }
            return new View(total, clusters, List.of());
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The categories a filter matches (the category and its descendants), or null for any. */
    private boolean[] wantedCategories(String code) {
        if (code == null) {
            return null;
        }
        boolean[] wanted = new boolean[Short.MAX_VALUE];
        for (Category c : categories.list()) {
            if (categories.lineage(c.code()).contains(code)) {
                Short id = categoryIds.get(c.code());
                if (id != null) {
                    wanted[id] = true;
                }
            }
        }
        return wanted;
    }

    private static int parseCommune(String code) {
        try {
            return Integer.parseInt(code.strip());
        } catch (NumberFormatException e) {
            return -2; // matches nothing
        }
    }

    /** Brings the index up to date if it is older than the freshness bound; one thread does it. */
    void catchUp() {
        if (System.currentTimeMillis() - refreshedAt < FRESHNESS_MILLIS && lastChange >= 0) {
            return;
        }
        if (lastChange >= 0) {
            if (!lock.writeLock().tryLock()) {
                return; // another thread is catching up; this query reads what is there
            }
        } else {
            lock.writeLock().lock(); // first load: everyone waits for it
        }
        try {
            if (System.currentTimeMillis() - refreshedAt < FRESHNESS_MILLIS && lastChange >= 0) {
                return;
            }
            long start = Math.max(lastChange - OVERLAP, 0);
            int read;
            do {
                read = load(start);
                start = lastChange;
            } while (read == BATCH);
            if (lastChange < 0) {
                lastChange = 0;
            }
            refreshedAt = System.currentTimeMillis();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Forces a catch-up at the next query (after a local change, or in tests). */
    void invalidate() {
        refreshedAt = 0;
    }

    private int load(long after) {
        int[] count = {0};
        jdbc.sql("""
                SELECT seq, lat, lon, status, category_code, commune_code, submitted_at, visible,
                       merged_into IS NULL AS unmerged, change_seq
                FROM reports.report WHERE change_seq > :after ORDER BY change_seq LIMIT :batch""")
                .param("after", after).param("batch", BATCH)
                .query(rs -> {
                    count[0]++;
                    int n = Math.toIntExact(rs.getLong("seq"));
                    ensure(n);
                    lat[n] = rs.getDouble("lat");
                    lon[n] = rs.getDouble("lon");
                    status[n] = (byte) ReportStatus.valueOf(rs.getString("status")).ordinal();
                    category[n] = categoryId(rs.getString("category_code"));
                    String c = rs.getString("commune_code");
                    commune[n] = c == null ? -1 : parseCommune(c);
                    day[n] = rs.getTimestamp("submitted_at").toInstant().getEpochSecond();
                    present[n] = rs.getBoolean("visible") && rs.getBoolean("unmerged");
                    maxNumber = Math.max(maxNumber, n);
                    lastChange = Math.max(lastChange, rs.getLong("change_seq"));
                });
        return count[0];
    }

    private short categoryId(String code) {
        return categoryIds.computeIfAbsent(code, c -> {
            categoryCodes.add(c);
            return (short) (categoryCodes.size() - 1);
        });
    }

    private void ensure(int n) {
        if (n < lat.length) {
            return;
        }
        int size = Math.max(n + 1, (int) Math.min(Integer.MAX_VALUE - 8, lat.length * 3L / 2 + 1024));
        lat = Arrays.copyOf(lat, size);
        lon = Arrays.copyOf(lon, size);
        status = Arrays.copyOf(status, size);
        category = Arrays.copyOf(category, size);
        commune = Arrays.copyOf(commune, size);
        day = Arrays.copyOf(day, size);
        present = Arrays.copyOf(present, size);
    }
}
