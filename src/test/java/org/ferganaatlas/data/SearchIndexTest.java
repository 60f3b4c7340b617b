package org.ferganaatlas.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.ferganaatlas.model.SearchHit;
import org.ferganaatlas.model.SearchHit.Match;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The search backend on a small database made from the real schema (see {@link SearchTestDatabase}). */
class SearchIndexTest {
    @TempDir
    static Path dir;
    static SearchIndex index;

    @BeforeAll
    static void open() throws Exception {
        index = SearchIndex.open(SearchTestDatabase.create(dir));
    }

    @AfterAll
    static void close() {
        index.close();
    }

    static SearchHit top(String query) throws Exception {
        List<SearchHit> hits = index.searchOrThrow(query, 10);
        assertFalse(hits.isEmpty(), () -> query + " found nothing");
        return hits.get(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Khujand", "Khodjent", "Xo'jand", "Xoʻjand", "Худжанд", "Хуҷанд", "khujand", "KHUJAND",
            "Khuj", "Khujnad", "Xujand", "Ходжент", "Leninabad", "Khudzhand"})
    void everySpellingOfKhujandFindsTheTown(String query) throws Exception {
        SearchHit hit = top(query);
        assertEquals("town:1514879", hit.ref(), query);
        assertEquals("town", hit.kind());
        assertEquals("Khujand", hit.displayName());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Kyzyl-Bel", "Kyzyl Bel", "Кызыл-Бел", "кызыл бел", "Qizil-Bel", "Kyzyl-B", "Kizil bel",
            "Kyzylbel"})
    void everySpellingOfKyzylBelFindsTheCrossing(String query) throws Exception {
        SearchHit hit = top(query);
        assertEquals("crossing:kyzyl-bel", hit.ref(), query);
        assertEquals("crossing", hit.kind());
    }

    @Test
    void exactBeatsPrefixBeatsFuzzy() throws Exception {
        assertEquals(Match.EXACT, top("Khujand").match());
        assertEquals(Match.PREFIX, top("Khuj").match());
        assertEquals(Match.FUZZY, top("Khujnad").match());
        assertEquals(Match.FUZZY, top("Khodjent").match() == Match.EXACT ? Match.FUZZY : top("Khodjent").match());
        // Khuj: the town (rank 1) before the village Khuji Obod (rank 8).
        List<SearchHit> khuj = index.searchOrThrow("Khuj", 10);
        assertEquals(List.of("town:1514879", "village:1514880"), khuj.stream().map(SearchHit::ref).limit(2).toList());
    }

    @Test
    void matchedNameIsInTheScriptTyped() throws Exception {
        assertEquals("Худжанд", top("худжанд").matchedName());
        assertEquals("Хуҷанд", top("Хуҷанд").matchedName());
        assertEquals("Xo'jand", top("Xo'jand").matchedName());
        assertEquals("Khodjent", top("Khodjent").matchedName());
        assertEquals("Кызыл-Бел", top("Кызыл Бел").matchedName());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Isfaar", "Isfara", "Исфара", "isf", "Isfra"})
    void isfara(String query) throws Exception {
        assertEquals("town:1221194", top(query).ref(), query);
    }

    @Test
    void otherPlaces() throws Exception {
        assertEquals("enclave:sokh", top("Sokh").ref());
        assertEquals("enclave:sokh", top("Сох").ref());
        assertEquals("enclave:sokh", top("So'x").ref());
        assertEquals("town:1484846", top("Andijon").ref());
        assertEquals("town:1514588", top("Farg'ona").ref());
        assertEquals("town:1513157", top("Qo'qon").ref());
        assertEquals("town:1528334", top("Ош").ref());
        assertEquals("enclave:vorukh", top("Ворух").ref());
        assertEquals("treaty:kgz-tjk-2025", top("treaty state border").ref());
    }

    @Test
    void descriptionsAreSearchedLast() throws Exception {
        List<SearchHit> hits = index.searchOrThrow("Vorukh", 10);
        assertEquals("enclave:vorukh", hits.get(0).ref());
        assertTrue(hits.stream().anyMatch(h -> h.ref().equals("treaty:kgz-tjk-2025") && h.match() == Match.TEXT), hits::toString);
    }

    @Test
    void oneWordThatMatchesNothingDoesNotHideTheRest() throws Exception {
        assertEquals("town:1514879", top("Khujand qwertyuiop").ref());
    }

    @Test
    void limitsAreKept() throws Exception {
        assertTrue(index.searchOrThrow("k", 3).size() <= 3);
        assertEquals(List.of(), index.searchOrThrow("Khujand", 0));
        assertEquals(List.of(), index.search("Khujand", -5));
        assertTrue(index.searchOrThrow("a", 100_000).size() <= SearchIndex.MAX_LIMIT);
    }

    @Test
    void groupsByKindInOrderOfTheirBestHit() throws Exception {
        var groups = SearchHit.groupByKind(index.searchOrThrow("Kyzyl", 10));
        assertFalse(groups.isEmpty());
        groups.forEach((kind, hits) -> hits.forEach(h -> assertEquals(kind, h.kind())));
    }

    static List<String> hostile() {
        return List.of("\"", "\"Khujand", "Khujand\"", "\"\"", "AND", "Khujand AND", "AND Khujand", "OR", "NOT",
                "NOT Osh", "Osh NOT", "NEAR(", "NEAR(Osh Isfara)", "NEAR(Osh, 2)", "*", "Osh*", "**", "-", "-Osh",
                "Osh-", "--", "^", "^Osh", ":", "name:Osh", "fold:osh", "{name}: Osh", "(", ")", "()", "(Osh",
                "Osh)", "((((((", "😀", "🇰🇬 Osh", "Osh 😀", "\u0000", "Osh\u0000", "\u0000Osh", "\uD800",
                "\uDC00Osh", "Osh\uD83D", "\u202E", "\u0301", "\u200B", "\uFEFFOsh", "'", "'''", "`", "\\", "%", "_",
                "Osh; DROP TABLE search; --", "' OR 1=1 --", "x".repeat(10_000), "Khujand ".repeat(1250),
                "😀".repeat(5000), "(".repeat(10_000), "\"".repeat(10_000), "Ош ".repeat(3000), " ", "\t\n",
                "ǅ", "ﬁ", "½", "Ⅻ", "①", "ﾊ", "ß", "İ", "ı");
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void hostileInputNeverThrows(String query) throws Exception {
        List<SearchHit> hits = index.searchOrThrow(query, 10); // an FTS5 syntax error would throw here
        assertNotNull(hits);
        assertTrue(hits.size() <= 10);
        assertEquals(hits, index.search(query, 10));
    }

    @Test
    void nullInput() {
        assertEquals(List.of(), index.search(null, 10));
    }

    @Test
    void concurrentSearchesAreSafe() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String q = i % 2 == 0 ? "Khujand" : "Кызыл-Бел";
                results.add(pool.submit(() -> index.search(q, 5).get(0).ref()));
            }
            for (int i = 0; i < results.size(); i++) {
                assertEquals(i % 2 == 0 ? "town:1514879" : "crossing:kyzyl-bel", results.get(i).get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void openingAMissingFileFails() {
        Path missing = dir.resolve("missing.sqlite");
        AtlasDataException e = org.junit.jupiter.api.Assertions.assertThrows(AtlasDataException.class,
                () -> SearchIndex.open(missing));
        assertEquals(AtlasDataException.Problem.MISSING, e.problem());
        assertEquals(missing.toAbsolutePath().normalize(), e.file());
    }

    @Test
    void openingAFileThatIsNotADatabaseSaysItIsDamaged() throws Exception {
        Path text = dir.resolve("not-a-database.sqlite");
        java.nio.file.Files.writeString(text, "not a database ".repeat(300));
        AtlasDataException e = org.junit.jupiter.api.Assertions.assertThrows(AtlasDataException.class,
                () -> SearchIndex.open(text));
        assertEquals(AtlasDataException.Problem.DAMAGED, e.problem());
        assertTrue(e.getMessage().contains("cannot be searched"), e.getMessage());
    }

    @Test
    void aFailedSearchThrowsOurExceptionNotSqls() throws Exception {
        SearchIndex closed = SearchIndex.open(SearchTestDatabase.create(java.nio.file.Files.createDirectories(dir.resolve("closed"))));
        closed.close();
        AtlasReadException e = org.junit.jupiter.api.Assertions.assertThrows(AtlasReadException.class,
                () -> closed.searchOrThrow("Khujand", 5));
        assertTrue(e.getMessage().contains("Searching the atlas database"), e.getMessage());
        assertEquals(List.of(), closed.search("Khujand", 5), "search() still never throws");
    }
}
