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
 * Streams the countries GeoJSON (a FeatureCollection of Polygons, MultiPolygons or GeometryCollections of them, with
 * the ISO3 code in property {@code A3} (geo-maps) or {@code isoA3} (osm_borders)) and keeps
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
                    List<String> types = new ArrayList<>();
                    List<Object> coordsList = new ArrayList<>();
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String f = p.currentName();
                        p.nextToken();
                        if (f.equals("properties") && p.currentToken() == JsonToken.START_OBJECT) {
                            while (p.nextToken() == JsonToken.FIELD_NAME) {
                                String k = p.currentName();
                                p.nextToken();
                                if (ISO3_PROPERTIES.contains(k) && p.currentToken() == JsonToken.VALUE_STRING) {
                                    a3 = p.getText();
                                } else {
                                    p.skipChildren();
                                }
                            }
                        } else if (f.equals("geometry") && p.currentToken() == JsonToken.START_OBJECT) {
                            geometry(p, types, coordsList);
                        } else {
                            p.skipChildren();
                        }
                    }
                    if (a3 == null || coordsList.isEmpty()) {
                        continue;
                    }
                    List<Polygon> polys = new ArrayList<>();
                    for (int i = 0; i < types.size(); i++) polys.addAll(toPolygons(types.get(i), coordsList.get(i), regionEnv));
                    Geometry g = FLOAT.createMultiPolygon(polys.toArray(new Polygon[0]));
                    if (g.isEmpty()) {
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

    /** Property names that carry the ISO 3166 alpha-3 code, by package. */
    static final java.util.Set<String> ISO3_PROPERTIES = java.util.Set.of("A3", "isoA3");

    /** Reads one geometry object (the parser is on its START_OBJECT); a GeometryCollection adds each member. */
    private static void geometry(JsonParser p, List<String> types, List<Object> coords) throws IOException {
        String type = null;
        Object c = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String k = p.currentName();
            p.nextToken();
            if (k.equals("type")) {
                type = p.getText();
            } else if (k.equals("coordinates")) {
                c = coordinates(p);
            } else if (k.equals("geometries") && p.currentToken() == JsonToken.START_ARRAY) {
                while (p.nextToken() == JsonToken.START_OBJECT) geometry(p, types, coords);
            } else {
                p.skipChildren();
            }
        }
        if (type != null && c != null) {
            types.add(type);
            coords.add(c);
        }
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
    private static List<Polygon> toPolygons(String type, Object coords, Envelope region) {
        List<Polygon> polys = new ArrayList<>();
        if ("Polygon".equals(type)) {
            Polygon poly = polygon((List<Object>) coords, region);
            if (poly != null) polys.add(poly);
        } else if ("MultiPolygon".equals(type)) {
            for (Object o : (List<Object>) coords) {
                Polygon poly = polygon((List<Object>) o, region);
                if (poly != null) polys.add(poly);
            }
        }
        return polys;
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
