package org.ferganaatlas.build;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.WKBReader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The database build end to end on the committed fixture (a clipped piece of every input). */
class BuildDatabaseFixtureTest {
    static final Path FIXTURE = Path.of("src/test/resources/fixture");

    @TempDir
    static Path tmp;
    static BuildDatabase.Result first;
    static Path firstDb;

    @BeforeAll
    static void buildOnce() throws Exception {
        firstDb = tmp.resolve("a/atlas.sqlite");
        first = BuildDatabase.build(FIXTURE.resolve("manifest.json"), FIXTURE.resolve("curated"), firstDb, tmp.resolve("work"));
    }

    @Test
    void sameInputsGiveSameContentAndSameBytes() throws Exception {
        Path second = tmp.resolve("b/atlas.sqlite");
        BuildDatabase.Result r = BuildDatabase.build(FIXTURE.resolve("manifest.json"), FIXTURE.resolve("curated"), second, tmp.resolve("work"));
        assertEquals(first.contentSha256(), r.contentSha256());
        assertEquals(-1L, Files.mismatch(firstDb, second), "the two builds differ byte for byte");
        assertTrue(Files.notExists(second.resolveSibling("atlas.sqlite.tmp")), "temporary file left behind");
        try (Connection c = open(firstDb)) {
            assertEquals(first.contentSha256(), AtlasDb.contentHash(c), "metadata.content_sha256 does not match the content");
        }
    }

    @Test
    void fixtureHoldsTheDerivedGeography() throws Exception {
        assertEquals(List.of("tripoint:KGZ-TJK-UZB 40.225640 N 70.982510 E"), first.tripoints());
        assertTrue(first.borderKm().get("KGZ-TJK") > 50, first.borderKm().toString());
        try (Connection c = open(firstDb)) {
            Geometry kgz = geometry(c, "country:KGZ", 3);
            Point vorukh = new GeometryFactory().createPoint(new Coordinate(70.58012, 39.85125));
            assertTrue(inHole(kgz, vorukh), "Vorukh is not in a hole of KGZ");
            assertTrue(geometry(c, "enclave:vorukh", 3).covers(vorukh), "curated enclave:vorukh did not get its polygon");
            assertEquals(List.of("crossing:kyzyl-bel"), refs(c, "names:\"Кызыл-Бел\""));
            assertTrue(refs(c, "fold:\"" + org.ferganaatlas.logic.TextFold.fold("Кызыл-Бел") + "\"").contains("crossing:kyzyl-bel"));
            for (int lod = 0; lod < 4; lod++) {
                assertTrue(geometry(c, "country:TJK", lod).isValid(), "TJK lod " + lod);
            }
        }
    }

    @Test
    void townNamesAreTaggedByLanguageAndJunkIsLeftOut() throws Exception {
        try (Connection c = open(firstDb)) {
            String batken = "town:" + townId(c, "Batken");
            List<String> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT lang || ':' || name || ':' || is_primary || ':' || basis FROM name WHERE feature_key = ? ORDER BY 1")) {
                ps.setString(1, batken);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) rows.add(rs.getString(1));
                }
            }
            assertEquals(List.of("en:Batken:1:source", "ru:Баткен:1:rule:russian-cyrillic"), rows,
                    "cities500 lists 'ba te ken', 'badknd', バトケン ... untagged");
            // every spelling the source gives is still found by search
            assertTrue(refs(c, "names:\"badknd\"").contains(batken));
        }
    }

    @Test
    void translationsAreCarriedIntoTheDatabaseAndTheSearch() throws Exception {
        try (Connection c = open(firstDb)) {
            List<String> rows = new ArrayList<>();
            try (ResultSet rs = c.createStatement().executeQuery("SELECT record_key, field, lang, text, method, translator,"
                    + " translated_on, coalesce(reviewed_by, '-'), source_ids FROM translation ORDER BY record_key, field")) {
                while (rs.next()) {
                    StringBuilder sb = new StringBuilder();
                    for (int i = 1; i <= 9; i++) sb.append(i > 1 ? "|" : "").append(rs.getString(i));
                    rows.add(sb.toString());
                }
            }
            assertEquals(List.of("event:test-reopening|title|ru|Кызыл-Бел открывается|human|Test translator|2026-12-01|Test reviewer|f-test-1",
                    "treaty:test-2025|summary|ru|Краткое тестовое изложение.|machine-ai|Claude|2026-12|-|f-test-1"), rows);
            assertEquals(List.of("treaty:test-2025"), refs(c, "body:\"тестовое\""));
        }
    }

    static long townId(Connection c, String nameEn) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("SELECT json_extract(props, '$.geonameid') FROM feature WHERE kind = 'town' AND name_en = ?")) {
            ps.setString(1, nameEn);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), nameEn + " is not a town of the fixture");
                return rs.getLong(1);
            }
        }
    }

    @Test
    void curatedPrimaryEnglishNameNamesABuiltFeature() throws Exception {
        try (Connection c = open(firstDb)) {
            assertEquals("Lake or reservoir (GSHHG)", nameEn(c, "lake:gshhg:1"), "fixture lake should start unnamed");
        }
        Path cur = tmp.resolve("named-curated");
        Files.createDirectories(cur);
        try (var s = Files.list(FIXTURE.resolve("curated"))) {
            for (Path p : (Iterable<Path>) s::iterator) Files.copy(p, cur.resolve(p.getFileName()));
        }
        Files.writeString(cur.resolve("names.csv"), "lake:gshhg:1,en,Testkum Reservoir,1,f-test-1\n"
                + "lake:gshhg:1,ru,Тесткумское водохранилище,1,f-test-2\n"
                + "enclave:vorukh,en,Vorukh Other,1,f-test-1\n", StandardOpenOption.APPEND);
        Path db = tmp.resolve("named/atlas.sqlite");
        BuildDatabase.build(FIXTURE.resolve("manifest.json"), cur, db, tmp.resolve("work"));
        try (Connection c = open(db)) {
            assertEquals("Testkum Reservoir", nameEn(c, "lake:gshhg:1"));
            assertEquals("Vorukh", nameEn(c, "enclave:vorukh"), "a curated feature keeps the name_en of its own row");
            assertEquals(List.of("lake:gshhg:1"), refs(c, "name:\"Testkum\""));
            assertEquals(List.of("lake:gshhg:1"), refs(c, "names:\"Тесткумское\""));
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT is_primary FROM name WHERE feature_key = ? AND lang = 'en' AND name = ?")) {
                ps.setString(1, "lake:gshhg:1");
                ps.setString(2, "Lake or reservoir (GSHHG)");
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next(), "the dataset name is kept as an alternative");
                    assertEquals(0, rs.getInt(1), "the dataset name is no longer primary");
                }
            }
        }
    }

    static String nameEn(Connection c, String key) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("SELECT name_en FROM feature WHERE key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), "no feature " + key);
                return rs.getString(1);
            }
        }
    }

    @Test
    void badCuratedRowsFailWithFileLineAndFix() throws Exception {
        Path cur = tmp.resolve("bad-curated");
        Files.createDirectories(cur);
        try (var s = Files.list(FIXTURE.resolve("curated"))) {
            for (Path p : (Iterable<Path>) s::iterator) Files.copy(p, cur.resolve(p.getFileName()));
        }
        Files.writeString(cur.resolve("facts.csv"), "enclave:vorukh,population,1,,,2025-13-01,certain,nosuch,\n", StandardOpenOption.APPEND);
        Files.writeString(cur.resolve("places.csv"), "village:far,village,Far,KGZ,,45.0,70.5,f-test-1,,,low,f-test-1,\n"
                + "village:odd,village,Odd,KGZ,,,,,,nearest:1,low,f-test-1,\n"
                + "village:gone,village,Gone,KGZ,,,,,,geonames:999999999,low,f-test-1,\n"
                + "village:unplaced,village,Unplaced,KGZ,,,,,,,low,f-test-1,\n", StandardOpenOption.APPEND);
        Files.writeString(cur.resolve("events.csv"), "event:x,2025-01-01,,clash,X,,village:nowhere,,,,,,,low,f-test-1,\n", StandardOpenOption.APPEND);
        Files.writeString(cur.resolve("translations.csv"), "treaty:nosuch,summary,ru,Текст,machine-ai,Claude,2026-12,,f-test-1\n"
                + "treaty:test-2025,title,fr,Traité,guess,,2026-12,,f-test-1\n"
                + "provision:test-2025-roads,title,ru,Дороги,machine-ai,Claude,2026-12,,\n"
                + "provision:test-2025-roads,summary,ru,Дороги открыты.,machine-ai,Claude,2026-12,,nosuch\n"
                + "event:test-reopening,summary,ru,Пункт открывается.,machine-ai,Claude,2026-12,,f-test-1;f-test-2\n",
                StandardOpenOption.APPEND);
        Files.writeString(cur.resolve("resettlements.csv"), "village:ak-sai,village:nowhere,2025-10,2025-09,,,200,71,low,f-test-1,\n"
                + "village:ak-sai,village:offset-test,2025-10-22,,,5,,,low,f-test-1,duplicate\n"
                + "village:ak-sai,village:unplaced,2025-10,,,,,,low,f-test-1,moved\n", StandardOpenOption.APPEND);
        Files.delete(cur.resolve("treaty_steps.csv"));
        BuildDatabase.CuratedDataException e = assertThrows(BuildDatabase.CuratedDataException.class, () ->
                BuildDatabase.build(FIXTURE.resolve("manifest.json"), cur, tmp.resolve("bad/atlas.sqlite"), tmp.resolve("work")));
        String m = e.getMessage();
        for (String want : List.of("facts.csv:4: as_of '2025-13-01'", "facts.csv:4: confidence 'certain'",
                "facts.csv:4: unknown source id 'nosuch'", "places.csv:7: coordinate 45.0,70.5 lies outside the region",
                "places.csv:8: unknown coord_derivation 'nearest:1'", "places.csv:9: unknown GeoNames id 999999999",
                "events.csv:4: feature_keys refers to unknown key 'village:nowhere'",
                "translations.csv:4: record_key 'treaty:nosuch' is not a key", "translations.csv:5: lang 'fr' must be one of",
                "translations.csv:5: method 'guess' must be", "translations.csv:5: translator is empty",
                "translations.csv:6: source_ids is empty: every row names its sources",
                "translations.csv:7: unknown source id 'nosuch' in source_ids (define it in a sources_*.csv)",
                "translations.csv:8: source id 'f-test-2' is not one of event:test-reopening's own source_ids (f-test-1)",
                "resettlements.csv:3: to_key 'village:nowhere' is not a known feature key",
                "resettlements.csv:3: date_end 2025-09 is before date 2025-10",
                "resettlements.csv:3: a *_min value is larger than its *_max",
                "resettlements.csv:4: the move village:ak-sai -> village:offset-test on 2025-10-22 is listed twice",
                "resettlements.csv:4: a *_max without its *_min",
                "resettlements.csv:5: village:unplaced has no location, so its arrow cannot be drawn: say so in notes")) {
            assertTrue(m.contains(want), "message lacks '" + want + "':\n" + m);
        }
        assertTrue(Files.notExists(tmp.resolve("bad/atlas.sqlite")), "a failed build must not leave a database");
    }

    @Test
    void resettlementsAreBuiltWithTheirRanges() throws Exception {
        try (Connection c = open(firstDb); PreparedStatement ps = c.prepareStatement(
                "SELECT from_key, to_key, date, date_end, households_min, households_max, people_min FROM resettlement")) {
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), "no resettlement row");
                assertEquals("village:ak-sai village:offset-test 2025-10-22 2025-11 71 200",
                        String.join(" ", rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6)));
                assertEquals(null, rs.getObject(7), "an empty count is NULL, not 0");
            }
        }
    }

    static Connection open(Path db) throws Exception {
        return DriverManager.getConnection("jdbc:sqlite:file:" + db.toAbsolutePath() + "?mode=ro");
    }

    static Geometry geometry(Connection c, String key, int lod) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT g.wkb FROM geometry g JOIN feature f ON f.id = g.feature_id WHERE f.key = ? AND g.lod = ?")) {
            ps.setString(1, key);
            ps.setInt(2, lod);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), "no geometry for " + key + " lod " + lod);
                return new WKBReader().read(rs.getBytes(1));
            }
        }
    }

    static boolean inHole(Geometry host, Point p) {
        GeometryFactory gf = new GeometryFactory();
        for (int i = 0; i < host.getNumGeometries(); i++) {
            Polygon poly = (Polygon) host.getGeometryN(i);
            for (int h = 0; h < poly.getNumInteriorRing(); h++) {
                if (gf.createPolygon(poly.getInteriorRingN(h).getCoordinates()).contains(p)
                        && gf.createPolygon(poly.getExteriorRing().getCoordinates()).contains(p)) {
                    return !host.covers(p);
                }
            }
        }
        return false;
    }

    static List<String> refs(Connection c, String match) throws Exception {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT ref FROM search WHERE search MATCH ? ORDER BY ref")) {
            ps.setString(1, match);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(rs.getString(1));
            }
        }
        return out;
    }
}
