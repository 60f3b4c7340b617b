package org.ferganaatlas.map;

import com.gluonhq.maps.tile.TileRetriever;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.ferganaatlas.data.AtlasDataException;
import org.ferganaatlas.data.AtlasDatabase;
import org.ferganaatlas.data.AtlasPaths;
import org.ferganaatlas.data.UserFolders;

/**
 * Offline basemap tiles for Gluon Maps, rendered from the bundled atlas database by {@link TileRenderer}.
 * Never touches the network.
 *
 * <h2>How it finds the database</h2>
 * Gluon Maps creates this class through {@link java.util.ServiceLoader} (module-info {@code provides} and
 * {@code META-INF/services}) with the no-arg constructor, once, when the first {@code MapView} is made. The app
 * should call {@link #install(AtlasDatabase)} with its opened database <b>before</b> creating the MapView
 * (one open file, one geometry cache, and the app decides what to show if the file is bad). If nothing was
 * installed, the first tile request opens {@link AtlasPaths#bundledDatabase()} itself; if that fails, tiles are
 * plain background and the reason is logged once. Installing again (e.g. in tests) switches all instances over
 * and empties the memory cache.
 *
 * <h2>Threads and caches</h2>
 * {@link #loadTile} returns at once; tiles render on a small pool of daemon threads (cores − 1, at least 1, at most
 * 3; newest request first, since those are the tiles now in view). Rendered tiles are kept in memory (LRU bounded
 * by {@value #DEFAULT_MEMORY_CACHE_MB} MB, {@code -Datlas.tileCache.mb=N}) and on disk under
 * {@code <AtlasPaths.cacheDir()>/tiles/<content_sha256>-<style>-r<renderer version>/z/x/y.png}
 * ({@code -Datlas.tileCache.disk=false} turns that off), only once the start-up integrity check has passed
 * ({@link #enableDiskCache()}); {@link TileDiskCache} removes stale temporary files and other versions' tiles and keeps
 * it under its size limit. Failing to read or write the disk cache never breaks
 * rendering. Tiles outside the atlas region are one shared plain image.
 */
public final class AtlasTileRetriever implements TileRetriever {
    private static final Logger LOG = Logger.getLogger(AtlasTileRetriever.class.getName());
    /**
     * 64 tiles: more than a 1600x1000 view. Each costs 256 KB as an image and as much again as the renderer's texture
     * while shown; a 32 MB cache kept the heap so full that panning collected it fully every few seconds.
     */
    static final int DEFAULT_MEMORY_CACHE_MB = 16;
    private static final long TILE_BYTES = 4L * TileRenderer.SIZE * TileRenderer.SIZE;

    /** The shared state: database, renderer, caches. Replaced as a whole by {@link #install}. */
    private static volatile Backend backend;
    private static final Object LOCK = new Object();
    private static final ExecutorService EXECUTOR = newExecutor();
    /** Writes PNGs to the disk cache after the tile has been handed to the map (never delays a tile). */
    private static final ExecutorService DISK_WRITER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "atlas-tile-cache-writer");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        return t;
    });

    /**
     * PNG encoding for the disk cache costs more CPU than rendering the tile; on a 2-core machine it competed with
     * the first show and the first tiles. Writes start this long after the class was loaded (a start-up), in ms
     * ({@code -Datlas.tileCache.writeDelayMs}, default 2500).
     */
    private static final long WRITES_FROM_NANOS = System.nanoTime()
            + TimeUnit.MILLISECONDS.toNanos(Long.getLong("atlas.tileCache.writeDelayMs", 2500));

    /**
     * When the map last asked for a tile. PNG encoding takes the CPU the pan's frames need (on two cores, thread
     * priorities do not help), so a write waits until the map has been still for {@link #QUIET_NANOS}.
     */
    private static volatile long lastRequestNanos = System.nanoTime();
    private static final long QUIET_NANOS = TimeUnit.MILLISECONDS.toNanos(Long.getLong("atlas.tileCache.quietMs", 800));
    /**
     * Tiles waiting to be written hold their pixels (256 KB each): beyond this many, a tile is not written (it is a
     * cache: the tile is rendered again next time) rather than letting a long pan pile up memory.
     */
    static final int MAX_QUEUED_WRITES = 32;
    private static final java.util.concurrent.atomic.AtomicInteger QUEUED_WRITES = new java.util.concurrent.atomic.AtomicInteger();

    private static void awaitWriteStart() {
        try {
            long wait;
            while ((wait = Math.max(WRITES_FROM_NANOS - System.nanoTime(),
                    lastRequestNanos + QUIET_NANOS - System.nanoTime())) > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Queues a disk write unless too many are waiting (then the tile is not written). */
    private static void queueWrite(Runnable write) {
        if (QUEUED_WRITES.incrementAndGet() > MAX_QUEUED_WRITES) {
            QUEUED_WRITES.decrementAndGet();
            return;
        }
        DISK_WRITER.execute(() -> {
            try {
                awaitWriteStart();
                write.run();
            } finally {
                QUEUED_WRITES.decrementAndGet();
            }
        });
    }

    /**
     * The disk cache is keyed by the database's own {@code content_sha256}, which an altered file keeps; so nothing is
     * read from or written to it until the start-up integrity check (data.BundleIntegrity, called by gui.app.StartupChecks) has
     * passed: {@link #enableDiskCache()}. Until then tiles are rendered and kept in memory only; a tile whose write
     * comes due while the check is still running is not written. A failed check closes it for good
     * ({@link #disableDiskCache()}).
     */
    private enum DiskGate { PENDING, OPEN, CLOSED }

    private static volatile DiskGate diskGate = DiskGate.PENDING;

    /** The start-up integrity check passed: the disk cache may be read and written. */
    public static void enableDiskCache() {
        diskGate = DiskGate.OPEN;
    }

    /** The start-up integrity check failed: the disk cache is never read or written in this process. */
    public static void disableDiskCache() {
        diskGate = DiskGate.CLOSED;
    }

    /** Back to "check not finished" (tests). */
    static void resetDiskCacheGate() {
        diskGate = DiskGate.PENDING;
    }

    /** Waits until the disk writer has dealt with every tile handed to it so far (tests). */
    static void flushDiskWrites() throws Exception {
        DISK_WRITER.submit(() -> { }).get(30, TimeUnit.SECONDS);
    }

    private static boolean diskCacheOpen() {
        return diskGate == DiskGate.OPEN;
    }

    /** Tile folders cleaned in this process ({@link TileDiskCache}). */
    private static final java.util.Set<Path> CLEANED = ConcurrentHashMap.newKeySet();
    static final int CLEAN_EVERY_WRITES = 500;

    /** Tiles whose rendering threw (the map shows a hole there); the offline walkthrough checks it stays 0. */
    private static final AtomicInteger FAILED_TILES = new AtomicInteger();

    /** How many tile requests failed since start. */
    public static int failedTiles() {
        return FAILED_TILES.get();
    }

    /** Used by Gluon Maps through ServiceLoader. */
    public AtlasTileRetriever() {
    }

    /**
     * Makes every retriever draw from {@code db} with the default style. Call before the first MapView is shown.
     * The caller keeps ownership of {@code db} (closing it is the caller's job).
     */
    public static void install(AtlasDatabase db) {
        install(db, BasemapStyle.ATLAS);
    }

    /**
     * As {@link #install(AtlasDatabase)}, but keeps the current backend (and the tiles already rendered into its
     * memory cache) if it already draws from {@code db} in the default style: the app installs the database while
     * the toolkit starts, to render the home view's tiles early, and the window installs it again.
     */
    public static void use(AtlasDatabase db) {
        synchronized (LOCK) {
            Backend b = backend;
            if (b == null || b.db != db || b.style != chosen || b.ownsDb) {
                backend = new Backend(db, chosen, false);
            }
        }
    }

    /** As {@link #install(AtlasDatabase)} with a presentation style. */
    public static void install(AtlasDatabase db, BasemapStyle style) {
        synchronized (LOCK) {
            chosen = style;
            backend = new Backend(db, style, false);
        }
    }

    /** The style new backends draw in: the atlas palette, or high contrast when the user chose it. */
    private static volatile BasemapStyle chosen = BasemapStyle.ATLAS;
    /** Writes repainted pixels into the tiles the map shows (the FX thread); set by {@link #restyle}. */
    private static volatile java.util.concurrent.Executor repaintOn;

    /** A tile handed to the map. Gluon keeps its tiles and never asks for them again, so a new style repaints them. */
    private record Shown(int zoom, long x, long y, java.lang.ref.WeakReference<WritableImage> image) {}

    private static final Map<Long, Shown> SHOWN = new ConcurrentHashMap<>();

    /** The style the map's tiles are drawn in now. */
    public static BasemapStyle style() {
        return chosen;
    }

    /**
     * Draws the basemap in another style from now on, with the same database, and repaints the tiles the map
     * already shows: each is rendered again in the new style on the tile threads (or read from that style's disk
     * cache), and its pixels written into the very image the map holds on {@code fxThread}. Gluon's base map has no
     * public way to drop its tiles (see gui.map.ImageryLayer), so this is how its picture changes at once.
     */
    public static void restyle(BasemapStyle style, java.util.concurrent.Executor fxThread) {
        Backend now;
        synchronized (LOCK) {
            repaintOn = fxThread;
            Backend b = backend;
            if (chosen == style && (b == null || b.style == style)) {
                return;
            }
            chosen = style;
            if (b == null) {
                return; // the first backend draws in it
            }
            now = new Backend(b.db, style, b.ownsDb);
            backend = now;
        }
        SHOWN.values().forEach(t -> repaint(now, t));
    }

    private static void repaint(Backend b, Shown t) {
        WritableImage target = t.image().get();
        java.util.concurrent.Executor fx = repaintOn;
        if (target == null) {
            SHOWN.remove(key(t.zoom(), t.x(), t.y()), t);
            return;
        }
        if (fx == null) {
            return;
        }
        CompletableFuture<Image> f = TileRenderer.touchesRegion(t.zoom(), t.x(), t.y()) ? b.request(t.zoom(), t.x(), t.y())
                : CompletableFuture.completedFuture(b.background());
        f.thenAcceptAsync(img -> {
            if (img != target && b == backend && img.getWidth() == target.getWidth() && img.getHeight() == target.getHeight()) {
                target.getPixelWriter().setPixels(0, 0, (int) img.getWidth(), (int) img.getHeight(), img.getPixelReader(), 0, 0);
            }
        }, fx);
    }

    /** Notes a tile as shown; one drawn by a backend replaced meanwhile is repainted in the new style. */
    private static Image shown(Backend from, int zoom, long x, long y, Image img) {
        if (img instanceof WritableImage w) {
            Shown t = new Shown(zoom, x, y, new java.lang.ref.WeakReference<>(w));
            SHOWN.put(key(zoom, x, y), t);
            if (SHOWN.size() > 4096) { // the map dropped most of them long ago
                SHOWN.values().removeIf(s -> s.image().get() == null);
            }
            Backend now = backend;
            if (from != null && now != null && now != from && now.style != from.style) {
                repaint(now, t);
            }
        }
        return img;
    }

    /**
     * Renders a tile into the memory cache ahead of its being shown (nothing if it is there, being rendered, or off
     * the region); returns whether a render was started. The map calls it for a view it will show soon.
     */
    public static boolean prefetch(int zoom, long x, long y) {
        Backend b = backend;
        if (b == null || zoom < 0 || x < 0 || y < 0 || x >= (1L << zoom) || y >= (1L << zoom)
                || b.memory.get(key(zoom, x, y)) != null || !TileRenderer.touchesRegion(zoom, x, y)) {
            return false;
        }
        boolean running = b.inFlight.containsKey(key(zoom, x, y));
        b.request(zoom, x, y);
        return !running;
    }

    /** Whether a tile is in the memory cache now (tests, benchmark). */
    public static boolean cached(int zoom, long x, long y) {
        Backend b = backend;
        return b != null && b.memory.get(key(zoom, x, y)) != null;
    }

    /** The renderer in use (null until installed or first used). For benchmarks and tests. */
    public static TileRenderer renderer() {
        Backend b = backend;
        return b == null ? null : b.renderer;
    }

    @Override
    public CompletableFuture<Image> loadTile(int zoom, long i, long j) {
        lastRequestNanos = System.nanoTime();
        Backend b = backend;
        if (b != null) {
            Image cached = b.memory.get(key(zoom, i, j));
            if (cached != null) {
                return CompletableFuture.completedFuture(shown(b, zoom, i, j, cached));
            }
            if (!TileRenderer.touchesRegion(zoom, i, j)) {
                return CompletableFuture.completedFuture(shown(b, zoom, i, j, b.background()));
            }
        }
        return b != null ? b.request(zoom, i, j).thenApply(img -> shown(b, zoom, i, j, img))
                : CompletableFuture.supplyAsync(() -> {
                    Backend opened = backendOrOpen();
                    return shown(opened, zoom, i, j, opened.fetch(zoom, i, j));
                }, EXECUTOR);
    }

    private static Backend backendOrOpen() {
        Backend b = backend;
        if (b != null) {
            return b;
        }
        synchronized (LOCK) {
            if (backend == null) {
                AtlasDatabase db = null;
                try {
                    db = AtlasDatabase.open(AtlasPaths.bundledDatabase());
                } catch (AtlasDataException e) {
                    LOG.log(Level.WARNING, "No basemap: " + e.getMessage(), e);
                }
                backend = new Backend(db, chosen, true);
            }
            return backend;
        }
    }

    static long key(int zoom, long x, long y) {
        return ((long) zoom << 58) ^ (x << 29) ^ y;
    }

    private static ExecutorService newExecutor() {
        int threads = Math.max(1, Math.min(3, Runtime.getRuntime().availableProcessors() - 1));
        AtomicInteger n = new AtomicInteger();
        // LIFO queue: when the user pans or zooms fast, the newest requests are the tiles in view.
        LinkedBlockingDeque<Runnable> lifo = new LinkedBlockingDeque<>() {
            private static final long serialVersionUID = 1L;

            @Override
            public boolean offer(Runnable r) {
                return offerFirst(r);
            }
        };
        ThreadPoolExecutor ex = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, lifo, r -> {
            Thread t = new Thread(r, "atlas-tiles-" + n.incrementAndGet());
            t.setDaemon(true);
            t.setPriority(Thread.NORM_PRIORITY - 1);
            return t;
        });
        ex.allowCoreThreadTimeOut(true);
        return ex;
    }

    /** Turns a rendered tile into a JavaFX image (no javafx.swing: the int pixels are copied as premultiplied ARGB). */
    public static WritableImage toFxImage(BufferedImage img) {
        int w = img.getWidth(), h = img.getHeight();
        WritableImage out = new WritableImage(w, h);
        if (img.getType() == BufferedImage.TYPE_INT_ARGB_PRE) {
            out.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbPreInstance(), TileRenderer.pixels(img), 0, w);
        } else {
            int[] argb = img.getRGB(0, 0, w, h, null, 0, w);
            out.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        }
        return out;
    }

    /** Database, renderer and caches that belong together. */
    private static final class Backend {
        final AtlasDatabase db;
        final TileRenderer renderer;
        final BasemapStyle style;
        final boolean ownsDb;
        final ImageCache memory;
        final Path diskDir;
        /** Tile folders of this database and renderer in other styles (kept by the clean-up). */
        private final java.util.function.Predicate<Path> sameVersion;
        final Map<Long, CompletableFuture<Image>> inFlight = new ConcurrentHashMap<>();
        private volatile Image background;
        private volatile boolean diskBroken;

        Backend(AtlasDatabase db, BasemapStyle style, boolean ownsDb) {
            this.db = db;
            this.style = style;
            this.ownsDb = ownsDb;
            this.renderer = db == null ? null : new TileRenderer(db, style);
            long mb = Long.getLong("atlas.tileCache.mb", DEFAULT_MEMORY_CACHE_MB);
            this.memory = new ImageCache(Math.max(1, mb) * 1024 * 1024);
            boolean disk = !"false".equalsIgnoreCase(System.getProperty("atlas.tileCache.disk", "true"));
            Path dir = null;
            if (disk && db != null) {
                try {
                    dir = AtlasPaths.cacheDir().resolve("tiles")
                            .resolve(db.contentId() + "-" + style.id() + "-r" + TileRenderer.VERSION);
                } catch (RuntimeException e) {
                    dir = null;
                }
            }
            this.diskDir = dir;
            if (dir != null) {
                // the same database and renderer in another style is this version too (see TileDiskCache)
                String prefix = db.contentId() + "-", suffix = "-r" + TileRenderer.VERSION;
                this.sameVersion = p -> p.getFileName().toString().startsWith(prefix) && p.getFileName().toString().endsWith(suffix);
                scheduleCleanUp(dir, sameVersion);
            } else {
                this.sameVersion = p -> false;
            }
        }

        /** Disk writes since the last clean-up; every {@value #CLEAN_EVERY_WRITES} the size limit is checked again. */
        private int writesSinceClean;

        /**
         * Stale {@code .tmp} files, other versions' tiles and the size limit ({@link TileDiskCache}), once per folder
         * and process at start and again every {@value #CLEAN_EVERY_WRITES} writes. On the disk writer's thread, after
         * the start-up delay: never competing with the first tiles, never deleting a folder this process is writing to.
         */
        private static void scheduleCleanUp(Path dir, java.util.function.Predicate<Path> sameVersion) {
            if (CLEANED.add(dir)) {
                DISK_WRITER.execute(() -> {
                    awaitWriteStart();
                    cleanNow(dir, sameVersion);
                });
            }
        }

        private static void cleanNow(Path dir, java.util.function.Predicate<Path> sameVersion) {
            TileDiskCache.Report r = TileDiskCache.clean(dir.getParent(), dir, sameVersion, TileDiskCache.limitBytes(),
                    System.currentTimeMillis());
            if (r.staleTmpDeleted() + r.otherVersionsDeleted() + r.tilesDeleted() > 0) {
                LOG.log(Level.FINE, "Tile disk cache cleaned: " + r);
            }
        }

        Image background() {
            Image b = background;
            if (b == null) {
                b = toFxImage(TileRenderer.backgroundTile(style));
                background = b;
            }
            return b;
        }

        CompletableFuture<Image> request(int zoom, long x, long y) {
            long k = key(zoom, x, y);
            CompletableFuture<Image> running = inFlight.get(k);
            if (running != null) {
                return running;
            }
            CompletableFuture<Image> f = new CompletableFuture<>();
            CompletableFuture<Image> prior = inFlight.putIfAbsent(k, f);
            if (prior != null) {
                return prior;
            }
            EXECUTOR.execute(() -> {
                try {
                    f.complete(fetch(zoom, x, y));
                } catch (Throwable t) {
                    if (db == null || !db.isClosed()) { // closed: the app is stopping (e.g. a bad database at start)
                        FAILED_TILES.incrementAndGet();
                        LOG.log(Level.WARNING, "Tile " + zoom + "/" + x + "/" + y + " failed", t);
                    }
                    f.completeExceptionally(t);
                } finally {
                    inFlight.remove(k);
                }
            });
            return f;
        }

        /** Memory cache, disk cache, else render (on the calling background thread). */
        Image fetch(int zoom, long x, long y) {
            long k = key(zoom, x, y);
            Image cached = memory.get(k);
            if (cached != null) {
                return cached;
            }
            if (renderer == null || !TileRenderer.touchesRegion(zoom, x, y)) {
                return background();
            }
            Image img = readDisk(zoom, x, y);
            if (img == null) {
                BufferedImage rendered = renderer.render(zoom, x, y);
                img = toFxImage(rendered);
                if (diskDir != null && !diskBroken && diskGate != DiskGate.CLOSED) {
                    queueWrite(() -> writeDisk(zoom, x, y, rendered));
                }
            }
            memory.put(k, img);
            return img;
        }

        private Path diskFile(int zoom, long x, long y) {
            return diskDir.resolve(Integer.toString(zoom)).resolve(Long.toString(x)).resolve(y + ".png");
        }

        private Image readDisk(int zoom, long x, long y) {
            if (diskDir == null || diskBroken || !diskCacheOpen()) {
                return null;
            }
            try {
                Path f = diskFile(zoom, x, y);
                if (!Files.isRegularFile(f)) {
                    return null;
                }
                BufferedImage img = ImageIO.read(f.toFile());
                if (img == null || img.getWidth() != TileRenderer.SIZE || img.getHeight() != TileRenderer.SIZE) {
                    return null;
                }
                return toFxImage(img);
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }

        private void writeDisk(int zoom, long x, long y, BufferedImage img) {
            if (diskDir == null || diskBroken || !diskCacheOpen()) {
                return;
            }
            try {
                Path f = diskFile(zoom, x, y);
                Files.createDirectories(f.getParent());
                Path tmp = Files.createTempFile(f.getParent(), "tile", ".tmp");
                try {
                    if (!ImageIO.write(img, "png", tmp.toFile())) {
                        throw new IOException("no PNG writer");
                    }
                    Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } finally {
                    Files.deleteIfExists(tmp);
                }
                if (++writesSinceClean >= CLEAN_EVERY_WRITES) { // only the disk writer's thread gets here
                    writesSinceClean = 0;
                    cleanNow(diskDir, sameVersion);
                }
            } catch (IOException | RuntimeException e) {
                diskBroken = true; // read-only home, full disk ...: stop trying, keep rendering
                LOG.log(Level.INFO, "Tile disk cache disabled: " + e);
                UserFolders.report(UserFolders.Folder.CACHE, AtlasPaths.cacheDir(), e); // the window says so once
            }
        }
    }

    /** LRU of rendered tiles bounded by bytes. */
    private static final class ImageCache {
        private final long maxTiles;
        private final LinkedHashMap<Long, Image> map = new LinkedHashMap<>(256, 0.75f, true);

        ImageCache(long maxBytes) {
            this.maxTiles = Math.max(8, maxBytes / TILE_BYTES);
        }

        synchronized Image get(long k) {
            return map.get(k);
        }

        synchronized void put(long k, Image img) {
            map.put(k, img);
            var it = map.entrySet().iterator();
            while (map.size() > maxTiles && it.hasNext()) {
                it.next();
                it.remove();
            }
        }
    }
}
