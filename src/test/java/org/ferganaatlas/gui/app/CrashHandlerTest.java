package org.ferganaatlas.gui.app;

import org.ferganaatlas.gui.l10n.Messages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.ferganaatlas.data.AtlasDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Faults: an exception thrown from an FX event handler reaches the one {@link CrashHandler}, which writes
 * it to {@code <user folder>/logs/atlas-errors.log}, tells the user in plain words (non-modal), and leaves the window
 * whole and working.
 */
@ExtendWith(ApplicationExtension.class)
class CrashHandlerTest extends AtlasWindowTestBase {
    private static AtlasDatabase db;
    private static Path userData;
    @org.junit.jupiter.api.extension.RegisterExtension
    static final TemporaryUserData temporary = new TemporaryUserData("atlas-crash-user");
    private static Thread.UncaughtExceptionHandler oldDefault, oldFx;

    @BeforeAll
    static void setUp() throws Exception {
        db = AtlasDatabase.open(GuiTestAtlas.create());
        userData = temporary.dir();
        oldDefault = Thread.getDefaultUncaughtExceptionHandler();
    }

    @AfterAll
    static void tearDown() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            for (Window w : List.copyOf(Window.getWindows())) {
                if (w.getScene() != null && w.getScene().getRoot() instanceof DialogPane) {
                    w.hide();
                }
            }
            Thread.currentThread().setUncaughtExceptionHandler(oldFx);
        }).get(5, TimeUnit.SECONDS);
        Thread.setDefaultUncaughtExceptionHandler(oldDefault);
        db.close();
    }

    @Start
    void start(Stage stage) {
        oldFx = Thread.currentThread().getUncaughtExceptionHandler();
        open(stage, db);
        CrashHandler.setQuiet(false);
        CrashHandler.install(); // as AtlasApp does, on the FX thread
    }

    @Test
    void anExceptionInAnEventHandlerIsLoggedAndExplainedAndTheWindowKeepsWorking(FxRobot robot) throws Exception {
        settle();
        int errorsBefore = CrashHandler.errorCount();
        Button home = robot.lookup("#home-button").queryButton();
        robot.interact(() -> home.addEventHandler(ActionEvent.ACTION, e -> {
            throw new IllegalStateException("crash test: thrown from an FX event handler");
        }));
        robot.clickOn(home);
        settle();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> CrashHandler.errorCount() > errorsBefore);

        // logged, with the stack trace, in the user's folder
        Path log = userData.resolve("logs").resolve("atlas-errors.log");
        assertTrue(Files.isRegularFile(log), "log file " + log);
        String logged = Files.readString(log);
        assertTrue(logged.contains("IllegalStateException: crash test: thrown from an FX event handler"), logged);
        assertTrue(logged.contains("at org.ferganaatlas.gui.app.CrashHandlerTest"), "stack trace in the log:\n" + logged);

        // told in plain words, non-modally, with where the details are
        DialogPane dialog = WaitForAsyncUtils.asyncFx(() -> Window.getWindows().stream()
                .filter(w -> w.isShowing() && w.getScene() != null && w.getScene().getRoot() instanceof DialogPane)
                .map(w -> (DialogPane) w.getScene().getRoot()).findFirst().orElse(null)).get(5, TimeUnit.SECONDS);
        assertTrue(dialog != null, "a message for the user");
        assertEquals(Messages.get("error.unexpected.header"), dialog.getHeaderText());
        assertEquals(Messages.format("error.unexpected.text", log.toString()), dialog.getContentText());
        assertFalse(dialog.getContentText().contains("Exception"), "plain words, no exception names");

        // the window is whole and still works: it lays out, shows the map, and answers the user
        assertTrue(stage.isShowing());
        robot.interact(() -> state.selectedKeyProperty().set("crossing:kyzyl-bel"));
        settle();
        assertEquals(db.featureRepository().feature("crossing:kyzyl-bel").orElseThrow().nameEn(), robot.lookup("#details-title").queryLabeled().getText());
        assertTrue(robot.lookup("#status-bar").query().getLayoutBounds().getHeight() > 0, "status bar laid out");
        assertTrue(window.root().getLayoutBounds().getWidth() > 0 && map().getWidth() > 0, "window and map laid out");
    }
}
