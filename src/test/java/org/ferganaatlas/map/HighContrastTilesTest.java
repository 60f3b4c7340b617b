package org.ferganaatlas.map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import org.ferganaatlas.data.AtlasDatabase;
import org.ferganaatlas.data.AtlasSchema;
import org.ferganaatlas.data.TestAtlasFile;
import org.ferganaatlas.model.GeoConventions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The high-contrast basemap: the same tile in both styles gives different pixels, each style always the same pixels,
 * and its palette keeps the map's dark labels readable (WCAG) and its countries apart.
 */
class HighContrastTilesTest {
    @TempDir
    static Path dir;
    static AtlasDatabase db;
    /** atlas.css {@code .map-label.text}: the darkest text over the tiles is #2a2a2a, the lightest t3 #444. */
    static final Color LABEL = new Color(0x44, 0x44, 0x44);

    @BeforeAll
    static void open() throws Exception {
        db = AtlasDatabase.open(TestAtlasFile.write(dir, "atlas.sqlite", Integer.toString(AtlasSchema.SCHEMA_VERSION)));
    }

    @AfterAll
    static void close() {
        db.close();
    }

    /** The tile with the UZB | KGZ border, the lake and the river of the test atlas. */
    private static int[] tile(BasemapStyle style) {
        int zoom = 9;
        long x = (long) Math.floor(GeoConventions.lonToTileX(71.0, zoom));
        long y = (long) Math.floor(GeoConventions.latToTileY(40.3, zoom));
        BufferedImage img = new TileRenderer(db, style).render(zoom, x, y);
        return img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
    }

    @Test
    void theTwoStylesDrawTheSameTileDifferentlyAndEachTheSameEveryTime() {
        int[] atlas = tile(BasemapStyle.ATLAS), contrast = tile(BasemapStyle.HIGH_CONTRAST);
        assertArrayEquals(atlas, tile(BasemapStyle.ATLAS), "the atlas style is deterministic");
        assertArrayEquals(contrast, tile(BasemapStyle.HIGH_CONTRAST), "the high-contrast style is deterministic");
        int differ = 0;
        for (int i = 0; i < atlas.length; i++) {
            if (atlas[i] != contrast[i]) {
                differ++;
            }
        }
        assertTrue(differ > atlas.length * 0.9, "only " + differ + " of " + atlas.length + " pixels differ");
        assertNotEquals(BasemapStyle.ATLAS.id(), BasemapStyle.HIGH_CONTRAST.id(), "the disk cache keeps them apart");
    }

    static double luminance(Color c) {
        double[] v = {c.getRed() / 255.0, c.getGreen() / 255.0, c.getBlue() / 255.0};
        for (int i = 0; i < 3; i++) {
            v[i] = v[i] <= 0.03928 ? v[i] / 12.92 : Math.pow((v[i] + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2];
    }

    /** WCAG 2 contrast ratio. */
    static double contrast(Color a, Color b) {
        double la = luminance(a), lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    @Test
    void labelsAreReadableOnEveryTintAndTheCountriesAndBordersStandApart() {
        BasemapStyle s = BasemapStyle.HIGH_CONTRAST;
        List<String> countries = List.of("KGZ", "TJK", "UZB", "KAZ");
        for (String c : countries) {
            // text over a tint: WCAG AA for normal text is 4.5:1 (the atlas palette's labels have their halo)
            assertTrue(contrast(LABEL, s.fillFor(c)) >= 4.5, c + ": labels at " + contrast(LABEL, s.fillFor(c)) + ":1");
            // a border line against the land on both sides: WCAG non-text contrast 3:1
            assertTrue(contrast(s.border(), s.fillFor(c)) >= 3, c + ": border at " + contrast(s.border(), s.fillFor(c)) + ":1");
        }
        assertTrue(contrast(LABEL, s.waterFill()) >= 4.5, "labels on water");
        assertTrue(contrast(s.waterEdge(), s.waterFill()) >= 3, "shore against water");
        for (String a : countries) {
            for (String b : countries) {
                if (a.compareTo(b) < 0) {
                    assertTrue(TileRendererTest.distance(s.fillFor(a), s.fillFor(b)) > 90,
                            a + " and " + b + " too alike: " + TileRendererTest.hex(s.fillFor(a)) + " " + TileRendererTest.hex(s.fillFor(b)));
                }
            }
        }
        // and clearly stronger than the atlas palette: the three countries' tints further apart
        double atlasSpread = TileRendererTest.distance(BasemapStyle.ATLAS.fillFor("KGZ"), BasemapStyle.ATLAS.fillFor("TJK"));
        assertTrue(TileRendererTest.distance(s.fillFor("KGZ"), s.fillFor("TJK")) > 2 * atlasSpread);
        assertTrue(s.borderWidth(9) > BasemapStyle.ATLAS.borderWidth(9), "heavier borders");
    }
}
