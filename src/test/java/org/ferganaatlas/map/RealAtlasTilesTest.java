package org.ferganaatlas.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ferganaatlas.data.AtlasDatabase;
import org.ferganaatlas.data.AtlasPaths;
import org.ferganaatlas.model.Feature;
import org.ferganaatlas.model.GeoConventions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Tiles of the real bundled database (skipped when assets/atlas.sqlite has not been built): on the
 * Kyrgyzstan–Uzbekistan border the pixel at a border vertex has the border colour and a few pixels to either
 * side the land has the colour of the country that the database says is there.
 */
class RealAtlasTilesTest {
    static AtlasDatabase db;
    static TileRenderer renderer;
    static final BasemapStyle S = BasemapStyle.ATLAS;

    @BeforeAll
    static void open() throws Exception {
        Path file = AtlasPaths.bundledDatabase();
        assumeTrue(Files.isRegularFile(file), "no built atlas database at " + file);
        db = AtlasDatabase.open(file);
        renderer = new TileRenderer(db, S);
    }

    @AfterAll
    static void close() {
        if (db != null) {
            db.close();
        }
    }

    /** The nearest of the basemap's colours, by name. */
    static String nearest(Color c) {
        Map<String, Color> palette = new LinkedHashMap<>();
        palette.put("KGZ", S.fillFor("KGZ"));
        palette.put("TJK", S.fillFor("TJK"));
        palette.put("UZB", S.fillFor("UZB"));
        palette.put("border", S.border());
        palette.put("water", S.waterFill());
        palette.put("river", S.river());
        palette.put("none", S.noCountry());
        String best = null;
        double bestD = Double.MAX_VALUE;
        for (var e : palette.entrySet()) {
            double d = TileRendererTest.distance(e.getValue(), c);
            if (d < bestD) {
                bestD = d;
                best = e.getKey();
            }
        }
        return best;
    }

    @Test
    void kyrgyzUzbekBorderIsWhereTheDataSays() {
        int zoom = 14;
        List<Feature> borders = db.featureRepository().features("border").stream().filter(f -> "KGZ-UZB".equals(f.countries())).toList();
        assertFalse(borders.isEmpty(), "the database has KGZ-UZB border lines");
        Geometry kgz = db.featureRepository().geometry(db.featureRepository().feature("country:KGZ").orElseThrow().id(), 3).orElseThrow();
        GeometryFactory gf = new GeometryFactory();
        int checked = 0;
        for (Feature b : borders) {
            Geometry line = db.featureRepository().geometry(b.id(), 3).orElseThrow();
            Coordinate[] cs = line.getCoordinates();
            for (int k = 5; k < cs.length - 5 && checked < 5; k += Math.max(1, cs.length / 40)) {
                Coordinate c = cs[k];
                double mpp = GeoConventions.metresPerPixel(c.y, zoom);
                double dLat = 30 * mpp / 111_320.0, dLon = dLat / Math.cos(Math.toRadians(c.y));
                // Skip places where water, another border, or a sharp bend is near: the colours there are mixed.
                if (!db.featureRepository().featuresIn(c.x - dLon, c.y - dLat, c.x + dLon, c.y + dLat,
                        Set.of("river", "lake", "water_facility", "enclave")).isEmpty()
                        || db.featureRepository().featuresIn(c.x - dLon, c.y - dLat, c.x + dLon, c.y + dLat, Set.of("border")).size() > 1) {
                    continue;
                }
                // Perpendicular to the local direction of the border, 4 px to either side.
                double ex = (cs[k + 1].x - cs[k - 1].x) * Math.cos(Math.toRadians(c.y)), ey = cs[k + 1].y - cs[k - 1].y;
                double len = Math.hypot(ex, ey);
                if (len == 0) {
                    continue;
                }
                double step = 4 * mpp / 111_320.0;
                double nLat = ex / len * step, nLon = -ey / len * step / Math.cos(Math.toRadians(c.y));
                Coordinate a = new Coordinate(c.x + nLon, c.y + nLat), z = new Coordinate(c.x - nLon, c.y - nLat);
                if (line.distance(gf.createPoint(a)) < 0.6 * step || line.distance(gf.createPoint(z)) < 0.6 * step) {
                    continue; // a bend: the side points are close to another part of the line
                }
                String onLine = nearest(TileRendererTest.pixelAtExact(renderer, c.y, c.x, zoom));
                String sideA = nearest(TileRendererTest.pixelAtExact(renderer, a.y, a.x, zoom));
                String sideZ = nearest(TileRendererTest.pixelAtExact(renderer, z.y, z.x, zoom));
                String expectA = kgz.contains(gf.createPoint(a)) ? "KGZ" : "UZB";
                String expectZ = kgz.contains(gf.createPoint(z)) ? "KGZ" : "UZB";
                assertEquals("border", onLine, "pixel on " + b.key() + " at " + c);
                assertEquals(expectA, sideA, "side of " + b.key() + " at " + a);
                assertEquals(expectZ, sideZ, "side of " + b.key() + " at " + z);
                checked++;
            }
        }
        assertNotNull(kgz);
        assumeTrue(checked > 0, "no quiet stretch of the KGZ-UZB border found");
    }

    /**
     * Along the Syr Darya west of Khujand the input leaves the river as chains of slim gaps between the land polygons;
     * drawn as they are they showed as pale shards at zoom 11. The land beside them closes them; the river line and the
     * reservoir's own polygon show the water.
     */
    @Test
    void noShardsOfUncoveredLandAlongTheSyrDarya() {
        int zoom = 11;
        long x0 = (long) Math.floor(GeoConventions.lonToTileX(69.35, zoom)), x1 = (long) Math.floor(GeoConventions.lonToTileX(69.95, zoom));
        long y0 = (long) Math.floor(GeoConventions.latToTileY(40.36, zoom)), y1 = (long) Math.floor(GeoConventions.latToTileY(40.20, zoom));
        int none = 0, all = 0;
        for (long x = x0; x <= x1; x++) {
            for (long y = y0; y <= y1; y++) {
                for (int argb : TileRenderer.pixels(renderer.render(zoom, x, y))) {
                    all++;
                    if (TileRendererTest.distance(new Color(argb, true), S.noCountry()) < 3) {
                        none++;
                    }
                }
            }
        }
        assertTrue(none < all / 200, none + " of " + all + " pixels of uncovered land round Khujand at zoom " + zoom);
    }
}
