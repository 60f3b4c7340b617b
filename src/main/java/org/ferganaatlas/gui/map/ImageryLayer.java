package org.ferganaatlas.gui.map;

import com.gluonhq.maps.MapLayer;
import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import org.ferganaatlas.data.MbTiles;
import org.ferganaatlas.gui.state.AtlasState;
import org.ferganaatlas.model.GeoConventions;

/**
 * The user's MBTiles pictures (satellite imagery, a scanned map) as the basemap: a Gluon {@link MapLayer} under all
 * overlays that covers the atlas's own tiles with the file's tiles for the view, at the file's zoom nearest the map's
 * (scaled past its deepest zoom). Tiles are read and decoded on one daemon thread and kept in a small memory cache;
 * where the file has no tile, the atlas map shows through.
 *
 * <p>Why a layer and not a second {@code TileRetriever}: Gluon's base map keeps the tiles it has loaded and has no
 * public way to drop them, so a retriever that switched source would leave the old source's tiles on screen until
 * each was evicted (docs/decisions/0016-backups-large-imports-mbtiles.md).
 */
public final class ImageryLayer extends MapLayer {
    /** Tiles held decoded (256x256 ARGB, 256 KB each): a view and its surroundings at two zooms. */
    private static final int CACHE_TILES = 160;
    /** A view never needs more (a 4K screen at a half zoom step); a guard against a runaway range. */
    private static final int MAX_TILES_IN_VIEW = 120;
    private static final ExecutorService LOADER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "atlas-imagery");
        t.setDaemon(true);
        t.setPriority(Thread.NORM_PRIORITY - 1);
        return t;
    });
    /** A decoded tile, or {@link #NONE} where the file has none. */
    private final Map<Long, Image> cache = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Image> e) {
            return size() > CACHE_TILES;
        }
    };
    private static final Image NONE = new javafx.scene.image.WritableImage(1, 1);
    private final Set<Long> loading = new HashSet<>();
    private final Map<Long, ImageView> views = new HashMap<>();
    private final AtlasState state;

    public ImageryLayer(AtlasState state) {
        this.state = state;
        setId("imagery-layer");
        getStyleClass().add("imagery-layer");
        setMouseTransparent(true);
        state.basemapProperty().addListener((o, a, b) -> {
            cache.clear();
            loading.clear();
            views.clear();
            getChildren().clear();
            markDirty();
        });
        state.zoomProperty().addListener(o -> markDirty());
    }

    @Override
    protected void layoutLayer() {
        MbTiles m = state.basemapProperty().get();
        if (m == null || getParent() == null) {
            getChildren().clear();
            views.clear();
            return;
        }
        // where two meridians a degree apart are on screen gives the map's exact zoom and the view's place in the world
        Point2D a = getMapPoint(40, 70), b = getMapPoint(40, 71);
        if (a == null || b == null || b.getX() <= a.getX()) {
            return;
        }
        double worldPx = (b.getX() - a.getX()) * 360; // the world's width on screen at this zoom
        double zoom = Math.log(worldPx / GeoConventions.TILE_SIZE) / Math.log(2);
        int z = Math.max(m.minZoom(), Math.min(m.maxZoom(), (int) Math.round(zoom)));
        double tilePx = worldPx / Math.pow(2, z); // one tile of zoom z on screen
        // the view's north-west corner in world pixels of this zoom (GeoConventions: x from 180° W, y from the north)
        double left = GeoConventions.lonToWorldX(70) * worldPx - a.getX();
        double top = GeoConventions.latToWorldY(40) * worldPx - a.getY();
        Bounds view = getParent().getLayoutBounds();
        long x0 = (long) Math.floor(left / tilePx), x1 = (long) Math.floor((left + view.getWidth()) / tilePx);
        long y0 = (long) Math.floor(top / tilePx), y1 = (long) Math.floor((top + view.getHeight()) / tilePx);
        long side = 1L << z;
        x0 = Math.max(0, x0);
        y0 = Math.max(0, y0);
        x1 = Math.min(side - 1, x1);
        y1 = Math.min(side - 1, y1);
        Set<Long> wanted = new HashSet<>();
        if ((x1 - x0 + 1) * (y1 - y0 + 1) <= MAX_TILES_IN_VIEW) {
            for (long y = y0; y <= y1; y++) {
                for (long x = x0; x <= x1; x++) {
                    long k = key(z, x, y);
                    Image img = cache.get(k);
                    if (img == null) {
                        load(m, z, x, y, k);
                        continue;
                    }
                    if (img == NONE) {
                        continue;
                    }
                    wanted.add(k);
                    ImageView v = views.computeIfAbsent(k, kk -> new ImageView());
                    v.setImage(img);
                    // tile corners: XYZ column/row back to longitude/latitude, then onto the screen
                    Point2D nw = getMapPoint(GeoConventions.tileYToLat(y, z), GeoConventions.tileXToLon(x, z));
                    Point2D se = getMapPoint(GeoConventions.tileYToLat(y + 1, z), GeoConventions.tileXToLon(x + 1, z));
                    v.setX(Math.floor(nw.getX()));
                    v.setY(Math.floor(nw.getY()));
                    v.setFitWidth(Math.ceil(se.getX()) - Math.floor(nw.getX()));
                    v.setFitHeight(Math.ceil(se.getY()) - Math.floor(nw.getY()));
                }
            }
        }
        views.keySet().retainAll(wanted);
        getChildren().setAll(views.values());
    }

    private void load(MbTiles m, int z, long x, long y, long k) {
        if (!loading.add(k)) {
            return;
        }
        LOADER.execute(() -> {
            Image img = NONE;
            if (state.basemapProperty().get() == m) { // (a read, racy but harmless: a stale tile is dropped below)
                byte[] bytes = m.tile(z, x, y);
                if (bytes != null) {
                    Image decoded = new Image(new ByteArrayInputStream(bytes));
                    img = decoded.isError() ? NONE : decoded;
                }
            }
            Image done = img;
            Platform.runLater(() -> {
                if (state.basemapProperty().get() == m && loading.remove(k)) {
                    cache.put(k, done);
                    markDirty();
                }
            });
        });
    }

    private static long key(int zoom, long x, long y) {
        return ((long) zoom << 58) ^ (x << 29) ^ y;
    }

    /** How many tiles are on screen (tests). */
    public int tilesShown() {
        return views.size();
    }
}
