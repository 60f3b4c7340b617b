package org.ferganaatlas.build;

import org.ferganaatlas.data.AtlasSchema;
import org.locationtech.jts.coverage.CoverageSimplifier;
import org.locationtech.jts.coverage.CoverageValidator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.util.LineStringExtracter;
import org.locationtech.jts.operation.linemerge.LineMerger;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Levels of detail of the country coverage and everything derived from its shared edges: border segments
 * per country pair (the same edges at every LOD, because they come from the simplified coverage) and tripoints.
 */
final class Topology {
    /** ISO3 → geometry per LOD (index = lod). */
    final Map<String, Geometry[]> countries = new TreeMap<>();
    final List<Border> borders = new ArrayList<>();
    final List<Tripoint> tripoints = new ArrayList<>();
    final Region region;

    record Border(String pair, int number, Geometry[] lods, double lengthKm) {
        String key() {
            return "border:" + pair + ":" + number;
        }
    }

    record Tripoint(String key, String countries, Point point) {}

    Topology(Region region) {
        this.region = region;
    }

    static Topology build(Partition partition, Region region) {
        Topology t = new Topology(region);
        List<String> isos = new ArrayList<>(partition.countries.keySet());
        Geometry[] full = new Geometry[isos.size()];
        for (int i = 0; i < full.length; i++) {
            full[i] = partition.countries.get(isos.get(i));
        }
        Geometry[] invalid = CoverageValidator.validate(full);
        for (int i = 0; i < invalid.length; i++) {
            if (invalid[i] != null) {
                throw new IllegalStateException("country coverage is not valid at " + isos.get(i) + ": " + invalid[i]);
            }
        }
        Geometry[][] byLod = new Geometry[AtlasSchema.LOD_COUNT][];
        for (int lod = 0; lod < AtlasSchema.LOD_COUNT; lod++) {
            double tol = AtlasSchema.LOD_TOLERANCE_DEG[lod];
            if (tol == 0) {
                byLod[lod] = full;
            } else {
                CoverageSimplifier s = new CoverageSimplifier(full);
                s.setRemovableRingSizeFactor(0);
                Geometry[] simp = s.simplify(tol);
                for (int i = 0; i < simp.length; i++) {
                    simp[i] = Geo.reduce(simp[i]);
                    if (!simp[i].isValid()) {
                        throw new IllegalStateException("LOD " + lod + " of " + isos.get(i) + " is invalid");
                    }
                }
                byLod[lod] = simp;
            }
        }
        for (int i = 0; i < isos.size(); i++) {
            Geometry[] g = new Geometry[AtlasSchema.LOD_COUNT];
            for (int lod = 0; lod < g.length; lod++) {
                g[lod] = byLod[lod][i];
            }
            t.countries.put(isos.get(i), g);
        }
        int top = AtlasSchema.LOD_COUNT - 1;
        for (int i = 0; i < isos.size(); i++) {
            for (int j = i + 1; j < isos.size(); j++) {
                String pair = isos.get(i) + "-" + isos.get(j);
                List<Geometry> segs = t.segments(byLod[top][i], byLod[top][j]);
                if (segs.isEmpty()) continue;
                segs.sort(Comparator.comparingDouble(Geometry::getLength).reversed()
                        .thenComparing(g -> g.getEnvelopeInternal().getMinX())
                        .thenComparing(g -> g.getEnvelopeInternal().getMinY()));
                Geometry[][] lods = new Geometry[segs.size()][AtlasSchema.LOD_COUNT];
                for (int s = 0; s < segs.size(); s++) {
                    lods[s][top] = segs.get(s);
                }
                for (int lod = 0; lod < top; lod++) {
                    Map<Integer, List<Geometry>> assigned = new TreeMap<>();
                    for (Geometry line : t.segments(byLod[lod][i], byLod[lod][j])) {
                        for (int n = 0; n < line.getNumGeometries(); n++) {
                            Geometry piece = line.getGeometryN(n);
                            Point mid = Geo.GF.createPoint(Geo.anchor(piece));
                            int best = 0;
                            double bestD = Double.MAX_VALUE;
                            for (int s = 0; s < segs.size(); s++) {
                                double d = segs.get(s).distance(mid);
                                if (d < bestD) {
                                    bestD = d;
                                    best = s;
                                }
                            }
                            assigned.computeIfAbsent(best, k -> new ArrayList<>()).add(piece);
                        }
                    }
                    for (int s = 0; s < segs.size(); s++) {
                        List<Geometry> parts = assigned.get(s);
                        // A segment that vanished at a coarse LOD keeps its finer geometry so it is never lost.
                        lods[s][lod] = parts == null ? null : merge(parts);
                    }
                }
                for (int s = 0; s < segs.size(); s++) {
                    for (int lod = top - 1; lod >= 0; lod--) {
                        if (lods[s][lod] == null) lods[s][lod] = lods[s][lod + 1];
                    }
                    t.borders.add(new Border(pair, s + 1, lods[s], Geo.lengthKm(segs.get(s))));
                }
            }
        }
        // Tripoints: where the shared edge of two countries touches the boundary of a third.
        for (int i = 0; i < isos.size(); i++) {
            for (int j = i + 1; j < isos.size(); j++) {
                for (int k = j + 1; k < isos.size(); k++) {
                    Geometry ab = Geo.lineIntersection(byLod[top][i].getBoundary(), byLod[top][j].getBoundary());
                    Geometry pts = ab.intersection(byLod[top][k].getBoundary());
                    List<Coordinate> cs = new ArrayList<>();
                    for (Coordinate c : pts.getCoordinates()) {
                        if (!t.onFrame(c) && cs.stream().noneMatch(c::equals2D)) cs.add(c);
                    }
                    cs.sort(Comparator.comparingDouble((Coordinate c) -> c.x).thenComparingDouble(c -> c.y));
                    String trio = isos.get(i) + "-" + isos.get(j) + "-" + isos.get(k);
                    for (int n = 0; n < cs.size(); n++) {
                        t.tripoints.add(new Tripoint("tripoint:" + trio + (n == 0 ? "" : ":" + (n + 1)), trio,
                                Geo.GF.createPoint(cs.get(n))));
                    }
                }
            }
        }
        return t;
    }

    /** The shared edges of two polygons as connected segments (each a LineString or MultiLineString), off the frame. */
    List<Geometry> segments(Geometry a, Geometry b) {
        if (!a.getEnvelopeInternal().intersects(b.getEnvelopeInternal())) return List.of();
        Geometry shared = Geo.lineIntersection(a.getBoundary(), b.getBoundary());
        List<LineString> pieces = new ArrayList<>();
        for (Object o : LineStringExtracter.getLines(shared)) {
            LineString l = (LineString) o;
            if (!onFrame(l)) pieces.add(l);
        }
        if (pieces.isEmpty()) return List.of();
        LineMerger m = new LineMerger();
        m.add(pieces);
        @SuppressWarnings("unchecked")
        List<LineString> merged = new ArrayList<>((Collection<LineString>) m.getMergedLineStrings());
        // Connected components by shared end points.
        Map<String, Integer> parent = new HashMap<>();
        int[] uf = new int[merged.size()];
        for (int i = 0; i < uf.length; i++) uf[i] = i;
        for (int i = 0; i < merged.size(); i++) {
            for (Coordinate c : new Coordinate[] {merged.get(i).getCoordinateN(0),
                    merged.get(i).getCoordinateN(merged.get(i).getNumPoints() - 1)}) {
                String k = c.x + "," + c.y;
                Integer other = parent.putIfAbsent(k, i);
                if (other != null) uf[find(uf, i)] = find(uf, other);
            }
        }
        Map<Integer, List<Geometry>> groups = new LinkedHashMap<>();
        for (int i = 0; i < merged.size(); i++) {
            groups.computeIfAbsent(find(uf, i), x -> new ArrayList<>()).add(merged.get(i));
        }
        List<Geometry> out = new ArrayList<>();
        for (List<Geometry> g : groups.values()) out.add(merge(g));
        return out;
    }

    private static int find(int[] uf, int i) {
        while (uf[i] != i) i = uf[i] = uf[uf[i]];
        return i;
    }

    static Geometry merge(List<Geometry> lines) {
        LineMerger m = new LineMerger();
        m.add(lines);
        @SuppressWarnings("unchecked")
        List<LineString> merged = new ArrayList<>((Collection<LineString>) m.getMergedLineStrings());
        merged.sort(Comparator.comparingDouble((LineString l) -> l.getCoordinateN(0).x).thenComparingDouble(l -> l.getCoordinateN(0).y));
        return merged.size() == 1 ? merged.get(0) : Geo.GF.createMultiLineString(merged.toArray(new LineString[0]));
    }

    boolean onFrame(Coordinate c) {
        return c.x == region.west() || c.x == region.east() || c.y == region.south() || c.y == region.north();
    }

    private boolean onFrame(LineString l) {
        for (int i = 1; i < l.getNumPoints(); i++) {
            Coordinate a = l.getCoordinateN(i - 1), b = l.getCoordinateN(i);
            boolean frameSeg = (a.x == b.x && (a.x == region.west() || a.x == region.east()))
                    || (a.y == b.y && (a.y == region.south() || a.y == region.north()));
            if (!frameSeg) return false;
        }
        return true;
    }
}
