package org.ferganaatlas.build;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The truth rules the build enforces on curated rows: open-ended statuses carry the date they were last
 * confirmed, a report of abuses by both sides is not cited for one side only, and a derived location says
 * what it was derived from (a village is not explained as a checkpoint on the border).
 */
class CuratedTruthTest {
    static final Path FIXTURE = BuildDatabaseFixtureTest.FIXTURE;

    @TempDir
    Path tmp;

    private Path copyFixture() throws Exception {
        Path cur = tmp.resolve("curated");
        Files.createDirectories(cur);
        try (var s = Files.list(FIXTURE.resolve("curated"))) {
            for (Path p : (Iterable<Path>) s::iterator) Files.copy(p, cur.resolve(p.getFileName()));
        }
        return cur;
    }

    private String failure(Path cur) {
        BuildDatabase.CuratedDataException e = assertThrows(BuildDatabase.CuratedDataException.class, () ->
                BuildDatabase.build(FIXTURE.resolve("manifest.json"), cur, tmp.resolve("out/atlas.sqlite"), tmp.resolve("work")));
        assertTrue(Files.notExists(tmp.resolve("out/atlas.sqlite")), "a failed build must not leave a database");
        return e.getMessage();
    }

    @Test
    void statusRowsMustSayWhenTheyWereLastConfirmed() throws Exception {
        Path cur = copyFixture();
        Files.writeString(cur.resolve("status_history.csv"),
                // open-ended, no last_confirmed: would read as still true however old its evidence
                "crossing:sourced-point,crossing_status,closed,2021-05-21,,,,low,f-test-1,\n"
                // the confirming source is not among the row's sources
                + "enclave:vorukh,administered_by,TJK,,,2025-03-13,f-test-1,medium,f-test-2,\n"
                // a source of 13 March 2025 cannot confirm the state on 1 May 2025
                + "enclave:sokh,administered_by,UZB,,,2025-05-01,f-test-1,medium,f-test-1,\n",
                StandardOpenOption.APPEND);
        String m = failure(cur);
        for (String want : List.of("status_history.csv:4: open-ended status (no to_date) without last_confirmed",
                "status_history.csv:5: last_confirmed_source 'f-test-1' is not one of the row's source_ids",
                "status_history.csv:6: last_confirmed 2025-05-01 is after source 'f-test-1' was published (2025-03-13)")) {
            assertTrue(m.contains(want), "message lacks '" + want + "':\n" + m);
        }
    }

    @Test
    void aReportOfBothSidesAbusesIsNotCitedForOneSide() throws Exception {
        Path cur = copyFixture();
        // The summary the atlas carried for September 2022: only the Kyrgyz strike, from a report that found abuses by both.
        Files.writeString(cur.resolve("events.csv"), "event:test-one-sided,2022-09-14,2022-09-20,clash,One-sided,"
                + "\"Both sides accused each other. The report described a Kyrgyz drone strike on the Tajik village of Ovchi Qalacha as a probable war crime.\","
                + "enclave:vorukh,,,,,,,medium,f-test-3,\n", StandardOpenOption.APPEND);
        Files.writeString(cur.resolve("facts.csv"), "enclave:vorukh,civilians_killed,10,,people,2022-09,low,f-test-3,"
                + "Kyrgyz forces bombed a square.\n", StandardOpenOption.APPEND);
        String m = failure(cur);
        assertTrue(m.contains("events.csv:4: cites 'f-test-3', which reports abuses by KGZ and TJK, but the text does not say what it found about KGZ's forces"), m);
        assertTrue(m.contains("events.csv:4: cites 'f-test-3', which reports abuses by KGZ and TJK, but the text does not say what it found about TJK's forces"), m);
        assertTrue(m.contains("facts.csv:4: cites 'f-test-3', which reports abuses by KGZ and TJK, but the text does not say what it found about TJK's forces"), m);
        assertFalse(m.contains("facts.csv:4: cites 'f-test-3', which reports abuses by KGZ and TJK, but the text does not say what it found about KGZ's"), m);
        // The fixture's own clash row names both forces and passes.
        assertFalse(m.contains("events.csv:3:"), m);
    }

    @Test
    void derivedLocationsSayWhatTheyWereDerivedFrom() throws Exception {
        Path db = tmp.resolve("ok/atlas.sqlite");
        BuildDatabase.build(FIXTURE.resolve("manifest.json"), FIXTURE.resolve("curated"), db, tmp.resolve("work"));
        try (Connection c = BuildDatabaseFixtureTest.open(db); Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("SELECT lat, lon, accuracy_m, json_extract(props, '$.location_note') FROM feature WHERE key = 'village:offset-test'")) {
                assertTrue(r.next());
                // 12 km due south of Batken (GeoNames 40.06259 N 70.81939 E): 12 km is 0.108 degrees of latitude.
                assertEquals(40.06259 - 0.1081, r.getDouble(1), 0.002);
                assertEquals(70.81939, r.getDouble(2), 0.001);
                assertEquals(10000, r.getDouble(3));
                assertTrue(r.getString(4).contains("12 km from Batken (GeoNames 1528735) at a bearing of 180°"), r.getString(4));
            }
            // Each note names the place this row was derived from and how far off it is; none says "the village it is
            // named after", which was true of checkpoints only and was shown under villages too.
            try (ResultSet r = s.executeQuery("SELECT json_extract(props, '$.location_note') FROM feature WHERE key = 'crossing:kyzyl-bel'")) {
                assertTrue(r.next());
                assertTrue(r.getString(1).matches("No source gives its position: it is placed on the KGZ-TJK border line .* nearest to Isfara "
                        + "\\(GeoNames 1514896\\), \\d+\\.\\d km from it\\."), r.getString(1));
            }
            try (ResultSet r = s.executeQuery("SELECT json_extract(props, '$.location_note') FROM feature WHERE key = 'village:ak-sai'")) {
                assertTrue(r.next());
                assertEquals("No source gives its position: it is placed at Ak-Say (GeoNames 10370337).", r.getString(1));
            }
            try (ResultSet r = s.executeQuery("SELECT last_confirmed, last_confirmed_source FROM status WHERE feature_key = 'crossing:kyzyl-bel' AND to_date IS NULL")) {
                assertTrue(r.next());
                assertEquals("2025-03-13", r.getString(1));
                assertEquals("f-test-1", r.getString(2));
            }
            try (ResultSet r = s.executeQuery("SELECT reports_abuses_by FROM source WHERE id = 'f-test-3'")) {
                assertTrue(r.next());
                assertNotNull(r.getString(1));
                assertEquals("KGZ;TJK", r.getString(1));
            }
        }
    }
}
