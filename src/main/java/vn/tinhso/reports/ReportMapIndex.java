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
 * dense), and listed by blocks of the grid of zoom level 12, each with the count and position sums of
 * its public reports. A viewport query reads the blocks of its box and clusters on the grid of its
 * zoom level, which nests in the block grid: a block that lies wholly in the box adds its sums when no
 * filter is set, so a view of the whole province adds up a few thousand blocks, not a million reports;
 * with filters, or zoomed in further, it scans the reports of the blocks (docs/benchmarks.md).
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
    /** Reports are kept in blocks of the grid of this zoom level (about 2.3 km): a view reads only its blocks. */
    private static final int BLOCK_ZOOM = 12;
    private static final double BLOCK = cellDegrees(BLOCK_ZOOM);
    static final long OVERLAP = 1000;

    private final JdbcClient jdbc;
    private final ReportCategories categories;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

    // Guarded by lock. Index = report number (seq): where each report is, for moving it between blocks.
    private double[] lat = new double[0];
    private double[] lon = new double[0];
    private byte[] status = new byte[0];
    private short[] category = new short[0];
    private boolean[] known = new boolean[0];
    private int[] slot = new int[0];
    private final Map<Long, Block> blocks = new HashMap<>();
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
        boolean unfiltered = wantedCategory == null && wantedCommune == -1 && statusMask == -1
                && from == Long.MIN_VALUE && to == Long.MAX_VALUE;
        int zoom = Math.max(0, Math.min(q.zoom(), 22));
        double cell = cellDegrees(zoom);
        lock.readLock().lock();
        try {
            Cells cells = new Cells(q, cell);
            int[] firstPoints = new int[MAX_POINTS];
            int total = 0;
            for (Block block : blocksIn(q)) {
                if (unfiltered && zoom <= BLOCK_ZOOM && block.inside(q)) {
                    // The block lies in one grid cell of this zoom (the grids nest): its sums are the answer.
                    if (block.count == 0) {
                        continue;
                    }
                    if (total + block.count <= MAX_POINTS) {
                        for (int i = 0; i < block.size; i++) {
                            if (block.present[i]) {
                                firstPoints[total++] = block.number[i];
                            }
                        }
                    } else {
                        total += block.count;
                    }
                    int shift = BLOCK_ZOOM - zoom;
                    cells.add(block.col >> shift, block.row >> shift, block.count, block.sumLat, block.sumLon);
                    continue;
                }
                for (int i = 0, size = block.size; i < size; i++) {
                    if (!block.present[i]) {
                        continue;
                    }
                    double la = block.lat[i];
                    double lo = block.lon[i];
                    if (la < q.minLat() || la > q.maxLat() || lo < q.minLon() || lo > q.maxLon()
                            || (statusMask & (1 << block.status[i])) == 0
                            || wantedCategory != null && !wantedCategory[block.category[i]]
                            || wantedCommune != -1 && block.commune[i] != wantedCommune
                            || block.day[i] < from || block.day[i] >= to) {
                        continue;
                    }
                    if (total < MAX_POINTS) {
                        firstPoints[total] = block.number[i];
                    }
                    total++;
                    cells.add((long) Math.floor(lo / cell), (long) Math.floor(la / cell), 1, la, lo);
                }
            }
            if (total <= MAX_POINTS) {
                List<Point> points = new ArrayList<>(total);
                for (int i = 0; i < total; i++) {
                    int n = firstPoints[i];
                    String code = categoryCodes.get(category[n]);
                    points.add(new Point(n, lat[n], lon[n], ReportStatus.values()[status[n]], code,
                            categories.find(code).map(Category::icon).orElse("")));
                }
                points.sort(java.util.Comparator.comparingLong(Point::number));
                return new View(total, List.of(), points);
            }
            return new View(total, cells.clusters(), List.of());
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The width of a grid cell at a zoom level, in degrees. */
    private static double cellDegrees(int zoom) {
        return 360.0 / (1L << zoom) * CELL_PIXELS / 256.0;
    }

    /** The blocks that may hold reports of the box. */
    private List<Block> blocksIn(Query q) {
        long c0 = (long) Math.floor(q.minLon() / BLOCK);
        long c1 = (long) Math.floor(q.maxLon() / BLOCK);
        long r0 = (long) Math.floor(q.minLat() / BLOCK);
        long r1 = (long) Math.floor(q.maxLat() / BLOCK);
        List<Block> found = new ArrayList<>();
        if ((c1 - c0 + 1) * (r1 - r0 + 1) > blocks.size()) {
            for (Block b : blocks.values()) {
                if (b.col >= c0 && b.col <= c1 && b.row >= r0 && b.row <= r1) {
                    found.add(b);
                }
            }
            return found;
        }
        for (long r = r0; r <= r1; r++) {
            for (long c = c0; c <= c1; c++) {
                Block b = blocks.get(blockKey(c, r));
                if (b != null) {
                    found.add(b);
                }
            }
        }
        return found;
    }

    private static long blockKey(long col, long row) {
        return (row << 32) ^ (col & 0xffffffffL);
    }

    /**
     * A square of the grid of zoom level {@link #BLOCK_ZOOM}: its reports (public or not) in flat arrays of
     * their own, so that a view scans memory in order, and the count and position sums of its public ones,
     * so that a wide view adds up blocks, not reports.
     */
    private static final class Block {
        final long col;
        final long row;
        int size;
        int[] number = new int[8];
        double[] lat = new double[8];
        double[] lon = new double[8];
        byte[] status = new byte[8];
        short[] category = new short[8];
        int[] commune = new int[8];
        long[] day = new long[8];
        boolean[] present = new boolean[8];
        int count;
        double sumLat;
        double sumLon;

        Block(long col, long row) {
            this.col = col;
            this.row = row;
        }

        boolean inside(Query q) {
            return col * BLOCK >= q.minLon() && (col + 1) * BLOCK <= q.maxLon()
                    && row * BLOCK >= q.minLat() && (row + 1) * BLOCK <= q.maxLat();
        }

        /** Adds a report; returns its slot. */
        int add(int n, double la, double lo, byte st, short cat, int com, long d, boolean pres) {
            if (size == number.length) {
                int grown = size * 2;
                number = Arrays.copyOf(number, grown);
                lat = Arrays.copyOf(lat, grown);
                lon = Arrays.copyOf(lon, grown);
                status = Arrays.copyOf(status, grown);
                category = Arrays.copyOf(category, grown);
                commune = Arrays.copyOf(commune, grown);
                day = Arrays.copyOf(day, grown);
                present = Arrays.copyOf(present, grown);
            }
            int i = size++;
            set(i, n, la, lo, st, cat, com, d, pres);
            if (pres) {
                count++;
                sumLat += la;
                sumLon += lo;
            }
            return i;
        }

        /** Removes the report of a slot; returns the number of the report moved into it, or -1. */
        int remove(int i) {
            if (present[i]) {
                count--;
                sumLat -= lat[i];
                sumLon -= lon[i];
            }
            int last = --size;
            if (i == last) {
                return -1;
            }
            set(i, number[last], lat[last], lon[last], status[last], category[last], commune[last], day[last],
                    present[last]);
            return number[i];
        }

        private void set(int i, int n, double la, double lo, byte st, short cat, int com, long d, boolean pres) {
            number[i] = n;
            lat[i] = la;
            lon[i] = lo;
            status[i] = st;
            category[i] = cat;
            commune[i] = com;
            day[i] = d;
            present[i] = pres;
        }
    }

    /** Sums per grid cell of the view: flat arrays when the view has few cells, else a map. */
    private static final class Cells {
        private final long c0;
        private final long r0;
        private final int cols;
        private final int rows;
        private final int[] count;
        private final double[] sumLat;
        private final double[] sumLon;
        private final Map<Long, double[]> others = new HashMap<>();

        Cells(Query q, double cell) {
            c0 = (long) Math.floor(q.minLon() / cell);
            r0 = (long) Math.floor(q.minLat() / cell);
            long c = (long) Math.floor(q.maxLon() / cell) - c0 + 1;
            long r = (long) Math.floor(q.maxLat() / cell) - r0 + 1;
            boolean small = c > 0 && r > 0 && c * r <= 65_536;
            cols = small ? (int) c : 0;
            rows = small ? (int) r : 0;
            count = new int[cols * rows];
            sumLat = new double[cols * rows];
            sumLon = new double[cols * rows];
        }

        void add(long col, long row, int n, double la, double lo) {
            long x = col - c0;
            long y = row - r0;
            if (x >= 0 && x < cols && y >= 0 && y < rows) {
                int i = (int) (y * cols + x);
                count[i] += n;
                sumLat[i] += la;
                sumLon[i] += lo;
                return;
            }
            double[] sum = others.computeIfAbsent((row << 32) ^ (col & 0xffffffffL), k -> new double[3]);
            sum[0] += la;
            sum[1] += lo;
            sum[2] += n;
        }

        List<Cluster> clusters() {
            List<Cluster> clusters = new ArrayList<>();
            for (int i = 0; i < count.length; i++) {
                if (count[i] > 0) {
                    clusters.add(new Cluster(sumLat[i] / count[i], sumLon[i] / count[i], count[i]));
                }
            }
            for (double[] sum : others.values()) {
                clusters.add(new Cluster(sum[0] / sum[2], sum[1] / sum[2], (int) sum[2]));
            }
            return clusters;
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
                    if (known[n]) {
                        int moved = block(lat[n], lon[n]).remove(slot[n]);
                        if (moved >= 0) {
                            slot[moved] = slot[n];
                        }
                    }
                    lat[n] = rs.getDouble("lat");
                    lon[n] = rs.getDouble("lon");
                    status[n] = (byte) ReportStatus.valueOf(rs.getString("status")).ordinal();
                    category[n] = categoryId(rs.getString("category_code"));
                    String c = rs.getString("commune_code");
                    known[n] = true;
                    slot[n] = block(lat[n], lon[n]).add(n, lat[n], lon[n], status[n], category[n],
                            c == null ? -1 : parseCommune(c), rs.getTimestamp("submitted_at").toInstant().getEpochSecond(),
                            rs.getBoolean("visible") && rs.getBoolean("unmerged"));
                    maxNumber = Math.max(maxNumber, n);
                    lastChange = Math.max(lastChange, rs.getLong("change_seq"));
                });
        return count[0];
    }

    private Block block(double la, double lo) {
        long col = (long) Math.floor(lo / BLOCK);
        long row = (long) Math.floor(la / BLOCK);
        return blocks.computeIfAbsent(blockKey(col, row), k -> new Block(col, row));
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
        known = Arrays.copyOf(known, size);
        slot = Arrays.copyOf(slot, size);
    }
}
