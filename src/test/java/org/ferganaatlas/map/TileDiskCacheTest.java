package org.ferganaatlas.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.stream.Stream;
import org.ferganaatlas.data.AtlasDatabase;
import org.ferganaatlas.data.AtlasSchema;
import org.ferganaatlas.data.TestAtlasFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Housekeeping of the tile disk cache on real files: what kill -9, upgrades and time leave behind. */
class TileDiskCacheTest {
    private static final long NOW = 1_800_000_000_000L;
    private static final long HOUR = 3_600_000L;

    @TempDir
    Path dir;

    private static Path file(Path p, int bytes, long modified) throws Exception {
        Files.createDirectories(p.getParent());
        Files.write(p, new byte[bytes]);
        Files.setLastModifiedTime(p, FileTime.fromMillis(modified));
        return p;
    }

    @Test
    void removesTemporaryFilesLeftByAKilledWriteButNotOnesBeingWritten() throws Exception {
        Path root = dir.resolve("tiles"), current = root.resolve("abc-atlas-r3");
        Path tile = file(current.resolve("10/700/390.png"), 100, NOW - HOUR);
        Path stale = file(current.resolve("10/700/tile123.tmp"), 50, NOW - HOUR);
        Path fresh = file(current.resolve("10/701/tile456.tmp"), 50, NOW - 5_000);
        TileDiskCache.Report r = TileDiskCache.clean(root, current, 1 << 20, NOW);
        assertEquals(1, r.staleTmpDeleted());
        assertFalse(Files.exists(stale));
        assertTrue(Files.exists(fresh), "another atlas may be writing it right now");
        assertTrue(Files.exists(tile));
    }

    @Test
    void removesOtherVersionsTilesUnlessInUseRightNow() throws Exception {
        Path root = dir.resolve("tiles"), current = root.resolve("new-atlas-r4");
        Path mine = file(current.resolve("8/180/97.png"), 100, NOW - HOUR);
        file(root.resolve("old-atlas-r3/8/180/97.png"), 100, NOW - 48 * HOUR);
        file(root.resolve("old-presentation-r3/9/1/1.png"), 100, NOW - 2 * HOUR);
        Path busy = file(root.resolve("other-atlas-r4/8/1/1.png"), 100, NOW - 60_000);
        TileDiskCache.Report r = TileDiskCache.clean(root, current, 1 << 20, NOW);
        assertEquals(2, r.otherVersionsDeleted());
        assertFalse(Files.exists(root.resolve("old-atlas-r3")));
        assertFalse(Files.exists(root.resolve("old-presentation-r3")));
        assertTrue(Files.exists(busy), "written a minute ago: an atlas of that version is running");
        assertTrue(Files.exists(mine));
    }

    @Test
    void keepsTheCacheUnderItsLimitDroppingTheOldestTiles() throws Exception {
        Path root = dir.resolve("tiles"), current = root.resolve("abc-atlas-r3");
        for (int i = 0; i < 100; i++) {
            file(current.resolve("12/" + (i % 7) + "/" + i + ".png"), 1000, NOW - (100 - i) * 60_000L); // tile 0 oldest
        }
        TileDiskCache.Report r = TileDiskCache.clean(root, current, 50_000, NOW);
        assertEquals(60, r.tilesDeleted(), "down to 80 % of the limit");
        assertEquals(40_000, r.bytesAfter());
        assertFalse(Files.exists(current.resolve("12/0/0.png")));
        assertFalse(Files.exists(current.resolve("12/3/59.png")));
        assertTrue(Files.exists(current.resolve("12/4/60.png")));
        assertTrue(Files.exists(current.resolve("12/1/99.png")), "the newest stay");
        try (Stream<Path> s = Files.walk(current)) {
            assertEquals(40, s.filter(Files::isRegularFile).count());
        }
        TileDiskCache.Report again = TileDiskCache.clean(root, current, 50_000, NOW);
        assertEquals(0, again.tilesDeleted(), "under the limit: nothing more goes");
    }

    @Test
    void theSameDatabaseInAnotherStyleIsKeptAndCountsTowardsTheLimit() throws Exception {
        Path root = dir.resolve("tiles"), current = root.resolve("abc-atlas-r3");
        Path presentation = file(root.resolve("abc-presentation-r3/9/1/1.png"), 30_000, NOW - 40 * 24 * HOUR);
        Path mine = file(current.resolve("9/1/1.png"), 30_000, NOW - HOUR);
        Path oldRenderer = file(root.resolve("abc-atlas-r2/9/1/1.png"), 10, NOW - 40 * 24 * HOUR);
        TileDiskCache.Report r = TileDiskCache.clean(root, current,
                p -> p.getFileName().toString().startsWith("abc-") && p.getFileName().toString().endsWith("-r3"), 50_000, NOW);
        assertEquals(1, r.otherVersionsDeleted(), "only the old renderer's folder");
        assertFalse(Files.exists(oldRenderer));
        assertEquals(1, r.tilesDeleted(), "60 KB over a 50 KB limit for both styles together: the oldest goes");
        assertFalse(Files.exists(presentation));
        assertTrue(Files.exists(mine));
    }

    @Test
    void aMissingCacheIsNotAnError() {
        TileDiskCache.Report r = TileDiskCache.clean(dir.resolve("nope"), dir.resolve("nope/x"), 1, NOW);
        assertEquals(new TileDiskCache.Report(0, 0, 0, 0), r);
        assertFalse(Files.exists(dir.resolve("nope")), "nothing created");
    }

    /** The retriever does it by itself when it starts using a cache folder. */
    @Test
    void theRetrieverCleansItsCacheAtStart() throws Exception {
        String oldCache = System.getProperty("atlas.cache");
        System.setProperty("atlas.cache", dir.resolve("cache").toString());
        AtlasDatabase db = AtlasDatabase.open(TestAtlasFile.write(dir, "atlas.sqlite", Integer.toString(AtlasSchema.SCHEMA_VERSION)));
        try {
            Path root = dir.resolve("cache").resolve("tiles");
            Path current = root.resolve(db.contentId() + "-" + BasemapStyle.ATLAS.id() + "-r" + TileRenderer.VERSION);
            long now = System.currentTimeMillis();
            Path killed = file(current.resolve("10/700/tile99.tmp"), 10, now - HOUR);
            Path oldVersion = file(root.resolve("0000-atlas-r1/10/700/390.png"), 10, now - 30 * 24 * HOUR);
            Path otherStyle = file(root.resolve(db.contentId() + "-presentation-r" + TileRenderer.VERSION + "/10/700/390.png"), 10,
                    now - 30 * 24 * HOUR);
            AtlasTileRetriever.install(db);
            AtlasTileRetriever.flushDiskWrites();
            assertFalse(Files.exists(killed), "stale .tmp still there");
            assertFalse(Files.exists(oldVersion), "other version still there");
            assertTrue(Files.exists(otherStyle), "the presentation style's tiles of this database are not another version");
            try (Stream<Path> s = Files.list(root)) {
                assertEquals(java.util.Set.of(current, otherStyle.getParent().getParent().getParent()),
                        new java.util.HashSet<>(s.toList()));
            }
        } finally {
            db.close();
            if (oldCache == null) {
                System.clearProperty("atlas.cache");
            } else {
                System.setProperty("atlas.cache", oldCache);
            }
        }
    }
}
