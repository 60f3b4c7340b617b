package org.ferganaatlas.data;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ferganaatlas.logic.Geodesy;
import org.ferganaatlas.logic.Geodesy.LatLon;
import org.ferganaatlas.model.Fact;
import org.ferganaatlas.model.Feature;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * The measure tool's maths (Geodesy, WGS84) applied to the bundled enclave outlines must land
 * within the spread of the areas the curated sources publish for them ("check it
 * against known figures"). A wrong axis order, a spherical shortcut or a broken outline would put
 * the measured area far outside that spread.
 */
class MeasuredAgainstPublishedTest {

    // Not Vorukh: its OpenStreetMap outline of about April 2022 (33 km²) is a third of the published 97-130 km²
    // (low-confidence compilations; the 2017 outline was 98 km²). That is a difference in the data, shown in the
    // atlas as both figures, not a fault of the measuring maths this test is about.
    @ParameterizedTest
    @ValueSource(strings = {"enclave:sokh", "enclave:shakhimardan", "enclave:sarvan", "enclave:barak"})
    void enclaveAreaLiesWithinThePublishedFigures(String key) throws Exception {
        Path file = AtlasPaths.bundledDatabase();
        assumeTrue(Files.isRegularFile(file), "no bundled database at " + file);
        try (AtlasDatabase db = AtlasDatabase.open(file)) {
            Feature f = db.featureRepository().feature(key).orElseThrow();
            Geometry g = db.featureRepository().geometry(f.id(), 3).orElseThrow();
            double measured = 0;
            for (int i = 0; i < g.getNumGeometries(); i++) {
                Polygon p = (Polygon) g.getGeometryN(i);
                measured += Geodesy.areaKm2(ring(p.getExteriorRing().getCoordinates()));
                for (int h = 0; h < p.getNumInteriorRing(); h++) {
                    measured -= Geodesy.areaKm2(ring(p.getInteriorRingN(h).getCoordinates()));
                }
            }
            double min = Double.MAX_VALUE, max = 0;
            for (Fact fact : db.factRepository().facts(key)) {
                if (fact.attribute().equals("area_km2")) {
                    double v = Double.parseDouble(fact.value());
                    min = Math.min(min, v);
                    max = Math.max(max, fact.valueMax() == null || fact.valueMax().isBlank() ? v : Double.parseDouble(fact.valueMax()));
                }
            }
            assumeTrue(max > 0, "no published area for " + key);
            // Published figures are rounded and some predate boundary corrections: allow 5 % either side.
            assertTrue(measured >= min * 0.95 && measured <= max * 1.05,
                    key + ": measured " + measured + " km2, published " + min + ".." + max + " km2");
        }
    }

    /** JTS coordinates are x = lon, y = lat; Geodesy takes (lat, lon). */
    private static List<LatLon> ring(Coordinate[] coords) {
        List<LatLon> out = new ArrayList<>(coords.length);
        for (Coordinate c : coords) {
            out.add(new LatLon(c.y, c.x));
        }
        return out;
    }
}
