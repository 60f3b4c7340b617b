package org.ferganaatlas.logic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ferganaatlas.model.SearchHit.Match;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SearchQueryTest {
    /** A quoted FTS5 string, optionally a prefix: the only place user text may appear. */
    private static final Pattern STRING = Pattern.compile("\"((?:[^\"]|\"\")*)\"\\*?");

    /** What is left of an expression once its quoted strings are removed: only our own syntax. */
    static void assertOnlyOurSyntax(String match) {
        Matcher m = STRING.matcher(match);
        StringBuilder rest = new StringBuilder();
        int last = 0;
        while (m.find()) {
            rest.append(match, last, m.start()).append('S');
            String inside = m.group(1);
            assertTrue(inside.matches("[\\p{L}\\p{N}\\p{M} ]+"), () -> "string holds more than words: " + inside);
            last = m.end();
        }
        rest.append(match.substring(last));
        String skeleton = rest.toString()
                .replace("{name names body} : S", "T").replace("fold : S", "T")
                .replace(" OR ", "|").replace(" AND ", "&");
        assertTrue(skeleton.matches("[T|&() ]+"), () -> "unexpected syntax in " + match + " -> " + skeleton);
    }

    @Test
    void wordsBecomePrefixQueriesOnSpellingAndFold() {
        SearchQuery q = SearchQuery.parse("Kyzyl-Bel");
        assertEquals(List.of("kizil", "bel"), q.foldedWords());
        assertEquals("({name names body} : \"kyzyl\"* OR fold : \"kizil\"*) AND ({name names body} : \"bel\"* OR fold : \"bel\"*)",
                q.strictMatch());
        assertEquals(SearchQuery.parse("Кызыл-Бел").folded(), q.folded());
        assertEquals(SearchQuery.parse("Kyzyl Bel").folded(), q.folded());
    }

    @Test
    void apostrophesDoNotSplitUzbekWords() {
        assertEquals(List.of("hojand"), SearchQuery.parse("Xo'jand").foldedWords());
        assertEquals(List.of("hojand"), SearchQuery.parse("Xoʻjand").foldedWords());
    }

    @Test
    void singleLettersAreNotPrefixes() {
        assertEquals("({name names body} : \"k\" OR fold : \"k\")", SearchQuery.parse("k").strictMatch());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"", "\"\"\"", "AND", "a AND b", "OR NOT", "NEAR(", "NEAR(a b, 3)", "*", "a*", "-",
            "-a", "^a", "a:b", "name:Osh", "{name}: x", "(", ")", "(a OR b)", "😀", "Osh 😀 Ош", "\u0000", "a\u0000b",
            "\uD800", "x\uDC00y", "\u202Eabc", "\u0301", "a\u0301", "ﬁ", "½", "ǅ", "İstanbul", "\t\n\r", "''", "o'"})
    void hostileInputIsOnlyEverWords(String input) {
        SearchQuery q = SearchQuery.parse(input);
        if (!q.isEmpty()) {
            assertOnlyOurSyntax(q.strictMatch());
        }
    }

    @Test
    void longInputIsBounded() {
        String big = "Khujand ".repeat(2000);
        SearchQuery q = SearchQuery.parse(big);
        assertEquals(SearchQuery.MAX_TOKENS, q.tokens().size());
        assertTrue(q.strictMatch().length() < 1000);
        SearchQuery one = SearchQuery.parse("x".repeat(10_000));
        assertEquals(1, one.tokens().size());
        assertTrue(one.tokens().get(0).fold().length() <= SearchQuery.MAX_WORD);
    }

    @Test
    void emptyOrSeparatorsOnlyIsEmpty() {
        for (String s : new String[] {null, "", " ", "\"*()-'", "😀😀", "\uD83D\uDE00"}) {
            SearchQuery q = SearchQuery.parse(s);
            assertTrue(q.isEmpty(), String.valueOf(s));
            assertNull(q.strictMatch());
        }
    }

    @Test
    void classifyJudgesNames() {
        assertEquals(Match.EXACT, SearchQuery.parse("Худжанд").classify("Khujand"));
        assertEquals(Match.EXACT, SearchQuery.parse("kyzyl bel").classify("Кызыл-Бел"));
        assertEquals(Match.PREFIX, SearchQuery.parse("Khuj").classify("Khujand"));
        assertEquals(Match.PREFIX, SearchQuery.parse("bel kyz").classify("Kyzyl-Bel"));
        assertEquals(Match.FUZZY, SearchQuery.parse("Khodjent").classify("Khujand"));
        assertEquals(Match.FUZZY, SearchQuery.parse("Khujnad").classify("Khujand"));
        assertEquals(Match.PREFIX, SearchQuery.parse("Isfaar").classify("Isfara")); // doubled letters fold to one
        assertEquals(Match.FUZZY, SearchQuery.parse("Isfra").classify("Isfara"));
        assertEquals(Match.EXACT, SearchQuery.parse("Kyzylbel").classify("Kyzyl-Bel"));
        assertNull(SearchQuery.parse("Osh").classify("Isfara"));
    }

    @Test
    void likenessPrefersTheScriptTyped() {
        SearchQuery q = SearchQuery.parse("худжанд");
        assertTrue(q.likeness("Худжанд") > q.likeness("Khujand"));
        assertTrue(q.likeness("Худжанд") > q.likeness("Хуҷанд"));
    }

    @Test
    void vocabularyBridgesVowelsAndTypos() {
        SearchVocabulary v = SearchVocabulary.of(Map.of("hujand", 3, "isfara", 2, "kizil", 5, "bel", 1, "osh", 4,
                "andijan", 1, "vorukh", 1));
        assertEquals(List.of("hujand"), v.variants("hojent", false, 5));   // Khodjent
        assertEquals(List.of("hujand"), v.variants("hojand", false, 5));   // Xo'jand
        assertEquals(List.of("hujand"), v.variants("hujnad", false, 5));   // Khujnad
        assertEquals(List.of("isfara"), v.variants("isfar", false, 5));    // Isfaar
        assertEquals(List.of("andijan"), v.variants("andijon", false, 5)); // Andijon
        assertEquals(List.of("hujand"), v.variants("hoj", true, 5));       // Khodj..., being typed
        assertTrue(v.variants("bal", false, 5).contains("bel"));
        assertEquals("kizil bel", v.split("kizilbel", false));
        assertEquals("kizil be", v.split("kizilbe", true));
        assertNull(v.split("kizilbe", false));
        assertFalse(v.variants("zzz", true, 5).contains("hujand"));
        assertEquals(List.of(), v.variants("", true, 5));
        assertEquals(List.of(), v.variants("Хуj", true, 5));
        String fuzzy = SearchQuery.parse("Khodjent").fuzzyMatch(v);
        assertTrue(fuzzy.contains("fold : \"hujand\""), fuzzy);
        assertOnlyOurSyntax(fuzzy);
        assertNull(SearchQuery.parse("Khujand").fuzzyMatch(SearchVocabulary.empty()));
    }

    @Test
    void distanceIsOptimalStringAlignment() {
        assertEquals(0, SearchVocabulary.distance("abc", "abc", 2));
        assertEquals(1, SearchVocabulary.distance("abc", "acb", 2));
        assertEquals(1, SearchVocabulary.distance("abc", "abcd", 2));
        assertEquals(2, SearchVocabulary.distance("abc", "xyc", 2));
        assertEquals(2, SearchVocabulary.distance("abcdef", "x", 1));
    }

    @Test
    void lineBreaksInAPasteSeparateWords() {
        assertEquals("Osh Batken", SearchQuery.singleLine("Osh\nBatken"));
        assertEquals("Osh Batken Isfara ", SearchQuery.singleLine("Osh\r\nBatken\r\n\r\nIsfara\n"));
        assertEquals("Vorukh Sokh Khujand", SearchQuery.singleLine("Vorukh\tSokh\u2028Khujand"));
        assertEquals("Qo‘qon", SearchQuery.singleLine("Qo‘qon"), "nothing else is touched");
        assertEquals(null, SearchQuery.singleLine(null));
        SearchQuery q = SearchQuery.parse(SearchQuery.singleLine("Osh\nBatken"));
        assertEquals(java.util.List.of("osh", "batken"), q.foldedWords());
        // what a JavaFX TextField makes of the paste without it: one word that matches neither
        assertEquals(java.util.List.of("oshbatken"), SearchQuery.parse("Osh\nBatken".replace("\n", "")).foldedWords());
    }
}
