package org.ferganaatlas.gui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.ferganaatlas.data.BundledAtlas;
import org.ferganaatlas.gui.map.OverlayLayer;
import org.ferganaatlas.gui.map.Viewport;
import org.ferganaatlas.gui.state.MapCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** What the map draws after the moves a new user makes first. */
@ExtendWith(ApplicationExtension.class)
class FirstHourMapTest extends AtlasWindowTestBase {
    @RegisterExtension
    static final BundledAtlas atlas = new BundledAtlas();

    @Start
    void start(Stage stage) {
        open(stage, atlas.db());
    }

    private void assertOverlaysAtTheMapsZoom(String after) {
        double zoom = state.zoomProperty().get();
        for (OverlayLayer l : window.mapPane().overlays()) {
            if (!l.isVisible() || l.nodeCount() == 0) {
                continue;
            }
            assertEquals(zoom, l.builtZoom(), 1e-9, after + ": " + l.getClass().getSimpleName() + " still drawn for another zoom");
            assertEquals(1, l.shownScale(), 1e-9, after + ": " + l.getClass().getSimpleName() + " shown scaled");
        }
    }

    @Test
    void afterTheMinusAndPlusKeysTheOverlaysAreRedrawnAtTheNewScale(FxRobot robot) throws Exception {
        robot.interact(() -> state.commands().send(new MapCommand.CentreOn(40.5, 71.2, 10)));
        settle();
        robot.interact(() -> map().requestFocus());
        robot.type(KeyCode.SUBTRACT);
        settle();
        WaitForAsyncUtils.sleep(400, TimeUnit.MILLISECONDS);
        settle();
        assertEquals(9, state.zoomProperty().get(), 1e-9);
        assertOverlaysAtTheMapsZoom("after −");
        robot.type(KeyCode.ADD);
        settle();
        WaitForAsyncUtils.sleep(400, TimeUnit.MILLISECONDS);
        settle();
        assertOverlaysAtTheMapsZoom("after +");
    }

    @Test
    void zoomingOutNeverShowsTheEdgeOfTheData(FxRobot robot) throws Exception {
        settle();
        robot.interact(() -> map().requestFocus());
        for (int i = 0; i < 5; i++) {
            robot.type(KeyCode.SUBTRACT);
        }
        robot.type(KeyCode.LEFT, KeyCode.LEFT, KeyCode.LEFT, KeyCode.UP, KeyCode.UP);
        settle();
        double[] box = visibleBox();
        String shown = java.util.Arrays.toString(box) + " at zoom " + state.zoomProperty().get();
        assertTrue(box[0] >= Viewport.PAN_WEST - 1e-6 && box[2] <= Viewport.PAN_EAST + 1e-6, shown);
        assertTrue(box[1] >= Viewport.PAN_SOUTH - 1e-6 && box[3] <= Viewport.PAN_NORTH + 1e-6, shown);
        // and the whole valley can still be seen at once
        robot.type(KeyCode.HOME);
        settle();
        assertValleyInView();
    }
}
