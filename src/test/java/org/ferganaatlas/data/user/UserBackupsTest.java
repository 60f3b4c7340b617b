package org.ferganaatlas.data.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.ferganaatlas.data.UserFolders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rotating, checked copies of the user's database, on real files. */
class UserBackupsTest {
    @TempDir
    Path dir;

    @AfterEach
    void forget() {
        UserFolders.reset();
    }

    private Path file() {
        return dir.resolve("user.sqlite");
    }

    @Test
    void aCopyHoldsWhatWasSavedAndPassesItsCheck() throws Exception {
        try (UserDatabase db = UserDatabase.open(file())) {
            db.notes().insert(NoteDraft.atPoint(40.3, 71.8, "Sokh road", "blocked at the bridge")).join();
            UserBackups.Backup b = db.backup().join();
            assertEquals(UserBackups.folder(file()), b.file().getParent());
            assertNull(UserBackups.check(b.file()), "integrity_check ok, our application id");
            assertEquals("Sokh road", UserDatabaseTest.one(b.file(), "SELECT title FROM note"));
            assertEquals(List.of(b), UserBackups.list(file()));
        }
        try (var s = Files.list(UserBackups.folder(file()))) {
            assertEquals(1, s.count(), "no temporary file is left beside the copy");
        }
    }

    @Test
    void rotationKeepsTheNewestThree() throws Exception {
        try (UserDatabase db = UserDatabase.open(file())) {
            Instant t0 = Instant.parse("2026-11-20T08:00:00Z");
            for (int day = 0; day < 5; day++) {
                int d = day;
                db.notes().insert(NoteDraft.atPoint(40, 71, "day " + d, "")).join();
                db.outsideTransactionForTest(c -> UserBackups.make(c, file(), t0.plusSeconds(86_400L * d))).join();
            }
            List<UserBackups.Backup> kept = UserBackups.list(file());
            assertEquals(UserBackups.KEEP, kept.size());
            assertEquals(List.of(t0.plusSeconds(86_400L * 4), t0.plusSeconds(86_400L * 3), t0.plusSeconds(86_400L * 2)),
                    kept.stream().map(UserBackups.Backup::madeAt).toList(), "the oldest were deleted, newest first");
            assertEquals("5", UserDatabaseTest.one(kept.get(0).file(), "SELECT count(*) FROM note"));
            assertEquals("3", UserDatabaseTest.one(kept.get(2).file(), "SELECT count(*) FROM note"));
            assertTrue(UserBackups.madeToday(file(), t0.plusSeconds(86_400L * 4 + 3600), ZoneOffset.UTC));
            assertFalse(UserBackups.madeToday(file(), t0.plusSeconds(86_400L * 5 + 3600), ZoneOffset.UTC));
        }
    }

    @Test
    void aDamagedCopyIsNeverRestoredAndAnOlderGoodOneIs() throws Exception {
        Instant t0 = Instant.parse("2026-11-20T08:00:00Z");
        try (UserDatabase db = UserDatabase.open(file())) {
            for (int i = 0; i < 200; i++) {
                db.notes().insert(NoteDraft.atPoint(40, 71, "note " + i, "x".repeat(200))).join();
            }
            db.outsideTransactionForTest(c -> UserBackups.make(c, file(), t0)).join();
            db.outsideTransactionForTest(c -> UserBackups.make(c, file(), t0.plusSeconds(60))).join();
        }
        List<UserBackups.Backup> both = UserBackups.list(file());
        Path newest = both.get(0).file();
        overwrite(newest, 4096 * 3, 4096); // a page of the newest copy is garbage
        assertNotNull(UserBackups.check(newest), "the damage is found");
        Files.move(file(), dir.resolve("moved-away.sqlite"));
        UserBackups.Backup restored = UserBackups.restoreNewest(file(), Set.of()).orElseThrow();
        assertEquals(both.get(1).file(), restored.file(), "the older, good copy");
        try (UserDatabase db = UserDatabase.open(file())) {
            assertEquals(200, db.notes().list().join().size());
        }
    }

    static void overwrite(Path f, long at, int n) throws Exception {
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
            raf.seek(at);
            byte[] junk = new byte[n];
            java.util.Arrays.fill(junk, (byte) 0x5A);
            raf.write(junk);
        }
    }
}
