package org.ferganaatlas.gui.map;

import org.ferganaatlas.gui.l10n.Messages;

import org.ferganaatlas.gui.l10n.MeasureText;

import org.ferganaatlas.gui.state.AtlasState;
import org.ferganaatlas.gui.state.ToolMode;

import com.gluonhq.maps.MapLayer;
import com.gluonhq.maps.MapPoint;
import com.gluonhq.maps.MapView;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Point2D;
import javafx.scene.Cursor;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Polyline;
import org.ferganaatlas.logic.Geodesy;
import org.ferganaatlas.logic.Geodesy.LatLon;
import org.ferganaatlas.logic.Measurement;

/**
 * The measure tool's overlay. While the measure tool is on ({@link AtlasState#toolProperty()}), a click on the map adds a
 * point to {@link AtlasState#measurementProperty()} (and does not select what is under it); clicking the
 * first point again, or double-clicking, closes the path into an area. The path is drawn along the true
 * geodesics with a dot at each point and a label at the last point with the distance (km) or the area
 * (km² and ha); the figures come from {@link Geodesy} (WGS84, GeographicLib). Esc clears.
 */
public final class MeasureLayer extends MapLayer {
    /** A click this close (px) to the first point closes the path. */
    public static final double CLOSE_PX = 10;
    /** Drawn geodesics have a vertex at least every this many km. */
    private static final double DENSIFY_KM = 2;

    private final AtlasState state;
    private final MapView map;
    private final Polyline line = new Polyline();
    private final Polygon area = new Polygon();
    private final List<Region> dots = new ArrayList<>();
    private final Label label = new Label();

    public MeasureLayer(AtlasState state, MapView map) {
        this.state = state;
        this.map = map;
        setId("measure-layer");
        getStyleClass().add("measure-layer");
        setMouseTransparent(true);
        line.getStyleClass().add("measure-line");
        area.getStyleClass().add("measure-area");
        label.getStyleClass().add("measure-label");
        label.setManaged(false);
        getChildren().addAll(area, line, label);
        state.measurementProperty().addListener(o -> markDirty());
        Messages.onLocaleChange(this, () -> markDirty()); // "km" / "км", 1,5 / 1.5
        state.toolProperty().addListener((o, was, tool) -> {
            boolean on = tool == ToolMode.MEASURE;
            map.setCursor(on ? Cursor.CROSSHAIR : null);
            if (!on) {
                state.measurementProperty().set(Measurement.EMPTY);
            }
            markDirty();
        });
        // A filter runs before MapPane's click handler: consuming the click keeps it from selecting a feature
        // (or zooming on a double click). Drags still pan the map.
        map.addEventFilter(MouseEvent.MOUSE_CLICKED, this::onClick);
    }

    private void onClick(MouseEvent e) {
        if (!(state.toolProperty().get() == ToolMode.MEASURE) || e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        e.consume();
        if (!e.isStillSincePress()) {
            return;
        }
        Point2D local = map.sceneToLocal(e.getSceneX(), e.getSceneY());
        click(local.getX(), local.getY(), e.getClickCount());
    }

    /** A click at map-local pixels: adds a point, or closes the path (double click, or on the first point). */
    public void click(double x, double y, int clickCount) {
        Measurement m = state.measurementProperty().get();
        if (clickCount >= 2) {
            // the first click of the double click has added the point already
            state.measurementProperty().set(m.close());
            return;
        }
        if (!m.closed() && m.points().size() >= 3) {
            Point2D first = toLocal(m.points().get(0));
            if (first != null && first.distance(x, y) <= CLOSE_PX) {
                state.measurementProperty().set(m.close());
                return;
            }
        }
        MapPoint p = map.getMapPosition(x, y);
        if (p == null || !Double.isFinite(p.getLatitude()) || !Double.isFinite(p.getLongitude())) {
            return;
        }
        state.measurementProperty().set(m.plus(new LatLon(p.getLatitude(), p.getLongitude())));
    }

    /** Keys while measuring: Backspace removes the last point (Esc is {@link AtlasState#escape()}). */
    public boolean handleKey(KeyEvent e) {
        if (!(state.toolProperty().get() == ToolMode.MEASURE)) {
            return false;
        }
        if (e.getCode() == KeyCode.BACK_SPACE || e.getCode() == KeyCode.DELETE) {
            state.measurementProperty().set(state.measurementProperty().get().withoutLast());
            return true;
        }
        return false;
    }

    /** A point in map-local pixels (the MapView's coordinates), or null before the map is laid out. */
    public Point2D toLocal(LatLon p) {
        Point2D inLayer = getMapPoint(p.lat(), p.lon());
        return inLayer == null ? null : map.sceneToLocal(localToScene(inLayer));
    }

    /** Where a latitude/longitude is on the screen (tests click there). */
    public Point2D toScreen(double lat, double lon) {
        Point2D inLayer = getMapPoint(lat, lon);
        return inLayer == null ? null : localToScreen(inLayer);
    }

    @Override
    protected void layoutLayer() {
        Measurement m = state.measurementProperty().get();
        List<LatLon> pts = m.points();
        boolean show = (state.toolProperty().get() == ToolMode.MEASURE) && !pts.isEmpty();
        line.setVisible(show);
        area.setVisible(show && m.closed());
        label.setVisible(show);
        dots.forEach(d -> d.setVisible(false));
        if (!show) {
            return;
        }
        List<Double> xy = new ArrayList<>();
        for (int i = 0; i < pts.size(); i++) {
            LatLon a = pts.get(i);
            LatLon b = i + 1 < pts.size() ? pts.get(i + 1) : m.closed() ? pts.get(0) : null;
            List<LatLon> seg = b == null ? List.of(a) : Geodesy.densify(a, b, DENSIFY_KM);
            for (int k = 0; k < (b == null ? 1 : seg.size() - 1); k++) {
                Point2D p = getMapPoint(seg.get(k).lat(), seg.get(k).lon());
                if (p != null) {
                    xy.add(p.getX());
                    xy.add(p.getY());
                }
            }
        }
        if (m.closed() && xy.size() >= 2) {
            xy.add(xy.get(0));
            xy.add(xy.get(1));
        }
        line.getPoints().setAll(xy);
        area.getPoints().setAll(xy);
        while (dots.size() < pts.size()) {
            Region d = new Region();
            d.getStyleClass().add("measure-vertex");
            d.setManaged(false);
            dots.add(d);
            getChildren().add(d);
        }
        Point2D last = null;
        for (int i = 0; i < pts.size(); i++) {
            Point2D p = getMapPoint(pts.get(i).lat(), pts.get(i).lon());
            Region d = dots.get(i);
            if (p == null) {
                continue;
            }
            d.pseudoClassStateChanged(FeatureInteraction.SELECTED, i == 0 && pts.size() >= 3 && !m.closed());
            d.autosize();
            d.relocate(p.getX() - d.getWidth() / 2, p.getY() - d.getHeight() / 2);
            d.setVisible(true);
            last = p;
        }
        label.setText(MeasureText.readout(m));
        label.autosize();
        if (last != null) {
            label.relocate(last.getX() + label.getHeight() * 0.6, last.getY() - label.getHeight() * 1.2);
        }
        label.toFront();
    }
}
