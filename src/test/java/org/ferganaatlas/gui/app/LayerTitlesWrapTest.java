package org.ferganaatlas.gui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.MenuButton;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.ferganaatlas.data.BundledAtlas;
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
 * In the layers panel at its narrow width (a 1024x768 window), every layer's title is shown whole, wrapped onto a
 * second line where it is long ("Сарҳадҳои давлатӣ…" in Tajik), never shortened with an ellipsis; and the ⋯ export
 * button beside it keeps its size and stays inside the panel.
 */
@ExtendWith(ApplicationExtension.class)
class LayerTitlesWrapTest extends AtlasWindowTestBase {
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

    @ParameterizedTest
    @ValueSource(strings = {"en", "ru", "ky", "tg", "uz"})
    void noLayerTitleIsShortened(String lang, FxRobot robot) throws Exception {
        robot.interact(() -> {
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(1024);
            stage.setHeight(768);
            state.languageProperty().set(Locale.forLanguageTag(lang));
        });
        settle();
        List<String> problems = WaitForAsyncUtils.asyncFx(() -> {
            List<String> bad = new ArrayList<>();
            Node panel = window.root().lookup("#layers-panel");
            Bounds panelBounds = panel.localToScene(panel.getBoundsInLocal());
            int titles = 0;
            for (Node n : panel.lookupAll(".layer-title")) {
                javafx.scene.control.Label box = (javafx.scene.control.Label) n;
                if (!box.isVisible()) {
                    continue;
                }
                titles++;
                if (!(box.getLabelFor() instanceof CheckBox tick) || !box.getText().equals(tick.getText())) {
                    bad.add("\u201c" + box.getText() + "\u201d is not the title of its layer's check box");
                }
                StringBuilder shown = new StringBuilder();
                for (Node t : box.lookupAll(".text")) {
                    if (t instanceof Text text && text.isVisible()) {
                        shown.append(text.getText());
                    }
                }
                // a wrapped title is one Text with line breaks chosen by its wrapping width: the same characters
                if (!shown.toString().replaceAll("\\s+", " ").strip().equals(box.getText().replaceAll("\\s+", " ").strip())) {
                    bad.add("\u201c" + box.getText() + "\u201d shown as \u201c" + shown + "\u201d");
                }
                Bounds b = box.localToScene(box.getBoundsInLocal());
                if (b.getMaxX() > panelBounds.getMaxX() + 0.5) {
                    bad.add("\u201c" + box.getText() + "\u201d reaches past the panel");
                }
            }
            for (Node n : panel.lookupAll(".layer-export")) {
                MenuButton m = (MenuButton) n;
                if (m.isVisible() && (m.getWidth() + 0.5 < m.prefWidth(-1) || m.localToScene(m.getBoundsInLocal()).getMaxX() > panelBounds.getMaxX() + 0.5)) {
                    bad.add(m.getId() + " squeezed to " + m.getWidth() + " of " + m.prefWidth(-1) + " or outside the panel");
                }
            }
            if (titles < 4) {
                bad.add("only " + titles + " layer titles found");
            }
            return bad;
        }).get(10, TimeUnit.SECONDS);
        assertEquals(List.of(), problems, "layer titles in " + lang + " at 1024x768");
        assertTrue(stage.getWidth() <= 1024);
    }

    /**
     * The status bar's coordinate reading has a fixed width (the bar, and so the map, never change size as the pointer
     * comes and goes); the words shown while the pointer is off the map must fit it in every language.
     */
    @ParameterizedTest
    @ValueSource(strings = {"en", "ru", "ky", "tg", "uz"})
    void pointerOffTheMapIsSaidInFull(String lang, FxRobot robot) throws Exception {
        robot.interact(() -> state.languageProperty().set(Locale.forLanguageTag(lang)));
        settle();
        String[] seen = WaitForAsyncUtils.asyncFx(() -> {
            javafx.scene.control.Label coords = (javafx.scene.control.Label) window.root().lookup(".coords");
            StringBuilder shown = new StringBuilder();
            for (Node t : coords.lookupAll(".text")) {
                if (t instanceof Text text && text.isVisible()) {
                    shown.append(text.getText());
                }
            }
            return new String[] {coords.getText(), shown.toString()};
        }).get(10, TimeUnit.SECONDS);
        assertEquals(org.ferganaatlas.gui.l10n.Messages.get("status.cursorOff"), seen[0], "the pointer is off the map");
        assertEquals(seen[0], seen[1], "shown in full in " + lang);
    }
}
