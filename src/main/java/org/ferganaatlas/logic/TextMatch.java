package org.ferganaatlas.logic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Whether some texts (a note's title, text and tags) match what the user typed, by the atlas search's own rule: every
 * word of the query, folded by {@link TextFold} (so Latin and Cyrillic spellings coincide: "Dostuk" finds "Достук"),
 * is the start of a folded word of one of the texts. For the user's own data, searched in memory; the atlas's
 * database does the same with its full-text index ({@link SearchQuery#strictMatch()}). The atlas search's typo and
 * vowel variants ({@link SearchQuery#fuzzyMatch}) need its index's vocabulary and are not applied here.
 */
public final class TextMatch {
    private final List<String> words;

    private TextMatch(List<String> words) {
        this.words = words;
    }

    /** The query as typed (null and blank match everything). Never throws. */
    public static TextMatch of(String query) {
        return new TextMatch(SearchQuery.parse(query).foldedWords());
    }

    /** Whether the query has no words: it matches everything. */
    public boolean isEmpty() {
        return words.isEmpty();
    }

    /** Whether every word of the query starts a word of one of {@code texts} (nulls are skipped). */
    public boolean matches(String... texts) {
        return matches(Arrays.asList(texts));
    }

    public boolean matches(List<String> texts) {
        if (words.isEmpty()) {
            return true;
        }
        List<String> folded = new ArrayList<>();
        for (String t : texts) {
            if (t != null && !t.isEmpty()) {
                folded.addAll(Arrays.asList(TextFold.fold(t).split(" ")));
            }
        }
        for (String w : words) {
            boolean found = false;
            for (String f : folded) {
                if (f.startsWith(w)) {
                    found = true;
                    break;
                }
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }
}
