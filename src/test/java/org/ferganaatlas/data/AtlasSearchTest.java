package org.ferganaatlas.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import org.ferganaatlas.logic.TextFold;
import org.ferganaatlas.model.SearchHit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Search on the real bundled database, assets/atlas.sqlite. Skipped only while that file does not
 * exist; once it does, Khujand must be found by every spelling.
 */
class AtlasSearchTest {
    static SearchIndex index;

    static Path database() {
        return Path.of(System.getProperty("atlas.assets", "assets"), "atlas.sqlite");
    }

    @BeforeAll
    static void open() throws Exception {
        Path db = database();
        assumeTrue(Files.isRegularFile(db), "no " + db + " yet: real-database search tests skipped");
        index = SearchIndex.open(db);
    }

    @AfterAll
    static void close() {
        if (index != null) {
            index.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"Khujand", "Khodjent", "Xo'jand", "Худжанд", "Хуҷанд", "Khuj", "Khujnad"})
    void khujandIsFoundByEverySpelling(String query) throws Exception {
        List<SearchHit> hits = index.searchOrThrow(query, 10);
        assertFalse(hits.isEmpty(), query + " found nothing in " + database());
        SearchHit top = hits.get(0);
        assertEquals("town", top.kind(), query + " -> " + hits);
        assertEquals("hujand", TextFold.fold(top.displayName()), query + " -> " + hits);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Kyzyl-Bel", "Kyzyl Bel", "Кызыл-Бел"})
    void kyzylBelCrossingIsFound(String query) throws Exception {
        assumeTrue(exists("crossing:kyzyl-bel"), "the database has no crossing:kyzyl-bel");
        List<SearchHit> hits = index.searchOrThrow(query, 10);
        // Several villages are called Kyzyl-Bel too; the crossing must be among the first few.
        assertTrue(hits.stream().limit(5).anyMatch(h -> h.ref().equals("crossing:kyzyl-bel")), query + " -> " + hits);
    }

    @ParameterizedTest
    @MethodSource("org.ferganaatlas.data.SearchIndexTest#hostile")
    void hostileInputNeverThrows(String query) throws Exception {
        assertTrue(index.searchOrThrow(query, 10).size() <= 10);
    }

    private static boolean exists(String ref) throws Exception {
        java.util.Properties readOnly = new java.util.Properties();
        readOnly.setProperty("open_mode", "1");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + database().toAbsolutePath(), readOnly);
             PreparedStatement ps = c.prepareStatement("SELECT 1 FROM search WHERE ref = ?")) {
            ps.setString(1, ref);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
