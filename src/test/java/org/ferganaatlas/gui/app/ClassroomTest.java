package org.ferganaatlas.gui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.gluonhq.maps.MapPoint;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.shape.Polyline;
import javafx.stage.Stage;
import org.ferganaatlas.data.BundledAtlas;
import org.ferganaatlas.gui.state.MapCommand;
import org.ferganaatlas.gui.state.ToolMode;
import org.ferganaatlas.model.Drawing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A teacher's window: presentation mode, the projector's 1024x768 screen, and the pen. */
@ExtendWith(ApplicationExtension.class)
class ClassroomTest extends AtlasWindowTestBase {
    @RegisterExtension
    static final BundledAtlas atlas = new BundledAtlas();

    @Start
    void start(Stage stage) {
        open(stage, atlas.db());
    }

    @Test
    void f5EntersPresentationModeAndEscLeavesItWithTheWindowAsItWas(FxRobot robot) {
        robot.interact(() -> {
            stage.setX(30);
            stage.setY(20);
            stage.setWidth(1100);
            stage.setHeight(700);
        });
        settle();
        Rectangle2D before = new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
        Node bar = window.root().lookup(".tool-bar");
        assertNotNull(bar);
        robot.interact(() -> map().requestFocus());
        robot.type(KeyCode.F5);
        settle();
        assertTrue(state.presentationProperty().get(), "F5 turns presentation mode on");
        assertTrue(stage.isFullScreen(), "full screen");
        assertTrue(window.root().getStyleClass().contains("presentation"), "one root style class");
        assertNull(((javafx.scene.layout.BorderPane) window.root()).getTop(), "the tool bar is hidden");
        assertNull(((javafx.scene.layout.BorderPane) window.root()).getLeft(), "the side panels are hidden");
        assertNull(((javafx.scene.layout.BorderPane) window.root()).getBottom(), "the status bar is hidden");
        assertTrue(robot.lookup("#timeline-play").tryQuery().isEmpty(), "the date bar is hidden");
        // what must stay on screen
        Node key = robot.lookup("#map-key").query();
        assertTrue(key.isVisible(), "the map key shows");
        String keyDate = ((Labeled) robot.lookup("#map-key-date").query()).getText();
        String age = ((Labeled) robot.lookup("#map-key-age").query()).getText();
        String credits = ((Labeled) robot.lookup("#map-key-attribution").query()).getText();
        assertTrue(keyDate.contains(String.valueOf(state.mapDateProperty().get().getYear())), keyDate);
        assertTrue(age.contains("2022"), "how old the lines are: " + age);
        assertTrue(credits.contains("OpenStreetMap") && credits.contains("GeoNames"), credits);
        assertFalse(((javafx.scene.layout.FlowPane) robot.lookup(".map-key-legend").query()).getChildren().isEmpty(), "a legend");
        assertTrue(robot.lookup(".scale-bar").tryQuery().map(Node::isVisible).orElse(false), "the scale bar stays");

        robot.type(KeyCode.ESCAPE);
        settle();
        assertFalse(state.presentationProperty().get(), "Esc leaves");
        assertFalse(stage.isFullScreen());
        assertEquals(before, new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight()), "where and as large as before");
        assertEquals(bar, ((javafx.scene.layout.BorderPane) window.root()).getTop(), "the tool bar is back");
        assertNotNull(((javafx.scene.layout.BorderPane) window.root()).getLeft(), "the side panels are back");
        assertFalse(window.root().getStyleClass().contains("presentation"));

        // the tool bar's button and F11 do the same
        robot.clickOn("#presentation-toggle");
        settle();
        assertTrue(stage.isFullScreen(), "the Present button");
        robot.type(KeyCode.F11);
        settle();
        assertFalse(state.presentationProperty().get(), "F11 toggles it off again");
        assertEquals(before, new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight()));
    }

    @Test
    void at1024x768NothingNeededIsCutOffWithNormalOrLargeText(FxRobot robot) {
        for (int size : new int[]{0, 2}) {
            int s = size;
            robot.interact(() -> {
                state.textSizeProperty().set(s);
                stage.setX(0);
                stage.setY(0);
                stage.setWidth(1024);
                stage.setHeight(768);
            });
            settle();
            double w = stage.getScene().getWidth(), h = stage.getScene().getHeight();
            List<String> cut = new ArrayList<>();
            for (String part : new String[]{".tool-bar", ".time-bar", ".side-tabs"}) {
                Node root = window.root().lookup(part);
                assertNotNull(root, part);
                checkLabels(root, w, h, cut);
            }
            assertEquals(List.of(), cut, "text size " + size + ": controls cut off or shortened at 1024x768");
        }
        robot.interact(() -> state.textSizeProperty().set(0));
    }

    /** Every visible labelled control under {@code n} shows its whole text and lies inside the scene. */
    private static void checkLabels(Node n, double w, double h, List<String> cut) {
        if (!n.isVisible()) {
            return;
        }
        if (n instanceof Labeled l && l.getText() != null && !l.getText().isEmpty()) {
            Bounds b = l.localToScene(l.getBoundsInLocal());
            Node text = l.lookup(".text");
            String shown = text instanceof javafx.scene.text.Text t ? t.getText() : l.getText();
            if (b.getMaxX() > w + 0.5 || b.getMaxY() > h + 0.5 || b.getMinX() < -0.5) {
                cut.add(l.getText() + " outside the window " + b);
            } else if (!shown.equals(l.getText())) {
                cut.add("\u201c" + l.getText() + "\u201d shown as \u201c" + shown + "\u201d");
            }
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                checkLabels(c, w, h, cut);
            }
        }
    }

    @Test
    void aPenStrokeStaysOnItsPlaceWhenTheMapPansAndZooms(FxRobot robot) {
        robot.interact(() -> state.commands().send(new MapCommand.CentreOn(40.3, 71.0, 9)));
        settle();
        robot.interact(() -> state.toolProperty().set(ToolMode.PEN));
        assertTrue(robot.lookup("#draw-palette").query().isVisible(), "the drawing tools show");
        double lat = state.centerLatProperty().get(), lon = state.centerLonProperty().get();
        Bounds m = map().localToScreen(map().getBoundsInLocal());
        Point2D a = new Point2D(m.getMinX() + m.getWidth() * 0.4, m.getMinY() + m.getHeight() * 0.5);
        Point2D b = new Point2D(m.getMinX() + m.getWidth() * 0.6, m.getMinY() + m.getHeight() * 0.55);
        robot.moveTo(a).press(MouseButton.PRIMARY).moveTo(a.add(40, 10)).moveTo(b).release(MouseButton.PRIMARY);
        settle();
        List<Drawing.Stroke> strokes = state.drawingProperty().get().strokes();
        assertEquals(1, strokes.size(), "one stroke drawn");
        assertTrue(strokes.get(0).size() >= 2, "through the points dragged over");
        assertEquals(lat, state.centerLatProperty().get(), 1e-9, "a pen drag does not pan the map");
        assertEquals(lon, state.centerLonProperty().get(), 1e-9);
        Drawing.Stroke s = strokes.get(0);
        assertStrokeDrawnAt(s, "as drawn");

        robot.interact(() -> state.commands().send(new MapCommand.CentreOn(40.45, 71.3, 10)));
        settle();
        assertEquals(s, state.drawingProperty().get().strokes().get(0), "the stroke's places do not change");
        assertStrokeDrawnAt(s, "after a pan and a zoom");
        Point2D moved = window.drawingLayer().toScreen(s.lat(0), s.lon(0));
        assertNotEquals(a.getX(), moved.getX(), 5, "the stroke moved with the map on screen");

        // the eraser takes it, Ctrl+Z brings it back, Clear all and undo again
        robot.interact(() -> state.toolProperty().set(ToolMode.ERASER));
        Point2D on = window.drawingLayer().toScreen(s.lat(0), s.lon(0));
        robot.moveTo(on).clickOn(MouseButton.PRIMARY);
        settle();
        assertTrue(state.drawingProperty().get().isEmpty(), "erased");
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        settle();
        assertEquals(List.of(s), state.drawingProperty().get().strokes(), "undo brings it back");
        robot.clickOn("#draw-clear");
        assertTrue(state.drawingProperty().get().isEmpty());
        robot.clickOn("#draw-undo");
        assertEquals(List.of(s), state.drawingProperty().get().strokes());
        robot.clickOn("#draw-done");
        assertEquals(ToolMode.PAN, state.toolProperty().get(), "Done puts the pen away");
        assertFalse(robot.lookup("#draw-palette").query().isVisible());
        assertEquals(1, state.drawingProperty().get().strokes().size(), "the drawing stays");
        robot.interact(() -> state.drawingProperty().set(Drawing.EMPTY));
    }

    /** The stroke's polyline on screen lies where its stored places are projected now. */
    private void assertStrokeDrawnAt(Drawing.Stroke s, String when) {
        Polyline p = (Polyline) window.drawingLayer().lookup(".drawn-stroke");
        assertNotNull(p, when + ": a stroke is drawn");
        List<Double> pts = p.getPoints();
        assertEquals(s.size() * 2, pts.size(), when);
        for (int i = 0; i < s.size(); i++) {
            Point2D onScreen = p.localToScreen(pts.get(2 * i), pts.get(2 * i + 1));
            Point2D local = map().screenToLocal(onScreen);
            MapPoint geo = map().getMapPosition(local.getX(), local.getY());
            assertEquals(s.lat(i), geo.getLatitude(), 1e-3, when + ": point " + i + " latitude");
            assertEquals(s.lon(i), geo.getLongitude(), 1e-3, when + ": point " + i + " longitude");
        }
    }
}
