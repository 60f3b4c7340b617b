package org.ferganaatlas.gui.l10n;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import javafx.beans.binding.StringBinding;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Strings follow the language they are asked in: numbers are formatted by the bundle, bound texts are refreshed. */
class MessagesTest {
    @AfterEach
    void backToEnglish() {
        Messages.setLocale(Locale.ENGLISH);
    }

    @Test
    void numbersAreFormattedInTheReadersLanguage() {
        Messages.setLocale(Locale.ENGLISH);
        assertEquals("Zoom 8.5", Messages.format("status.zoom", 8.5));
        assertEquals("Accurate to about 8,000 m", Messages.format("details.accuracy", 8000L));
        Messages.setLocale(Locale.forLanguageTag("ru"));
        assertEquals(Locale.forLanguageTag("ru"), Messages.locale());
        assertEquals("Масштаб 8,5", Messages.format("status.zoom", 8.5), "a Russian reader gets a decimal comma");
        assertEquals("Точность около 8\u00a0000 м", Messages.format("details.accuracy", 8000L), "and a space between thousands");
    }

    @Test
    void russianWordsAgreeWithTheNumberOneFewMany() {
        Messages.setLocale(Locale.forLanguageTag("ru"));
        assertEquals("1 источник", Messages.format("details.sourcesCount", 1));
        assertEquals("3 источника", Messages.format("details.sourcesCount", 3));
        assertEquals("5 источников", Messages.format("details.sourcesCount", 5));
        assertEquals("21 источник", Messages.format("details.sourcesCount", 21));
        assertEquals("1 погибший", RecordText.figure(1, 1, "timeline.killed", Messages.locale()));
        assertEquals("3 погибших", RecordText.figure(3, null, "timeline.killed", Messages.locale()));
        assertEquals("55\u201358 погибших (источники расходятся)", RecordText.figure(55, 58, "timeline.killed", Messages.locale()));
        Messages.setLocale(Locale.ENGLISH);
        assertEquals("1 source", Messages.format("details.sourcesCount", 1));
        assertEquals("3 sources", Messages.format("details.sourcesCount", 3));
    }

    @Test
    void datesAreWrittenInEachLanguagesOwnOrderAndMonthNames() {
        java.time.LocalDate d = java.time.LocalDate.of(2025, 3, 13);
        assertEquals("13 March 2025", FeatureText.date(d, Locale.ENGLISH));
        assertEquals("13 марта 2025\u202fг.", FeatureText.date(d, Locale.forLanguageTag("ru")));
        assertEquals("2025-ж., 13-март", FeatureText.date(d, Locale.forLanguageTag("ky")));
        assertEquals("13 Март 2025", FeatureText.date(d, Locale.forLanguageTag("tg")));
        assertEquals("13-mart, 2025", FeatureText.date(d, Locale.forLanguageTag("uz")));
        assertEquals("May 2023", FeatureText.date("2023-05", Locale.ENGLISH));
        assertEquals("2023", FeatureText.date("2023", Locale.ENGLISH), "a year alone stays as it is");
    }

    @Test
    void englishIsEnglishOnARussianSystemAndAnUnknownLanguageIsEnglish() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("ru-RU"));
            Messages.setLocale(Locale.forLanguageTag("tg"));
            Messages.setLocale(Locale.ENGLISH);
            assertEquals("Fergana Border Atlas", Messages.get("app.title"), "no fall-back to the system's bundle");
            Messages.setLocale(Locale.forLanguageTag("de"));
            assertEquals("Fergana Border Atlas", Messages.get("app.title"));
            assertEquals(Locale.ENGLISH, Messages.locale());
            assertEquals(Locale.forLanguageTag("ru"), Messages.systemLanguage(), "a Russian system starts in Russian");
            Locale.setDefault(Locale.forLanguageTag("de-DE"));
            assertEquals(Locale.ENGLISH, Messages.systemLanguage(), "a German one in English");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void aBoundTextIsRecomputedWhenTheLanguageChanges() {
        StringBinding title = Messages.text("app.title");
        assertEquals(Messages.get("app.title"), title.get());
        int[] changes = {0};
        title.addListener(o -> changes[0]++);
        Messages.setLocale(Locale.forLanguageTag("tg"));
        title.get();
        assertEquals(1, changes[0], "the label bound to it is told");
    }
}
