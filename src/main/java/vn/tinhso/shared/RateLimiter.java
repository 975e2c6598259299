package vn.tinhso.shared;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** At most {@code limit} events per key (e.g. a client address) in any sliding minute, on this node. */
public final class RateLimiter {

    private static final long WINDOW_NANOS = 60_000_000_000L;
    private final Map<String, Deque<Long>> events = new ConcurrentHashMap<>();
    private final int limit;

    public RateLimiter(int limit) {
        this.limit = limit;
    }

    /** Records an event for the key and says whether it is within the limit. */
    public boolean allow(String key) {
        long now = System.nanoTime();
        Deque<Long> times = events.computeIfAbsent(key, a -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && now - times.peekFirst() > WINDOW_NANOS) {
                times.pollFirst();
            }
            if (times.size() >= limit) {
                return false;
            }
            times.addLast(now);
        }
        if (events.size() > 10_000) {
            events.entrySet().removeIf(e -> e.getValue().isEmpty());
        }
        return true;
    }
}
