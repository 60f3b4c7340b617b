package org.ferganaatlas.gui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import javafx.stage.Stage;
import org.ferganaatlas.data.BundledAtlas;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The window on the real bundled database (skipped until assets/atlas.sqlite has been built). */
@ExtendWith(ApplicationExtension.class)
class BundledAtlasWindowTest extends AtlasWindowTestBase {
    @RegisterExtension
    static final BundledAtlas atlas = new BundledAtlas();

    @Start
    void start(Stage stage) {
        open(stage, atlas.db());
    }

    @Test
    void opensWithTheWholeValleyInView() throws Exception {
        settle();
        assertValleyInView();
    }

    @Test
    void clickingKyzylBelShowsItsNameAndReopeningDate(FxRobot robot) throws Exception {
        // The curated record (assets/curated/status_history.csv) says it reopened on 13 March 2025.
        Path csv = Path.of(System.getProperty("atlas.assets", "assets"), "curated", "status_history.csv");
        if (Files.isRegularFile(csv) && Files.readString(csv).contains("crossing:kyzyl-bel,crossing_status,open,2025-03-13,")) {
            assertEquals(LocalDate.of(2025, 3, 13), reopening(atlas.db(), "crossing:kyzyl-bel").orElseThrow());
        }
        clickKyzylBelAndCheckDetails(robot, atlas.db());
    }
}
