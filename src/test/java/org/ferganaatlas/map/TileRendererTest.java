package org.ferganaatlas.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.ferganaatlas.data.AtlasDatabase;
import org.ferganaatlas.data.AtlasSchema;
import org.ferganaatlas.data.TestAtlasFile;
import org.ferganaatlas.model.GeoConventions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Tiles of the small test atlas (UZB | KGZ split at 71° E, a lake and a river in KGZ, see {@link TestAtlasFile}). */
class TileRendererTest {
    @TempDir
    static Path dir;
    static AtlasDatabase db;
    static TileRenderer renderer;
    static final BasemapStyle S = BasemapStyle.ATLAS;

    @BeforeAll
    static void open() throws Exception {
        db = AtlasDatabase.open(TestAtlasFile.write(dir, "atlas.sqlite", Integer.toString(AtlasSchema.SCHEMA_VERSION)));
        renderer = new TileRenderer(db, S);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    /** The colour of the pixel showing (lat, lon) at a zoom, rendering the tile that contains it. */
    static Color pixelAt(TileRenderer r, double lat, double lon, int zoom) {
        double tx = GeoConventions.lonToTileX(lon, zoom);
        double ty = GeoConventions.latToTileY(lat, zoom);
        long x = (long) Math.floor(tx), y = (long) Math.floor(ty);
        BufferedImage img = r.render(zoom, x, y);
        int px = (int) Math.floor((tx - x) * TileRenderer.SIZE);
        int py = (int) Math.floor((ty - y) * TileRenderer.SIZE);
        return new Color(img.getRGB(px, py), true);
    }

    /** Like {@link #pixelAt} (the name says the point is exact, e.g. a vertex of a border line). */
    static Color pixelAtExact(TileRenderer r, double lat, double lon, int zoom) {
        return pixelAt(r, lat, lon, zoom);
    }

    static double distance(Color a, Color b) {
        int dr = a.getRed() - b.getRed(), dg = a.getGreen() - b.getGreen(), db = a.getBlue() - b.getBlue();
        return Math.sqrt(dr * dr + dg * dg + db * db);
    }

    static void assertColour(Color expected, Color actual, double tolerance, String what) {
        assertTrue(distance(expected, actual) <= tolerance,
                what + ": expected ~" + hex(expected) + " but was " + hex(actual));
    }

    static String hex(Color c) {
        return String.format("#%02x%02x%02x/%d", c.getRed(), c.getGreen(), c.getBlue(), c.getAlpha());
    }

    @ParameterizedTest
    @ValueSource(ints = {7, 9, 12, 14})
    void countriesAreFilledWithTheirColoursOnTheRightSide(int zoom) {
        // Off the graticule lines and their labels, away from lake, river and border.
        assertColour(S.fillFor("KGZ"), pixelAt(renderer, 40.13, 71.88, zoom), 3, "inside KGZ");
        assertColour(S.fillFor("UZB"), pixelAt(renderer, 40.27, 70.62, zoom), 3, "inside UZB");
        assertColour(S.waterFill(), pixelAt(renderer, 40.47, 71.47, zoom), 3, "inside the lake");
    }

    @ParameterizedTest
    @ValueSource(ints = {9, 12, 14})
    void theBorderPixelHasTheBorderColour(int zoom) {
        Color c = pixelAt(renderer, 40.33, TestAtlasFile.BORDER_LON, zoom);
        double toBorder = distance(S.border(), c);
        assertTrue(toBorder < distance(S.fillFor("KGZ"), c) && toBorder < distance(S.fillFor("UZB"), c),
                "pixel on the border should be border-coloured, was " + hex(c));
        // Two pixels to either side it is land again: the line is where the data says, not shifted.
        double metres = GeoConventions.metresPerPixel(40.33, zoom);
        double degPerPx = metres / (111_320 * Math.cos(Math.toRadians(40.33)));
        assertColour(S.fillFor("KGZ"), pixelAt(renderer, 40.33, TestAtlasFile.BORDER_LON + 3 * degPerPx, zoom), 3, "east of the border");
        assertColour(S.fillFor("UZB"), pixelAt(renderer, 40.33, TestAtlasFile.BORDER_LON - 3 * degPerPx, zoom), 3, "west of the border");
    }

    @Test
    void riversAreDrawn() {
        Color c = pixelAt(renderer, 40.8, 70.53, 12);
        assertTrue(distance(S.river(), c) < distance(S.fillFor("UZB"), c), "river pixel was " + hex(c));
    }

    @Test
    void tilesOutsideTheRegionArePlain() {
        BufferedImage img = renderer.render(8, 0, 0);
        for (int p : TileRenderer.pixels(img)) {
            assertEquals(S.outsideRegion().getRGB(), p);
        }
        assertTrue(TileRenderer.touchesRegion(9, (long) GeoConventions.lonToTileX(71.5, 9), (long) GeoConventions.latToTileY(40.5, 9)));
        assertTrue(!TileRenderer.touchesRegion(9, (long) GeoConventions.lonToTileX(71.5, 9), (long) GeoConventions.latToTileY(45.5, 9)));
    }

    @Test
    void tilesAreOpaqueAndNotBlank() {
        for (int zoom = 5; zoom <= 16; zoom++) {
            BufferedImage img = renderer.render(zoom, (long) GeoConventions.lonToTileX(71.0001, zoom),
                    (long) GeoConventions.latToTileY(40.45, zoom));
            assertEquals(BufferedImage.TYPE_INT_ARGB_PRE, img.getType());
            assertEquals(256, img.getWidth());
            java.util.Set<Integer> colours = new java.util.HashSet<>();
            for (int p : TileRenderer.pixels(img)) {
                assertEquals(0xff, p >>> 24, "opaque at zoom " + zoom);
                colours.add(p);
            }
            assertTrue(colours.size() > 2, "zoom " + zoom + " shows more than a plain colour");
        }
    }

    @Test
    void neighbouringTilesMeetSeamlessly() {
        // The border runs through the middle of a column of tiles; check the two rows on either side of a tile edge.
        int zoom = 11;
        long x = (long) GeoConventions.lonToTileX(71.0, zoom);
        long y = (long) GeoConventions.latToTileY(40.5, zoom);
        int[] above = TileRenderer.pixels(renderer.render(zoom, x, y));
        int[] below = TileRenderer.pixels(renderer.render(zoom, x, y + 1));
        int differing = 0;
        for (int px = 0; px < 256; px++) {
            if (distance(new Color(above[255 * 256 + px]), new Color(below[px])) > 40) {
                differing++;
            }
        }
        assertTrue(differing <= 2, differing + " columns differ across the tile edge");
    }

    @Test
    void formatsGraticuleLabels() {
        assertEquals("40°N", TileRenderer.formatDegrees(40, 1, 'N', 'S'));
        assertEquals("71°30′E", TileRenderer.formatDegrees(71.5, 0.5, 'E', 'W'));
        assertEquals("40°15′N", TileRenderer.formatDegrees(40.25, 0.25, 'N', 'S'));
    }
}
