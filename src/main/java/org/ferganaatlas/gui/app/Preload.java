package org.ferganaatlas.gui.app;

import org.ferganaatlas.gui.map.Viewport;

import org.ferganaatlas.gui.state.MapData;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.ferganaatlas.data.AtlasDatabase;
import org.ferganaatlas.data.AtlasPaths;
import org.ferganaatlas.data.AtlasSchema;
import org.ferganaatlas.map.AtlasTileRetriever;
import org.ferganaatlas.map.TileRenderer;
import org.ferganaatlas.model.Feature;
import org.ferganaatlas.model.FeatureKind;
import org.ferganaatlas.model.GeoConventions;

/**
 * Start-up work that needs no JavaFX thread, started from {@code main} before the toolkit: open the bundled
 * database (loads the SQLite native library), load the overlay features ({@link MapData}), decode the border and
 * enclave geometries for the home view, and queue the home view's basemap tiles, so that all of it runs on the
 * second core while the toolkit starts and the window is built. Purely an optimisation: {@link AtlasApp#start}
 * takes the result only if it is for the same file and opened cleanly, otherwise it opens the database itself (and
 * reports problems exactly as before).
 */
public final class Preload {
    private Preload() {}

    private record Result(Path file, AtlasDatabase db, MapData data) {}

    private static volatile CompletableFuture<Result> running;

    /** Starts the preload on a daemon thread (once). */
    public static void begin() {
        if (running != null || Boolean.getBoolean("atlas.noPreload")) {
            return;
        }
        CompletableFuture<Result> f = new CompletableFuture<>();
        running = f;
        Thread t = new Thread(() -> {
            try {
                Path file = AtlasPaths.bundledDatabase();
                AtlasDatabase db = AtlasDatabase.open(file);
                AtlasTileRetriever.use(db);
                queueHomeTiles();
                MapData data = new MapData(db);
                f.complete(new Result(file, db, data));
                warmGeometry(data);
                warmTexts();
            } catch (Throwable e) {
                f.complete(null); // AtlasApp opens the database itself and reports the problem
            }
        }, "atlas-preload");
        t.setDaemon(true);
        t.start();
    }

    /** The preloaded database if it is {@code file} (then the caller owns it), else null. */
    public static AtlasDatabase database(Path file) {
        Result r = result();
        if (r == null || !r.file().equals(file)) {
            if (r != null) {
                r.db().close();
            }
            running = CompletableFuture.completedFuture(null);
            return null;
        }
        return r.db();
    }

    /** The preloaded features for {@code db}, or new ones. */
    public static MapData mapData(AtlasDatabase db) {
        Result r = result();
        return r != null && r.db() == db ? r.data() : new MapData(db);
    }

    private static Result result() {
        CompletableFuture<Result> f = running;
        if (f == null) {
            return null;
        }
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException e) {
            return null;
        }
    }

    /** The zoom the home view will most likely have (the map's size is not known yet). */
    public static double likelyHomeZoom() {
        return Viewport.fitZoom(Viewport.VALLEY_WEST, Viewport.VALLEY_SOUTH, Viewport.VALLEY_EAST, Viewport.VALLEY_NORTH,
                1050, 680, 16);
    }

    /** Renders (into the memory cache) the basemap tiles of the home view, at the tile zoom Gluon will ask for. */
    private static void queueHomeTiles() {
        int z = (int) Math.floor(Viewport.clampZoom(likelyHomeZoom()));
        AtlasTileRetriever r = new AtlasTileRetriever();
        double pad = 0.6; // degrees: the home view shows a margin around the valley
        long x0 = (long) GeoConventions.lonToTileX(Viewport.VALLEY_WEST - pad, z);
        long x1 = (long) GeoConventions.lonToTileX(Viewport.VALLEY_EAST + pad, z);
        long y0 = (long) GeoConventions.latToTileY(Viewport.VALLEY_NORTH + pad, z);
        long y1 = (long) GeoConventions.latToTileY(Viewport.VALLEY_SOUTH - pad, z);
        // centre tiles last: the pool takes the newest request first
        for (long y = y0; y <= y1; y++) {
            for (long x = x0; x <= x1; x++) {
                if (TileRenderer.touchesRegion(z, x, y)) {
                    r.loadTile(z, x, y);
                }
            }
        }
    }

    /**
     * Loads the messages and ICU's date and plural data for the system's language (the panels format dates as they are
     * built, and ICU's first format reads its data files: a tenth of a second on the FX thread otherwise).
     */
    private static void warmTexts() {
        java.util.Locale lang = org.ferganaatlas.gui.l10n.Messages.systemLanguage();
        org.ferganaatlas.gui.l10n.FeatureText.date(java.time.LocalDate.of(2025, 3, 13), lang);
        org.ferganaatlas.gui.l10n.FeatureText.date("2025-03", lang);
        com.ibm.icu.text.PluralRules.forLocale(org.ferganaatlas.gui.l10n.Messages.formatLocale(lang));
    }

    /** Decodes the geometries the overlays draw first (home-view level of detail) into the database's cache. */
    private static void warmGeometry(MapData data) {
        int lod = AtlasSchema.lodForZoom(likelyHomeZoom());
        for (FeatureKind kind : new FeatureKind[] {FeatureKind.BORDER, FeatureKind.ENCLAVE}) {
            for (Feature f : data.features(kind)) {
                data.geometry(f, lod);
            }
        }
    }
}
