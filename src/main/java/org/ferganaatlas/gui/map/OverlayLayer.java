package org.ferganaatlas.gui.map;

import org.ferganaatlas.gui.state.AtlasState;
import org.ferganaatlas.gui.state.MapData;

import com.gluonhq.maps.MapLayer;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.Node;
import org.ferganaatlas.data.AtlasSchema;

/**
 * Base of the interactive overlays. Content is built in pixel coordinates relative to the region's
 * north-west corner at the current zoom, for the part of the region around the view (1.5 views each way),
 * so a pan only moves one translate; the content is rebuilt when the zoom changes, when the view leaves
 * the built area, or when the subclass calls {@link #invalidate()} (date, language, layer toggles).
 * Node counts stay small: only features in the built area and above their min zoom, lines clipped and
 * thinned to whole pixels.
 */
public abstract class OverlayLayer extends MapLayer {
    protected final AtlasState state;
    protected final MapData data;
    protected final Group content = new Group();

    private double builtZoom = Double.NaN;
    private double bx0, by0, bx1, by1; // built area, px relative to the origin
    private boolean stale = true;
    /** Zoom changes up to this far from the built zoom scale the built content instead of rebuilding it. */
    private static final double MAX_SCALED_ZOOM = 0.6;
    private final javafx.scene.transform.Scale scale = new javafx.scene.transform.Scale(1, 1, 0, 0);
    /** Zoom changes up to this far may show scaled content for a pulse or two while other layers rebuild. */
    private static final double MAX_DEFERRED_ZOOM = 1.5;
    /** A rebuild that ended less than this long ago happened in the current pulse (FX thread only). */
    private static final long PULSE_NANOS = 5_000_000;
    private static long lastRebuildNanos;
    private static final boolean DEBUG_REBUILD = Boolean.getBoolean("atlas.debugRebuild");
    private boolean retryQueued;
    private final javafx.animation.PauseTransition settle = new javafx.animation.PauseTransition(javafx.util.Duration.millis(140));
    /** The zoom came to rest after a scaled zoom step: rebuild at it (a view change, not a content change). */
    private boolean settled;
    /**
     * Off-FX-thread rebuilds ({@link #plan}): one worker for all layers (daemon, low priority), so that placing labels
     * and projecting paths for a new view never lengthens a pulse. {@code contentGen} counts content changes
     * ({@link #invalidate()}); a result prepared before one, or older than what is shown, is dropped.
     */
    private static final java.util.concurrent.ExecutorService WORKER = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "atlas-overlay-worker");
        t.setDaemon(true);
        t.setPriority(Thread.NORM_PRIORITY - 1);
        return t;
    });
    private long contentGen, requestSeq, appliedSeq;
    private boolean jobRunning;
    private Frame wantedFrame;

    public OverlayLayer(AtlasState state, MapData data) {
        this.state = state;
        this.data = data;
        getStyleClass().add("overlay");
        getChildren().add(content);
        content.getTransforms().add(scale);
        settle.setOnFinished(e -> {
            settled = true;
            markDirty();
        });
        state.selectedKeyProperty().addListener((o, a, b) -> FeatureInteraction.markSelected(content, b));
        // The map reports its zoom after it has moved: lay out again then. Without this a whole-level step (the + and
        // - keys) could be laid out against the old zoom and left so, at the old scale, until the next move.
        state.zoomProperty().addListener(o -> markDirty());
    }

    /** Forces a rebuild on the next pulse. */
    protected final void invalidate() {
        stale = true;
        contentGen++;
        markDirty();
    }

    @Override
    protected void layoutLayer() {
        if (getScene() == null || getParent() == null || data.db().isClosed()) {
            return; // (closed: the app is stopping; a last layout must not query)
        }
        double zoom = state.zoomProperty().get();
        if (Double.isNaN(zoom)) {
            return;
        }
        Point2D origin = getMapPoint(Viewport.PAN_NORTH, Viewport.PAN_WEST);
        if (origin == null) {
            return;
        }
        Bounds view = getParent().getLayoutBounds();
        // the view in content pixels of the built zoom
        double f = Double.isNaN(builtZoom) ? 1 : Math.pow(2, zoom - builtZoom);
        double vx0 = -origin.getX() / f, vy0 = -origin.getY() / f;
        double vx1 = vx0 + view.getWidth() / f, vy1 = vy0 + view.getHeight() / f;
        // a new size of the map (the window resized, the details pane opened) is a new view: names placed to fit the
        // old one's edges would be cut at the new ones
        boolean resized = view.getWidth() != builtViewW || view.getHeight() != builtViewH;
        boolean outside = vx0 < bx0 || vy0 < by0 || vx1 > bx1 || vy1 > by1 || resized && !Double.isNaN(builtZoom);
        boolean zoomChanged = zoom != builtZoom || settled;
        boolean canScale = !stale && !outside && !Double.isNaN(builtZoom) && Math.abs(zoom - builtZoom) <= MAX_SCALED_ZOOM;
        // At most one layer rebuilds per pulse (rebuilds are the long pulses): while the view moves, a layer whose
        // turn has not come keeps its built content (scaled, moved) for another pulse. Never for the first build
        // or for changed content (date, language, layers: invalidate()), which show at once.
        boolean deferrable = !stale && !Double.isNaN(builtZoom) && Math.abs(zoom - builtZoom) <= MAX_DEFERRED_ZOOM
                && System.nanoTime() - lastRebuildNanos < PULSE_NANOS;
        boolean async = !stale && !Double.isNaN(builtZoom) && Math.abs(zoom - builtZoom) <= MAX_DEFERRED_ZOOM
                && !DEBUG_SYNC && asyncCapable();
        // The first build of a layer that can prepare its content off the FX thread does so too: at start the worker
        // places the labels and projects the borders on the second core while the FX thread styles the window.
        boolean firstAsync = Double.isNaN(builtZoom) && !DEBUG_SYNC && asyncCapable();
        if (firstAsync) {
            request(frameFor(zoom, origin, view));
        } else if (zoomChanged && canScale && !settled) {
            // a small zoom step (wheel, pinch): show the built content scaled now, rebuild once the zoom rests
            settle.playFromStart();
        } else if ((outside || zoomChanged) && async) {
            // the view moved: prepare the new content on the worker, keep showing the built content (scaled, moved)
            settled = false;
            settle.stop();
            request(frameFor(zoom, origin, view));
        } else if ((outside || zoomChanged) && deferrable) {
            if (!retryQueued) {
                retryQueued = true;
                javafx.application.Platform.runLater(() -> {
                    retryQueued = false;
                    markDirty();
                });
            }
        } else if (stale || outside || zoomChanged) {
            settle.stop();
            settled = false;
            long t0 = System.nanoTime();
            rebuild(zoom, origin, view);
            lastRebuildNanos = System.nanoTime();
            if (DEBUG_REBUILD) {
                System.out.printf(java.util.Locale.ROOT, "atlas-rebuild %s %.1f ms nodes=%d%n", getClass().getSimpleName(),
                        (lastRebuildNanos - t0) / 1e6, content.getChildren().size());
            }
            f = 1;
        }
        scale.setX(f);
        scale.setY(f);
        content.setTranslateX(origin.getX());
        content.setTranslateY(origin.getY());
    }

    private void rebuild(double zoom, Point2D origin, Bounds view) {
        Frame frame = frameFor(zoom, origin, view);
        appliedSeq = ++requestSeq; // results of earlier requests are older than this
        install(frame, () -> build(frame));
    }

    /** The frame a rebuild for this view covers: the view plus {@link #margin()} views each way. */
    private double builtViewW = Double.NaN, builtViewH = Double.NaN;

    private Frame frameFor(double zoom, Point2D origin, Bounds view) {
        builtViewW = view.getWidth();
        builtViewH = view.getHeight();
        double vx0 = -origin.getX(), vy0 = -origin.getY();
        double vx1 = vx0 + view.getWidth(), vy1 = vy0 + view.getHeight();
        double mx = view.getWidth() * margin(), my = view.getHeight() * margin();
        return new Frame(zoom, vx0 - mx, vy0 - my, vx1 + mx, vy1 + my, vx0, vy0, vx1, vy1);
    }

    /** Replaces the content by what {@code build} adds for {@code frame} (FX thread). */
    private void install(Frame frame, Runnable build) {
        bx0 = frame.x0;
        by0 = frame.y0;
        bx1 = frame.x1;
        by1 = frame.y1;
        builtZoom = frame.zoom;
        stale = false;
        // Keep the previous nodes by id: a node drawn again is moved, not re-created, so CSS is not resolved
        // again for it (that, not the geometry, is what a rebuild costs).
        previous.clear();
        for (Node n : content.getChildren()) {
            if (n.getProperties().get(POOL_ID) instanceof String id) {
                previous.put(id, n);
            }
        }
        if (!asyncCapable()) {
            content.getChildren().clear();
        } // else the layer's apply step replaces the children in one change (nodes kept stay attached and styled)
        build.run();
        FeatureInteraction.markSelected(content, state.selectedKeyProperty().get());
    }

    /** Prepares the content for {@code frame} on the worker; one job per layer at a time, the latest view wins. */
    private void request(Frame frame) {
        wantedFrame = frame;
        if (jobRunning) {
            return; // started when the running one ends
        }
        wantedFrame = null;
        jobRunning = true;
        PENDING.incrementAndGet();
        long seq = ++requestSeq, gen = contentGen;
        java.util.function.Supplier<Runnable> job = plan(frame); // snapshot of the state, taken here on the FX thread
        WORKER.execute(() -> {
            long t0 = System.nanoTime();
            Runnable apply;
            try {
                apply = job.get();
            } catch (RuntimeException | Error e) {
                javafx.application.Platform.runLater(() -> {
                    jobRunning = false;
                    PENDING.decrementAndGet();
                    invalidate(); // rebuild synchronously next pulse, where a failure reaches the crash handler
                });
                return;
            }
            long prepared = System.nanoTime();
            javafx.application.Platform.runLater(() -> {
                jobRunning = false;
                PENDING.decrementAndGet();
                if (gen == contentGen && seq > appliedSeq && !data.db().isClosed()) {
                    appliedSeq = seq;
                    long t1 = System.nanoTime();
                    install(frame, apply);
                    if (DEBUG_REBUILD) {
                        System.out.printf(java.util.Locale.ROOT, "atlas-rebuild %s worker %.1f ms, apply %.1f ms nodes=%d%n",
                                getClass().getSimpleName(), (prepared - t0) / 1e6, (System.nanoTime() - t1) / 1e6,
                                content.getChildren().size());
                    }
                }
                wantedFrame = null;
                markDirty(); // the next layout applies scale and translate, and requests the view as it is then
            });
        });
    }

    /**
     * For layers that rebuild off the FX thread: called on the FX thread, reads the state it needs, and returns the
     * computation (any thread, touches no scene graph) whose result is the step that adds the nodes (FX thread).
     * {@code null} (the default) builds synchronously with {@link #build}.
     */
    protected java.util.function.Supplier<Runnable> plan(Frame frame) {
        return null;
    }

    /** Whether {@link #plan} is implemented. */
    protected boolean asyncCapable() {
        return false;
    }

    private static final java.util.concurrent.atomic.AtomicInteger PENDING = new java.util.concurrent.atomic.AtomicInteger();

    /** Whether no layer has a rebuild under way on the worker (tests wait for this before looking at the map). */
    public static boolean workerIdle() {
        return PENDING.get() == 0;
    }

    private static final boolean DEBUG_SYNC = Boolean.getBoolean("atlas.syncOverlays");

    /**
     * How far around the view the content is built, in views each way: more means fewer rebuilds while panning,
     * less means cheaper ones (what a rebuild costs is mostly the styling of new nodes).
     */
    protected double margin() {
        return 1.5;
    }

    /** Adds the layer's nodes for this frame to {@link #content}. */
    protected abstract void build(Frame frame);

    /** The factor the built content is shown scaled by (1 once it is built for the zoom shown; tests). */
    public double shownScale() {
        return scale.getX();
    }

    /** The zoom the content was built for (tests). */
    public double builtZoom() {
        return builtZoom;
    }

    /** Number of nodes currently drawn (tests, benchmark). */
    public int nodeCount() {
        return content.getChildren().size();
    }

    /** Marks a node as standing for a feature: clicking selects it, hovering shows its tooltip. */
    protected static <N extends Node> N tag(N node, String featureKey) {
        node.setUserData(featureKey);
        node.getStyleClass().add("feature");
        return node;
    }

    private static final String POOL_ID = "atlas.poolId";
    private final java.util.Map<String, Node> previous = new java.util.HashMap<>();

    /** The node with this id from the previous build (re-used), or a new one from {@code make}. */
    @SuppressWarnings("unchecked")
    protected final <N extends Node> N reuse(String id, java.util.function.Supplier<N> make) {
        Node old = previous.remove(id);
        N n = old != null ? (N) old : make.get();
        n.getProperties().put(POOL_ID, id);
        return n;
    }

    /** Sets style classes only if they differ (a change makes CSS resolve the node again). */
    protected static void classes(Node n, java.util.List<String> wanted) {
        if (!n.getStyleClass().equals(wanted)) {
            n.getStyleClass().setAll(wanted);
        }
    }

    /** A CSS-sized icon centred on (x, y). */
    protected final javafx.scene.layout.Region icon(String featureKey, double x, double y, String... classes) {
        javafx.scene.layout.Region r = reuse(featureKey + "|icon", () -> {
            javafx.scene.layout.Region n = new javafx.scene.layout.Region();
            n.setUserData(featureKey);
            n.translateXProperty().bind(n.widthProperty().divide(-2));
            n.translateYProperty().bind(n.heightProperty().divide(-2));
            return n;
        });
        java.util.List<String> cls = new java.util.ArrayList<>(java.util.List.of("feature", "icon"));
        cls.addAll(java.util.List.of(classes));
        classes(r, cls);
        r.setLayoutX(x);
        r.setLayoutY(y);
        return r;
    }

    /** The geometry of one rebuild: zoom, LOD, and the built area in pixels relative to the region origin. */
    public static final class Frame {
        final double zoom;
        final int lod;
        final double x0, y0, x1, y1;
        final double vx0, vy0, vx1, vy1;
        private final double ox, oy, scale;
        final double west, south, east, north;

        Frame(double zoom, double x0, double y0, double x1, double y1, double vx0, double vy0, double vx1, double vy1) {
            this.zoom = zoom;
            this.lod = AtlasSchema.lodForZoom(zoom);
            this.x0 = x0;
            this.y0 = y0;
            this.x1 = x1;
            this.y1 = y1;
            this.vx0 = vx0;
            this.vy0 = vy0;
            this.vx1 = vx1;
            this.vy1 = vy1;
            this.scale = Viewport.worldSize(zoom);
            this.ox = Viewport.lonToPx(Viewport.PAN_WEST, zoom);
            this.oy = Viewport.latToPx(Viewport.PAN_NORTH, zoom);
            this.west = Viewport.pxToLon(x0 + ox, zoom);
            this.east = Viewport.pxToLon(x1 + ox, zoom);
            this.north = Viewport.pxToLat(y0 + oy, zoom);
            this.south = Viewport.pxToLat(y1 + oy, zoom);
        }

        double x(double lon) {
            return org.ferganaatlas.model.GeoConventions.lonToWorldX(lon) * scale - ox;
        }

        double y(double lat) {
            return org.ferganaatlas.model.GeoConventions.latToWorldY(lat) * scale - oy;
        }

        boolean contains(double x, double y) {
            return x >= x0 && x <= x1 && y >= y0 && y <= y1;
        }

        boolean intersectsLonLat(double minLon, double minLat, double maxLon, double maxLat) {
            return maxLon >= west && minLon <= east && maxLat >= south && minLat <= north;
        }
    }
}
