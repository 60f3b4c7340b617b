package org.ferganaatlas.gui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.ferganaatlas.data.user.Settings;
import org.ferganaatlas.data.user.UserDatabase;
import org.ferganaatlas.gui.state.AtlasState;
import org.ferganaatlas.gui.state.UserStore;
import org.ferganaatlas.logic.WindowBounds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window opens inside the screen at a size that suits it, moves to the size and place remembered in the user's
 * database when that arrives (it opens in the background), and remembers where the user puts it.
 */
@ExtendWith(ApplicationExtension.class)
class WindowPlacementTest {

    private static void assertInsideScreen(Stage s) {
        Rectangle2D v = Screen.getPrimary().getVisualBounds();
        String at = s.getX() + "," + s.getY() + " " + s.getWidth() + "x" + s.getHeight() + " on " + v;
        assertTrue(s.getX() >= v.getMinX() && s.getY() >= v.getMinY(), at);
        assertTrue(s.getX() + s.getWidth() <= v.getMaxX() + 0.5 && s.getY() + s.getHeight() <= v.getMaxY() + 0.5, at);
    }

    @Test
    void opensInsideTheScreenThenAtTheRememberedPlaceAndRemembersTheNext(FxRobot robot) throws Exception {
        Path dir = Files.createTempDirectory("atlas-window-bounds");
        Path file = dir.resolve("user.sqlite");
        // bounds saved on a larger screen: partly off this one
        try (UserDatabase db = UserDatabase.open(file)) {
            db.settings().put(Settings.WINDOW_BOUNDS, "-188,-37,1400,880").get(5, TimeUnit.SECONDS);
        }
        Rectangle2D v = Screen.getPrimary().getVisualBounds();
        UserStore user = new UserStore();
        Stage[] stage = new Stage[1];
        robot.interact(() -> {
            stage[0] = new Stage();
            stage[0].setScene(new Scene(new Pane(), 1400, 880)); // what the old code asked for
            WindowPlacement.install(stage[0], user);
            stage[0].show();
        });
        Stage s = stage[0];
        assertInsideScreen(s);
        assertEquals(WindowBounds.initial(new WindowBounds.Box(v.getMinX(), v.getMinY(), v.getWidth(), v.getHeight()),
                WindowPlacement.MIN_WIDTH, WindowPlacement.MIN_HEIGHT).width(), s.getWidth(), 1, "a size for this screen");

        robot.interact(() -> user.open(file, new AtlasState(), false));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> user.database().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        assertInsideScreen(s);
        assertEquals(Math.min(1400, v.getWidth()), s.getWidth(), 1, "the remembered width, as far as the screen allows");

        // the user moves and resizes it: remembered a moment later
        robot.interact(() -> {
            s.setX(v.getMinX() + 30);
            s.setY(v.getMinY() + 20);
            s.setWidth(950);
            s.setHeight(640);
        });
        UserDatabase db = user.database().orElseThrow();
        String expected = WindowBounds.format(new WindowBounds.Box(v.getMinX() + 30, v.getMinY() + 20, 950, 640));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> expected.equals(db.settings().get(Settings.WINDOW_BOUNDS, "")));
        robot.interact(s::hide);
        robot.interact(user::close);
        try (UserDatabase again = UserDatabase.open(file)) {
            assertEquals(expected, again.settings().get(Settings.WINDOW_BOUNDS, ""), "on disk for the next start");
        }
    }

    @Test
    void aUserDatabaseOpenBeforeShowingGivesTheRememberedBoundsAtOnce(FxRobot robot) throws Exception {
        Path file = Files.createTempDirectory("atlas-window-bounds").resolve("user.sqlite");
        try (UserDatabase db = UserDatabase.open(file)) {
            db.settings().put(Settings.WINDOW_BOUNDS, "10,12,920,610").get(5, TimeUnit.SECONDS);
        }
        UserStore user = new UserStore();
        robot.interact(() -> user.open(file, new AtlasState(), false));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> user.database().isPresent());
        Stage[] stage = new Stage[1];
        robot.interact(() -> {
            stage[0] = new Stage();
            stage[0].setScene(new Scene(new Pane(), 1400, 880));
            WindowPlacement.install(stage[0], user);
            stage[0].show();
        });
        Rectangle2D v = Screen.getPrimary().getVisualBounds();
        assertEquals(Math.max(10, v.getMinX()), stage[0].getX(), 1);
        assertEquals(920, stage[0].getWidth(), 1);
        assertEquals(610, stage[0].getHeight(), 1);
        robot.interact(stage[0]::hide);
        robot.interact(user::close);
    }
}
