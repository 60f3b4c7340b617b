package org.ferganaatlas.gui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.ferganaatlas.data.BundledAtlas;
import org.ferganaatlas.gui.state.MapCommand;
import org.ferganaatlas.map.AtlasTileRetriever;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Play (and anything else that knows where the map goes next) has the next view's basemap drawn while the current one
 * is on screen, so the jump does not uncover grey, unpainted squares.
 */
@ExtendWith(ApplicationExtension.class)
class PlayPrefetchTest extends AtlasWindowTestBase {
    @RegisterExtension
    static final BundledAtlas atlas = new BundledAtlas();

    @Start
    void start(Stage stage) {
        open(stage, atlas.db());
    }

    @Test
    void theNextViewsTilesAreDrawnBeforeTheMapMovesThere(FxRobot robot) throws Exception {
        List<MapCommand> sent = new CopyOnWriteArrayList<>();
        robot.interact(() -> state.commands().listen(sent::add));
        settle();
        String next = "event:2025-10-22-zhany-dostuk-resettlement";
        robot.interact(() -> window.context().focus().prepareRecord(next));
        MapCommand.Prefetch p = sent.stream().filter(MapCommand.Prefetch.class::isInstance).map(MapCommand.Prefetch.class::cast)
                .findFirst().orElse(null);
        assertNotNull(p, "getting ready for a record asks the map to prefetch its view");
        assertFalse(sent.stream().anyMatch(c -> !(c instanceof MapCommand.Prefetch)), "and moves nothing: " + sent);
        double[] view = WaitForAsyncUtils.asyncFx(() -> window.mapPane().viewFor(p.view())).get();
        List<long[]> tiles = WaitForAsyncUtils.asyncFx(() -> window.mapPane().tilesOf(view)).get();
        assertTrue(tiles.size() >= 4, "a view of several tiles: " + tiles.size());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> tiles.stream().allMatch(t -> AtlasTileRetriever.cached((int) t[0], t[1], t[2])));

        // and showing the record goes to exactly that view
        robot.interact(() -> window.context().focus().showRecord(next));
        settle();
        assertEquals(view[0], state.centerLatProperty().get(), 1e-9);
        assertEquals(view[1], state.centerLonProperty().get(), 1e-9);
        assertEquals(view[2], state.zoomProperty().get(), 1e-9);
    }

    @Test
    void playPreparesTheEventAfterTheOneItShows(FxRobot robot) {
        List<MapCommand> sent = new CopyOnWriteArrayList<>();
        robot.interact(() -> {
            state.commands().listen(sent::add);
            state.mapDateProperty().set(java.time.LocalDate.of(2025, 3, 1));
            state.playingProperty().set(true);
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> state.playingProperty().set(false));
        assertTrue(sent.stream().anyMatch(MapCommand.Prefetch.class::isInstance), "Play asks for the next event's view: " + sent);
    }
}
