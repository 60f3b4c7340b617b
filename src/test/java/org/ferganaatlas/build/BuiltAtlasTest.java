package org.ferganaatlas.build;

import org.ferganaatlas.data.AtlasSchema;
import org.ferganaatlas.logic.TextFold;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.WKBReader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Checks on the committed database (assets/atlas.sqlite): valid geometry, a clean partition of the countries,
 * enclaves as holes, sourced curated rows, coordinates in the region, parseable dates, towns where GeoNames
 * puts them, and full-text search in Latin and Cyrillic.
 */
class BuiltAtlasTest {
    /** Overlap allowed between two countries: none beyond float noise (the partition is exact on a 1e-6 degree grid). */
    static final double OVERLAP_TOLERANCE_DEG2 = 1e-10;
    /** A gap between countries thinner than this (degrees, ~20 m) is a sliver of no-man's-land. */
    static final double SLIVER_WIDTH_DEG = Partition.SLIVER_WIDTH_DEG;

    static Connection db;
    static final GeometryFactory GF = new GeometryFactory();
    static final Set<String> COUNTRIES3 = Set.of("KGZ", "TJK", "UZB");

    @BeforeAll
    static void open() throws Exception {
        Path file = Path.of(System.getProperty("atlas.assets", "assets"), "atlas.sqlite");
        assertTrue(Files.isRegularFile(file), "no " + file + ": run ./mvnw -Pbuild-db test-compile exec:java");
        assertTrue(Files.size(file) <= 20_000_000L, "database larger than 20 MB");
        db = BuildDatabaseFixtureTest.open(file);
    }

    @AfterAll
    static void close() throws Exception {
        db.close();
    }

    static List<Object[]> rows(String sql) throws Exception {
        List<Object[]> out = new ArrayList<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                Object[] r = new Object[n];
                for (int i = 0; i < n; i++) r[i] = rs.getObject(i + 1);
                out.add(r);
            }
        }
        return out;
    }

    static String meta(String key) throws Exception {
        List<Object[]> r = rows("SELECT value FROM metadata WHERE key = '" + key + "'");
        assertEquals(1, r.size(), "metadata." + key);
        return (String) r.get(0)[0];
    }

    static Geometry country(String iso, int lod) throws Exception {
        return BuildDatabaseFixtureTest.geometry(db, "country:" + iso, lod);
    }

    @Test
    void metadataIsComplete() throws Exception {
        assertEquals(String.valueOf(AtlasSchema.SCHEMA_VERSION), meta("schema_version"));
        for (String k : List.of("region_bbox", "lod_bands", "inputs", "attribution", "geometry_as_of")) assertFalse(meta(k).isBlank(), k);
        assertTrue(meta("attribution").contains("OpenStreetMap contributors") && meta("attribution").contains("GeoNames")
                && meta("attribution").contains("GSHHG"));
        assertEquals(meta("content_sha256"), AtlasDb.contentHash(db), "content_sha256 does not match the tables");
    }

    @Test
    void everyGeometryIsValidAndFollowsTheLodRule() throws Exception {
        WKBReader r = new WKBReader();
        Map<Long, List<Integer>> lods = new HashMap<>();
        for (Object[] row : rows("SELECT feature_id, lod, wkb FROM geometry")) {
            Geometry g = r.read((byte[]) row[2]);
            assertTrue(g.isValid(), "invalid geometry: feature " + row[0] + " lod " + row[1]);
            assertFalse(g.isEmpty(), "empty geometry: feature " + row[0] + " lod " + row[1]);
            lods.computeIfAbsent(((Number) row[0]).longValue(), k -> new ArrayList<>()).add(((Number) row[1]).intValue());
            if (g instanceof Point) assertEquals(0, ((Number) row[1]).intValue(), "points are stored at lod 0 only");
        }
        for (Object[] f : rows("SELECT id, key, kind FROM feature")) {
            List<Integer> l = lods.get(((Number) f[0]).longValue());
            if (l == null) continue;
            assertTrue(l.contains(0), f[1] + " has no lod 0 (a reader falls back to the highest stored lod <= wanted)");
        }
    }

    @Test
    void countriesDoNotOverlapAtAnyLod() throws Exception {
        List<String> isos = new ArrayList<>();
        for (Object[] r : rows("SELECT country FROM feature WHERE kind = 'country' ORDER BY key")) isos.add((String) r[0]);
        assertTrue(isos.containsAll(COUNTRIES3), isos.toString());
        for (int lod = 0; lod < AtlasSchema.LOD_COUNT; lod++) {
            for (int i = 0; i < isos.size(); i++) {
                for (int j = i + 1; j < isos.size(); j++) {
                    double a = country(isos.get(i), lod).intersection(country(isos.get(j), lod)).getArea();
                    assertTrue(a <= OVERLAP_TOLERANCE_DEG2, isos.get(i) + "/" + isos.get(j) + " overlap " + a + " deg² at lod " + lod);
                }
            }
        }
    }

    @Test
    void noSliversBetweenNeighbours() throws Exception {
        double[] bb = bbox();
        List<Geometry> all = new ArrayList<>();
        for (Object[] r : rows("SELECT country FROM feature WHERE kind = 'country'")) all.add(country((String) r[0], 3));
        Geometry union = GF.buildGeometry(all).union();
        Geometry gaps = GF.toGeometry(new Envelope(bb[0], bb[2], bb[1], bb[3])).difference(union);
        int thin = 0;
        StringBuilder where = new StringBuilder();
        for (int i = 0; i < gaps.getNumGeometries(); i++) {
            Geometry g = gaps.getGeometryN(i);
            boolean sliverLike = Geo.areaKm2(g) < Partition.SLIVER_MAX_KM2 || g.buffer(-SLIVER_WIDTH_DEG / 2).isEmpty();
            if (!sliverLike) continue;
            int touching = 0;
            for (Geometry c : all) {
                if (c.getEnvelopeInternal().intersects(g.getEnvelopeInternal())
                        && c.getBoundary().intersection(g.getBoundary()).getLength() > 0) touching++;
            }
            if (touching >= 2) {
                thin++;
                where.append(' ').append(g.getInteriorPoint());
            }
        }
        assertEquals(0, thin, "slivers of no-man's-land between neighbours at" + where);
    }

    @Test
    void enclavesAreHolesInTheSurroundingCountry() throws Exception {
        // GeoNames coordinates: Vorukh (TJK in KGZ), Ravon in Sokh (UZB in KGZ), Shohimardon (UZB in KGZ);
        // Barak (KGZ in UZB) and Sarvak (TJK in UZB) at points inside their parts.
        Object[][] cases = {{"TJK", "KGZ", 70.58012, 39.85125}, {"UZB", "KGZ", 71.13467, 39.97724},
            {"UZB", "KGZ", 71.80512, 39.98322}, {"KGZ", "UZB", 72.767, 40.667}, {"TJK", "UZB", 70.6224, 40.9586}};
        for (Object[] c : cases) {
            Point p = GF.createPoint(new Coordinate((Double) c[2], (Double) c[3]));
            for (int lod = 0; lod < AtlasSchema.LOD_COUNT; lod++) {
                assertTrue(country((String) c[0], lod).covers(p), c[0] + " does not cover " + p + " at lod " + lod);
                assertTrue(BuildDatabaseFixtureTest.inHole(country((String) c[1], lod), p),
                        p + " is not in a hole of " + c[1] + " at lod " + lod);
            }
        }
    }

    @Test
    void bordersAndTripointsAreDerived() throws Exception {
        for (String pair : List.of("KGZ-TJK", "KGZ-UZB", "TJK-UZB")) {
            List<Object[]> r = rows("SELECT props FROM feature WHERE key = 'border:" + pair + "'");
            assertEquals(1, r.size(), pair);
            assertTrue(((String) r.get(0)[0]).contains("\"length_km\":"), pair);
        }
        assertEquals(1, rows("SELECT 1 FROM feature WHERE key = 'tripoint:KGZ-TJK-UZB'").size());
    }

    @Test
    void bordersLieOnBothCountryOutlinesAtEveryLod() throws Exception {
        for (int lod = 0; lod < AtlasSchema.LOD_COUNT; lod++) {
            Map<String, Set<Coordinate>> vertices = new HashMap<>();
            for (Object[] r : rows("SELECT country FROM feature WHERE kind = 'country'")) {
                vertices.put((String) r[0], new java.util.HashSet<>(List.of(country((String) r[0], lod).getCoordinates())));
            }
            for (Object[] r : rows("SELECT key, countries FROM feature WHERE kind IN ('border', 'tripoint')")) {
                String[] isos = ((String) r[1]).split("-");
                Geometry g = BuildDatabaseFixtureTest.geometry(db, (String) r[0], ((String) r[0]).startsWith("tripoint") ? 0 : lod);
                for (Coordinate c : g.getCoordinates()) {
                    for (String iso : isos) {
                        assertTrue(vertices.get(iso).contains(c), r[0] + " vertex " + c + " is not a vertex of " + iso + " at lod " + lod);
                    }
                }
            }
        }
    }

    @Test
    void everyRowHasResolvableSources() throws Exception {
        Set<String> ids = new TreeSet<>();
        for (Object[] r : rows("SELECT id FROM source")) ids.add((String) r[0]);
        List<String> bad = new ArrayList<>();
        String[][] tables = {{"feature", "key"}, {"name", "feature_key"}, {"fact", "feature_key"}, {"status", "feature_key"},
            {"treaty", "key"}, {"treaty_step", "treaty_key"}, {"provision", "key"}, {"event", "key"}};
        for (String[] tc : tables) {
            String t = tc[0];
            for (Object[] r : rows("SELECT " + tc[1] + ", source_ids FROM " + t)) {
                String s = (String) r[1];
                if (s == null || s.isBlank()) bad.add(t + " row " + r[0] + ": no source");
                else for (String id : s.split(";")) if (!ids.contains(id)) bad.add(t + " row " + r[0] + ": unknown source " + id);
            }
        }
        for (Object[] r : rows("SELECT key, props FROM feature WHERE props LIKE '%coord_source_id%'")) {
            String id = ((String) r[1]).replaceAll(".*\"coord_source_id\":\"([^\"]*)\".*", "$1");
            if (!ids.contains(id)) bad.add(r[0] + ": unknown coord_source_id " + id);
        }
        assertTrue(bad.isEmpty(), String.join("\n", bad));
        for (Object[] r : rows("SELECT provision_key, feature_key FROM provision_feature UNION ALL SELECT event_key, feature_key FROM event_feature")) {
            assertFalse(rows("SELECT 1 FROM feature WHERE key = '" + r[1] + "' UNION SELECT 1 FROM treaty WHERE key = '" + r[1]
                    + "' UNION SELECT 1 FROM event WHERE key = '" + r[1] + "' UNION SELECT 1 FROM provision WHERE key = '" + r[1] + "'").isEmpty(),
                    r[0] + " links to unknown " + r[1]);
        }
    }

    @Test
    void everyCoordinateLiesInTheRegion() throws Exception {
        double[] bb = bbox();
        double eps = 1e-9;
        for (Object[] r : rows("SELECT key, lat, lon FROM feature WHERE lat IS NOT NULL")) {
            double lat = ((Number) r[1]).doubleValue(), lon = ((Number) r[2]).doubleValue();
            assertTrue(lon >= bb[0] - eps && lon <= bb[2] + eps && lat >= bb[1] - eps && lat <= bb[3] + eps, r[0] + " at " + lat + "," + lon);
        }
        WKBReader wr = new WKBReader();
        for (Object[] r : rows("SELECT feature_id, lod, wkb FROM geometry")) {
            Envelope e = wr.read((byte[]) r[2]).getEnvelopeInternal();
            assertTrue(e.getMinX() >= bb[0] - eps && e.getMaxX() <= bb[2] + eps && e.getMinY() >= bb[1] - eps && e.getMaxY() <= bb[3] + eps,
                    "geometry of feature " + r[0] + " lod " + r[1] + " leaves the region: " + e);
        }
    }

    @Test
    void datesParse() throws Exception {
        String[][] cols = {{"status", "from_date"}, {"status", "to_date"}, {"fact", "as_of"}, {"treaty", "signed_date"},
            {"treaty", "in_force_date"}, {"treaty_step", "date"}, {"event", "date"}, {"event", "date_end"},
            {"source", "published"}, {"source", "accessed"}};
        List<String> bad = new ArrayList<>();
        for (String[] c : cols) {
            for (Object[] r : rows("SELECT " + c[1] + " FROM " + c[0] + " WHERE " + c[1] + " IS NOT NULL")) {
                if (!Curated.validDate((String) r[0])) bad.add(c[0] + "." + c[1] + " = " + r[0]);
            }
        }
        assertTrue(bad.isEmpty(), String.join("\n", bad));
    }

    @Test
    void townsSitWithinOneKilometreOfGeoNames() throws Exception {
        // The committed fixture holds the GeoNames rows of a piece of the valley; the full file is used when a build left it in target/.
        Path full = Path.of("target/db-inputs/towns/cities500.txt");
        Path file = Files.isRegularFile(full) ? full : BuildDatabaseFixtureTest.FIXTURE.resolve("cities500.txt");
        double[] bb = bbox();
        int checked = 0;
        for (String line : Files.readAllLines(file)) {
            String[] f = line.split("\t", -1);
            double lat = Double.parseDouble(f[4]), lon = Double.parseDouble(f[5]);
            if (!GeoNames.TOWN_COUNTRIES.contains(f[8]) || lon < bb[0] || lon > bb[2] || lat < bb[1] || lat > bb[3]) continue;
            List<Object[]> r = rows("SELECT lat, lon FROM feature WHERE key = 'town:" + f[0] + "'");
            assertEquals(1, r.size(), "town:" + f[0] + " (" + f[1] + ") missing");
            double d = Geo.distanceM(lat, lon, ((Number) r.get(0)[0]).doubleValue(), ((Number) r.get(0)[1]).doubleValue());
            assertTrue(d < 1000, f[1] + " is " + d + " m from its GeoNames coordinate");
            checked++;
        }
        assertTrue(checked > 10, "only " + checked + " towns checked");
    }

    @Test
    void searchFindsKhujandInLatinAndCyrillic() throws Exception {
        for (String q : List.of("Khujand", "Худжанд", "Хуҷанд", "Xo'jand")) {
            assertTrue(BuildDatabaseFixtureTest.refs(db, "fold:\"" + TextFold.fold(q) + "\"").contains("town:1514879"), q);
        }
        assertTrue(BuildDatabaseFixtureTest.refs(db, "names:\"Худжанд\"").contains("town:1514879"));
        assertTrue(BuildDatabaseFixtureTest.refs(db, "name:\"Khujand\"").contains("town:1514879"));
    }

    @Test
    void searchFindsKyzylBelInLatinAndCyrillic() throws Exception {
        assertTrue(BuildDatabaseFixtureTest.refs(db, "fold:\"" + TextFold.fold("Kyzyl-Bel") + "\"").contains("crossing:kyzyl-bel"));
        assertTrue(BuildDatabaseFixtureTest.refs(db, "fold:\"" + TextFold.fold("Кызыл-Бел") + "\"").contains("crossing:kyzyl-bel"));
        // The Cyrillic spelling itself must be stored (curated names.csv), not only reachable through the fold.
        assertTrue(BuildDatabaseFixtureTest.refs(db, "names:\"Кызыл-Бел\"").contains("crossing:kyzyl-bel"),
                "crossing:kyzyl-bel has no Cyrillic name Кызыл-Бел in names.csv");
    }

    static double[] bbox() throws Exception {
        String[] p = meta("region_bbox").replaceAll("[\\[\\]]", "").split(",");
        return new double[] {Double.parseDouble(p[0]), Double.parseDouble(p[1]), Double.parseDouble(p[2]), Double.parseDouble(p[3])};
    }

}
