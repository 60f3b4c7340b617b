package org.ferganaatlas.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.gluonhq.maps.tile.TileRetriever;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ServiceLoader;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.image.Image;
import org.ferganaatlas.data.AtlasDatabase;
import org.ferganaatlas.data.AtlasSchema;
import org.ferganaatlas.data.TestAtlasFile;
import org.ferganaatlas.model.GeoConventions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Gluon-facing side: ServiceLoader finds us, tiles arrive as JavaFX images off the FX thread, caches work. */
class AtlasTileRetrieverTest {
    @TempDir
    static Path dir;
    static AtlasDatabase db;
    static String oldCache;

    @BeforeAll
    static void setUp() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        try {
            Platform.startup(started::countDown);
        } catch (IllegalStateException alreadyRunning) {
            started.countDown();
        }
        assertTrue(started.await(30, TimeUnit.SECONDS));
        oldCache = System.getProperty("atlas.cache");
        System.setProperty("atlas.cache", dir.resolve("cache").toString());
        db = AtlasDatabase.open(TestAtlasFile.write(dir, "atlas.sqlite", Integer.toString(AtlasSchema.SCHEMA_VERSION)));
        AtlasTileRetriever.install(db);
    }

    @AfterAll
    static void tearDown() {
        db.close();
        if (oldCache == null) {
            System.clearProperty("atlas.cache");
        } else {
            System.setProperty("atlas.cache", oldCache);
        }
    }

    @Test
    void gluonFindsOurRetrieverFirst() {
        TileRetriever first = ServiceLoader.load(TileRetriever.class).iterator().next();
        assertTrue(first instanceof AtlasTileRetriever, "ServiceLoader gave " + first.getClass());
    }

    @Test
    void deliversPlacedTilesAndCachesThem() throws Exception {
        AtlasTileRetriever.enableDiskCache(); // as after the start-up integrity check
        AtlasTileRetriever r = new AtlasTileRetriever();
        int zoom = 10;
        double lat = 40.13, lon = 71.88; // inside KGZ
        long x = (long) GeoConventions.lonToTileX(lon, zoom), y = (long) GeoConventions.latToTileY(lat, zoom);
        Image img = r.loadTile(zoom, x, y).get(20, TimeUnit.SECONDS);
        assertNotNull(img);
        assertEquals(256, img.getWidth());
        int px = (int) ((GeoConventions.lonToTileX(lon, zoom) - x) * 256);
        int py = (int) ((GeoConventions.latToTileY(lat, zoom) - y) * 256);
        int argb = img.getPixelReader().getArgb(px, py);
        assertEquals(BasemapStyle.ATLAS.fillFor("KGZ").getRGB(), argb, "KGZ fill in the JavaFX image");
        assertSame(img, r.loadTile(zoom, x, y).get(), "second request is served from memory");

        Image outside = r.loadTile(zoom, 0, 0).get(5, TimeUnit.SECONDS);
        assertEquals(BasemapStyle.ATLAS.outsideRegion().getRGB(), outside.getPixelReader().getArgb(128, 128));

        // The disk cache is written in the background, keyed by the database content hash.
        Path tile = dir.resolve("cache").resolve("tiles")
                .resolve(db.contentId() + "-" + BasemapStyle.ATLAS.id() + "-r" + TileRenderer.VERSION)
                .resolve(Integer.toString(zoom)).resolve(Long.toString(x)).resolve(y + ".png");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!Files.exists(tile) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(Files.exists(tile), "disk cache file " + tile);
    }

    /**
     * The disk cache is keyed by the database's own content_sha256, which an altered file keeps: until the start-up
     * integrity check has passed nothing may be read from it or written to it (else wrong tiles would be cached under
     * a good key and reused after a reinstall).
     */
    @Test
    void noDiskCacheBeforeTheIntegrityCheckPasses() throws Exception {
        AtlasTileRetriever.resetDiskCacheGate();
        try {
            AtlasTileRetriever.install(db); // empty memory cache
            AtlasTileRetriever r = new AtlasTileRetriever();
            int zoom = 11;
            long x = (long) GeoConventions.lonToTileX(71.88, zoom), y = (long) GeoConventions.latToTileY(40.13, zoom);
            // a planted (wrong) tile must not be served while the check runs
            Path planted = tileFile(zoom, x, y);
            Files.createDirectories(planted.getParent());
            java.awt.image.BufferedImage red = new java.awt.image.BufferedImage(256, 256, java.awt.image.BufferedImage.TYPE_INT_ARGB);
            java.awt.Graphics2D g = red.createGraphics();
            g.setColor(java.awt.Color.RED);
            g.fillRect(0, 0, 256, 256);
            g.dispose();
            javax.imageio.ImageIO.write(red, "png", planted.toFile());
            Image img = r.loadTile(zoom, x, y).get(20, TimeUnit.SECONDS);
            assertNotEquals(0xFFFF0000, img.getPixelReader().getArgb(128, 128), "a disk-cache tile was read before the check passed");

            // rendered while the check runs: nothing is written (the writer has had its turn for every tile)
            long other = x + 1;
            r.loadTile(zoom, other, y).get(20, TimeUnit.SECONDS);
            AtlasTileRetriever.flushDiskWrites();
            assertFalse(Files.exists(tileFile(zoom, other, y)), "a tile was written to the disk cache before the check passed");

            // once it has passed, tiles are cached again
            AtlasTileRetriever.enableDiskCache();
            long after = x + 2;
            r.loadTile(zoom, after, y).get(20, TimeUnit.SECONDS);
            AtlasTileRetriever.flushDiskWrites();
            assertTrue(Files.exists(tileFile(zoom, after, y)), "after the check passed tiles are cached");
        } finally {
            AtlasTileRetriever.enableDiskCache();
        }
    }

    private static Path tileFile(int zoom, long x, long y) {
        return dir.resolve("cache").resolve("tiles")
                .resolve(db.contentId() + "-" + BasemapStyle.ATLAS.id() + "-r" + TileRenderer.VERSION)
                .resolve(Integer.toString(zoom)).resolve(Long.toString(x)).resolve(y + ".png");
    }
}
