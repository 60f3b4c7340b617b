package org.ferganaatlas.logic;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The atlas search's rule applied to the user's own texts: every word, folded, starts a word of the texts. */
class TextMatchTest {
    @Test
    void spellingsOfEitherScriptMatchEachOther() {
        assertTrue(TextMatch.of("Khujand").matches("Встреча в Худжанде"));
        assertTrue(TextMatch.of("Хуҷанд").matches("Meeting in Khujand"));
        assertTrue(TextMatch.of("Xo'jand").matches("Xojand bozori"), "Uzbek apostrophes are dropped");
        assertTrue(TextMatch.of("oʻzbek").matches("O'zbekiston tomoni"));
        assertTrue(TextMatch.of("kizil bel").matches("Kyzyl-Bel queue"));
    }

    @Test
    void everyWordMustStartAWordOfSomeText() {
        TextMatch m = TextMatch.of("канал весн");
        assertTrue(m.matches("Канал", null, "отремонтирован весной"), "words may come from different texts");
        assertFalse(m.matches("Канал отремонтирован"), "one word missing");
        assertFalse(TextMatch.of("монт").matches("отремонтирован"), "a prefix of a word, not any part of it");
    }

    @Test
    void anEmptyOrPunctuationOnlyQueryMatchesEverything() {
        assertTrue(TextMatch.of(null).isEmpty());
        assertTrue(TextMatch.of(" \"*( ").matches("anything"));
        assertFalse(TextMatch.of("x").matches((String) null));
    }
}
