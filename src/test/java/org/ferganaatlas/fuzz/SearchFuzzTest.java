package org.ferganaatlas.fuzz;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.WithLength;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ferganaatlas.data.SearchIndex;
import org.ferganaatlas.data.SearchTestDatabase;
import org.ferganaatlas.logic.SearchQuery;
import org.ferganaatlas.model.SearchHit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The search field's input handling: whatever is typed, {@link SearchQuery} builds an expression of
 * quoted words only, and {@link SearchIndex} answers without an FTS5 error (which
 * {@link SearchIndex#searchOrThrow} lets through) or any other exception, within its limit.
 * Seeds: real queries in Latin and Cyrillic, in {@code SearchFuzzTestInputs/search/}.
 */
class SearchFuzzTest {
    private static Path dir;
    private static SearchIndex index;

    @BeforeAll
    static void openIndex() throws Exception {
        dir = Files.createTempDirectory("search-fuzz");
        index = SearchIndex.open(SearchTestDatabase.create(dir));
    }

    @AfterAll
    static void closeIndex() throws Exception {
        index.close();
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @FuzzTest
    void search(@WithLength(max = FuzzInput.MAX_LENGTH) byte[] data) {
        check(FuzzInput.utf8(data));
        check(FuzzInput.utf16Units(data));
    }

    private static void check(String input) {
        SearchQuery q = SearchQuery.parse(input);
        assertTrue(q.tokens().size() <= SearchQuery.MAX_TOKENS);
        String strict = q.strictMatch();
        if (strict != null) {
            assertTrue(strict.length() <= 2_000, "expression too long");
            // Every quoted string holds only letters, digits, marks and spaces: no user syntax.
            int quotes = strict.length() - strict.replace("\"", "").length();
            assertTrue(quotes % 2 == 0 && !strict.contains("\"\""), strict);
        }
        List<SearchHit> hits = index.searchOrThrow(input, 10);
        assertNotNull(hits);
        assertTrue(hits.size() <= 10);
        for (SearchHit h : hits) {
            assertNotNull(h.ref());
            assertNotNull(h.matchedName());
        }
    }
}
