package org.ferganaatlas.gui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.scene.AccessibleAttribute;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.ferganaatlas.data.BundledAtlas;
import org.ferganaatlas.gui.l10n.FeatureText;
import org.ferganaatlas.model.Feature;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What a screen reader says for each control the keyboard reaches, in each language: every focus-traversable,
 * visible control of the main window (tool bar, side tabs, layers panel, date bar, search field, status bar, the map)
 * answers {@link AccessibleAttribute#TEXT} with words (not a bare "+", "⋯" or "▶"), in the chosen language (not the
 * English string where that language's bundle has its own), and buttons say they are buttons. The places in view
 * (Ctrl+L) name each place's kind and name.
 */
@ExtendWith(ApplicationExtension.class)
class ScreenReaderTextTest extends AtlasWindowTestBase {
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

    /** The controls Tab can reach: focus-traversable, visible (with every parent), enabled. */
    private static void reachable(Node n, List<Node> out) {
        if (!n.isVisible() || n.isDisabled()) {
            return;
        }
        if (n.isFocusTraversable()) {
            out.add(n);
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                reachable(c, out);
            }
        }
    }

    private static String describe(Node n) {
        return n.getClass().getSimpleName() + (n.getId() == null ? "" : "#" + n.getId()) + " " + n.getStyleClass();
    }

    private static boolean hasLetter(String s) {
        return s.codePoints().anyMatch(Character::isLetter);
    }

    /** The English key whose text this is, where the language has a different text for it; else null. */
    private static String englishLeft(String text, Map<String, String> english, Map<String, String> words) {
        for (Map.Entry<String, String> e : english.entrySet()) {
            if (e.getValue().equals(text) && !e.getValue().equals(words.get(e.getKey()))) {
                return e.getKey();
            }
        }
        return null;
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ru", "ky", "tg", "uz"})
    void everyControlTheKeyboardReachesSaysWhatItIsInTheLanguage(String lang, FxRobot robot) throws Exception {
        robot.interact(() -> state.languageProperty().set(Locale.forLanguageTag(lang)));
        settle();
        Map<String, String> words = bundle(lang), english = bundle("en");

        List<String> lacking = WaitForAsyncUtils.asyncFx(() -> {
            List<Node> nodes = new ArrayList<>();
            reachable(stage.getScene().getRoot(), nodes);
            List<String> bad = new ArrayList<>();
            Set<Class<?>> seen = new java.util.HashSet<>();
            for (Node n : nodes) {
                seen.add(n.getClass());
                Object t = n.queryAccessibleAttribute(AccessibleAttribute.TEXT);
                String text = t == null ? "" : t.toString().strip();
                if (text.isEmpty()) {
                    bad.add(describe(n) + ": no text");
                } else if (!hasLetter(text)) {
                    bad.add(describe(n) + ": only the symbol \u201c" + text + "\u201d");
                } else if (!lang.equals("en") && englishLeft(text, english, words) != null) {
                    bad.add(describe(n) + ": English \u201c" + text + "\u201d (" + englishLeft(text, english, words) + ")");
                }
                Object role = n.queryAccessibleAttribute(AccessibleAttribute.ROLE);
                if (n instanceof ToggleButton && role != AccessibleRole.TOGGLE_BUTTON) {
                    bad.add(describe(n) + ": role " + role + ", not TOGGLE_BUTTON");
                } else if (n instanceof Button && role != AccessibleRole.BUTTON) {
                    bad.add(describe(n) + ": role " + role + ", not BUTTON");
                } else if (n instanceof MenuButton && role != AccessibleRole.MENU_BUTTON) {
                    bad.add(describe(n) + ": role " + role + ", not MENU_BUTTON");
                } else if (n instanceof CheckBox && role != AccessibleRole.CHECK_BOX) {
                    bad.add(describe(n) + ": role " + role + ", not CHECK_BOX");
                }
            }
            // the walk must have reached the parts it is about, or it proves nothing
            for (String id : List.of("#search-field", "#layers-tab", "#home-button", "#zoom-in", "#timeline-play", "#map-date-today", "#map-date-picker", "#map-date-slider")) {
                if (stage.getScene().getRoot().lookup(id) != null && !nodes.contains(stage.getScene().getRoot().lookup(id))) {
                    bad.add(id + " is not reachable by Tab");
                }
            }
            if (!nodes.contains(map())) {
                bad.add("the map is not reachable by Tab");
            }
            List<Object> exports = nodes.stream().filter(n -> n.getStyleClass().contains("layer-export"))
                    .map(n -> n.queryAccessibleAttribute(AccessibleAttribute.TEXT)).toList();
            if (exports.isEmpty()) {
                bad.add("no layer's \u22ef export button reached");
            } else if (new java.util.HashSet<>(exports).size() != exports.size()) {
                bad.add("the layers' export buttons do not say which layer: " + exports);
            }
            if (!seen.contains(CheckBox.class) || nodes.stream().noneMatch(n -> n instanceof javafx.scene.control.Slider)) {
                bad.add("no layer check box or date slider reached: " + seen);
            }
            return bad;
        }).get(10, TimeUnit.SECONDS);
        assertEquals(List.of(), lacking, "controls a screen reader cannot name in " + lang);

        Object mapRole = WaitForAsyncUtils.asyncFx(() -> map().queryAccessibleAttribute(AccessibleAttribute.ROLE)).get(5, TimeUnit.SECONDS);
        assertNotNull(mapRole, "the map has a role");
        assertEquals(words.get("map.accessible"), map().getAccessibleText(), "the map says what it is");
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ru", "tg"})
    void thePlacesInViewNameEachPlacesKindAndName(String lang, FxRobot robot) throws Exception {
        robot.interact(() -> state.languageProperty().set(Locale.forLanguageTag(lang)));
        settle();
        robot.interact(() -> window.showPlacesInView());
        WaitForAsyncUtils.waitForFxEvents();
        DialogPane pane = robot.lookup("#places-dialog").queryAs(DialogPane.class);
        try {
            @SuppressWarnings("unchecked")
            ListView<Feature> list = (ListView<Feature>) robot.from(pane).lookup("#places-in-view").query();
            assertEquals(AccessibleRole.LIST_VIEW, list.queryAccessibleAttribute(AccessibleAttribute.ROLE));
            assertEquals(bundle(lang).get("inview.title"), list.queryAccessibleAttribute(AccessibleAttribute.TEXT));
            List<ListCell<?>> cells = new ArrayList<>();
            for (Node n : robot.from(list).lookup(".list-cell").queryAll()) {
                if (n instanceof ListCell<?> c && c.getItem() != null) {
                    cells.add(c);
                }
            }
            assertTrue(cells.size() > 3, "cells shown: " + cells.size());
            for (ListCell<?> c : cells) {
                Feature f = (Feature) c.getItem();
                String said = String.valueOf(c.queryAccessibleAttribute(AccessibleAttribute.TEXT));
                String name = window.context().data().displayName(f, lang);
                String kind = FeatureText.kind(f.kind());
                assertTrue(said.startsWith(kind + ": " + name), () -> f.key() + " is read as \u201c" + said
                        + "\u201d, not \u201c" + kind + ": " + name + "\u201d");
                assertFalse(kind.isBlank());
            }
        } finally {
            robot.interact(() -> ((javafx.stage.Stage) pane.getScene().getWindow()).close());
        }
    }
}
