package org.ferganaatlas.logic;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToLongFunction;

/**
 * A thread-safe least-recently-used cache bounded by the total weight of its values rather than by their
 * number (for example decoded geometries weighed by coordinate count). After each {@link #put} the least
 * recently used entries are evicted until the total weight is within the budget again; the entry just put is
 * never evicted, so one value heavier than the whole budget is still kept (alone).
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class WeightedLruCache<K, V> {
    private final long budget;
    private final ToLongFunction<? super V> weigher;
    private final LinkedHashMap<K, V> map = new LinkedHashMap<>(256, 0.75f, true);
    private long used;

    /**
     * @param budget the total weight the cache keeps at most (apart from a single over-heavy entry)
     * @param weigher the weight of a value; must not change while the value is cached
     */
    public WeightedLruCache(long budget, ToLongFunction<? super V> weigher) {
        this.budget = budget;
        this.weigher = Objects.requireNonNull(weigher);
    }

    /** The cached value for {@code key}, or null; a hit makes the entry the most recently used. */
    public synchronized V get(K key) {
        return map.get(key);
    }

    /** Caches {@code value} under {@code key} (replacing any value there), then evicts down to the budget. */
    public synchronized void put(K key, V value) {
        Objects.requireNonNull(value);
        V old = map.put(key, value);
        if (old != null) {
            used -= weigher.applyAsLong(old);
        }
        used += weigher.applyAsLong(value);
        Iterator<Map.Entry<K, V>> it = map.entrySet().iterator();
        while (used > budget && map.size() > 1 && it.hasNext()) {
            Map.Entry<K, V> e = it.next();
            if (Objects.equals(e.getKey(), key)) {
                continue;
            }
            used -= weigher.applyAsLong(e.getValue());
            it.remove();
        }
    }

    /** The total weight of the cached values. */
    public synchronized long weight() {
        return used;
    }

    /** The number of cached entries. */
    public synchronized int size() {
        return map.size();
    }
}
