package org.ferganaatlas.logic;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicData;
import net.sf.geographiclib.GeodesicLine;
import net.sf.geographiclib.GeodesicMask;
import net.sf.geographiclib.PolygonArea;
import net.sf.geographiclib.PolygonResult;

/**
 * Geodesic distances and areas on the WGS84 ellipsoid (GeographicLib, Karney's algorithms: exact to a few
 * nanometres, no spherical approximation). Every method takes coordinates in the order its parameter names
 * say: <b>latitude first</b>, as {@link LatLon} and Gluon's {@code MapPoint} do (JTS is the other way round;
 * see {@link org.ferganaatlas.model.GeoConventions}). Pure and thread-safe.
 */
public final class Geodesy {
    private Geodesy() {}

    /** A point in degrees, latitude first. */
    public record LatLon(double lat, double lon) {
        public LatLon {
            if (!Double.isFinite(lat) || !Double.isFinite(lon) || Math.abs(lat) > 90) {
                throw new IllegalArgumentException("not a latitude/longitude: " + lat + ", " + lon);
            }
        }
    }

    /** Length of the geodesic (shortest path on the ellipsoid) between two points, in kilometres. */
    public static double distanceKm(double lat1, double lon1, double lat2, double lon2) {
        return Geodesic.WGS84.Inverse(lat1, lon1, lat2, lon2, GeodesicMask.DISTANCE).s12 / 1000.0;
    }

    /** Length of a path through the points in order (open: the last point is not joined to the first), km. */
    public static double pathLengthKm(List<LatLon> points) {
        double km = 0;
        for (int i = 1; i < points.size(); i++) {
            LatLon a = points.get(i - 1), b = points.get(i);
            km += distanceKm(a.lat(), a.lon(), b.lat(), b.lon());
        }
        return km;
    }

    /** Perimeter of the closed polygon through the points (the last joined back to the first), km. */
    public static double perimeterKm(List<LatLon> ring) {
        if (ring.size() < 2) {
            return 0;
        }
        LatLon first = ring.get(0), last = ring.get(ring.size() - 1);
        return pathLengthKm(ring) + distanceKm(last.lat(), last.lon(), first.lat(), first.lon());
    }

    /**
     * Area of the polygon whose edges are the geodesics between consecutive points (the last joined back to
     * the first), in km². Either direction of travel gives the same, positive, area; fewer than three points
     * give 0. A ring that repeats its first point at the end is read as the same polygon.
     */
    public static double areaKm2(List<LatLon> ring) {
        List<LatLon> pts = ring;
        if (pts.size() > 1 && pts.get(0).equals(pts.get(pts.size() - 1))) {
            pts = pts.subList(0, pts.size() - 1);
        }
        if (pts.size() < 3) {
            return 0;
        }
        PolygonArea poly = new PolygonArea(Geodesic.WGS84, false);
        for (LatLon p : pts) {
            poly.AddPoint(p.lat(), p.lon());
        }
        // sign = true: a clockwise ring gives a negative area rather than "the rest of the earth"
        PolygonResult r = poly.Compute(false, true);
        return Math.abs(r.area) / 1e6;
    }

    /**
     * Points along the geodesic from {@code a} to {@code b}, both ends included, at most {@code maxStepKm}
     * apart (for drawing the true path on a Mercator map, where a geodesic is not a straight line).
     */
    public static List<LatLon> densify(LatLon a, LatLon b, double maxStepKm) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        GeodesicLine line = Geodesic.WGS84.InverseLine(a.lat(), a.lon(), b.lat(), b.lon(),
                GeodesicMask.DISTANCE_IN | GeodesicMask.LATITUDE | GeodesicMask.LONGITUDE);
        double metres = line.Distance();
        int n = (int) Math.min(512, Math.max(1, Math.ceil(metres / 1000.0 / Math.max(1e-3, maxStepKm))));
        List<LatLon> out = new ArrayList<>(n + 1);
        out.add(a);
        for (int i = 1; i < n; i++) {
            GeodesicData d = line.Position(metres * i / n, GeodesicMask.LATITUDE | GeodesicMask.LONGITUDE);
            out.add(new LatLon(d.lat2, d.lon2));
        }
        out.add(b);
        return out;
    }
}
