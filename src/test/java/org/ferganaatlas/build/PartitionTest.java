package org.ferganaatlas.build;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The partition cleaning on synthetic squares: enclave cut out, sliver filled, borders and tripoint derived. */
class PartitionTest {
    @Test
    void cutsEnclavesFillsSliversAndDerivesBorders() {
        Region region = new Region(0, 0, 3, 1);
        Map<String, Geometry> raw = new TreeMap<>();
        // AAA covers its own square and (wrongly) the enclave of BBB; BBB's main square leaves a 10 m sliver to AAA.
        raw.put("AAA", Geo.rect(0, 0, 1, 1));
        raw.put("BBB", Geo.union(Geo.rect(1.0001, 0, 2, 1), Geo.rect(0.4, 0.4, 0.5, 0.5)));
        raw.put("CCC", Geo.rect(2, 0, 3, 0.5));
        raw.put("DDD", Geo.rect(2, 0.5, 3, 1));
        Partition p = Partition.build(raw, region);
        assertEquals(Map.of("AAA-BBB", Json.round(Geo.areaKm2(Geo.rect(0.4, 0.4, 0.5, 0.5)), 4)), p.report.get("overlap_km2_before"));
        assertEquals(Map.of(), p.report.get("overlap_km2_after"));
        assertTrue((Double) p.report.get("sliver_km2_filled") > 0, p.log.toString());
        assertEquals(0.0, (Double) p.report.get("gap_km2_after"), p.log.toString());
        Point inEnclave = Geo.GF.createPoint(new Coordinate(0.45, 0.45));
        assertFalse(p.countries.get("AAA").covers(inEnclave));
        assertTrue(BuildDatabaseFixtureTest.inHole(p.countries.get("AAA"), inEnclave));
        assertEquals(1, p.enclaves.size());
        assertEquals("BBB", p.enclaves.get(0).country());

        Topology t = Topology.build(p, region);
        // AAA-BBB: the outer shared edge and the enclave ring; the frame is never a border.
        assertEquals(2, t.borders.stream().filter(b -> b.pair().equals("AAA-BBB")).count());
        double cd = t.borders.stream().filter(b -> b.pair().equals("CCC-DDD")).mapToDouble(Topology.Border::lengthKm).sum();
        assertTrue(cd > 110 && cd < 112, "CCC-DDD is one degree of longitude at 0.5 N, but " + cd + " km");
        assertEquals(1, t.tripoints.stream().filter(x -> x.countries().equals("BBB-CCC-DDD")).count(),
                "one tripoint BBB-CCC-DDD inside the region (the frame corners do not count)");
    }

    @Test
    void groundInBothPolygonsIsLeftToNeitherAndNearMissEdgesAreSnapped() {
        Region region = new Region(0, 0, 2, 1);
        Map<String, Geometry> raw = new TreeMap<>();
        // Both polygons include the strip 0.9..1.1 (about 22 km wide): a claim of both, not edge noise.
        raw.put("AAA", Geo.rect(0, 0, 1.1, 1));
        raw.put("BBB", Geo.rect(0.9, 0, 2, 1));
        Partition p = Partition.build(raw, region);
        assertEquals(1, p.contested.size(), p.log.toString());
        assertEquals("AAA-BBB", p.contested.get(0).pair());
        Point mid = Geo.GF.createPoint(new Coordinate(1.0, 0.5));
        assertFalse(p.countries.get("AAA").covers(mid), "the first in ISO order must not get the contested strip");
        assertFalse(p.countries.get("BBB").covers(mid));
        assertEquals(Map.of(), p.report.get("overlap_km2_after"));

        // Edges one grid unit apart (as in an input simplified country by country) are snapped into one valid coverage.
        Map<String, Geometry> near = new TreeMap<>();
        near.put("AAA", Geo.rect(0, 0, 1, 1));
        near.put("BBB", Geo.GF.createPolygon(new Coordinate[] {new Coordinate(1, 0), new Coordinate(2, 0), new Coordinate(2, 1),
                new Coordinate(1, 1), new Coordinate(1.000002, 0.5), new Coordinate(1, 0)}));
        Partition q = Partition.build(near, region);
        Geometry[] cov = {q.countries.get("AAA"), q.countries.get("BBB")};
        Geometry[] invalid = org.locationtech.jts.coverage.CoverageValidator.validate(cov);
        assertTrue(invalid[0] == null && invalid[1] == null, q.log.toString());
    }
}
