package org.ferganaatlas.gui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.ProgressBar;
import javafx.stage.Stage;
import org.ferganaatlas.data.AtlasDatabase;
import org.ferganaatlas.data.io.BigFiles;
import org.ferganaatlas.data.user.UserDatabase;
import org.ferganaatlas.gui.state.LayerSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A large file in the window: the import shows its progress bar with Cancel, and pressing Cancel half-way leaves the
 * layers as they were; a layer larger than the map draws is shown as a sample, and its legend says so.
 */
@Tag("large")
@ExtendWith(ApplicationExtension.class)
class LargeImportInWindowTest extends AtlasWindowTestBase {
    private static AtlasDatabase db;
    @org.junit.jupiter.api.extension.RegisterExtension
    static final TemporaryUserData temporary = new TemporaryUserData("atlas-large-import");
    private static Path files;

    @BeforeAll
    static void setUp() throws Exception {
        db = AtlasDatabase.open(GuiTestAtlas.create());
        files = Files.createTempDirectory("atlas-large-files");
        System.setProperty("atlas.noninteractive", "true");
    }

    @AfterAll
    static void tearDown() {
        System.clearProperty("atlas.noninteractive");
        db.close();
    }

    @Start
    void start(Stage stage) {
        open(stage, db);
    }

    private List<String> userLayerTitles() {
        return state.layers().layers().stream().filter(LayerSpec::isUser).map(LayerSpec::title).toList();
    }

    @Test
    void cancelHalfWayLeavesTheLayersAsTheyWereAndAHugeLayerIsDrawnAsASample(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.context().user().database().isPresent());
        UserDatabase user = window.context().user().database().orElseThrow();

        // a layer of 30 000 places: saved whole, 10 000 of them drawn, and the legend says so
        Path medium = files.resolve("households.geojson");
        int n = BigFiles.geoJson(medium, 4L << 20);
        robot.interact(() -> window.userLayers().importFile(medium));
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !userLayerTitles().isEmpty());
        assertEquals(List.of("households (10,000 of its " + String.format(java.util.Locale.ROOT, "%,d", n) + " places shown)"),
                userLayerTitles());
        long id = user.layers().list().get(5, TimeUnit.SECONDS).get(0).id();
        assertEquals(n, user.layers().count(id).get(5, TimeUnit.SECONDS), "every place is saved");

        // a large one, cancelled once its progress bar has moved
        Path large = files.resolve("survey.geojson");
        BigFiles.geoJson(large, 60L << 20);
        robot.interact(() -> window.userLayers().importFile(large));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#import-progress").tryQuery().isPresent());
        ProgressBar bar = robot.lookup("#import-progress").queryAs(ProgressBar.class);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> bar.getProgress() > 0.02);
        assertTrue(bar.getProgress() < 1, "still reading: " + bar.getProgress());
        Button cancel = robot.lookup("#import-cancel").queryAs(Button.class);
        robot.interact(cancel::fire);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#import-progress").tryQuery().isEmpty());
        // the cancelled import's transaction is rolled back before the next read runs on the database's thread
        assertEquals(1, user.layers().list().get(60, TimeUnit.SECONDS).size(), "only the earlier layer is saved");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, userLayerTitles().size(), "and only it is listed");
        assertEquals(n, user.layers().count(id).get(5, TimeUnit.SECONDS), "unchanged");
    }
}
