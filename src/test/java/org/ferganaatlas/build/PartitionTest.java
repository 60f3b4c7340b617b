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
}
