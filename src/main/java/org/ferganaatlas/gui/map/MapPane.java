package org.ferganaatlas.gui.map;

import org.ferganaatlas.gui.l10n.FeatureText;

import org.ferganaatlas.gui.state.AtlasState;
import org.ferganaatlas.gui.state.AtlasContext;
import org.ferganaatlas.gui.state.Focus;
import org.ferganaatlas.gui.state.LayerSpec;
import org.ferganaatlas.gui.state.MapCommand;
import org.ferganaatlas.model.BuiltInLayer;
import org.ferganaatlas.gui.state.MapData;

import com.gluonhq.maps.MapPoint;
import com.gluonhq.maps.MapView;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.ZoomEvent;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import org.ferganaatlas.model.Feature;

/**
 * The map: Gluon's {@link MapView} with our overlays, driven only through its public API. We own the
 * viewport (centre and zoom): every pan and zoom goes through {@link #show(double, double, double)}, which
 * clamps the zoom to {@link Viewport#MIN_ZOOM}..{@link Viewport#MAX_ZOOM} and the centre to the region, and
 * publishes the result in {@link AtlasState}. (MapView's own drag and wheel handlers are replaced: they
 * know no limits and do not report the zoom they reach.)
 */
public final class MapPane extends StackPane {
    private final AtlasState state;
    private final MapView map = new MapView();
    private final Label tooltip = new Label();
    private final Pane tooltipPane = new Pane(tooltip);
    private final List<OverlayLayer> overlays = new java.util.ArrayList<>();
    private final java.util.Map<String, SymbolLayer> userLayers = new java.util.HashMap<>();
    private final LabelLayer labels;
    private final NotesLayer notesLayer;
    private final Focus focus;
    private double lat = 40.75, lon = 71.75, zoom = 8;
    private double dragX, dragY;
    private boolean homePending = true;
    private MapCommand.Fit pendingFit;

    public MapPane(AtlasContext ctx) {
        this.state = ctx.state();
        this.focus = ctx.focus();
        MapData data = ctx.data();
        getStyleClass().add("map-pane");
        map.getStyleClass().add("map-view");
        map.setFocusTraversable(true);
        // Drawing order: areas, highlight glow, lines, the point layers in registry order, then the user's layers,
        // and every label last so nothing covers a name.
        overlays.add(new EnclaveLayer(state, data));
        overlays.add(new HighlightLayer(state, data));
        overlays.add(new BorderLayer(state, data));
        for (BuiltInLayer l : List.of(BuiltInLayer.WATER, BuiltInLayer.VILLAGES, BuiltInLayer.CROSSINGS, BuiltInLayer.JUNCTION)) {
            state.layers().get(l.id()).ifPresent(spec -> overlays.add(new SymbolLayer(state, data, spec)));
        }
        labels = new LabelLayer(state, data);
        overlays.add(labels);
        // the user's notes over everything, names included: a pin is theirs and must stay clickable
        notesLayer = new NotesLayer(ctx, map);
        overlays.add(notesLayer);
        overlays.forEach(map::addLayer);
        // a user layer added or removed at run time gets (or loses) its own symbol layer under the labels
        state.layers().layers().forEach(spec -> addUserLayer(spec, data));
        state.layers().layers().addListener((javafx.collections.ListChangeListener<LayerSpec>) c -> {
            while (c.next()) {
                c.getRemoved().forEach(this::removeUserLayer);
                c.getAddedSubList().forEach(spec -> addUserLayer(spec, data));
            }
        });

        tooltip.getStyleClass().add("map-tooltip");
        tooltip.setVisible(false);
        tooltip.setManaged(false);
        tooltipPane.setMouseTransparent(true);
        tooltipPane.setPickOnBounds(false);
        getChildren().addAll(map, tooltipPane);
        StackPane.setAlignment(map, Pos.TOP_LEFT);

        installInput(data);
        state.commands().listen(this::perform);
        // The first layout knows the map's size: fit the whole valley then.
        map.layoutBoundsProperty().addListener((o, a, b) -> {
            if (homePending && b.getWidth() > 0 && b.getHeight() > 0) {
                homePending = false;
                home();
            } else if (b.getWidth() > 0 && b.getHeight() > 0) {
                show(lat, lon, zoom); // a larger window must not uncover the data's edge either
            }
        });
        show(lat, lon, zoom);
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        MapCommand.Fit f = pendingFit;
        if (f != null) {
            pendingFit = null;
            fit(f);
        }
    }

    /** Carries out a command of the rest of the window (the map owns its viewport). */
    private void perform(MapCommand c) {
        land();
        if (c instanceof MapCommand.FlyTo f) {
            flyTo(f.lat(), f.lon(), f.zoom());
        } else if (c instanceof MapCommand.Home) {
            home();
        } else if (c instanceof MapCommand.CentreOn r) {
            show(r.lat(), r.lon(), Double.isNaN(r.zoom()) ? zoom : r.zoom());
        } else if (c instanceof MapCommand.Fit f) {
            // fitted in the next layout: a side tab opening with the same request changes the map's width first
            pendingFit = f;
            requestLayout();
        } else if (c instanceof MapCommand.ZoomStep z) {
            zoomStep(z.direction());
        } else if (c instanceof MapCommand.Prefetch p) {
            prefetchLater(p.view());
        }
    }

    /** Gluon shows tiles of level floor(zoom + this) (BaseMap.TIPPING), scaled to the zoom. */
    private static final double TILE_TIPPING = 0.2;
    private final javafx.animation.PauseTransition prefetchDelay = new javafx.animation.PauseTransition(javafx.util.Duration.millis(900));

    /**
     * Draws the basemap tiles of a view the map will show soon, once the tiles of the view now shown have had their
     * turn (the renderer takes the newest request first, so asking at once would delay what is on screen).
     */
    private void prefetchLater(MapCommand view) {
        prefetchDelay.setOnFinished(e -> {
            double[] v = viewFor(view);
            if (v != null) {
                tilesOf(v).forEach(t -> org.ferganaatlas.map.AtlasTileRetriever.prefetch((int) t[0], t[1], t[2]));
            }
        });
        prefetchDelay.playFromStart();
    }

    /** The view {lat, lon, zoom} a Home, CentreOn or Fit would show now (null for other commands). */
    public double[] viewFor(MapCommand view) {
        return view instanceof MapCommand.Fit f ? fitView(f)
                : view instanceof MapCommand.CentreOn r ? clampView(r.lat(), r.lon(), Double.isNaN(r.zoom()) ? zoom : r.zoom())
                : view instanceof MapCommand.Home ? homeView() : null;
    }

    /** The basemap tiles {level, x, y} a view {lat, lon, zoom} shows at the map's size. */
    public List<long[]> tilesOf(double[] view) {
        double w = map.getWidth(), h = map.getHeight();
        List<long[]> out = new ArrayList<>();
        if (!(w > 0 && h > 0)) {
            return out;
        }
        int level = (int) Math.max(0, Math.floor(view[2] + TILE_TIPPING));
        double tilePx = 256 * Math.pow(2, view[2] - level); // a level-`level` tile's size on screen at this zoom
        double cx = Viewport.lonToPx(view[1], view[2]), cy = Viewport.latToPx(view[0], view[2]);
        long x0 = (long) Math.floor((cx - w / 2) / tilePx), x1 = (long) Math.floor((cx + w / 2) / tilePx);
        long y0 = (long) Math.floor((cy - h / 2) / tilePx), y1 = (long) Math.floor((cy + h / 2) / tilePx);
        for (long y = y0; y <= y1; y++) {
            for (long x = x0; x <= x1; x++) {
                out.add(new long[]{level, x, y});
            }
        }
        return out;
    }

    private void addUserLayer(LayerSpec spec, MapData data) {
        if (!spec.isUser() || userLayers.containsKey(spec.id())) {
            return;
        }
        SymbolLayer layer = new SymbolLayer(state, data, spec);
        userLayers.put(spec.id(), layer);
        overlays.add(overlays.indexOf(labels), layer);
        map.removeLayer(labels);
        map.removeLayer(notesLayer);
        map.addLayer(layer);
        map.addLayer(labels);
        map.addLayer(notesLayer);
    }

    private void removeUserLayer(LayerSpec spec) {
        SymbolLayer layer = userLayers.remove(spec.id());
        if (layer != null) {
            overlays.remove(layer);
            map.removeLayer(layer);
        }
    }

    /** The pins of the user's notes (tests). */
    public NotesLayer notesLayer() {
        return notesLayer;
    }

    /** The overlays, bottom first (tests). */
    public List<OverlayLayer> overlays() {
        return List.copyOf(overlays);
    }

    /** The Gluon map (tests, benchmark). */
    public MapView mapView() {
        return map;
    }

    public double zoom() {
        return zoom;
    }

    /** Shows the whole valley, as large as the window allows. */
    public void home() {
        apply(homeView());
    }

    private double[] homeView() {
        double w = map.getWidth() > 0 ? map.getWidth() : 1000, h = map.getHeight() > 0 ? map.getHeight() : 700;
        double z = Viewport.fitZoom(Viewport.VALLEY_WEST, Viewport.VALLEY_SOUTH, Viewport.VALLEY_EAST,
                Viewport.VALLEY_NORTH, w, h, 16);
        double cx = (Viewport.lonToPx(Viewport.VALLEY_WEST, z) + Viewport.lonToPx(Viewport.VALLEY_EAST, z)) / 2;
        double cy = (Viewport.latToPx(Viewport.VALLEY_NORTH, z) + Viewport.latToPx(Viewport.VALLEY_SOUTH, z)) / 2;
        return clampView(Viewport.pxToLat(cy, z), Viewport.pxToLon(cx, z), z);
    }

    /** Shows a box as large as the map allows (with a margin), not closer than the request's max zoom. */
    public void fit(MapCommand.Fit r) {
        apply(fitView(r));
    }

    private double[] fitView(MapCommand.Fit r) {
        double w = map.getWidth() > 0 ? map.getWidth() : 1000, h = map.getHeight() > 0 ? map.getHeight() : 700;
        double z = Math.min(r.maxZoom(), Viewport.fitZoom(r.west(), r.south(), r.east(), r.north(), w, h, 48));
        double cx = (Viewport.lonToPx(r.west(), z) + Viewport.lonToPx(r.east(), z)) / 2;
        double cy = (Viewport.latToPx(r.north(), z) + Viewport.latToPx(r.south(), z)) / 2;
        return clampView(Viewport.pxToLat(cy, z), Viewport.pxToLon(cx, z), z);
    }

    /** Centres the map on a point at a zoom, within the limits. */
    public void show(double newLat, double newLon, double newZoom) {
        apply(clampView(newLat, newLon, newZoom));
    }

    /** The view {lat, lon, zoom} the map would show for a request, within its limits. */
    private double[] clampView(double newLat, double newLon, double newZoom) {
        double z = Viewport.clampZoom(newZoom);
        double la = Viewport.clampLat(newLat);
        double lo = Viewport.clampLon(newLon);
        double w = map.getWidth(), h = map.getHeight();
        if (w > 0 && h > 0) {
            // never out so far, or so near the rim, that the map shows where the data ends
            z = Math.min(Viewport.MAX_ZOOM, Math.max(z, Viewport.coverZoom(w, h)));
            double cx = Viewport.keepInside(Viewport.lonToPx(lo, z), w,
                    Viewport.lonToPx(Viewport.PAN_WEST, z), Viewport.lonToPx(Viewport.PAN_EAST, z));
            double cy = Viewport.keepInside(Viewport.latToPx(la, z), h,
                    Viewport.latToPx(Viewport.PAN_NORTH, z), Viewport.latToPx(Viewport.PAN_SOUTH, z));
            lo = Viewport.pxToLon(cx, z);
            la = Viewport.pxToLat(cy, z);
        }
        return new double[]{la, lo, z};
    }

    private void apply(double[] v) {
        lat = v[0];
        lon = v[1];
        zoom = v[2];
        map.setZoom(zoom);
        map.setCenter(lat, lon);
        state.zoomProperty().set(zoom);
        state.centerLatProperty().set(lat);
        state.centerLonProperty().set(lon);
    }

    // ---------------------------------------------------------------- a smooth flight (tour stops)

    /** Base and longest duration of a flight, ms. */
    static final double FLY_MS = 1100, FLY_MAX_MS = 2200;
    private javafx.animation.Transition flight;

    /** Whether the map is flying to a stop (tests wait for it to land). */
    public boolean flying() {
        return flight != null;
    }

    /**
     * Flies to a point: the centre moves along the straight line in Web Mercator world pixels (at zoom 0, so both ends
     * are in one frame), the zoom goes from the start's to the target's and, when the target is more than a view away,
     * dips out on the way (up to two levels) so the class sees where the map is going. Ends with {@link #show} at the
     * target, exactly as a jump would.
     */
    private void flyTo(double tLat, double tLon, double tZoom) {
        double z0 = zoom, z1 = Double.isNaN(tZoom) ? zoom : Viewport.clampZoom(tZoom);
        double x0 = Viewport.lonToPx(lon, 0), y0 = Viewport.latToPx(lat, 0);
        double x1 = Viewport.lonToPx(tLon, 0), y1 = Viewport.latToPx(tLat, 0);
        double viewPx = Math.max(1, Math.max(map.getWidth(), map.getHeight()));
        // the distance in screen pixels at the nearer of the two zooms: how many views apart the ends are
        double apartViews = Math.hypot(x1 - x0, y1 - y0) * Math.pow(2, Math.max(z0, z1)) / viewPx;
        if (apartViews < 1e-6 && Math.abs(z1 - z0) < 1e-6) {
            show(tLat, tLon, z1);
            return;
        }
        double dip = Math.max(0, Math.min(2, Math.log(apartViews) / Math.log(2) - Math.abs(z1 - z0)));
        double ms = Math.min(FLY_MAX_MS, FLY_MS + 250 * (dip + Math.abs(z1 - z0) / 2));
        javafx.animation.Transition t = new javafx.animation.Transition() {
            {
                setCycleDuration(javafx.util.Duration.millis(ms));
                setInterpolator(javafx.animation.Interpolator.EASE_BOTH);
            }

            @Override
            protected void interpolate(double f) {
                double z = z0 + (z1 - z0) * f - dip * Math.sin(Math.PI * f);
                show(Viewport.pxToLat(y0 + (y1 - y0) * f, 0), Viewport.pxToLon(x0 + (x1 - x0) * f, 0), z);
            }
        };
        t.setOnFinished(e -> {
            if (flight == t) {
                flight = null;
                show(tLat, tLon, z1);
            }
        });
        flight = t;
        t.play();
    }

    /** Ends a flight where it is (the user took the map, or another command came). */
    private void land() {
        javafx.animation.Transition t = flight;
        flight = null;
        if (t != null) {
            t.stop();
        }
    }

    /** Moves the view by a number of screen pixels. */
    public void panBy(double dx, double dy) {
        land();
        double cx = Viewport.lonToPx(lon, zoom) + dx, cy = Viewport.latToPx(lat, zoom) + dy;
        show(Viewport.pxToLat(cy, zoom), Viewport.pxToLon(cx, zoom), zoom);
    }

    /** Zooms by {@code dz} keeping the point under (px, py) (map-local pixels) where it is. */
    public void zoomAt(double dz, double px, double py) {
        land();
        double nz = Viewport.clampZoom(zoom + dz);
        if (nz == zoom) {
            return;
        }
        double w = map.getWidth(), h = map.getHeight();
        double wx = Viewport.lonToPx(lon, zoom) + (px - w / 2), wy = Viewport.latToPx(lat, zoom) + (py - h / 2);
        double f = Math.pow(2, nz - zoom);
        double ncx = wx * f - (px - w / 2), ncy = wy * f - (py - h / 2);
        show(Viewport.pxToLat(ncy, nz), Viewport.pxToLon(ncx, nz), nz);
    }

    /** Zoom steps for keys and buttons snap to whole levels, where the basemap is sharpest. */
    public void zoomStep(int direction) {
        double target = direction > 0 ? Math.floor(zoom + 1e-6) + 1 : Math.ceil(zoom - 1e-6) - 1;
        zoomAt(target - zoom, map.getWidth() / 2, map.getHeight() / 2);
    }

    /** Map key handling; returns whether the key was used. */
    public boolean handleKey(KeyEvent e) {
        double stepX = map.getWidth() / 4, stepY = map.getHeight() / 4;
        KeyCode c = e.getCode();
        switch (c) {
            case LEFT, KP_LEFT -> panBy(-stepX, 0);
            case RIGHT, KP_RIGHT -> panBy(stepX, 0);
            case UP, KP_UP -> panBy(0, -stepY);
            case DOWN, KP_DOWN -> panBy(0, stepY);
            case PLUS, ADD, EQUALS -> zoomStep(+1);
            case MINUS, SUBTRACT -> zoomStep(-1);
            case HOME -> home();
            default -> {
                if ("+".equals(e.getText())) {
                    zoomStep(+1);
                } else if ("-".equals(e.getText())) {
                    zoomStep(-1);
                } else {
                    return false;
                }
            }
        }
        return true;
    }

    private void installInput(MapData data) {
        // Replace MapView's own handlers (public Node properties) with limited, reported ones.
        map.setOnMousePressed(e -> {
            dragX = e.getX();
            dragY = e.getY();
            map.requestFocus();
            hideTooltip();
        });
        map.setOnMouseDragged(e -> {
            hideTooltip();
            if (e.isPrimaryButtonDown()) {
                panBy(dragX - e.getX(), dragY - e.getY());
                dragX = e.getX();
                dragY = e.getY();
            }
        });
        map.setOnMouseReleased(null);
        map.setOnScroll((ScrollEvent e) -> {
            hideTooltip();
            double d = e.getDeltaY() > 0 ? 0.25 : e.getDeltaY() < 0 ? -0.25 : 0;
            if (d != 0) {
                zoomAt(d, e.getX(), e.getY());
            }
            e.consume();
        });
        map.setOnZoom((ZoomEvent e) -> zoomAt(Math.log(e.getZoomFactor()) / Math.log(2), e.getX(), e.getY()));
        map.setOnZoomStarted(null);
        map.setOnZoomFinished(null);

        map.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() != MouseButton.PRIMARY || !e.isStillSincePress()) {
                return;
            }
            String key = FeatureInteraction.keyOf(e.getPickResult().getIntersectedNode());
            if (key != null) {
                focus.selectFeature(key);
            } else if (e.getClickCount() == 2) {
                zoomAt(1, e.getX(), e.getY());
            }
        });
        // the tooltip describes what is under a resting pointer: a click, a drag or a zoom (keys, buttons, Play) ends it,
        // and the next move of the pointer brings it back
        state.zoomProperty().addListener(o -> hideTooltip());
        map.addEventHandler(MouseEvent.MOUSE_MOVED, e -> {
            MapPoint p = map.getMapPosition(e.getX(), e.getY());
            state.cursorLatProperty().set(p.getLatitude());
            state.cursorLonProperty().set(p.getLongitude());
            state.hoveredKeyProperty().set(FeatureInteraction.keyOf(e.getPickResult().getIntersectedNode()));
            placeTooltip(e.getX(), e.getY());
        });
        map.addEventHandler(MouseEvent.MOUSE_EXITED, e -> {
            state.cursorLatProperty().set(Double.NaN);
            state.cursorLonProperty().set(Double.NaN);
            state.hoveredKeyProperty().set(null);
        });
        state.hoveredKeyProperty().addListener((o, a, key) -> {
            Feature f = key == null ? null : data.feature(key).orElse(null);
            if (f == null) {
                tooltip.setVisible(false);
                return;
            }
            tooltip.setText(FeatureText.tooltip(f, data, state));
            tooltip.setVisible(true);
        });
    }

    private void hideTooltip() {
        tooltip.setVisible(false);
        state.hoveredKeyProperty().set(null);
    }

    /** Whether the feature tooltip is showing (tests). */
    public boolean tooltipShowing() {
        return tooltip.isVisible();
    }

    private void placeTooltip(double x, double y) {
        if (!tooltip.isVisible()) {
            return;
        }
        tooltip.autosize();
        double tx = x + 16, ty = y + 18;
        if (tx + tooltip.getWidth() > getWidth() - 4) {
            tx = x - 12 - tooltip.getWidth();
        }
        if (ty + tooltip.getHeight() > getHeight() - 4) {
            ty = y - 12 - tooltip.getHeight();
        }
        tooltip.relocate(tx, ty);
    }
}
