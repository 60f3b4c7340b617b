package org.ferganaatlas.gui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;
import org.ferganaatlas.data.BundledAtlas;
import org.ferganaatlas.model.Feature;
import org.ferganaatlas.model.Translation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * On the bundled database: the treaties reader in Russian, Tajik, Kyrgyz or Uzbek shows the text in that language
 * with the line saying its language and who translated it (the fallback to Russian where a text is missing is
 * {@code LanguageFallbackTest}'s), and a town's "Other spellings" are grouped by language without GeoNames' junk
 * romanisations.
 */
@ExtendWith(ApplicationExtension.class)
class NamesAndTextsInLanguageTest extends AtlasWindowTestBase {
    @RegisterExtension
    static final BundledAtlas atlas = new BundledAtlas();
    static final String TREATY = "treaty:kg-tj-2025";
    static final String KHUJAND = "town:1514879";

    @Start
    void start(Stage stage) {
        open(stage, atlas.db());
    }

    @AfterEach
    void english(FxRobot robot) {
        robot.interact(() -> {
            state.languageProperty().set(Locale.ENGLISH);
            window.context().focus().clearRecord();
            state.selectedKeyProperty().set(null);
        });
    }

    private static String russian(String key, String field) {
        return translation(key, field, "ru");
    }

    private static String translation(String key, String field, String lang) {
        return atlas.db().translationRepository().all().stream()
                .filter(t -> t.recordKey().equals(key) && t.field().equals(field) && t.lang().equals(lang))
                .map(Translation::text).findFirst().orElseThrow(() -> new AssertionError("no " + lang + " " + field + " of " + key));
    }

    private String openTreaty(FxRobot robot, String lang) {
        robot.interact(() -> state.languageProperty().set(Locale.forLanguageTag(lang)));
        robot.interact(() -> window.context().focus().showRecord(TREATY));
        settle();
        return robot.lookup("#treaty-title").queryAs(TextInputControl.class).getText();
    }

    private String languageLine(FxRobot robot) {
        return robot.lookup("#treaty-language").queryAs(Label.class).getText();
    }

    @Test
    void theRussianReaderShowsTheRussianTextAndWhoTranslatedIt(FxRobot robot) {
        settle();
        assertEquals(russian(TREATY, "title"), openTreaty(robot, "ru"));
        assertTrue(textsOf(stage.getScene().getRoot()).contains(russian(TREATY, "summary")), "the Russian summary is shown");
        String line = languageLine(robot);
        assertTrue(line.startsWith("Текст на русском языке"), line);
        assertTrue(line.contains("машинный перевод") && line.contains("Claude") && line.contains("не проверен"), line);
        assertTrue(line.contains("2026"), "when it was translated: " + line);
        // "Copy as text" carries the Russian text and the same line
        org.ferganaatlas.gui.records.TreatiesPanel panel = robot.lookup("#treaties-panel")
                .queryAs(org.ferganaatlas.gui.records.TreatiesPanel.class);
        String copied = panel.plainText(atlas.db().treatyRepository().treaty(TREATY).orElseThrow());
        assertTrue(copied.startsWith(russian(TREATY, "title") + "\n" + line + "\n"), copied);
        assertTrue(copied.contains(russian(TREATY, "summary")), copied);
    }

    @Test
    void theTajikReaderShowsTheTajikTextAndWhoTranslatedIt(FxRobot robot) {
        settle();
        String tajik = translation(TREATY, "title", "tg");
        assertFalse(tajik.equals(russian(TREATY, "title")), "the Tajik title is its own text");
        assertEquals(tajik, openTreaty(robot, "tg"), "the reader's language before Russian");
        assertTrue(textsOf(stage.getScene().getRoot()).contains(translation(TREATY, "summary", "tg")), "the Tajik summary is shown");
        String line = languageLine(robot);
        assertTrue(line.startsWith("Матн бо забони тоҷикӣ") && line.contains("Claude") && line.contains("санҷида нашудааст"), line);
    }

    @Test
    void theKyrgyzAndUzbekReadersShowTheirOwnTexts(FxRobot robot) {
        settle();
        assertEquals(translation(TREATY, "title", "ky"), openTreaty(robot, "ky"));
        assertTrue(languageLine(robot).contains("кыргыз тилинде"), languageLine(robot));
        assertEquals(translation(TREATY, "title", "uz"), openTreaty(robot, "uz"));
        assertTrue(languageLine(robot).contains("oʻzbek tilida"), languageLine(robot));
    }

    @Test
    void theEnglishReaderShowsTheOriginal(FxRobot robot) {
        settle();
        String english = atlas.db().treatyRepository().treaty(TREATY).orElseThrow().title();
        assertEquals(english, openTreaty(robot, "en"));
        assertTrue(languageLine(robot).startsWith("Text in English"), languageLine(robot));
    }

    /** Each row of the details panel's names grid: language label → the names shown for it. */
    private Map<String, String> namesGrid() {
        GridPane grid = (GridPane) stage.getScene().getRoot().lookup(".names-grid");
        Map<String, String> rows = new LinkedHashMap<>();
        String lang = null;
        for (Node n : grid.getChildren()) {
            if (n.getStyleClass().contains("names-lang")) {
                lang = ((Labeled) n).getText();
            } else if (lang != null) {
                rows.put(lang, String.join(" | ", textsOf(n)));
            }
        }
        return rows;
    }

    @Test
    void otherSpellingsAreGroupedByLanguageWithoutJunk(FxRobot robot) {
        settle();
        robot.interact(() -> window.context().focus().selectFeature(KHUJAND));
        settle();
        Map<String, String> rows = namesGrid();
        assertEquals(List.of("English", "Russian *", "Tajik *", "Uzbek *", "Other spellings"), List.copyOf(rows.keySet()),
                rows.toString());
        assertTrue(rows.get("Russian *").startsWith("Худжанд"), "the primary Russian name first: " + rows);
        assertTrue(rows.get("Tajik *").startsWith("Хуҷанд"), rows.toString());
        assertEquals("Xoʻjand", rows.get("Uzbek *"));
        assertTrue(rows.get("Other spellings").contains("Leninabad"), rows.toString());
        String all = String.join(" | ", textsOf(stage.getScene().getRoot().lookup("#details-panel")));
        for (String junk : List.of("ku zhan", "LBD", "hojendo", "khjnd", "苦盏", "ホジェンド", "خجند", "Chudschand")) {
            assertFalse(all.contains(junk), junk + " is not shown: " + rows);
        }
        assertTrue(all.contains("found from the letters"), "derived languages are marked");

        robot.interact(() -> state.languageProperty().set(Locale.forLanguageTag("ru")));
        settle();
        assertEquals(List.of("Английский", "Русский *", "Таджикский *", "Узбекский *", "Другие написания"),
                List.copyOf(namesGrid().keySet()), "language names follow the reader's language");
    }

    @Test
    void mapLabelsFollowTheFallbackOrder() {
        Feature khujand = atlas.db().featureRepository().feature(KHUJAND).orElseThrow();
        var data = window.context().data();
        assertEquals("Худжанд", data.displayName(khujand, "ky"), "Kyrgyz reader, Tajik town without a Kyrgyz form: Russian");
        assertEquals("Хуҷанд", data.displayName(khujand, "tg"));
        assertEquals("Xoʻjand", data.displayName(khujand, "uz"));
        assertEquals("Khujand", data.displayName(khujand, "en"));
    }

    @Test
    void curatedNamesFixWhatTheLettersCannotTellAndObliqueFormsAreNoLabel() {
        var data = window.context().data();
        Feature konibodom = atlas.db().featureRepository().feature("town:1514891").orElseThrow();
        assertEquals("Канибадам", data.displayName(konibodom, "ru"), "Russian usage, not the Tajik Конибодом");
        assertEquals("Конибодом", data.displayName(konibodom, "tg"));
        assertEquals("Konibodom", data.displayName(konibodom, "uz"), "Latin for Uzbek readers, not the Tajik Cyrillic");
        assertEquals("Konibodom", data.displayName(konibodom, "en"));
        Feature beshariq = atlas.db().featureRepository().feature("town:1514382").orElseThrow();
        assertEquals("Beshariq", data.displayName(beshariq, "ru"), "Бешарыкского ('of Besharik') is not its name");
    }

    private static List<String> textsOf(Node n) {
        List<String> out = new ArrayList<>();
        collect(n, out);
        return out;
    }

    private static void collect(Node n, List<String> out) {
        if (n == null || !n.isVisible()) {
            return;
        }
        if (n instanceof Labeled l && l.getText() != null && !l.getText().isBlank()) {
            out.add(l.getText());
        } else if (n instanceof TextInputControl t && t.getText() != null && !t.getText().isBlank()) {
            out.add(t.getText());
        }
        if (n instanceof Parent p && !(n instanceof TextInputControl)) {
            for (Node c : p.getChildrenUnmodifiable()) {
                collect(c, out);
            }
        }
    }
}
