package org.ferganaatlas.gui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.ferganaatlas.data.BundledAtlas;
import org.ferganaatlas.gui.l10n.Messages;
import org.ferganaatlas.gui.state.SideTab;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The language menu switches the whole window at run time: after choosing a language from it, the tool bar, the side
 * tabs, the layers panel, the date bar and the readers show that language's words (read from its bundle file, not
 * through the code under test), and no visible label is left in English where the language has its own text.
 */
@ExtendWith(ApplicationExtension.class)
class LanguageSwitchTest extends AtlasWindowTestBase {
    @RegisterExtension
    static final BundledAtlas atlas = new BundledAtlas();

    @Start
    void start(Stage stage) {
        open(stage, atlas.db());
    }

    @AfterEach
    void english(FxRobot robot) {
        robot.interact(() -> state.languageProperty().set(Locale.ENGLISH));
    }

    private static Map<String, String> bundle(String lang) throws IOException {
        return org.ferganaatlas.gui.l10n.BundleConsistencyTestAccess.language(lang);
    }

    private List<String> visibleTexts() {
        List<String> out = new ArrayList<>();
        collectTexts(stage.getScene().getRoot(), out);
        return out;
    }

    private static void collectTexts(Node n, List<String> out) {
        if (!n.isVisible()) {
            return;
        }
        if (n instanceof Labeled l && l.getText() != null && !l.getText().isBlank()) {
            out.add(l.getText());
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                collectTexts(c, out);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ru", "ky", "tg", "uz", "en"})
    void choosingALanguageFromTheMenuChangesTheVisibleLabels(String lang, FxRobot robot) throws Exception {
        settle();
        if (lang.equals("en")) { // from another language back to English
            robot.interact(() -> state.languageProperty().set(Locale.forLanguageTag("tg")));
            settle();
        }
        Map<String, String> words = bundle(lang), english = bundle("en");
        robot.clickOn("#language-menu");
        robot.clickOn("#language-" + lang);
        settle();
        assertEquals(lang, state.languageProperty().get().getLanguage(), "the menu sets the state's language");
        assertEquals(words.get("language.self." + lang), robot.lookup("#language-menu").queryLabeled().getText());

        assertEquals(words.get("side.layers"), robot.lookup("#layers-tab").queryAs(javafx.scene.control.ToggleButton.class).getText(),
                "the Layers tab title");
        List<String> shown = visibleTexts();
        for (String key : List.of("side.layers", "side.treaties", "side.timeline", "toolbar.home", "toolbar.measure",
                "layers.title", "layer.borders", "legend.border.kgzTjk", "timebar.today", "timebar.label", "toolbar.draw", "toolbar.presentation")) {
            assertTrue(shown.contains(words.get(key)), () -> key + " should show \u201c" + words.get(key) + "\u201d; visible: " + shown);
        }
        // the atlas's name is in the window's title (the tool bar shows it too, when there is room beside the buttons)
        assertEquals(words.get("app.title"), stage.getTitle(), "the window title");
        assertTrue(shown.stream().anyMatch(t -> t.startsWith(words.get("timebar.play").substring(0, 3))), "Play");

        // a reader built from data follows as well
        robot.interact(() -> state.sideTabProperty().set(SideTab.TREATIES));
        settle();
        List<String> reading = visibleTexts();
        assertTrue(reading.contains(words.get("treaties.title")), () -> "the treaties reader's title; visible: " + reading);

        if (!lang.equals("en")) {
            Set<String> englishLeft = new TreeSet<>();
            for (String text : visibleTexts()) {
                for (Map.Entry<String, String> e : english.entrySet()) {
                    if (e.getValue().equals(text) && !e.getValue().equals(words.get(e.getKey()))) {
                        englishLeft.add(e.getKey() + "=" + text);
                    }
                }
            }
            assertEquals(Set.of(), englishLeft, "labels still in English after switching to " + lang);
        }
        assertEquals(Messages.supported(Locale.forLanguageTag(lang)), Messages.locale());
    }
}
