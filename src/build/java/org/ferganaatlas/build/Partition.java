package org.ferganaatlas.build;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.PolygonExtracter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns the raw, overlapping country polygons into a clean partition of the region (a polygonal coverage):
 * enclaves cut out of the surrounding country, remaining overlaps and slivers resolved, every vertex on
 * the 1e-6 degree grid so neighbours share identical edges.
 */
final class Partition {
    /** Gaps thinner than this (degrees, about 20 m) or smaller than {@link #SLIVER_MAX_KM2} are slivers, not water. */
    static final double SLIVER_WIDTH_DEG = 0.0002;
    static final double SLIVER_MAX_KM2 = 0.01;
    /** Vertices of neighbours closer than this (degrees, about 1 m) are the same point of a shared edge. */
    static final double SNAP_DEG = 1e-5;

    final Map<String, Geometry> countries = new TreeMap<>();
    /** Polygon components of a country that lie wholly inside another one: ISO3 of the part's country → parts. */
    final List<Part> enclaves = new ArrayList<>();
    final List<String> log = new ArrayList<>();
    final Map<String, Object> report = new TreeMap<>();

    record Part(String country, String surroundedBy, Polygon polygon) {}

    /** An area that both countries' polygons of the input include: left to neither, recorded for the map to show. */
    record Overlap(String pair, Polygon polygon) {}

    /** Overlaps at least this large (km²) and not thin are claims of both polygons, not edge noise. */
    static final double CONTESTED_MIN_KM2 = 0.05;

    final List<Overlap> contested = new ArrayList<>();

    /** Inland water left open by the cleaning (km²): areas inside the region that no country's polygon covers. */
    double openWaterKm2() {
        Object v = report.get("open_water_km2");
        return v instanceof Number n ? n.doubleValue() : 0;
    }

    static Partition build(Map<String, Geometry> raw, Region region) {
        Partition p = new Partition();
        Map<String, Geometry> c = new TreeMap<>(raw);
        p.report.put("overlap_km2_before", overlaps(c, p.log, "before"));
        p.report.put("gap_km2_before", Json.round(Geo.areaKm2(gaps(c, region)), 4));

        // 1. Enclaves: a component of B lying mostly inside A is B's territory; cut it out of A.
        List<String> isos = new ArrayList<>(c.keySet());
        for (String a : isos) {
            for (String b : isos) {
                if (a.equals(b)) continue;
                Geometry ga = c.get(a);
                List<Geometry> cut = new ArrayList<>();
                for (Object o : PolygonExtracter.getPolygons(c.get(b))) {
                    Polygon part = (Polygon) o;
                    if (!part.getEnvelopeInternal().intersects(ga.getEnvelopeInternal())) continue;
                    double inside = Geo.intersection(part, ga).getArea();
                    if (inside > 0 && inside >= 0.5 * part.getArea()) {
                        cut.add(part);
                        p.log.add(String.format("cut %s part at %.4f,%.4f (%.3f km²) out of %s", b,
                                part.getInteriorPoint().getY(), part.getInteriorPoint().getX(), Geo.areaKm2(part), a));
                    }
                }
                if (!cut.isEmpty()) {
                    c.put(a, Geo.difference(ga, Geo.unionAll(cut)));
                }
            }
        }
        // 2. Overlaps left. A large one (both countries' polygons include the same ground, as around Sokh in the 2022
        //    input) is not ours to award: it is cut out of both and kept as a contested area. Edge noise (thin or
        //    tiny) goes to the country first in ISO order, which moves a line by less than the input's precision.
        List<Geometry> contestedParts = new ArrayList<>();
        for (int i = 0; i < isos.size(); i++) {
            for (int j = i + 1; j < isos.size(); j++) {
                Geometry x = Geo.intersection(c.get(isos.get(i)), c.get(isos.get(j)));
                if (x.getArea() <= 0) continue;
                List<Geometry> noise = new ArrayList<>();
                List<Geometry> claimed = new ArrayList<>();
                for (Object o : PolygonExtracter.getPolygons(x)) {
                    Polygon part = (Polygon) o;
                    boolean thin = part.buffer(-SLIVER_WIDTH_DEG / 2).isEmpty();
                    if (!thin && Geo.areaKm2(part) >= CONTESTED_MIN_KM2) claimed.add(part); else noise.add(part);
                }
                String pair = isos.get(i) + "-" + isos.get(j);
                for (Geometry g : claimed) {
                    p.contested.add(new Overlap(pair, (Polygon) g));
                    contestedParts.add(g);
                    p.log.add(String.format("overlap %s %.3f km² at %.5f,%.5f is in both polygons: left to neither (contested in the input)",
                            pair, Geo.areaKm2(g), g.getInteriorPoint().getY(), g.getInteriorPoint().getX()));
                }
                if (!claimed.isEmpty()) {
                    Geometry u = Geo.unionAll(claimed);
                    c.put(isos.get(i), Geo.difference(c.get(isos.get(i)), u));
                    c.put(isos.get(j), Geo.difference(c.get(isos.get(j)), u));
                }
                if (!noise.isEmpty()) {
                    Geometry u = Geo.unionAll(noise);
                    p.log.add(String.format("overlap %s/%s %.6f km² given to %s", isos.get(i), isos.get(j),
                            Geo.areaKm2(u), isos.get(i)));
                    c.put(isos.get(j), Geo.difference(c.get(isos.get(j)), u));
                }
            }
        }
        Geometry contestedAll = contestedParts.isEmpty() ? null : Geo.unionAll(contestedParts).buffer(1e-6);
        p.report.put("contested_km2", Json.round(p.contested.stream().mapToDouble(o -> Geo.areaKm2(o.polygon())).sum(), 4));
        // 3. Gaps: slivers (thin or tiny) go to the neighbour sharing the longest edge; water bodies stay open.
        Geometry gaps = gaps(c, region);
        double sliverKm2 = 0;
        double waterKm2 = 0;
        Map<String, Double> waterOnBorders = new TreeMap<>();
        for (Object o : PolygonExtracter.getPolygons(gaps)) {
            Polygon g = (Polygon) o;
            double km2 = Geo.areaKm2(g);
            if (contestedAll != null && contestedAll.covers(g)) continue;   // a contested area, recorded above
            boolean thin = g.buffer(-SLIVER_WIDTH_DEG / 2).isEmpty();
            String best = null;
            double bestLen = 0;
            List<String> touching = new ArrayList<>();
            for (String iso : isos) {
                Geometry shared = Geo.lineIntersection(g.getBoundary(), c.get(iso).getBoundary());
                if (shared.getLength() > 0) touching.add(iso);
                if (shared.getLength() > bestLen) {
                    bestLen = shared.getLength();
                    best = iso;
                }
            }
            if ((thin || km2 < SLIVER_MAX_KM2) && best != null) {
                sliverKm2 += km2;
                c.put(best, Geo.union(c.get(best), g));
                p.log.add(String.format("sliver %.6f km² at %.5f,%.5f given to %s", km2,
                        g.getInteriorPoint().getY(), g.getInteriorPoint().getX(), best));
            } else {
                waterKm2 += km2;
                if (touching.size() >= 2) {
                    waterOnBorders.merge(String.join("-", touching), km2, Double::sum);
                }
                p.log.add(String.format("open area %.4f km² at %.5f,%.5f touching %s (left open: water body or frame)", km2,
                        g.getInteriorPoint().getY(), g.getInteriorPoint().getX(), touching));
            }
        }
        p.report.put("sliver_km2_filled", Json.round(sliverKm2, 6));
        p.report.put("open_water_km2", Json.round(waterKm2, 4));
        Map<String, Object> wob = new TreeMap<>();
        waterOnBorders.forEach((k, v) -> wob.put(k, Json.round(v, 2)));
        // Water touching two or more countries: the border runs through it, but the input has no line there.
        p.report.put("open_water_on_borders_km2", wob);
        // 4. Node the coverage: where a neighbour's vertex lies on a country's edge, add it to that edge too,
        //    so that shared edges have identical vertices (a T-junction would make the coverage invalid).
        for (String iso : isos) {
            List<Geometry> others = new ArrayList<>();
            for (String o : isos) {
                if (!o.equals(iso) && c.get(o).getEnvelopeInternal().intersects(c.get(iso).getEnvelopeInternal())) {
                    others.add(c.get(o).getBoundary());
                }
            }
            if (others.isEmpty()) continue;
            Geometry noded = Geo.areal(Geo.overlay(c.get(iso), Geo.GF.buildGeometry(others),
                    org.locationtech.jts.operation.overlayng.OverlayNG.UNION));
            if (noded.getNumPoints() != c.get(iso).getNumPoints()) {
                p.log.add(String.format("noded %s: %d vertices added where neighbours meet its edges", iso,
                        noded.getNumPoints() - c.get(iso).getNumPoints()));
            }
            c.put(iso, noded);
        }
        // 5. Snap near-coincident edges. An input simplified country by country (osm_borders) leaves, after steps 2-4,
        //    a few shared edges whose vertices differ by one or two grid units (well under a metre); the coverage
        //    validator rejects those. Snap each country's vertices to its neighbours' within SNAP_DEG until valid.
        //    An input whose neighbours share vertices exactly (geo-maps) is valid at once and is not touched.
        int snapped = 0;
        for (int round = 0; round < 3; round++) {
            List<String> order = new ArrayList<>(c.keySet());
            Geometry[] cov = new Geometry[order.size()];
            for (int i = 0; i < cov.length; i++) cov[i] = c.get(order.get(i));
            Geometry[] invalid = org.locationtech.jts.coverage.CoverageValidator.validate(cov);
            List<String> bad = new ArrayList<>();
            for (int i = 0; i < invalid.length; i++) if (invalid[i] != null) bad.add(order.get(i));
            if (bad.isEmpty()) break;
            snapped++;
            p.log.add(String.format("snap round %d: edges of %s within %.0e° of a neighbour's snapped to it", round + 1, bad, SNAP_DEG));
            for (int i = 0; i < cov.length; i++) {
                List<Geometry> others = new ArrayList<>();
                for (int j = 0; j < cov.length; j++) if (j != i) others.add(cov[j]);
                Geometry g = new org.locationtech.jts.operation.overlay.snap.GeometrySnapper(cov[i])
                        .snapTo(Geo.GF.buildGeometry(others), SNAP_DEG);
                g = Geo.reduce(g);
                if (!g.isValid()) g = org.locationtech.jts.geom.util.GeometryFixer.fix(g);
                cov[i] = g;
            }
            for (int i = 0; i < cov.length; i++) c.put(order.get(i), cov[i]);
        }
        p.report.put("snap_rounds", snapped);
        for (Map.Entry<String, Geometry> e : c.entrySet()) {
            Geometry g = e.getValue();
            if (!g.isValid()) {
                throw new IllegalStateException("partition: " + e.getKey() + " is not valid after cleaning");
            }
            p.countries.put(e.getKey(), g);
        }
        p.report.put("overlap_km2_after", overlaps(p.countries, p.log, "after"));
        p.report.put("gap_km2_after", Json.round(Geo.areaKm2(gaps(p.countries, region)), 4));
        p.findEnclaves();
        return p;
    }

    private static Map<String, Object> overlaps(Map<String, Geometry> c, List<String> log, String when) {
        Map<String, Object> out = new TreeMap<>();
        List<String> isos = new ArrayList<>(c.keySet());
        for (int i = 0; i < isos.size(); i++) {
            for (int j = i + 1; j < isos.size(); j++) {
                Geometry x = Geo.intersection(c.get(isos.get(i)), c.get(isos.get(j)));
                double km2 = Geo.areaKm2(x);
                if (km2 > 0) {
                    out.put(isos.get(i) + "-" + isos.get(j), Json.round(km2, 4));
                }
            }
        }
        return out;
    }

    static Geometry gaps(Map<String, Geometry> c, Region region) {
        return Geo.difference(region.polygon(), Geo.unionAll(c.values()));
    }

    /** Components of a country that are a hole of exactly one other country. */
    private void findEnclaves() {
        for (Map.Entry<String, Geometry> e : countries.entrySet()) {
            for (Object o : PolygonExtracter.getPolygons(e.getValue())) {
                Polygon part = (Polygon) o;
                for (Map.Entry<String, Geometry> other : countries.entrySet()) {
                    if (other.getKey().equals(e.getKey())) continue;
                    if (isHoleOf(part, other.getValue())) {
                        enclaves.add(new Part(e.getKey(), other.getKey(), part));
                    }
                }
            }
        }
    }

    /** True if the part's outer ring is (exactly) an inner ring of one polygon of {@code host}. */
    static boolean isHoleOf(Polygon part, Geometry host) {
        for (Object o : PolygonExtracter.getPolygons(host)) {
            Polygon hp = (Polygon) o;
            if (!hp.getEnvelopeInternal().contains(part.getEnvelopeInternal())) continue;
            for (int i = 0; i < hp.getNumInteriorRing(); i++) {
                if (hp.getInteriorRingN(i).getEnvelopeInternal().equals(part.getExteriorRing().getEnvelopeInternal())
                        && hp.getFactory().createPolygon(hp.getInteriorRingN(i).getCoordinates()).equalsTopo(
                                hp.getFactory().createPolygon(part.getExteriorRing().getCoordinates()))) {
                    return true;
                }
            }
        }
        return false;
    }
}
