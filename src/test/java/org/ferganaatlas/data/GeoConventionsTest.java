package org.ferganaatlas.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.ferganaatlas.model.GeoConventions;
import org.ferganaatlas.model.PropsJson;
import org.junit.jupiter.api.Test;

class GeoConventionsTest {
    @Test
    void tileNumbersMatchOpenStreetMap() {
        // Osh (40.53 N, 72.80 E) is in OSM tile 12/2876/1542 (slippy-map formula of the OSM wiki, computed independently).
        assertEquals(2876, (long) GeoConventions.lonToTileX(72.80, 12));
        assertEquals(1542, (long) GeoConventions.latToTileY(40.53, 12));
        assertEquals(0.5, GeoConventions.lonToWorldX(0), 1e-15);
        assertEquals(0.5, GeoConventions.latToWorldY(0), 1e-15);
        assertEquals(40.53, GeoConventions.worldYToLat(GeoConventions.latToWorldY(40.53)), 1e-12);
        assertEquals(72.8, GeoConventions.tileXToLon(GeoConventions.lonToTileX(72.8, 9), 9), 1e-12);
        assertEquals(GeoConventions.latToTileY(40.53, 12) * 256, GeoConventions.latToWorldPixelY(40.53, 12), 1e-9);
    }

    @Test
    void parsesFlatJson() {
        Map<String, Object> m = PropsJson.parse(" {\"a\": \"x\\\"y\\u0041\", \"n\": -1.5e2, \"b\": false, \"z\": null,"
                + " \"arr\": [1, {\"k\": \"]\"}], \"o\": {}} ");
        assertEquals("x\"yA", m.get("a"));
        assertEquals(-150.0, m.get("n"));
        assertEquals(Boolean.FALSE, m.get("b"));
        assertEquals(null, m.get("z"));
        assertEquals("[1, {\"k\": \"]\"}]", m.get("arr"));
        assertEquals("{}", m.get("o"));
        assertEquals(Map.of(), PropsJson.parse("{}"));
        assertThrows(IllegalArgumentException.class, () -> PropsJson.parse("{\"a\": 1"));
        assertThrows(IllegalArgumentException.class, () -> PropsJson.parse("[1]"));
        assertThrows(IllegalArgumentException.class, () -> PropsJson.parse("{\"a\": tru}"));
        assertThrows(IllegalArgumentException.class, () -> PropsJson.parse("{\"a\": 1} x"));
        assertThrows(IllegalArgumentException.class, () -> PropsJson.parse("{\"a\": [[[[" ));
    }
}
