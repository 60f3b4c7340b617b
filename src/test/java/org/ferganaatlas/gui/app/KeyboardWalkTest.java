package org.ferganaatlas.gui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Border;
import javafx.scene.layout.BorderStroke;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.ferganaatlas.data.BundledAtlas;
import org.ferganaatlas.gui.l10n.Messages;
import org.ferganaatlas.gui.state.SideTab;
import org.ferganaatlas.model.Feature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The main actions with the keyboard alone, in a real window on the bundled database: the shortcut list (F1), the
 * side tabs (Ctrl+Tab), the places in view (Ctrl+L, arrows, Enter shows one as a click would), Esc, the search
 * field, the text size; and Tab through the window, where every control reached shows the focus ring.
 */
@ExtendWith(ApplicationExtension.class)
class KeyboardWalkTest extends AtlasWindowTestBase {
    @RegisterExtension
    static final BundledAtlas atlas = new BundledAtlas();
    /** atlas.css {@code -color-focus}. */
    private static final Color FOCUS = Color.web("#e8a000"), FOCUS_ON_BAR = Color.web("#ffd54f");

    @Start
    void start(Stage stage) {
        open(stage, atlas.db());
    }

    private DialogPane dialog(String id) {
        for (Window w : Window.getWindows()) {
            if (w.isShowing() && w.getScene() != null && w.getScene().getRoot() instanceof DialogPane p && id.equals(p.getId())) {
                return p;
            }
        }
        return null;
    }

    private Node focusOwner() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> stage.getScene().getFocusOwner()).get(5, TimeUnit.SECONDS);
    }

    /** Whether the node, or a part of it (a check box's box, a slider's thumb, the selected tab), has the focus ring. */
    private static boolean showsFocusRing(Node n) {
        if (n instanceof Region r && hasRing(r.getBorder())) {
            return true;
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                if (c.isVisible() && showsFocusRing(c)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean hasRing(Border b) {
        if (b == null) {
            return false;
        }
        for (BorderStroke s : b.getStrokes()) {
            if ((FOCUS.equals(s.getTopStroke()) || FOCUS_ON_BAR.equals(s.getTopStroke())) && s.getWidths().getTop() >= 2) {
                return true;
            }
        }
        return false;
    }

    @Test
    void theMainActionsWithTheKeyboardAlone(FxRobot robot) throws Exception {
        settle();
        robot.interact(() -> map().requestFocus());
        assertEquals(Messages.get("map.accessible"), map().getAccessibleText(), "the map says what it is to a screen reader");

        // F1: the shortcut list, every row there; Esc closes it
        robot.type(KeyCode.F1);
        WaitForAsyncUtils.waitForFxEvents();
        DialogPane help = dialog("shortcuts-dialog");
        assertNotNull(help, "F1 shows the shortcut list");
        long rows = robot.from(help).lookup(".shortcut-keys").queryAll().size();
        assertEquals(ShortcutsDialog.ROWS.length, rows);
        robot.from(help).lookup(".label").queryAllAs(Label.class).forEach(l ->
                assertFalse(l.getText() != null && l.getText().startsWith("!"), "a row names a key the bundle lacks: " + l.getText()));
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(dialog("shortcuts-dialog"), "Esc closes it");

        // Ctrl+Tab and Ctrl+Shift+Tab: the side tabs, round, in their order
        SideTab[] tabs = SideTab.values();
        for (int k = 1; k <= tabs.length; k++) {
            robot.push(KeyCode.CONTROL, KeyCode.TAB);
            assertEquals(tabs[k % tabs.length], state.sideTabProperty().get(), "Ctrl+Tab number " + k);
        }
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.TAB);
        assertEquals(tabs[tabs.length - 1], state.sideTabProperty().get(), "Ctrl+Shift+Tab goes back round");
        robot.push(KeyCode.CONTROL, KeyCode.TAB);
        settle();

        // Ctrl+L: the places in view; Down, Enter shows the second one as a click on the map would
        robot.push(KeyCode.CONTROL, KeyCode.L);
        WaitForAsyncUtils.waitForFxEvents();
        DialogPane places = dialog("places-dialog");
        assertNotNull(places, "Ctrl+L lists the places in view");
        @SuppressWarnings("unchecked")
        ListView<Feature> list = (ListView<Feature>) robot.from(places).lookup("#places-in-view").query();
        assertTrue(list.getItems().size() > 5, "the whole valley shows many places: " + list.getItems().size());
        assertTrue(list.isFocused(), "the list has the keyboard");
        robot.type(KeyCode.DOWN);
        Feature chosen = list.getSelectionModel().getSelectedItem();
        assertNotNull(chosen);
        assertEquals(Messages.format("inview.count", PlacesInView.inView(window.context(), map()).size()),
                robot.from(places).lookup("#places-in-view-count").queryLabeled().getText());
        robot.type(KeyCode.ENTER);
        settle();
        assertNull(dialog("places-dialog"), "Enter closes the list");
        assertEquals(chosen.key(), state.selectedKeyProperty().get(), "and shows the place");
        assertTrue(robot.lookup("#details-panel").tryQuery().isPresent(), "with its details");

        // Esc closes the details again
        robot.interact(() -> map().requestFocus());
        robot.type(KeyCode.ESCAPE);
        settle();
        assertNull(state.selectedKeyProperty().get());

        // Ctrl+Plus, Ctrl+0: the text size scales the window
        double before = robot.lookup("#layers-panel .panel-title").queryAs(Label.class).getFont().getSize();
        robot.push(KeyCode.CONTROL, KeyCode.EQUALS);
        robot.push(KeyCode.CONTROL, KeyCode.EQUALS);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, state.textSizeProperty().get());
        assertTrue(window.root().getStyleClass().contains("text-size-2"));
        double after = robot.lookup("#layers-panel .panel-title").queryAs(Label.class).getFont().getSize();
        assertTrue(after > before * 1.2, "the panel title grew from " + before + " to " + after);
        robot.push(KeyCode.CONTROL, KeyCode.DIGIT0);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, state.textSizeProperty().get());

        // Ctrl+F: the search field has the keyboard; then Tab through the window: every stop shows the ring
        robot.push(KeyCode.CONTROL, KeyCode.F);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("search-field", focusOwner().getId());
        List<String> stops = new ArrayList<>(), unringed = new ArrayList<>();
        // the map and its date bar come right after the tool bar, the side panel after them; its tab buttons are one
        // stop (the chosen tab), the arrow keys or Ctrl+Tab go between them
        for (int i = 0; i < 60 && !stops.contains("layers-tab"); i++) {
            robot.type(KeyCode.TAB);
            WaitForAsyncUtils.waitForFxEvents();
            Node n = focusOwner();
            String name = n.getId() != null ? n.getId() : n.getClass().getSimpleName();
            stops.add(name);
            if (!showsFocusRing(n)) {
                unringed.add(name);
            }
        }
        for (String expected : List.of("home-button", "language-menu", "view-menu", "layers-tab", "map-date-today", "timeline-play", "map-date-slider")) {
            assertTrue(stops.contains(expected), expected + " is a Tab stop: " + stops);
        }
        assertTrue(stops.stream().anyMatch(s -> s.equals("MapView") || s.contains("map")), "the map is a Tab stop: " + stops);
        assertEquals(List.of(), unringed, "controls without a visible focus ring, of " + stops);
        assertFalse(state.playingProperty().get());
    }

    @Test
    void highContrastAndTextSizeChangeTheWholeWindowAndAreRemembered(FxRobot robot) throws Exception {
        settle();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.context().user().database().isPresent());
        robot.clickOn("#view-menu");
        robot.clickOn("#high-contrast-item");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(state.highContrastProperty().get(), "the View menu turns high contrast on");
        assertTrue(window.root().getStyleClass().contains("high-contrast"));
        javafx.scene.paint.Paint bg = robot.lookup("#status-bar").queryAs(Region.class).getScene().getRoot() instanceof Region r
                && r.getBackground() != null ? r.getBackground().getFills().get(0).getFill() : null;
        assertEquals(Color.BLACK, bg, "the window's background is black");
        robot.interact(() -> state.textSizeProperty().set(9));
        assertEquals(org.ferganaatlas.gui.state.AtlasState.TEXT_SIZE_MAX, state.textSizeProperty().get(), "kept in range");
        var settings = window.context().user().database().orElseThrow().settings();
        assertEquals("true", settings.get(org.ferganaatlas.data.user.Settings.HIGH_CONTRAST).orElse(null));
        assertEquals(Integer.toString(org.ferganaatlas.gui.state.AtlasState.TEXT_SIZE_MAX),
                settings.get(org.ferganaatlas.data.user.Settings.TEXT_SIZE).orElse(null));
        // a dialog opened now looks the same
        robot.type(KeyCode.F1);
        WaitForAsyncUtils.waitForFxEvents();
        DialogPane help = dialog("shortcuts-dialog");
        assertTrue(help.getStyleClass().containsAll(List.of("high-contrast", "text-size-3")), "" + help.getStyleClass());
        robot.type(KeyCode.ESCAPE);
        // the next start brings both back
        org.ferganaatlas.gui.state.AtlasState next = new org.ferganaatlas.gui.state.AtlasState();
        robot.interact(() -> {
            state.highContrastProperty().set(false);
            state.textSizeProperty().set(0);
        });
        settings.put("probe", "x").get(5, TimeUnit.SECONDS); // the saves before it are on disk
        robot.interact(() -> {
            state.highContrastProperty().set(true);
            state.textSizeProperty().set(2);
        });
        settings.put("probe", "y").get(5, TimeUnit.SECONDS);
        org.ferganaatlas.gui.state.UserStore store = new org.ferganaatlas.gui.state.UserStore();
        window.context().user().close();
        robot.interact(() -> store.open(org.ferganaatlas.data.AtlasPaths.userDatabase(), next, false));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> store.database().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(next.highContrastProperty().get());
        assertEquals(2, next.textSizeProperty().get());
        robot.interact(() -> {
            next.highContrastProperty().set(false);
            next.textSizeProperty().set(0);
        });
        store.database().orElseThrow().settings().put("probe", "z").get(5, TimeUnit.SECONDS);
        store.close();
    }
}
