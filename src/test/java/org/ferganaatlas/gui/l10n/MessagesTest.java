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
    void numbersAreFormattedInTheReadersLanguageEvenWhereTheTextFallsBackToEnglish() {
        Messages.setLocale(Locale.ENGLISH);
        assertEquals("Zoom 8.5", Messages.format("status.zoom", 8.5));
        assertEquals("Accurate to about 8,000 m", Messages.format("details.accuracy", 8000L));
        Messages.setLocale(Locale.forLanguageTag("ru"));
        assertEquals(Locale.forLanguageTag("ru"), Messages.locale());
        assertEquals("Zoom 8,5", Messages.format("status.zoom", 8.5), "a Russian reader gets a decimal comma");
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
