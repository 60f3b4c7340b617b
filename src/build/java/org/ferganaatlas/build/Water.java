package org.ferganaatlas.build;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.linemerge.LineMerger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Rivers and lakes from GMT's multisegment dump of GSHHG/WDBII (segments cut at the data's bins, joined here). */
final class Water {
    record River(int level, LineString line) {}

    /** WDBII river levels as GMT documents them. */
    static final Map<Integer, String> RIVER_LEVEL = Map.of(
            1, "Double-lined river", 2, "Permanent major river", 3, "Additional major river",
            4, "Additional river", 5, "Minor river", 6, "Intermittent major river", 7, "Intermittent additional river",
            8, "Intermittent minor river", 9, "Major canal", 10, "Minor canal");

    private static final Pattern LEVEL = Pattern.compile("Level\\s+(\\d+)");

    /** Segments of the dump, grouped by level. */
    static Map<Integer, List<LineString>> segments(Path file) throws IOException {
        Map<Integer, List<LineString>> out = new TreeMap<>();
        List<Coordinate> cur = null;
        int level = 0;
        List<String> lines = Files.readAllLines(file);
        lines.add(">");
        for (String l : lines) {
            if (l.startsWith(">")) {
                if (cur != null && cur.size() >= 2) {
                    out.computeIfAbsent(level, k -> new ArrayList<>())
                            .add(Geo.GF.createLineString(cur.toArray(new Coordinate[0])));
                }
                cur = new ArrayList<>();
                Matcher m = LEVEL.matcher(l);
                level = m.find() ? Integer.parseInt(m.group(1)) : 0;
            } else if (!l.isBlank() && cur != null) {
                String[] xy = l.trim().split("\\s+");
                Coordinate c = new Coordinate(Double.parseDouble(xy[0]), Double.parseDouble(xy[1]));
                Geo.PM.makePrecise(c);
                if (cur.isEmpty() || !cur.get(cur.size() - 1).equals2D(c)) cur.add(c);
            }
        }
        return out;
    }

    /** GMT dumps whole bin segments that touch -R, so the lines are joined first and then clipped to the region. */
    static List<River> rivers(Path file, Region region) throws IOException {
        List<River> out = new ArrayList<>();
        Geometry frame = region.polygon();
        for (Map.Entry<Integer, List<LineString>> e : segments(file).entrySet()) {
            LineMerger m = new LineMerger();
            m.add(e.getValue());
            @SuppressWarnings("unchecked")
            List<LineString> merged = new ArrayList<>((Collection<LineString>) m.getMergedLineStrings());
            for (LineString l : merged) {
                Geometry clipped = Geo.overlay(l, frame, org.locationtech.jts.operation.overlayng.OverlayNG.INTERSECTION);
                for (Object o : org.locationtech.jts.geom.util.LineStringExtracter.getLines(clipped)) {
                    LineString c = (LineString) o;
                    if (c.getNumPoints() >= 2 && c.getLength() > 0) out.add(new River(e.getKey(), c));
                }
            }
        }
        out.sort(Comparator.comparingInt(River::level)
                .thenComparing(r -> -r.line().getLength())
                .thenComparingDouble(r -> r.line().getCoordinateN(0).x)
                .thenComparingDouble(r -> r.line().getCoordinateN(0).y));
        return out;
    }

    /** Closed lake shorelines as polygons; open pieces (lakes cut by the frame) are reported and skipped. */
    static List<Polygon> lakes(Path file, Region region, List<String> log) throws IOException {
        List<LineString> all = new ArrayList<>();
        segments(file).values().forEach(all::addAll);
        LineMerger m = new LineMerger();
        m.add(all);
        @SuppressWarnings("unchecked")
        List<LineString> merged = new ArrayList<>((Collection<LineString>) m.getMergedLineStrings());
        List<Polygon> out = new ArrayList<>();
        for (LineString l : merged) {
            if (l.isClosed() && l.getNumPoints() >= 4) {
                Geometry p = Geo.GF.createPolygon(l.getCoordinates());
                if (!p.isValid()) p = Geo.areal(p.buffer(0));
                p = Geo.intersection(p, region.polygon());
                for (int i = 0; i < p.getNumGeometries(); i++) {
                    if (p.getGeometryN(i).getArea() > 0) out.add((Polygon) p.getGeometryN(i));
                }
            } else {
                log.add(String.format("lake shoreline piece not closed (cut by the frame?) at %.4f,%.4f, skipped",
                        l.getCoordinateN(0).y, l.getCoordinateN(0).x));
            }
        }
        out.sort(Comparator.comparingDouble((Polygon p) -> -p.getArea()));
        return out;
    }
}
