package org.ferganaatlas.build;

import net.sf.geographiclib.Geodesic;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ByteOrderValues;
import org.locationtech.jts.io.WKBWriter;
import org.locationtech.jts.linearref.LengthIndexedLine;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.precision.GeometryPrecisionReducer;

/** Geometry conventions of the build: x = longitude, y = latitude, WGS84 degrees, 1e-6 degree grid. */
final class Geo {
    private Geo() {}

    /** Every coordinate is snapped to this grid (1e-6 degree, about 0.1 m), so shared edges have identical vertices. */
    static final double GRID = 1e-6;
    static final PrecisionModel PM = new PrecisionModel(1.0 / GRID);
    static final GeometryFactory GF = new GeometryFactory(PM);

    static Geometry reduce(Geometry g) {
        return GeometryPrecisionReducer.reduce(g, PM);
    }

    /** Exact overlay on the fixed grid (no floating-point slivers between neighbours). */
    static Geometry overlay(Geometry a, Geometry b, int op) {
        return OverlayNG.overlay(a, b, op, PM);
    }

    /** Areal intersection (lower-dimension leftovers dropped). */
    static Geometry intersection(Geometry a, Geometry b) {
        return areal(overlay(a, b, OverlayNG.INTERSECTION));
    }

    static Geometry difference(Geometry a, Geometry b) {
        return areal(overlay(a, b, OverlayNG.DIFFERENCE));
    }

    static Geometry union(Geometry a, Geometry b) {
        return areal(overlay(a, b, OverlayNG.UNION));
    }

    static Geometry unionAll(java.util.Collection<Geometry> gs) {
        Geometry g = GF.buildGeometry(new java.util.ArrayList<>(gs));
        return areal(org.locationtech.jts.operation.overlayng.UnaryUnionNG.union(g, PM));
    }

    /** Lines of an intersection of linework (e.g. shared boundaries). */
    static Geometry lineIntersection(Geometry a, Geometry b) {
        Geometry g = overlay(a, b, OverlayNG.INTERSECTION);
        java.util.List<Geometry> lines = new java.util.ArrayList<>();
        org.locationtech.jts.geom.util.LineStringExtracter.getLines(g, lines);
        return GF.buildGeometry(lines);
    }

    /** The polygons of {@code g} as one (Multi)Polygon. */
    static Geometry areal(Geometry g) {
        if (g instanceof Polygon || g instanceof org.locationtech.jts.geom.MultiPolygon) {
            return g;
        }
        java.util.List<Polygon> ps = new java.util.ArrayList<>();
        for (Object o : org.locationtech.jts.geom.util.PolygonExtracter.getPolygons(g)) {
            ps.add((Polygon) o);
        }
        return ps.size() == 1 ? ps.get(0) : GF.createMultiPolygon(ps.toArray(new Polygon[0]));
    }

    static Polygon rect(double w, double s, double e, double n) {
        return GF.createPolygon(new Coordinate[] {
            new Coordinate(w, s), new Coordinate(e, s), new Coordinate(e, n), new Coordinate(w, n), new Coordinate(w, s)});
    }

    /** Geodesic length on WGS84 of every line in {@code g}, in km. */
    static double lengthKm(Geometry g) {
        double m = 0;
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Geometry part = g.getGeometryN(i);
            if (part instanceof Polygon) {
                Polygon p = (Polygon) part;
                m += lengthM(p.getExteriorRing().getCoordinates());
                for (int h = 0; h < p.getNumInteriorRing(); h++) {
                    m += lengthM(p.getInteriorRingN(h).getCoordinates());
                }
            } else {
                m += lengthM(part.getCoordinates());
            }
        }
        return m / 1000.0;
    }

    static double lengthM(Coordinate[] cs) {
        double m = 0;
        for (int i = 1; i < cs.length; i++) {
            m += Geodesic.WGS84.Inverse(cs[i - 1].y, cs[i - 1].x, cs[i].y, cs[i].x).s12;
        }
        return m;
    }

    static double distanceM(double lat1, double lon1, double lat2, double lon2) {
        return Geodesic.WGS84.Inverse(lat1, lon1, lat2, lon2).s12;
    }

    /** The point {@code metres} from (lat, lon) along the geodesic at {@code bearingDeg} (0 = north): {lat, lon}. */
    static double[] destination(double lat, double lon, double bearingDeg, double metres) {
        var d = Geodesic.WGS84.Direct(lat, lon, bearingDeg, metres);
        return new double[] {d.lat2, d.lon2};
    }

    /** Geodesic area on WGS84 in km² (polygons; holes subtracted). */
    static double areaKm2(Geometry g) {
        double a = 0;
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Geometry part = g.getGeometryN(i);
            if (part instanceof Polygon) {
                Polygon p = (Polygon) part;
                a += Math.abs(ringArea(p.getExteriorRing().getCoordinates()));
                for (int h = 0; h < p.getNumInteriorRing(); h++) {
                    a -= Math.abs(ringArea(p.getInteriorRingN(h).getCoordinates()));
                }
            }
        }
        return a / 1e6;
    }

    private static double ringArea(Coordinate[] cs) {
        net.sf.geographiclib.PolygonArea pa = new net.sf.geographiclib.PolygonArea(Geodesic.WGS84, false);
        for (int i = 0; i < cs.length - 1; i++) {
            pa.AddPoint(cs[i].y, cs[i].x);
        }
        return pa.Compute().area;
    }

    /** A representative point: the point itself, the middle of a line by length, or an interior point of an area. */
    static Coordinate anchor(Geometry g) {
        if (g instanceof Point) {
            return g.getCoordinate();
        }
        if (g.getDimension() == 1) {
            LineString longest = null;
            for (int i = 0; i < g.getNumGeometries(); i++) {
                LineString l = (LineString) g.getGeometryN(i);
                if (longest == null || l.getLength() > longest.getLength()) {
                    longest = l;
                }
            }
            return new LengthIndexedLine(longest).extractPoint(longest.getLength() / 2);
        }
        Geometry largest = g;
        if (g.getNumGeometries() > 1) {
            for (int i = 0; i < g.getNumGeometries(); i++) {
                if (largest == g || g.getGeometryN(i).getArea() > largest.getArea()) {
                    largest = g.getGeometryN(i);
                }
            }
        }
        return largest.getInteriorPoint().getCoordinate();
    }

    static double round6(double v) {
        return Math.round(v * 1e6) / 1e6;
    }

    private static final WKBWriter WKB = new WKBWriter(2, ByteOrderValues.LITTLE_ENDIAN);

    /** Little-endian 2D WKB. */
    static byte[] wkb(Geometry g) {
        synchronized (WKB) {
            return WKB.write(g);
        }
    }

    static Envelope env(Geometry g) {
        return g.getEnvelopeInternal();
    }
}
