package org.ferganaatlas.logic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ferganaatlas.model.Name;
import org.ferganaatlas.model.Translation;
import org.junit.jupiter.api.Test;

class LanguageFallbackTest {
    private static Name n(String lang, String name, boolean primary) {
        return new Name(lang, name, primary, List.of(), "rule:test");
    }

    // Khujand (TJK) as the build tags it: no Kyrgyz form
    static final List<Name> KHUJAND = List.of(n("en", "Khujand", true), n("ru", "Худжанд", true), n("ru", "Ходжент", false),
            n("tg", "Хуҷанд", true), n("uz", "Xoʻjand", true), n("alt", "Leninabad", false));
    // a Kyrgyz village with only a Kyrgyz and an English name
    static final List<Name> VILLAGE = List.of(n("en", "Kok-Tash", true), n("ky", "Көк-Таш", true));

    @Test
    void orderForNames() {
        assertEquals(List.of("ky", "ru", "tg", "en"), LanguageFallback.forNames("ky", "TJK"));
        assertEquals(List.of("tg", "ru", "ky", "en"), LanguageFallback.forNames("tg", "KGZ"));
        assertEquals(List.of("ru", "uz", "en"), LanguageFallback.forNames("ru", "UZB"));
        assertEquals(List.of("uz", "en"), LanguageFallback.forNames("uz", "UZB"));
        assertEquals(List.of("ky", "ru", "en"), LanguageFallback.forNames("ky", null));
        assertEquals(List.of("en"), LanguageFallback.forNames("fr", "KAZ"), "an unknown language reads English");
    }

    @Test
    void kyrgyzReaderGetsRussianBeforeTheLocalTajikForm() {
        assertEquals("Худжанд", LanguageFallback.name(KHUJAND, "ky", "TJK", "Khujand"));
        assertEquals("Хуҷанд", LanguageFallback.name(KHUJAND, "tg", "TJK", "Khujand"));
        assertEquals("Xoʻjand", LanguageFallback.name(KHUJAND, "uz", "TJK", "Khujand"));
        assertEquals("Худжанд", LanguageFallback.name(KHUJAND, "ru", "TJK", "Khujand"));
    }

    @Test
    void withoutRussianTheLocalOfficialNameComesBeforeEnglish() {
        assertEquals("Көк-Таш", LanguageFallback.name(VILLAGE, "ru", "KGZ", "Kok-Tash"));
        assertEquals("Көк-Таш", LanguageFallback.name(VILLAGE, "tg", "KGZ", "Kok-Tash"));
        assertEquals("Көк-Таш", LanguageFallback.name(VILLAGE, "uz", "KGZ", "Kok-Tash"));
        assertEquals("Kok-Tash", LanguageFallback.name(VILLAGE, "uz", "UZB", "Kok-Tash"), "no uz form: English");
    }

    @Test
    void otherSpellingsAndNonPrimaryFormsAreNeverTheLabel() {
        List<Name> onlyAlt = List.of(n("alt", "Leninabad", false), n("ru", "Ходжент", false));
        assertEquals("Khujand", LanguageFallback.name(onlyAlt, "ru", "TJK", "Khujand"));
        assertEquals("Leninabad", LanguageFallback.name(onlyAlt, "ru", "TJK", null), "no English at all: any name");
    }

    private static Translation ru(String field, String text) {
        return new Translation("treaty:x", field, "ru", text, "machine-ai", "Claude", "2026-12", null);
    }

    @Test
    void textsFallBackToRussianThenEnglish() {
        assertEquals(List.of("ky", "ru", "en"), LanguageFallback.forTexts("ky"));
        assertEquals(List.of("uz", "ru", "en"), LanguageFallback.forTexts("uz"));
        assertEquals(List.of("en"), LanguageFallback.forTexts("en"));
        List<Translation> ts = List.of(ru("summary", "Договор подписан."));
        LanguageFallback.Text t = LanguageFallback.text(ts, "summary", "The treaty was signed.", "tg");
        assertEquals("Договор подписан.", t.text());
        assertEquals("ru", t.lang());
        assertTrue(t.translated());
        LanguageFallback.Text title = LanguageFallback.text(ts, "title", "Treaty", "ru");
        assertEquals("Treaty", title.text(), "no Russian title: the English original");
        assertEquals("en", title.lang());
        assertFalse(title.translated());
        assertEquals("The treaty was signed.", LanguageFallback.text(ts, "summary", "The treaty was signed.", "en").text());
        assertNull(LanguageFallback.text(ts, "summary", null, "ru"), "a translation of nothing is not shown");
    }

    @Test
    void theReadersOwnLanguageComesBeforeRussian() {
        // the order of the rows does not matter: the reader's language is looked for first
        List<Translation> ts = List.of(ru("summary", "Договор подписан."),
                new Translation("treaty:x", "summary", "tg", "Шартнома имзо шуд.", "machine-ai", "Claude", "2026-12", null),
                new Translation("treaty:x", "summary", "uz", "Shartnoma imzolandi.", "machine-ai", "Claude", "2026-12", null));
        assertEquals("tg", LanguageFallback.text(ts, "summary", "The treaty was signed.", "tg").lang());
        assertEquals("Шартнома имзо шуд.", LanguageFallback.text(ts, "summary", "The treaty was signed.", "tg").text());
        assertEquals("Shartnoma imzolandi.", LanguageFallback.text(ts, "summary", "The treaty was signed.", "uz").text());
        assertEquals("ru", LanguageFallback.text(ts, "summary", "The treaty was signed.", "ky").lang(),
                "no Kyrgyz text: Russian, not the Uzbek or Tajik one");
        assertEquals("ru", LanguageFallback.text(ts, "summary", "The treaty was signed.", "ru").lang());
    }
}
