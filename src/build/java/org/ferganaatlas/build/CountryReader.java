package org.ferganaatlas.build;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.GeometryFixer;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Streams the countries GeoJSON (a FeatureCollection of MultiPolygons with property {@code A3}) and keeps
 * every country that reaches into the region, clipped to it. The 168 MB file is never held as a tree:
 * coordinates of a feature are read into arrays, tested against the region envelope and dropped if outside.
 */
final class CountryReader {
    private CountryReader() {}

    private static final GeometryFactory FLOAT = new GeometryFactory();

    /** ISO3 → country geometry clipped to the region, on the 1e-6 grid (raw: overlaps not yet resolved). */
    static Map<String, Geometry> read(Path geojson, Region region) throws IOException {
        Map<String, Geometry> out = new TreeMap<>();
        Envelope regionEnv = new Envelope(region.west(), region.east(), region.south(), region.north());
        try (JsonParser p = Json.FACTORY.createParser(new BufferedInputStream(Files.newInputStream(geojson), 1 << 20))) {
            expect(p.nextToken(), JsonToken.START_OBJECT, p);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                if (!field.equals("features")) {
                    p.skipChildren();
                    continue;
                }
                expect(p.currentToken(), JsonToken.START_ARRAY, p);
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    String a3 = null;
                    String type = null;
                    Object coords = null;
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String f = p.currentName();
                        p.nextToken();
                        if (f.equals("properties") && p.currentToken() == JsonToken.START_OBJECT) {
                            while (p.nextToken() == JsonToken.FIELD_NAME) {
                                String k = p.currentName();
                                p.nextToken();
                                if (k.equals("A3")) {
                                    a3 = p.getText();
                                } else {
                                    p.skipChildren();
                                }
                            }
                        } else if (f.equals("geometry") && p.currentToken() == JsonToken.START_OBJECT) {
                            while (p.nextToken() == JsonToken.FIELD_NAME) {
                                String k = p.currentName();
                                p.nextToken();
                                if (k.equals("type")) {
                                    type = p.getText();
                                } else if (k.equals("coordinates")) {
                                    coords = coordinates(p);
                                } else {
                                    p.skipChildren();
                                }
                            }
                        } else {
                            p.skipChildren();
                        }
                    }
                    if (a3 == null || coords == null) {
                        continue;
                    }
                    Geometry g = toGeometry(type, coords, regionEnv);
                    if (g == null || g.isEmpty()) {
                        continue;
                    }
                    if (!g.isValid()) {
                        g = GeometryFixer.fix(g);
                    }
                    Geometry clipped = Geo.intersection(Geo.reduce(g), region.polygon());
                    if (clipped.getArea() <= 0) {
                        continue;
                    }
                    out.merge(a3, clipped, Geo::union);
                }
            }
        }
        return out;
    }

    private static void expect(JsonToken t, JsonToken want, JsonParser p) throws IOException {
        if (t != want) {
            throw new IOException("GeoJSON: expected " + want + " but found " + t + " at " + p.currentLocation());
        }
    }

    /** Nested lists with double[2] leaves. */
    private static Object coordinates(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw new IOException("GeoJSON: bad coordinates at " + p.currentLocation());
        }
        JsonToken t = p.nextToken();
        if (t == JsonToken.VALUE_NUMBER_FLOAT || t == JsonToken.VALUE_NUMBER_INT) {
            double x = p.getDoubleValue();
            p.nextToken();
            double y = p.getDoubleValue();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                // ignore z
            }
            return new double[] {x, y};
        }
        List<Object> list = new ArrayList<>();
        while (t != JsonToken.END_ARRAY) {
            list.add(coordinates(p));
            t = p.nextToken();
        }
        return list;
    }

    @SuppressWarnings("unchecked")
    private static Geometry toGeometry(String type, Object coords, Envelope region) {
        List<Polygon> polys = new ArrayList<>();
        if ("Polygon".equals(type)) {
            Polygon poly = polygon((List<Object>) coords, region);
            if (poly != null) polys.add(poly);
        } else if ("MultiPolygon".equals(type)) {
            for (Object o : (List<Object>) coords) {
                Polygon poly = polygon((List<Object>) o, region);
                if (poly != null) polys.add(poly);
            }
        } else {
            return null;
        }
        return FLOAT.createMultiPolygon(polys.toArray(new Polygon[0]));
    }

    @SuppressWarnings("unchecked")
    private static Polygon polygon(List<Object> rings, Envelope region) {
        LinearRing shell = ring((List<Object>) rings.get(0));
        if (shell == null || !shell.getEnvelopeInternal().intersects(region)) {
            return null;
        }
        List<LinearRing> holes = new ArrayList<>();
        for (int i = 1; i < rings.size(); i++) {
            LinearRing h = ring((List<Object>) rings.get(i));
            if (h != null && h.getEnvelopeInternal().intersects(region)) {
                holes.add(h);
            }
        }
        return FLOAT.createPolygon(shell, holes.toArray(new LinearRing[0]));
    }

    private static LinearRing ring(List<Object> pts) {
        if (pts.size() < 4) {
            return null;
        }
        Coordinate[] cs = new Coordinate[pts.size()];
        for (int i = 0; i < cs.length; i++) {
            double[] xy = (double[]) pts.get(i);
            cs[i] = new Coordinate(xy[0], xy[1]);
        }
        if (!cs[0].equals2D(cs[cs.length - 1])) {
            return null;
        }
        return FLOAT.createLinearRing(cs);
    }
}
