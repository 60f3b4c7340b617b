package org.ferganaatlas.gui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.ferganaatlas.data.AtlasDatabase;
import org.ferganaatlas.data.user.NoteDraft;
import org.ferganaatlas.data.user.UserBackups;
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
 * The user's database was damaged between two runs and a backup exists: the window opens with the backup's notes,
 * and the notice says in plain words what happened, from when the copy is, and where the damaged file was kept.
 */
@ExtendWith(ApplicationExtension.class)
class UserDatabaseRestoreInWindowTest extends AtlasWindowTestBase {
    private static AtlasDatabase db;
    @org.junit.jupiter.api.extension.RegisterExtension
    static final TemporaryUserData temporary = new TemporaryUserData("atlas-user-db-restore");
    private static Path userFile;

    @BeforeAll
    static void setUp() throws Exception {
        db = AtlasDatabase.open(GuiTestAtlas.create());
        userFile = temporary.dir().resolve("user.sqlite");
        try (UserDatabase u = UserDatabase.open(userFile)) {
            u.notes().insert(NoteDraft.atPoint(39.9, 70.6, "Vorukh clinic", "open on Tuesdays")).join();
            u.backup().join();
        }
        try (RandomAccessFile raf = new RandomAccessFile(userFile.toFile(), "rw")) {
            raf.seek(100);
            raf.write(new byte[8000]); // the schema page is overwritten
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

    @Test
    void theBackupIsRestoredAndTheUserIsToldWhenItIsFromAndWhereTheDamagedFileIs(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.context().user().database().isPresent());
        settle();
        Label notice = robot.lookup("#save-notice-text").queryAs(Label.class);
        assertTrue(notice.isVisible(), "the notice shows");
        Path aside = window.context().user().problemProperty().get().setAsideTo();
        String text = notice.getText();
        assertTrue(text.contains("backup copy from") && text.contains(aside.toString()) && text.contains(userFile.toString()),
                text);
        String year = String.valueOf(UserBackups.list(userFile).get(UserBackups.list(userFile).size() - 1).madeAt()
                .atZone(java.time.ZoneId.systemDefault()).getYear());
        assertTrue(text.contains(year), "says when the copy was made: " + text);
        assertTrue(Files.exists(aside), "the damaged file is kept");
        UserDatabase u = window.context().user().database().orElseThrow();
        assertEquals(List.of("Vorukh clinic"), u.notes().list().join().stream().map(n -> n.title()).toList());
    }
}
