package org.ferganaatlas.gui.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.ferganaatlas.data.AtlasDatabase;
import org.ferganaatlas.data.user.Settings;
import org.ferganaatlas.data.user.UserDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window opens the user's own database off the FX thread. Here that file is not a database: the user is told in
 * plain words, the file is kept (set aside, byte for byte), a new one is started, and the language chosen is saved.
 */
@ExtendWith(ApplicationExtension.class)
class UserDatabaseInWindowTest extends AtlasWindowTestBase {
    private static final byte[] GARBAGE = "these are not my notes\n".repeat(300).getBytes(StandardCharsets.UTF_8);
    private static AtlasDatabase db;
    @org.junit.jupiter.api.extension.RegisterExtension
    static final TemporaryUserData temporary = new TemporaryUserData("atlas-user-db-window");
    private static Path userData;

    @BeforeAll
    static void setUp() throws Exception {
        db = AtlasDatabase.open(GuiTestAtlas.create());
        userData = temporary.dir();
        Files.write(userData.resolve("user.sqlite"), GARBAGE);
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    @Start
    void start(Stage stage) {
        open(stage, db);
        // a projector's screen: the notice must still be readable whole
        stage.setWidth(1024);
        stage.setHeight(768);
    }

    @Test
    void aFileThatIsNotOursIsKeptAsideTheUserIsToldAndANewOneIsStarted(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.context().user().database().isPresent());
        settle();
        Label notice = robot.lookup("#save-notice-text").queryAs(Label.class);
        assertTrue(notice.isVisible(), "the notice shows");
        javafx.scene.text.Text shown = (javafx.scene.text.Text) notice.lookup(".text");
        assertEquals(notice.getText(), shown.getText(), "all of it is shown at 1024x768, nothing cut to an ellipsis");
        assertTrue(notice.getWidth() > 600, "it has the window's width to say it in: " + notice.getWidth());
        assertTrue(notice.localToScene(notice.getBoundsInLocal()).getMaxY() <= stage.getScene().getHeight(), "inside the window");
        assertTrue(notice.getText().contains("could not be read") && notice.getText().contains("user.sqlite.set-aside-"),
                notice.getText());
        List<Path> aside;
        try (Stream<Path> s = Files.list(userData)) {
            aside = s.filter(p -> p.getFileName().toString().startsWith("user.sqlite.set-aside-")).toList();
        }
        assertEquals(1, aside.size(), "the old file is kept");
        assertArrayEquals(GARBAGE, Files.readAllBytes(aside.get(0)), "unchanged");

        // the language is remembered in the new file, and restored by the next window
        robot.interact(() -> state.languageProperty().set(Locale.forLanguageTag("tg")));
        UserDatabase userDb = window.context().user().database().orElseThrow();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> "tg".equals(userDb.settings().get(Settings.LANGUAGE, "")));
        robot.interact(() -> window.context().user().close());
        org.ferganaatlas.gui.state.AtlasState next = new org.ferganaatlas.gui.state.AtlasState();
        org.ferganaatlas.gui.state.UserStore again = new org.ferganaatlas.gui.state.UserStore();
        robot.interact(() -> again.open(userData.resolve("user.sqlite"), next, false));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> again.database().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("tg", next.languageProperty().get().getLanguage(), "the next start speaks the language chosen");
        assertEquals(null, again.problemProperty().get());
        robot.interact(again::close);
        robot.interact(() -> state.languageProperty().set(Locale.ENGLISH));
    }
}
