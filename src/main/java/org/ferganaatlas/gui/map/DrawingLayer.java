package org.ferganaatlas.gui.map;

import com.gluonhq.maps.MapLayer;
import com.gluonhq.maps.MapPoint;
import com.gluonhq.maps.MapView;
import javafx.animation.AnimationTimer;
import javafx.geometry.Point2D;
import javafx.scene.Cursor;
import javafx.scene.Group;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import javafx.scene.shape.Polyline;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import org.ferganaatlas.gui.state.AtlasState;
import org.ferganaatlas.gui.state.ToolMode;
import org.ferganaatlas.model.Drawing;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The pen, highlighter, eraser and laser pointer over the map. Strokes live in {@link AtlasState#drawingProperty()}
 * in geographic coordinates and are projected again at every layout, so they stay on their place when the map pans
 * and zooms; their width is in screen pixels, like a pen on glass. While a drawing tool is on, a primary-button drag
 * draws instead of panning (a secondary-button drag still pans) and a click does not select. Touch and pen tablets
 * arrive as mouse events (JavaFX synthesises them), so they draw the same way.
 */
public final class DrawingLayer extends MapLayer {
    /** Points closer than this (px) to the previous one are not kept: a stroke stays small. */
    private static final double MIN_STEP_PX = 2;
    /** The eraser takes a stroke this close (px, beyond its half width). */
    static final double ERASER_PX = 8;
    /** A laser point fades out over this many nanoseconds. */
    private static final long LASER_NANOS = 900_000_000L;

    private final AtlasState state;
    private final MapView map;
    private final Group strokes = new Group();
    private final Polyline live = new Polyline();
    private final Polyline laser = new Polyline();
    /** The stroke being drawn, in map-geographic order: lon, lat pairs (x = longitude first, as JTS). */
    private final List<Double> liveLonLat = new ArrayList<>();
    private Point2D lastLive;
    private final Deque<double[]> laserPoints = new ArrayDeque<>(); // {lon, lat, nanoTime}
    private final AnimationTimer fade = new AnimationTimer() {
        @Override
        public void handle(long now) {
            while (!laserPoints.isEmpty() && now - (long) laserPoints.peekFirst()[2] > LASER_NANOS) {
                laserPoints.pollFirst();
            }
            drawLaser(now);
            if (laserPoints.isEmpty()) {
                stop();
            }
        }
    };

    public DrawingLayer(AtlasState state, MapView map) {
        this.state = state;
        this.map = map;
        setId("drawing-layer");
        getStyleClass().add("drawing-layer");
        setMouseTransparent(true);
        for (Polyline p : new Polyline[]{live, laser}) {
            p.setStrokeLineCap(StrokeLineCap.ROUND);
            p.setStrokeLineJoin(StrokeLineJoin.ROUND);
            p.setFill(null);
        }
        laser.getStyleClass().add("laser-trail");
        laser.setStroke(Color.web("#ff1744"));
        laser.setStrokeWidth(7);
        getChildren().addAll(strokes, live, laser);
        state.drawingProperty().addListener(o -> markDirty());
        state.toolProperty().addListener((o, was, tool) -> {
            map.setCursor(tool.draws() ? Cursor.CROSSHAIR : tool == ToolMode.MEASURE ? Cursor.CROSSHAIR : null);
            cancelLive();
        });
        map.addEventFilter(MouseEvent.MOUSE_PRESSED, this::onPress);
        map.addEventFilter(MouseEvent.MOUSE_DRAGGED, this::onDrag);
        map.addEventFilter(MouseEvent.MOUSE_RELEASED, this::onRelease);
        map.addEventFilter(MouseEvent.MOUSE_CLICKED, e -> {
            if (drawing(e)) {
                e.consume(); // no selection, no double-click zoom while drawing
            }
        });
        map.addEventFilter(MouseEvent.MOUSE_MOVED, e -> {
            if (state.toolProperty().get() == ToolMode.LASER) {
                addLaser(e);
            }
        });
    }

    private boolean drawing(MouseEvent e) {
        return state.toolProperty().get().draws() && e.getButton() == MouseButton.PRIMARY;
    }

    private void onPress(MouseEvent e) {
        if (!drawing(e)) {
            return;
        }
        e.consume();
        map.requestFocus();
        ToolMode tool = state.toolProperty().get();
        Point2D p = local(e);
        switch (tool) {
            case ERASER -> eraseAt(p);
            case LASER -> addLaser(e);
            default -> {
                cancelLive();
                addLive(p);
                styleLive(tool);
            }
        }
    }

    private void onDrag(MouseEvent e) {
        if (!drawing(e)) {
            return;
        }
        e.consume();
        ToolMode tool = state.toolProperty().get();
        Point2D p = local(e);
        switch (tool) {
            case ERASER -> eraseAt(p);
            case LASER -> addLaser(e);
            default -> addLive(p);
        }
    }

    private void onRelease(MouseEvent e) {
        if (!drawing(e)) {
            return;
        }
        e.consume();
        ToolMode tool = state.toolProperty().get();
        if ((tool == ToolMode.PEN || tool == ToolMode.HIGHLIGHTER) && !liveLonLat.isEmpty()) {
            finishStroke(tool);
        }
    }

    /** Map-local pixels of a mouse event. */
    private Point2D local(MouseEvent e) {
        return map.sceneToLocal(e.getSceneX(), e.getSceneY());
    }

    // ------------------------------------------------------------------ the public strokes API (tools and tests)

    /** Draws a whole stroke through map-local pixel points with the current tool (pen or highlighter). */
    public void strokeThrough(List<Point2D> mapLocal) {
        ToolMode tool = state.toolProperty().get();
        if (tool != ToolMode.PEN && tool != ToolMode.HIGHLIGHTER || mapLocal.isEmpty()) {
            return;
        }
        cancelLive();
        mapLocal.forEach(this::addLive);
        finishStroke(tool);
    }

    /** Where a geographic point is now, in screen coordinates (tests compare it before and after a pan). */
    public Point2D toScreen(double lat, double lon) {
        Point2D inLayer = getMapPoint(lat, lon);
        return inLayer == null ? null : localToScreen(inLayer);
    }

    /** Removes the topmost stroke that passes within reach of a map-local point. */
    public boolean eraseAt(Point2D mapLocal) {
        List<Drawing.Stroke> all = state.drawingProperty().get().strokes();
        for (int i = all.size() - 1; i >= 0; i--) {
            Drawing.Stroke s = all.get(i);
            if (distancePx(s, mapLocal) <= s.widthPx() / 2 + ERASER_PX) {
                state.pen().erase(s);
                return true;
            }
        }
        return false;
    }

    private double distancePx(Drawing.Stroke s, Point2D mapLocal) {
        double best = Double.POSITIVE_INFINITY;
        Point2D prev = null;
        for (int i = 0; i < s.size(); i++) {
            Point2D p = mapLocalOf(s.lat(i), s.lon(i));
            if (p == null) {
                continue;
            }
            best = Math.min(best, prev == null ? p.distance(mapLocal) : segmentDistance(mapLocal, prev, p));
            prev = p;
        }
        return best;
    }

    static double segmentDistance(Point2D q, Point2D a, Point2D b) {
        double dx = b.getX() - a.getX(), dy = b.getY() - a.getY();
        double len2 = dx * dx + dy * dy;
        double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((q.getX() - a.getX()) * dx + (q.getY() - a.getY()) * dy) / len2));
        return q.distance(a.getX() + t * dx, a.getY() + t * dy);
    }

    /** A geographic point in the MapView's own pixels, or null before layout. */
    private Point2D mapLocalOf(double lat, double lon) {
        Point2D inLayer = getMapPoint(lat, lon);
        return inLayer == null ? null : map.sceneToLocal(localToScene(inLayer));
    }

    // ------------------------------------------------------------------ live stroke and laser

    private void addLive(Point2D mapLocal) {
        if (lastLive != null && lastLive.distance(mapLocal) < MIN_STEP_PX) {
            return;
        }
        MapPoint geo = map.getMapPosition(mapLocal.getX(), mapLocal.getY());
        if (geo == null || !Double.isFinite(geo.getLatitude()) || !Double.isFinite(geo.getLongitude())) {
            return;
        }
        lastLive = mapLocal;
        // MapPoint is (lat, lon); a stroke keeps x = longitude first
        liveLonLat.add(geo.getLongitude());
        liveLonLat.add(geo.getLatitude());
        markDirty();
    }

    private void styleLive(ToolMode tool) {
        Drawing.Tool t = tool == ToolMode.HIGHLIGHTER ? Drawing.Tool.HIGHLIGHTER : Drawing.Tool.PEN;
        style(live, t, state.pen().colorProperty().get(), state.pen().widthFor(t));
    }

    private void finishStroke(ToolMode tool) {
        Drawing.Tool t = tool == ToolMode.HIGHLIGHTER ? Drawing.Tool.HIGHLIGHTER : Drawing.Tool.PEN;
        double[] pts = new double[liveLonLat.size()];
        for (int i = 0; i < pts.length; i++) {
            pts[i] = liveLonLat.get(i);
        }
        cancelLive();
        state.pen().add(new Drawing.Stroke(t, state.pen().colorProperty().get(), state.pen().widthFor(t), pts));
    }

    private void cancelLive() {
        liveLonLat.clear();
        lastLive = null;
        live.getPoints().clear();
    }

    private void addLaser(MouseEvent e) {
        Point2D p = local(e);
        MapPoint geo = map.getMapPosition(p.getX(), p.getY());
        if (geo == null) {
            return;
        }
        laserPoints.addLast(new double[]{geo.getLongitude(), geo.getLatitude(), System.nanoTime()});
        fade.start();
    }

    private void drawLaser(long now) {
        List<Double> xy = new ArrayList<>();
        double newest = 0;
        for (double[] lp : laserPoints) {
            Point2D p = getMapPoint(lp[1], lp[0]);
            if (p != null) {
                xy.add(p.getX());
                xy.add(p.getY());
                newest = Math.max(newest, lp[2]);
            }
        }
        laser.getPoints().setAll(xy);
        laser.setOpacity(laserPoints.isEmpty() ? 0 : Math.max(0.15, 1 - (now - newest) / (double) LASER_NANOS));
    }

    private static void style(Polyline p, Drawing.Tool tool, String color, double width) {
        Color c = Color.web(color);
        p.setStroke(tool == Drawing.Tool.HIGHLIGHTER ? c.deriveColor(0, 1, 1, 0.38) : c);
        p.setStrokeWidth(width);
    }

    @Override
    protected void layoutLayer() {
        List<Drawing.Stroke> all = state.drawingProperty().get().strokes();
        while (strokes.getChildren().size() < all.size()) {
            Polyline p = new Polyline();
            p.setStrokeLineCap(StrokeLineCap.ROUND);
            p.setStrokeLineJoin(StrokeLineJoin.ROUND);
            p.setFill(null);
            p.getStyleClass().add("drawn-stroke");
            strokes.getChildren().add(p);
        }
        strokes.getChildren().remove(all.size(), strokes.getChildren().size());
        for (int i = 0; i < all.size(); i++) {
            Drawing.Stroke s = all.get(i);
            Polyline p = (Polyline) strokes.getChildren().get(i);
            style(p, s.tool(), s.color(), s.widthPx());
            List<Double> xy = new ArrayList<>(s.size() * 2 + 2);
            for (int k = 0; k < s.size(); k++) {
                Point2D q = getMapPoint(s.lat(k), s.lon(k));
                if (q != null) {
                    xy.add(q.getX());
                    xy.add(q.getY());
                }
            }
            if (xy.size() == 2) { // a dot: a zero-length line with round caps
                xy.add(xy.get(0));
                xy.add(xy.get(1));
            }
            p.getPoints().setAll(xy);
        }
        List<Double> lx = new ArrayList<>();
        for (int k = 0; k + 1 < liveLonLat.size(); k += 2) {
            Point2D q = getMapPoint(liveLonLat.get(k + 1), liveLonLat.get(k));
            if (q != null) {
                lx.add(q.getX());
                lx.add(q.getY());
            }
        }
        if (lx.size() == 2) {
            lx.add(lx.get(0));
            lx.add(lx.get(1));
        }
        live.getPoints().setAll(lx);
        if (!laserPoints.isEmpty()) {
            drawLaser(System.nanoTime());
        }
    }
}
