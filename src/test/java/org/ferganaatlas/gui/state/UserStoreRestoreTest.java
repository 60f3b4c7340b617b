package org.ferganaatlas.gui.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ferganaatlas.data.UserFolders;
import org.ferganaatlas.data.user.NoteDraft;
import org.ferganaatlas.data.user.UserBackups;
import org.ferganaatlas.data.user.UserDataException;
import org.ferganaatlas.data.user.UserDatabase;
import org.ferganaatlas.data.user.UserFeature;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * A damaged user database at start, on real files: it is set aside byte for byte, the newest good backup is put in
 * its place with its notes and layers, and with no backup an empty file is started.
 */
class UserStoreRestoreTest {
    @TempDir
    Path dir;

    @AfterEach
    void forget() {
        UserFolders.reset();
    }

    private Path file() {
        return dir.resolve("user.sqlite");
    }

    /** A database with a note and a layer of two points, backed up, then one more note that the copy lacks. */
    private UserBackups.Backup withBackup() throws Exception {
        try (UserDatabase db = UserDatabase.open(file())) {
            db.notes().insert(NoteDraft.atPoint(40.05, 70.82, "Ak-Sai water point", "shared by both villages")).join();
            var layer = db.layers().create("wells", "geojson", "/tmp/wells.geojson").join();
            GeometryFactory gf = new GeometryFactory();
            db.layers().addFeatures(layer.id(), List.of(
                    UserFeature.draft("well 1", gf.createPoint(new Coordinate(70.8, 40.0)), "{}"),
                    UserFeature.draft("well 2", gf.createPoint(new Coordinate(70.9, 40.1)), "{}"))).join();
            UserBackups.Backup b = db.backupIfDue().join().orElseThrow();
            db.notes().insert(NoteDraft.atPoint(40.1, 70.9, "after the copy", "")).join();
            return b;
        }
    }

    private static void assertRestored(UserStore.Opened o, UserBackups.Backup b) {
        assertNotNull(o.db(), "a database is open");
        assertNotNull(o.problem());
        assertEquals(b, o.problem().restored());
        assertEquals(List.of("Ak-Sai water point"), o.db().notes().list().join().stream().map(n -> n.title()).toList());
        var layers = o.db().layers().list().join();
        assertEquals(List.of("wells"), layers.stream().map(l -> l.name()).toList());
        assertEquals(2, o.db().layers().features(layers.get(0).id()).join().size());
        o.db().close();
    }

    @Test
    void aTruncatedFileIsKeptAsideAndTheBackupRestored() throws Exception {
        UserBackups.Backup b = withBackup();
        try (RandomAccessFile raf = new RandomAccessFile(file().toFile(), "rw")) {
            raf.setLength(raf.length() / 3); // cut off, as by a failing disk or a copy stopped half-way
        }
        byte[] damaged = Files.readAllBytes(file());
        UserStore.Opened o = UserStore.openOrRestore(file());
        assertEquals(UserDataException.Problem.DAMAGED, o.problem().error().problem(), o.problem().error().getMessage());
        assertArrayEquals(damaged, Files.readAllBytes(o.problem().setAsideTo()), "the damaged copy is kept as it was");
        assertRestored(o, b);
        assertTrue(Files.exists(b.file()), "the backup itself stays");
    }

    @Test
    void overwrittenBytesAreFoundAndTheBackupRestored() throws Exception {
        UserBackups.Backup b = withBackup();
        try (RandomAccessFile raf = new RandomAccessFile(file().toFile(), "rw")) {
            raf.seek(0);
            raf.write(new byte[4096 * 2]); // the header and the schema page are zeros
        }
        UserStore.Opened o = UserStore.openOrRestore(file());
        assertEquals(UserDataException.Problem.NOT_DATABASE, o.problem().error().problem());
        assertTrue(Files.exists(o.problem().setAsideTo()));
        assertRestored(o, b);
    }

    @Test
    void withNoGoodBackupAnEmptyFileIsStarted() throws Exception {
        UserBackups.Backup b = withBackup();
        Files.write(b.file(), "not a database".getBytes()); // the only copy is no good either
        Files.write(file(), "also not a database".getBytes());
        UserStore.Opened o = UserStore.openOrRestore(file());
        assertNotNull(o.db());
        assertNull(o.problem().restored());
        assertNotNull(o.problem().setAsideTo());
        assertEquals(0, o.db().notes().list().join().size());
        o.db().close();
    }

    @Test
    void aGoodFileIsOpenedAsItIs() throws Exception {
        withBackup();
        UserStore.Opened o = UserStore.openOrRestore(file());
        assertNull(o.problem());
        assertEquals(2, o.db().notes().list().join().size());
        o.db().close();
    }
}
