package org.ferganaatlas.gui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.ferganaatlas.data.BundledAtlas;
import org.ferganaatlas.gui.common.PanelParts;
import org.ferganaatlas.gui.records.TreatiesPanel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** What a new user's keys and clicks do in the first hour: focus stays where it was, keys reach what they are for. */
@ExtendWith(ApplicationExtension.class)
class FirstHourKeysTest extends AtlasWindowTestBase {
    @RegisterExtension
    static final BundledAtlas atlas = new BundledAtlas();

    @Start
    void start(Stage stage) {
        open(stage, atlas.db());
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(5, TimeUnit.SECONDS);
    }

    private Node focusOwner() throws Exception {
        return fx(() -> stage.getScene().getFocusOwner());
    }

    private void searchEarlier(FxRobot robot, String text) throws Exception {
        robot.interact(() -> {
            window.search().focus();
            window.search().field().clear();
        });
        robot.write(text);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> text.equals(window.search().shownQuery())));
        robot.type(KeyCode.ESCAPE); // the list closes, the text stays
        assertFalse(fx(() -> window.search().panelShowing()));
    }

    @Test
    void showOnMapAndAllAgreementsKeepTheFocusThePlaceAndTheMapKeys(FxRobot robot) throws Exception {
        settle();
        searchEarlier(robot, "Osh");
        robot.interact(() -> window.context().focus().showRecord("treaty:kg-tj-2025"));
        settle();
        ScrollPane scroll = robot.lookup("#treaties-panel .reader-scroll").queryAs(ScrollPane.class);
        Button show = robot.lookup("#show-" + PanelParts.nodeId("provision:kg-tj-2025-04")).queryAs(Button.class);
        robot.interact(() -> {
            scroll.setVvalue(0.6);
            show.requestFocus();
        });
        robot.interact(show::fire);
        settle();
        WaitForAsyncUtils.sleep(200, TimeUnit.MILLISECONDS);
        settle();
        assertEquals("provision:kg-tj-2025-04", state.selectedRecordKeyProperty().get());
        assertNotSame(window.search().field(), focusOwner(), "Show on map took the focus to the search field");
        assertFalse(fx(() -> window.search().panelShowing()), "the old search results reopened over the map");
        assertTrue(fx(scroll::getVvalue) > 0.3, "the treaty scrolled back to the top: " + fx(scroll::getVvalue));
        double z = state.zoomProperty().get();
        robot.type(KeyCode.SUBTRACT);
        settle();
        assertEquals(Math.ceil(z - 1e-6) - 1, state.zoomProperty().get(), 1e-6, "− moves the map after Show on map");

        Hyperlink back = robot.lookup("#treaties-back").queryAs(Hyperlink.class);
        robot.interact(() -> {
            back.requestFocus();
            back.fire();
        });
        settle();
        assertEquals(null, state.selectedRecordKeyProperty().get());
        assertNotSame(window.search().field(), focusOwner(), "All agreements took the focus to the search field");
        assertFalse(fx(() -> window.search().panelShowing()), "the old search results reopened");
        double lon = state.centerLonProperty().get();
        robot.type(KeyCode.RIGHT);
        settle();
        assertTrue(state.centerLonProperty().get() > lon, "the arrow keys still pan");
    }

    /** Types a date as a keyboard does: the hyphen is the minus key, pressed (the map's zoom-out key). */
    private static void typeDate(FxRobot robot, String text) {
        for (String part : text.split("(?<=-)|(?=-)")) {
            if (part.equals("-")) {
                robot.type(KeyCode.MINUS);
            } else {
                robot.write(part);
            }
        }
    }

    @Test
    void aDateTypedWithHyphensStaysInTheFieldAndAnInvalidOneIsExplained(FxRobot robot) throws Exception {
        settle();
        DatePicker picker = robot.lookup("#map-date-picker").queryAs(DatePicker.class);
        double zoom = state.zoomProperty().get();
        robot.interact(() -> {
            picker.requestFocus();
            picker.getEditor().clear();
        });
        typeDate(robot, "2025-03-14");
        robot.type(KeyCode.ENTER);
        settle();
        assertEquals(zoom, state.zoomProperty().get(), 1e-9, "typing a date zoomed the map");
        assertEquals(LocalDate.of(2025, 3, 14), state.mapDateProperty().get());
        assertEquals("2025-03-14", fx(() -> picker.getEditor().getText()));

        robot.interact(() -> picker.getEditor().clear());
        typeDate(robot, "2025-03-14-");
        robot.type(KeyCode.ENTER);
        settle();
        assertEquals(zoom, state.zoomProperty().get(), 1e-9);
        assertEquals(LocalDate.of(2025, 3, 14), state.mapDateProperty().get(), "an invalid date changes nothing");
        Label error = robot.lookup("#map-date-error").queryAs(Label.class);
        assertTrue(fx(error::isVisible), "no message for an invalid date");
        assertTrue(fx(error::getText).contains("2025-03-14-") && fx(error::getText).contains("year-month-day"), fx(error::getText));
        // a good date takes the message away
        robot.interact(() -> state.mapDateProperty().set(LocalDate.of(2024, 1, 1)));
        assertFalse(fx(error::isVisible));
    }

    @Test
    void escClearsTheSearchTextWhereverTheFocusIs(FxRobot robot) throws Exception {
        settle();
        searchEarlier(robot, "Osh");
        robot.interact(() -> map().requestFocus());
        robot.type(KeyCode.ESCAPE);
        assertEquals("", fx(() -> window.search().field().getText()), "Esc left the search text");
    }

    private static int controls(javafx.scene.Parent p) {
        int n = 0;
        for (javafx.scene.Node c : p.getChildrenUnmodifiable()) {
            if (c instanceof javafx.scene.control.ButtonBase || c instanceof javafx.scene.control.Control && c.isFocusTraversable()) {
                n++;
            } else if (c instanceof javafx.scene.Parent q && !(c instanceof javafx.scene.control.Control)) {
                n += controls(q);
            }
        }
        return n;
    }

    @Test
    void theMapIsReachedWithTabAndThenTheArrowsPan(FxRobot robot) throws Exception {
        settle();
        robot.interact(() -> window.search().focus());
        // right after the tool bar: a keyboard user should not have to go through every layer and treaty first
        // the bar's controls, also those inside its groups (the actions wrap in a FlowPane of their own)
        int toolBar = fx(() -> controls(window.search().getParent()));
        boolean reached = false;
        int tabs = 0;
        while (tabs < 60 && !reached) {
            robot.type(KeyCode.TAB);
            tabs++;
            reached = focusOwner() == map();
        }
        assertTrue(reached, "Tab never reached the map; last focus " + focusOwner());
        assertTrue(tabs <= toolBar + 1, tabs + " Tabs from the search field to the map (tool bar: " + toolBar + " controls)");
        double lon = state.centerLonProperty().get(), lat = state.centerLatProperty().get();
        robot.type(KeyCode.RIGHT);
        robot.type(KeyCode.DOWN);
        settle();
        assertTrue(state.centerLonProperty().get() > lon && state.centerLatProperty().get() < lat, "arrow keys did not pan");
        assertSame(map(), focusOwner());
    }

    @Test
    void copyAsTextSaysItWorked(FxRobot robot) throws Exception {
        settle();
        robot.interact(() -> window.context().focus().showRecord("treaty:kg-tj-2025"));
        settle();
        Button copy = robot.lookup("#treaty-copy").queryAs(Button.class);
        String before = fx(copy::getText);
        robot.interact(copy::fire);
        assertTrue(!fx(copy::getText).equals(before) && fx(copy::getText).contains("Copied"), fx(copy::getText));
        TreatiesPanel panel = robot.lookup("#treaties-panel").queryAs(TreatiesPanel.class);
        assertFalse(panel.lastCopied().isBlank());
    }

    @Test
    void sixWheelNotchesMoveADossierByMoreThanAFewLines(FxRobot robot) throws Exception {
        settle();
        robot.interact(() -> window.context().focus().showRecord("treaty:kg-tj-2025"));
        settle();
        ScrollPane scroll = robot.lookup("#treaties-panel .reader-scroll").queryAs(ScrollPane.class);
        double room = fx(() -> scroll.getContent().getLayoutBounds().getHeight() - scroll.getViewportBounds().getHeight());
        assertTrue(room > 1500, "a long treaty to scroll: " + room);
        robot.interact(() -> scroll.setVvalue(0));
        robot.moveTo(scroll);
        robot.scroll(6, javafx.geometry.VerticalDirection.UP); // TestFX: UP turns the wheel towards the user, as when reading down
        settle();
        double moved = fx(() -> scroll.getVvalue()) * room;
        assertTrue(moved >= 6 * 3 * 14, "six notches moved the text " + moved + " px");
    }
}
