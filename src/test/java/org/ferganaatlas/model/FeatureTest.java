package org.ferganaatlas.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class FeatureTest {
    private static Feature withProps(String json) {
        return new Feature(7, "crossing:test", "crossing", "Test", "KGZ", "KGZ-TJK", 3, 9, 40.0, 71.0, 50.0, "high",
                null, List.of("s-1"), json);
    }

    @Test
    void propsAreParsedOnceAndTheSameMapIsReturned() {
        Feature f = withProps("{\"length_km\": 12.5, \"open\": true, \"who\": \"citizens\", \"gone\": null}");
        Map<String, Object> first = f.props();
        assertSame(first, f.props(), "parsed once, then the same map");
        assertEquals(12.5, f.propNumber("length_km").orElseThrow());
        assertEquals("citizens", f.propString("who").orElseThrow());
        assertSame(first, f.props());
        assertTrue(first.containsKey("gone"), "a JSON null stays a key with a null value");
    }

    @Test
    void propsCannotBeChangedByTheirReader() {
        Feature f = withProps("{\"a\": 1}");
        assertThrows(UnsupportedOperationException.class, () -> f.props().put("a", 2.0));
        assertThrows(UnsupportedOperationException.class, () -> f.props().clear());
        assertEquals(1.0, f.props().get("a"));
    }

    @Test
    void badJsonGivesAnEmptyMapEveryTime() {
        Feature f = withProps("{\"a\": ");
        assertEquals(Map.of(), f.props());
        assertSame(f.props(), f.props());
        assertEquals(Map.of(), withProps(null).props());
        assertEquals("{}", withProps("  ").propsJson());
    }

    @Test
    void manyThreadsSeeOneCompleteMap() throws Exception {
        StringBuilder json = new StringBuilder("{");
        for (int i = 0; i < 500; i++) {
            json.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":").append(i);
        }
        Feature f = withProps(json.append('}').toString());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Map<String, Object>>> seen = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                seen.add(pool.submit(() -> {
                    start.await();
                    return f.props();
                }));
            }
            start.countDown();
            Set<Map<String, Object>> distinct = Collections.newSetFromMap(new IdentityHashMap<>());
            for (Future<Map<String, Object>> m : seen) {
                Map<String, Object> props = m.get();
                assertEquals(500, props.size(), "never a half-filled map");
                assertEquals(499.0, props.get("k499"));
                distinct.add(props);
            }
            // a race may parse twice, but after that every caller gets the one kept instance
            assertTrue(distinct.size() <= 8, "parsed at most once per racing thread");
            assertSame(f.props(), f.props());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void valueSemanticsAreThoseOfTheRecordItWas() {
        Feature a = withProps("{\"a\": 1}"), b = withProps("{\"a\": 1}");
        a.props(); // a parsed map must not make two equal rows unequal
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, withProps("{\"a\": 2}"));
        assertTrue(a.toString().startsWith("Feature[id=7, key=crossing:test, kind=crossing"), a.toString());
    }
}
