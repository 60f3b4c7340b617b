package org.ferganaatlas.gui.app;

import org.ferganaatlas.gui.map.Viewport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.gluonhq.maps.tile.TileRetrieverProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.ferganaatlas.data.AtlasDataException;
import org.ferganaatlas.data.AtlasDatabase;
import org.ferganaatlas.map.AtlasTileRetriever;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The window on a small fixture database (headless, Monocle). */
@ExtendWith(ApplicationExtension.class)
class AtlasWindowTest extends AtlasWindowTestBase {
    private static AtlasDatabase db;

    @BeforeAll
    static void database() throws Exception {
        db = AtlasDatabase.open(GuiTestAtlas.create());
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Start
    void start(Stage stage) {
        open(stage, db);
    }

    @Test
    void opensWithTheWholeValleyInView() throws Exception {
        settle();
        assertValleyInView();
        double z = state.zoomProperty().get();
        assertTrue(z >= Viewport.MIN_ZOOM && z <= Viewport.MAX_ZOOM, "zoom " + z);
        assertFalse(robotLabel("#attribution").isBlank(), "attribution shown");
        assertTrue(robotLabel("#attribution").contains("Test data"), "attribution comes from the database");
    }

    @Test
    void clickingKyzylBelShowsItsNameAndReopeningDate(FxRobot robot) {
        assertEquals(LocalDate.of(2025, 3, 13), reopening(db, "crossing:kyzyl-bel").orElseThrow());
        clickKyzylBelAndCheckDetails(robot, db);
        assertTrue(window.details().allText().contains("13 March 2025"));
        // the crossing is open today, closed on the day before the reopening
        Node icon = nodesOf("crossing:kyzyl-bel").stream().filter(n -> n.getStyleClass().contains("crossing-icon")).findFirst().orElseThrow();
        assertTrue(icon.getStyleClass().contains("open"), icon.getStyleClass().toString());
        robot.interact(() -> state.mapDateProperty().set(LocalDate.of(2025, 3, 12)));
        settle();
        Node before = nodesOf("crossing:kyzyl-bel").stream().filter(n -> n.getStyleClass().contains("crossing-icon")).findFirst().orElseThrow();
        assertTrue(before.getStyleClass().contains("closed"), before.getStyleClass().toString());
    }

    @Test
    void hoveringShowsATooltip(FxRobot robot) {
        Node icon = crossingIcon(robot, "crossing:kyzyl-bel", 40.3, 71.2, 11);
        robot.moveTo(icon);
        settle();
        assertEquals("crossing:kyzyl-bel", state.hoveredKeyProperty().get());
        Label tip = robot.lookup(".map-tooltip").queryAs(Label.class);
        assertTrue(tip.isVisible() && tip.getText().startsWith("Kyzyl-Bel"), tip.getText());
    }

    @Test
    void togglingALayerHidesItsFeatures(FxRobot robot) {
        crossingIcon(robot, "crossing:kyzyl-bel", 40.3, 71.2, 11);
        assertFalse(nodesOf("crossing:kyzyl-bel").isEmpty());
        assertFalse(nodesOf("town:1528121").isEmpty(), "Batken labelled");
        CheckBox crossings = robot.lookup("#layer-crossings").queryAs(CheckBox.class);
        // fired, not clicked: in this short test window the row may lie below the scrolling panel's fold (towns too)
        robot.interact(crossings::fire);
        settle();
        assertFalse(crossings.isSelected());
        assertTrue(nodesOf("crossing:kyzyl-bel").isEmpty(), "crossing still drawn: " + nodesOf("crossing:kyzyl-bel"));
        CheckBox towns = robot.lookup("#layer-towns").queryAs(CheckBox.class);
        robot.interact(towns::fire); // further down the (scrolling) layers panel
        settle();
        assertTrue(nodesOf("town:1528121").isEmpty(), "town still drawn");
        robot.interact(crossings::fire);
        settle();
        assertFalse(nodesOf("crossing:kyzyl-bel").isEmpty(), "crossing back");
    }

    @Test
    void keyboardZoomsAndPansWithinLimits(FxRobot robot) throws Exception {
        settle();
        robot.clickOn(map(), javafx.scene.input.MouseButton.SECONDARY); // focus the map without selecting anything
        double z0 = state.zoomProperty().get();
        robot.type(KeyCode.ADD);
        settle();
        assertEquals(Math.floor(z0) + 1, state.zoomProperty().get(), 1e-9);
        robot.type(KeyCode.MINUS);
        robot.type(KeyCode.MINUS);
        settle();
        // out as far as the region still fills the map (further would show the data's edge)
        double cover = Math.max(Viewport.MIN_ZOOM, Viewport.coverZoom(map().getWidth(), map().getHeight()));
        assertEquals(Math.max(cover, Math.floor(z0) - 1), state.zoomProperty().get(), 1e-9);
        for (int i = 0; i < 12; i++) {
            robot.type(KeyCode.SUBTRACT);
        }
        settle();
        assertEquals(cover, state.zoomProperty().get(), 1e-9);
        assertValleyInView();
        robot.type(KeyCode.ADD); // room to pan
        settle();
        double lon0 = state.centerLonProperty().get();
        robot.type(KeyCode.RIGHT);
        settle();
        assertTrue(state.centerLonProperty().get() > lon0, "right arrow pans east");
        for (int i = 0; i < 40; i++) {
            robot.type(KeyCode.RIGHT);
        }
        settle();
        assertTrue(state.centerLonProperty().get() <= Viewport.PAN_EAST + 1e-9, "pan stays in the region");
        robot.type(KeyCode.HOME);
        settle();
        assertValleyInView();
    }

    @Test
    void thePointerEnteringTheMapDoesNotResizeItAndTheHintGivesWayToSearchResults(FxRobot robot) throws Exception {
        settle();
        Node hint = robot.lookup(".map-hint").query();
        assertTrue(hint.isVisible(), "hint shown at start");
        Node coords = robot.lookup("#cursor-coords").query();
        double mapW = map().getWidth(), mapH = map().getHeight(), coordsW = coords.getLayoutBounds().getWidth();
        robot.interact(() -> {
            state.cursorLatProperty().set(-40.78123);
            state.cursorLonProperty().set(-171.23456);
        });
        settle();
        assertEquals(coordsW, coords.getLayoutBounds().getWidth(), 0.01, "coordinates label keeps its width");
        assertEquals(mapW, map().getWidth(), 0.01, "map width");
        assertEquals(mapH, map().getHeight(), 0.01, "map height");
        robot.interact(() -> {
            window.search().focus();
            window.search().field().setText("Kyzyl");
        });
        WaitForAsyncUtils.waitFor(5, java.util.concurrent.TimeUnit.SECONDS, () -> window.search().resultsPanel().isVisible());
        settle();
        assertFalse(hint.isVisible(), "no hint beside open search results");
        robot.interact(() -> window.search().field().setText(""));
        robot.interact(() -> map().requestFocus());
        settle();
        robot.interact(() -> map().fireEvent(new javafx.scene.input.MouseEvent(javafx.scene.input.MouseEvent.MOUSE_PRESSED,
                10, 10, 10, 10, javafx.scene.input.MouseButton.SECONDARY, 1, false, false, false, false, false, false, true,
                false, false, false, null)));
        settle();
        assertFalse(hint.isVisible(), "hint gone after the first interaction with the map");
    }

    @Test
    void theTileRetrieverInUseIsOurs() {
        assertInstanceOf(AtlasTileRetriever.class, TileRetrieverProvider.getInstance().load());
    }

    @Test
    void aBrokenDatabaseGivesAPlainMessageNotAStackTrace() throws Exception {
        Path bad = Files.createTempFile("atlas-broken", ".sqlite");
        Files.writeString(bad, "this is not a database");
        AtlasDataException e = org.junit.jupiter.api.Assertions.assertThrows(AtlasDataException.class, () -> AtlasDatabase.open(bad));
        assertTrue(e.getMessage().contains(bad.toString()), "names the file");
        assertFalse(e.getMessage().contains("Exception") || e.getMessage().contains("\tat "), e.getMessage());
    }

    private String robotLabel(String query) {
        return new FxRobot().lookup(query).queryLabeled().getText();
    }
}
