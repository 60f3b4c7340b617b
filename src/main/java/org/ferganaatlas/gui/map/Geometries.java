package org.ferganaatlas.gui.map;

import java.util.List;
import javafx.scene.shape.ClosePath;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.PathElement;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/**
 * JTS geometry to JavaFX path elements in overlay pixels: lines are cut to the built area (segments whose
 * box misses it are dropped) and thinned so that consecutive points are at least a pixel apart.
 */
public final class Geometries {
    private static final double MIN_STEP_PX = 1.0;

    private Geometries() {}

    /** Appends every line of a (multi)line geometry, or the rings of a (multi)polygon, to {@code out}. */
    public static void appendLines(Geometry g, OverlayLayer.Frame f, List<PathElement> out) {
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Geometry part = g.getGeometryN(i);
            if (part instanceof LineString ls) {
                appendLine(ls.getCoordinates(), f, out, false);
            } else if (part instanceof Polygon p) {
                appendLine(p.getExteriorRing().getCoordinates(), f, out, false);
                for (int h = 0; h < p.getNumInteriorRing(); h++) {
                    appendLine(p.getInteriorRingN(h).getCoordinates(), f, out, false);
                }
            }
        }
    }

    /** Appends the rings of a (multi)polygon as closed figures (for even-odd fills). */
    public static void appendPolygons(Geometry g, OverlayLayer.Frame f, List<PathElement> out) {
        for (int i = 0; i < g.getNumGeometries(); i++) {
            if (g.getGeometryN(i) instanceof Polygon p) {
                appendLine(p.getExteriorRing().getCoordinates(), f, out, true);
                for (int h = 0; h < p.getNumInteriorRing(); h++) {
                    appendLine(p.getInteriorRingN(h).getCoordinates(), f, out, true);
                }
            }
        }
    }

    private static void appendLine(Coordinate[] cs, OverlayLayer.Frame f, List<PathElement> out, boolean closed) {
        if (cs.length < 2) {
            return;
        }
        double px = f.x(cs[0].x), py = f.y(cs[0].y);
        boolean penDown = false;
        double lastX = px, lastY = py;
        for (int i = 1; i < cs.length; i++) {
            double x = f.x(cs[i].x), y = f.y(cs[i].y);
            boolean last = i == cs.length - 1;
            boolean keep = closed || segmentTouches(px, py, x, y, f);
            if (keep) {
                if (!penDown) {
                    out.add(new MoveTo(px, py));
                    penDown = true;
                    lastX = px;
                    lastY = py;
                }
                if (last || Math.abs(x - lastX) + Math.abs(y - lastY) >= MIN_STEP_PX) {
                    out.add(new LineTo(x, y));
                    lastX = x;
                    lastY = y;
                }
            } else {
                penDown = false;
            }
            px = x;
            py = y;
        }
        if (closed && penDown) {
            out.add(new ClosePath());
        }
    }

    private static boolean segmentTouches(double ax, double ay, double bx, double by, OverlayLayer.Frame f) {
        return Math.max(ax, bx) >= f.x0 && Math.min(ax, bx) <= f.x1 && Math.max(ay, by) >= f.y0 && Math.min(ay, by) <= f.y1;
    }
}
