package org.ferganaatlas.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.ferganaatlas.model.Fact;
import org.ferganaatlas.model.Feature;
import org.ferganaatlas.model.Name;
import org.ferganaatlas.model.StatusPeriod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Geometry;

class AtlasDatabaseTest {
    @TempDir
    Path dir;

    private Path good() throws Exception {
        return TestAtlasFile.write(dir, "atlas.sqlite", Integer.toString(AtlasSchema.SCHEMA_VERSION));
    }

    @Test
    void readsFeaturesNamesFactsStatusAndSources() throws Exception {
        try (AtlasDatabase db = AtlasDatabase.open(good())) {
            assertEquals(String.valueOf(AtlasSchema.SCHEMA_VERSION), db.metadata().get("schema_version"));
            assertEquals("Test data © nobody", db.attribution());
            assertEquals("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff", db.contentId());

            Feature kb = db.featureRepository().feature("crossing:kyzyl-bel").orElseThrow();
            assertEquals("crossing", kb.kind());
            assertEquals("Kyzyl-Bel", kb.nameEn());
            assertEquals("KGZ-TJK", kb.countries());
            assertEquals(9, kb.minZoom());
            assertEquals(40.3, kb.lat(), 1e-9);
            assertEquals(71.2, kb.lon(), 1e-9);
            assertEquals(50.0, kb.accuracyM());
            assertEquals(List.of("ds-test", "p-1"), kb.sourceIds());
            assertEquals(12.5, kb.propNumber("length_km").orElseThrow());
            assertEquals("citizens", kb.propString("who_may_cross").orElseThrow());
            assertEquals("{\"a\": [1, 2]}", kb.props().get("admin"));
            assertEquals(Boolean.TRUE, kb.props().get("open"));
            assertTrue(db.featureRepository().feature("crossing:nowhere").isEmpty());

            assertEquals(List.of("country:KGZ", "country:UZB"),
                    db.featureRepository().features("country").stream().map(Feature::key).toList());

            List<Name> names = db.featureRepository().names("crossing:kyzyl-bel");
            assertEquals(List.of("en", "ru", "alt"), names.stream().map(Name::lang).toList());
            assertTrue(names.get(0).primary());
            assertFalse(names.get(2).primary());

            List<Fact> facts = db.factRepository().facts("country:KGZ");
            assertEquals(2, facts.size());
            assertEquals("area_km2", facts.get(0).attribute());
            assertTrue(facts.get(1).isRange());
            assertEquals("7200000", facts.get(1).valueMax());

            List<StatusPeriod> st = db.factRepository().status("crossing:kyzyl-bel");
            assertEquals(List.of("closed", "open"), st.stream().map(StatusPeriod::value).toList());
            StatusPeriod open = st.get(1);
            assertEquals(LocalDate.of(2025, 3, 13), open.fromDate().orElseThrow());
            assertTrue(open.isCurrent());
            assertTrue(open.covers(LocalDate.of(2025, 3, 13)));
            assertFalse(st.get(0).covers(LocalDate.of(2025, 3, 13)));

            assertEquals(List.of("p-1", "ds-test"),
                    db.factRepository().sources(List.of("p-1", "nope", "ds-test", "p-1")).stream().map(s -> s.id()).toList());
            assertEquals("CC0", db.factRepository().sources(List.of("ds-test")).get(0).licence());
        }
    }

    @Test
    void namesAndTranslationsFromAFileBuiltWithAndWithoutThem() throws Exception {
        Path file = good();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE name SET basis = 'rule:russian-cyrillic' WHERE lang = 'ru'");
            st.executeUpdate("INSERT INTO translation VALUES ('event:x', 'summary', 'ru', 'Текст', 'machine-ai', 'Claude', '2026-12', NULL, 'p-1')");
        }
        try (AtlasDatabase db = AtlasDatabase.open(file)) {
            Name ru = db.featureRepository().names("crossing:kyzyl-bel").get(1);
            assertEquals("rule:russian-cyrillic", ru.basis());
            assertTrue(ru.derived());
            assertEquals(List.of("Текст"), db.translationRepository().all().stream().map(t -> t.text()).toList());
        }
        // a file written before name.basis and translation existed still opens, with neither
        Path older = TestAtlasFile.write(dir, "older.sqlite", Integer.toString(AtlasSchema.SCHEMA_VERSION));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + older); Statement st = c.createStatement()) {
            st.executeUpdate("ALTER TABLE name DROP COLUMN basis");
            st.executeUpdate("DROP TABLE translation");
        }
        try (AtlasDatabase db = AtlasDatabase.open(older)) {
            List<Name> names = db.featureRepository().names("crossing:kyzyl-bel");
            assertEquals(List.of("en", "ru", "alt"), names.stream().map(Name::lang).toList());
            assertTrue(names.stream().allMatch(n -> n.basis() == null && !n.derived()));
            assertTrue(db.translationRepository().all().isEmpty());
        }
    }

    @Test
    void repositoriesShareOnePoolAndAnswerLikeTheDatabase() throws Exception {
        Path file = good();
        try (AtlasDatabase db = AtlasDatabase.open(file)) {
            FeatureRepository features = db.featureRepository();
            assertEquals(db.featureRepository().feature("crossing:kyzyl-bel"), features.feature("crossing:kyzyl-bel"));
            long kgz = features.feature("country:KGZ").orElseThrow().id();
            assertSame(features.geometry(kgz, 3).orElseThrow(), db.featureRepository().geometry(kgz, 3).orElseThrow(), "one geometry cache");
            assertEquals(List.of("en", "ru", "alt"), features.names("crossing:kyzyl-bel").stream().map(Name::lang).toList());
            assertEquals(2, db.factRepository().facts("country:KGZ").size());
            assertEquals(List.of("closed", "open"),
                    db.factRepository().status("crossing:kyzyl-bel").stream().map(StatusPeriod::value).toList());
            assertEquals(List.of("p-1"), db.factRepository().sources(List.of("p-1")).stream().map(s -> s.id()).toList());
        }
        AtlasDatabase closed = AtlasDatabase.open(file);
        FeatureRepository features = closed.featureRepository();
        closed.close();
        assertTrue(closed.isClosed());
        assertThrows(IllegalStateException.class, () -> features.features("country"), "a repository dies with its database");
    }

    @Test
    void findsFeaturesByBoxAndKind() throws Exception {
        try (AtlasDatabase db = AtlasDatabase.open(good())) {
            // A box east of the border, inside KGZ only.
            List<String> keys = db.featureRepository().featuresIn(71.7, 40.1, 71.9, 40.2, Set.of()).stream().map(Feature::key).toList();
            assertEquals(List.of("country:KGZ"), keys);
            // Straddling the border, countries and borders only.
            List<String> both = db.featureRepository().featuresIn(70.9, 40.5, 71.1, 40.6, Set.of("country", "border"))
                    .stream().map(Feature::key).sorted().toList();
            assertEquals(List.of("border:KGZ-UZB:1", "country:KGZ", "country:UZB"), both);
            assertTrue(db.featureRepository().featuresIn(60, 30, 61, 31, null).isEmpty());
        }
    }

    @Test
    void geometryFallsBackToStoredLodAndIsCached() throws Exception {
        try (AtlasDatabase db = AtlasDatabase.open(good())) {
            long kgz = db.featureRepository().feature("country:KGZ").orElseThrow().id();
            Geometry g0 = db.featureRepository().geometry(kgz, 0).orElseThrow();
            Geometry g2 = db.featureRepository().geometry(kgz, 2).orElseThrow(); // no lod 1/2 stored: lod 0
            Geometry g3 = db.featureRepository().geometry(kgz, 3).orElseThrow();
            assertEquals(5, g0.getNumPoints());
            assertEquals(5, g2.getNumPoints());
            assertEquals(6, g3.getNumPoints());
            assertEquals(71.0, g3.getEnvelopeInternal().getMinX(), 1e-12, "x is longitude");
            assertEquals(40.0, g3.getEnvelopeInternal().getMinY(), 1e-12, "y is latitude");
            assertSame(g3, db.featureRepository().geometry(kgz, 3).orElseThrow());
            assertEquals(6, db.featureRepository().geometry(kgz, 9).orElseThrow().getNumPoints());
            assertTrue(db.featureRepository().geometry(999, 3).isEmpty());
        }
    }

    @Test
    void readsFromManyThreads() throws Exception {
        try (AtlasDatabase db = AtlasDatabase.open(good())) {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<Integer>> results = new ArrayList<>();
                for (int i = 0; i < 200; i++) {
                    int n = i;
                    results.add(pool.submit(() -> db.featureRepository().featuresIn(70, 40, 72, 41, Set.of()).size()
                            + db.featureRepository().geometry(1 + n % 6, n % 4).map(Geometry::getNumPoints).orElse(0) * 0));
                }
                for (Future<Integer> f : results) {
                    assertEquals(6, f.get());
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void opensReadOnly() throws Exception {
        Path file = good();
        byte[] before = Files.readAllBytes(file);
        try (AtlasDatabase db = AtlasDatabase.open(file)) {
            db.featureRepository().features("country");
        }
        assertEquals(java.util.Arrays.hashCode(before), java.util.Arrays.hashCode(Files.readAllBytes(file)));
        assertFalse(Files.exists(dir.resolve("atlas.sqlite-journal")));
    }

    @Test
    void rejectsMissingFile() {
        Path missing = dir.resolve("nothing-here.sqlite");
        AtlasDataException e = assertThrows(AtlasDataException.class, () -> AtlasDatabase.open(missing));
        assertUserMessage(e, missing, "not found");
        assertFalse(Files.exists(missing), "opening must not create the file");
    }

    @Test
    void rejectsWrongSchemaVersion() throws Exception {
        Path file = TestAtlasFile.write(dir, "old.sqlite", "0");
        AtlasDataException e = assertThrows(AtlasDataException.class, () -> AtlasDatabase.open(file));
        assertUserMessage(e, file, "version 0");
        assertTrue(e.getMessage().contains("needs version " + AtlasSchema.SCHEMA_VERSION), e.getMessage());
    }

    @Test
    void rejectsTruncatedFile() throws Exception {
        Path file = good();
        byte[] all = Files.readAllBytes(file);
        Path cut = dir.resolve("cut.sqlite");
        Files.write(cut, java.util.Arrays.copyOf(all, all.length / 2));
        AtlasDataException e = assertThrows(AtlasDataException.class, () -> AtlasDatabase.open(cut));
        assertUserMessage(e, cut, "incomplete");

        Path tiny = dir.resolve("tiny.sqlite");
        Files.write(tiny, java.util.Arrays.copyOf(all, 40));
        assertUserMessage(assertThrows(AtlasDataException.class, () -> AtlasDatabase.open(tiny)), tiny, "cut short");
    }

    @Test
    void rejectsOtherFiles() throws Exception {
        Path text = dir.resolve("notes.sqlite");
        Files.writeString(text, "hello ".repeat(100));
        assertUserMessage(assertThrows(AtlasDataException.class, () -> AtlasDatabase.open(text)), text, "not an SQLite file");

        Path other = dir.resolve("other.sqlite");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + other); Statement st = c.createStatement()) {
            st.executeUpdate("CREATE TABLE metadata(key TEXT PRIMARY KEY, value TEXT)");
            st.executeUpdate("INSERT INTO metadata VALUES ('schema_version', '1')");
        }
        AtlasDataException e = assertThrows(AtlasDataException.class, () -> AtlasDatabase.open(other));
        assertUserMessage(e, other, "missing tables");
        assertTrue(e.getMessage().contains("feature_rtree"), e.getMessage());
    }

    @Test
    void pathsHonourTheAssetsProperty() {
        String old = System.getProperty("atlas.assets");
        try {
            System.setProperty("atlas.assets", dir.toString());
            assertEquals(dir.toAbsolutePath().resolve("atlas.sqlite"), AtlasPaths.bundledDatabase());
            System.clearProperty("atlas.assets");
            List<Path> candidates = AtlasPaths.bundledDatabaseCandidates();
            assertTrue(candidates.size() > 2);
            assertTrue(candidates.stream().allMatch(p -> p.endsWith(Path.of("assets", "atlas.sqlite"))), candidates.toString());
            assertNotNull(AtlasPaths.cacheDir());
            assertTrue(AtlasPaths.userDatabase().startsWith(AtlasPaths.userDataDir()));
        } finally {
            if (old == null) {
                System.clearProperty("atlas.assets");
            } else {
                System.setProperty("atlas.assets", old);
            }
        }
    }

    private static void assertUserMessage(AtlasDataException e, Path file, String problem) {
        String m = e.getMessage();
        assertTrue(m.contains(problem), "says what is wrong: " + m);
        assertTrue(m.contains(file.toAbsolutePath().normalize().toString()), "names the file: " + m);
        assertTrue(m.contains("reinstall"), "says what to do: " + m);
        assertEquals(file.toAbsolutePath().normalize(), e.file());
    }
}
