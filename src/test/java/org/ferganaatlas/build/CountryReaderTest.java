package org.ferganaatlas.build;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Geometry;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Both input layouts are read: geo-maps (MultiPolygon, property A3) and osm_borders (GeometryCollection, isoA3). */
class CountryReaderTest {
    @TempDir
    Path tmp;

    @Test
    void readsGeometryCollectionsWithIsoA3AndMultiPolygonsWithA3() throws Exception {
        Path f = tmp.resolve("c.geo.json");
        Files.writeString(f, """
                {"type":"FeatureCollection","features":[
                 {"type":"Feature","properties":{"isoA3":"AAA","isoA2":"AA"},"geometry":{"type":"GeometryCollection","geometries":[
                   {"type":"MultiPolygon","coordinates":[[[[0,0],[1,0],[1,1],[0,1],[0,0]],[[0.4,0.4],[0.4,0.6],[0.6,0.6],[0.6,0.4],[0.4,0.4]]]]},
                   {"type":"Polygon","coordinates":[[[5,5],[6,5],[6,6],[5,6],[5,5]]]}]}},
                 {"type":"Feature","properties":{"A3":"BBB"},"geometry":{"type":"MultiPolygon","coordinates":[[[[1,0],[2,0],[2,1],[1,1],[1,0]]]]}}
                ]}""");
        Map<String, Geometry> c = CountryReader.read(f, new Region(0, 0, 2, 1));
        assertEquals(2, c.size(), c.toString());
        // AAA: the square minus its hole; the second member lies outside the region and is dropped.
        assertEquals(1.0 - 0.04, c.get("AAA").getArea(), 1e-9);
        assertEquals(1, ((org.locationtech.jts.geom.Polygon) c.get("AAA").getGeometryN(0)).getNumInteriorRing());
        assertEquals(1.0, c.get("BBB").getArea(), 1e-9);
        assertTrue(c.get("AAA").isValid());
    }
}
