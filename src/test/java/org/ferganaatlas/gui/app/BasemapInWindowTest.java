package org.ferganaatlas.gui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.ferganaatlas.data.AtlasDatabase;
import org.ferganaatlas.data.MbTilesTest;
import org.ferganaatlas.data.user.Settings;
import org.ferganaatlas.data.user.UserDatabase;
import org.ferganaatlas.gui.map.ImageryLayer;
import org.ferganaatlas.gui.panels.BasemapChoice;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * An MBTiles file of pictures as the basemap: remembered in the user's settings and shown at start, its tiles drawn
 * over Khujand, its credit in the status bar; a vector-tile file is refused and the map stays as it was; back to the
 * atlas map.
 */
@ExtendWith(ApplicationExtension.class)
class BasemapInWindowTest extends AtlasWindowTestBase {
    private static AtlasDatabase db;
    @org.junit.jupiter.api.extension.RegisterExtension
    static final TemporaryUserData temporary = new TemporaryUserData("atlas-basemap");
    private static Path imagery, vector;

    @BeforeAll
    static void setUp() throws Exception {
        db = AtlasDatabase.open(GuiTestAtlas.create());
        imagery = MbTilesTest.valleyImagery(temporary.dir().resolve("valley.mbtiles"));
        vector = MbTilesTest.make(temporary.dir().resolve("roads.mbtiles"), "pbf", "",
                new Object[] {MbTilesTest.Z, MbTilesTest.X, 100L, new byte[] {0x1f, (byte) 0x8b, 8, 0}});
        // chosen in an earlier run: remembered by its path
        try (UserDatabase u = UserDatabase.open(temporary.dir().resolve("user.sqlite"))) {
            u.settings().put(Settings.BASEMAP_FILES, imagery.toString()).join();
            u.settings().put(Settings.BASEMAP_CURRENT, imagery.toString()).join();
        }
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    @Start
    void start(Stage stage) {
        open(stage, db);
    }

    private ImageryLayer imageryLayer() {
        return map().getChildrenUnmodifiable().stream().flatMap(n -> n instanceof javafx.scene.Parent p
                ? java.util.stream.Stream.concat(java.util.stream.Stream.of(n), p.getChildrenUnmodifiable().stream())
                : java.util.stream.Stream.of(n)).filter(ImageryLayer.class::isInstance).map(ImageryLayer.class::cast)
                .findFirst().orElseThrow();
    }

    @Test
    void theRememberedImageryIsShownCreditedAndAFileOfVectorTilesIsRefused(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> state.basemapProperty().get() != null);
        assertEquals(imagery, state.basemapProperty().get().file());
        robot.interact(() -> window.mapPane().show(40.28, 69.62, 8.0)); // Khujand, the zoom of the file's tiles
        ImageryLayer layer = imageryLayer();
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> layer.tilesShown() == 2);
        settle();
        Label attribution = robot.lookup("#attribution").queryAs(Label.class);
        assertTrue(attribution.getText().startsWith("Basemap: © Example Imagery 2024"), attribution.getText());
        @SuppressWarnings("unchecked")
        ComboBox<BasemapChoice.Choice> box = robot.lookup("#basemap-box").queryAs(ComboBox.class);
        assertEquals(imagery, box.getValue().file());

        // a file of vector tiles: refused, the imagery stays
        BasemapChoice choice = robot.lookup("#basemap-choice").queryAs(BasemapChoice.class);
        robot.interact(() -> choice.addFile(vector));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> choice.refusedProperty().get() != null);
        assertEquals(org.ferganaatlas.data.MbTiles.Problem.VECTOR, choice.refusedProperty().get());
        assertEquals(imagery, state.basemapProperty().get().file(), "the map is as it was");
        assertEquals(2, box.getItems().size(), "the refused file is not listed");

        // back to the atlas map, remembered
        robot.interact(() -> box.getSelectionModel().select(0));
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(state.basemapProperty().get());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> layer.tilesShown() == 0);
        assertTrue(attribution.getText().startsWith("Data: "), attribution.getText());
        UserDatabase u = window.context().user().database().orElseThrow();
        assertEquals("", u.settings().get(Settings.BASEMAP_CURRENT, ""));
        assertEquals(imagery.toString(), u.settings().get(Settings.BASEMAP_FILES, ""));
    }
}
