package org.ferganaatlas.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The error log's rotation and its private fallback, on real files. */
class ErrorLogTest {
    @TempDir
    Path dir;

    @AfterEach
    void forgetReports() {
        UserFolders.reset();
    }

    private static boolean posix(Path p) {
        return p.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    @Test
    void rotatesAtTheLimitAndKeepsOnlyAFewOldFiles() throws Exception {
        Path logs = dir.resolve("logs");
        ErrorLog log = new ErrorLog(logs, dir.resolve("tmp"), 4096, 2);
        for (int i = 0; i < 60; i++) {
            assertEquals(logs.resolve(ErrorLog.FILE_NAME), log.appendText("entry " + i + " " + "x".repeat(300) + "\n"));
        }
        try (Stream<Path> s = Files.list(logs)) {
            assertEquals(3, s.count(), "the current file and two old ones");
        }
        for (Path p : new Path[] {logs.resolve(ErrorLog.FILE_NAME), ErrorLog.rotated(logs, 1), ErrorLog.rotated(logs, 2)}) {
            assertTrue(Files.size(p) <= 4096, p + " has " + Files.size(p) + " bytes");
        }
        assertFalse(Files.exists(ErrorLog.rotated(logs, 3)));
        assertTrue(Files.readString(logs.resolve(ErrorLog.FILE_NAME)).contains("entry 59 "), "newest in the current file");
        assertFalse(Files.readString(ErrorLog.rotated(logs, 2)).contains("entry 0 "), "the oldest are gone");
        String older = Files.readString(ErrorLog.rotated(logs, 1)), oldest = Files.readString(ErrorLog.rotated(logs, 2));
        int first1 = Integer.parseInt(older.substring(6, older.indexOf(' ', 6)));
        int first2 = Integer.parseInt(oldest.substring(6, oldest.indexOf(' ', 6)));
        assertTrue(first2 < first1, ".2 is older than .1");
    }

    @Test
    void anEntryLongerThanTheLimitIsCutNotDropped() throws Exception {
        ErrorLog log = new ErrorLog(dir.resolve("logs"), dir, 2048, 1);
        Path f = log.append("Huge", new RuntimeException("y".repeat(10_000)));
        String text = Files.readString(f);
        assertTrue(text.contains("Huge") && text.contains("cut: the entry had"), text);
        assertTrue(Files.size(f) <= 2048 + 64);
    }

    @Test
    void fallsBackToAFolderPrivateToTheUser() throws Exception {
        assumeTrue(posix(dir));
        Path blocker = Files.writeString(dir.resolve("home-is-a-file"), "x"); // nothing can be made under it
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        ErrorLog log = new ErrorLog(blocker.resolve("logs"), tmp, 4096, 2);
        Path f = log.append("Cannot open the atlas database", new IllegalStateException("boom"));
        assertNotNull(f);
        assertEquals(tmp.resolve("fergana-atlas-" + System.getProperty("user.name")).resolve(ErrorLog.FILE_NAME), f);
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f.getParent())));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
        assertTrue(Files.readString(f).contains("boom"));
        assertEquals(1, UserFolders.problems().size(), "the user's folder problem is reported once");
        assertEquals(f, log.append("again", null), "the same private file next time");
    }

    @Test
    void aNameSomeoneElseHoldsIsNotUsed() throws Exception {
        assumeTrue(posix(dir));
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Path elsewhere = Files.createDirectories(dir.resolve("attacker"));
        Path squatted = tmp.resolve("fergana-atlas-" + System.getProperty("user.name"));
        Files.createSymbolicLink(squatted, elsewhere);
        ErrorLog log = new ErrorLog(Files.writeString(dir.resolve("f"), "x").resolve("logs"), tmp, 4096, 2);
        Path f = log.append("secret detail", null);
        assertNotNull(f);
        assertNotEquals(squatted, f.getParent());
        assertFalse(Files.isSymbolicLink(f.getParent()));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f.getParent(), LinkOption.NOFOLLOW_LINKS)));
        try (Stream<Path> s = Files.list(elsewhere)) {
            assertEquals(0, s.count(), "nothing written through the link");
        }
    }

    @Test
    void aFolderOwnedBySomeoneElseIsNotUsed() throws Exception {
        assumeTrue(posix(dir) && "root".equals(System.getProperty("user.name")), "needs root to give a folder away");
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Path theirs = Files.createDirectories(tmp.resolve("fergana-atlas-root"));
        UserPrincipal nobody = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
        Files.setOwner(theirs, nobody);
        Files.setPosixFilePermissions(theirs, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path f = new ErrorLog(Files.writeString(dir.resolve("f"), "x").resolve("logs"), tmp, 4096, 2).append("detail", null);
        assertNotNull(f);
        assertNotEquals(theirs, f.getParent());
    }

    @Test
    void ourOwnFolderMadeReadableByOthersIsMadePrivateAgain() throws Exception {
        assumeTrue(posix(dir));
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Path ours = Files.createDirectories(tmp.resolve("fergana-atlas-" + System.getProperty("user.name")));
        Files.setPosixFilePermissions(ours, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path f = new ErrorLog(Files.writeString(dir.resolve("f"), "x").resolve("logs"), tmp, 4096, 2).append("detail", null);
        assertEquals(ours, f.getParent());
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(ours)));
    }

    @Test
    void writesInTheUsersFolderWhenItCan() throws Exception {
        Path logs = dir.resolve("data").resolve("logs");
        ErrorLog log = new ErrorLog(logs, dir.resolve("tmp"), ErrorLog.DEFAULT_MAX_BYTES, ErrorLog.DEFAULT_KEEP);
        assertEquals(logs.resolve(ErrorLog.FILE_NAME), log.file());
        assertEquals(logs.resolve(ErrorLog.FILE_NAME), log.append("x", null));
        assertTrue(UserFolders.problems().isEmpty());
        assertFalse(Files.exists(dir.resolve("tmp")), "no fallback made");
    }

    @Test
    void theStandardLogFollowsTheUsersDataFolder() {
        String old = System.getProperty("atlas.userdata");
        try {
            System.setProperty("atlas.userdata", dir.resolve("a").toString());
            assertEquals(dir.resolve("a").resolve("logs").resolve(ErrorLog.FILE_NAME), ErrorLog.standard().file());
            System.setProperty("atlas.userdata", dir.resolve("b").toString());
            assertEquals(dir.resolve("b").resolve("logs").resolve(ErrorLog.FILE_NAME), ErrorLog.standard().append("x", null));
        } finally {
            if (old == null) {
                System.clearProperty("atlas.userdata");
            } else {
                System.setProperty("atlas.userdata", old);
            }
        }
    }
}
