package org.ferganaatlas.logic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The byte/vertex-budgeted LRU behind the geometry and tile-shape caches. */
class WeightedLruCacheTest {
    private static WeightedLruCache<Long, String> cache(long budget) {
        return new WeightedLruCache<>(budget, String::length);
    }

    @Test
    void evictsLeastRecentlyUsedUntilWithinBudget() {
        var c = cache(10);
        c.put(1L, "aaaa");
        c.put(2L, "bbbb");
        assertEquals(8, c.weight());
        c.put(3L, "cccccc"); // 14 > 10: drops 1 (4) -> 10
        assertNull(c.get(1L));
        assertEquals("bbbb", c.get(2L));
        assertEquals("cccccc", c.get(3L));
        assertEquals(10, c.weight());
        assertEquals(2, c.size());
    }

    @Test
    void getRefreshesAccessOrder() {
        var c = cache(10);
        c.put(1L, "aaaa");
        c.put(2L, "bbbb");
        assertEquals("aaaa", c.get(1L)); // 2 is now the least recently used
        c.put(3L, "ccc");
        assertEquals("aaaa", c.get(1L));
        assertNull(c.get(2L));
        assertEquals("ccc", c.get(3L));
        assertEquals(7, c.weight());
    }

    @Test
    void replacingAnEntryAdjustsTheWeight() {
        var c = cache(10);
        c.put(1L, "aaaa");
        c.put(2L, "bb");
        c.put(1L, "a");
        assertEquals(3, c.weight());
        assertEquals(2, c.size());
        c.put(2L, "bbbbbbbbb"); // 1 + 9 = 10, within budget: nothing evicted
        assertEquals(10, c.weight());
        assertEquals("a", c.get(1L));
        c.put(1L, "aaa"); // 3 + 9 = 12: the other entry goes, the replaced one stays
        assertNull(c.get(2L));
        assertEquals("aaa", c.get(1L));
        assertEquals(3, c.weight());
    }

    @Test
    void keepsASingleEntryHeavierThanTheBudget() {
        var c = cache(5);
        c.put(1L, "aa");
        c.put(2L, "bbbbbbbb");
        assertNull(c.get(1L));
        assertEquals("bbbbbbbb", c.get(2L));
        assertEquals(8, c.weight());
        assertEquals(1, c.size());
    }
}
