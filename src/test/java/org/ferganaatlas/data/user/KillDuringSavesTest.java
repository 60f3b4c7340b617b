package org.ferganaatlas.data.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Nothing lost on kill -9": a child JVM saves settings and notes in a loop and is killed (SIGKILL, no shutdown
 * hooks) in the middle of it. Every save whose future had returned must be in the file, and the file must pass
 * {@code PRAGMA integrity_check}; then the atlas opens it as usual.
 */
class KillDuringSavesTest {
    /** Saves (settings + notes) that must have returned before the kill. */
    private static final int RETURNED_BEFORE_KILL = 400;

    @TempDir
    Path dir;

    @Test
    void everySaveThatReturnedSurvivesKillMinus9() throws Exception {
        Path file = dir.resolve("user.sqlite");
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        // The child's lines go to a file: a killed process's pipe is closed by destroyForcibly, a file keeps every
        // line written before the kill.
        Path out = dir.resolve("child-stdout.txt");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", cp, "-Xmx128m", "-XX:TieredStopAtLevel=1", SavingChild.class.getName(), file.toString())
                .redirectOutput(out.toFile())
                .redirectError(dir.resolve("child-stderr.txt").toFile())
                .start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            long returnedSoFar = 0;
            while (returnedSoFar < RETURNED_BEFORE_KILL && p.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(5);
                returnedSoFar = Files.readAllLines(out, StandardCharsets.UTF_8).stream().filter(l -> l.startsWith("ok ")).count();
            }
            long atKill = returnedSoFar;
            assertTrue(atKill >= RETURNED_BEFORE_KILL, () -> "the child stopped early after " + atKill + " saves: "
                    + readQuietly(dir.resolve("child-stderr.txt")));
            p.destroyForcibly(); // SIGKILL on Linux and macOS, TerminateProcess on Windows: no hooks, no close()
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        } finally {
            p.destroyForcibly();
        }
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertTrue(p.exitValue() != 0, "killed, not finished");

        List<Integer> okSettings = new ArrayList<>();
        Map<Integer, Long> okNotes = new HashMap<>();
        int attempted = 0;
        for (String l : lines) {
            String[] w = l.split(" ");
            if (w[0].equals("try")) {
                attempted++;
            } else if (w.length == 3 && w[0].equals("ok") && w[1].equals("setting")) { // (a line cut by the kill is not counted)
                okSettings.add(Integer.parseInt(w[2]));
            } else if (w.length == 4 && w[0].equals("ok") && w[1].equals("note")) {
                okNotes.put(Integer.parseInt(w[2]), Long.parseLong(w[3]));
            }
        }
        int returnedTotal = okSettings.size() + okNotes.size();

        int found = 0, settingsInFile, notesInFile;
        // A plain connection, as any SQLite tool would open the file after the crash (it replays the WAL).
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
                assertTrue(rs.next());
                assertEquals("ok", rs.getString(1));
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT value FROM setting WHERE key = ?")) {
                for (int i : okSettings) {
                    ps.setString(1, "kill.test." + i);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next() && rs.getString(1).equals("value " + i)) {
                            found++;
                        }
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT title, (SELECT count(*) FROM note_tag WHERE note_id = note.id)"
                    + " FROM note WHERE id = ?")) {
                for (Map.Entry<Integer, Long> e : okNotes.entrySet()) {
                    ps.setLong(1, e.getValue());
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next() && rs.getString(1).equals("Note " + e.getKey()) && rs.getInt(2) == 2) {
                            found++; // the note and both its tags: one transaction
                        }
                    }
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT (SELECT count(*) FROM setting), (SELECT count(*) FROM note)")) {
                rs.next();
                settingsInFile = rs.getInt(1);
                notesInFile = rs.getInt(2);
            }
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM note WHERE (SELECT count(*) FROM note_tag WHERE note_id = note.id) <> 2")) {
                rs.next();
                assertEquals(0, rs.getInt(1), "no note without its tags: a change is saved whole or not at all");
            }
        }
        System.out.printf("kill -9 during saves: attempted %d, returned %d, found %d of those; in the file %d settings +"
                + " %d notes (%d rows, at most one more than returned: the save in flight)%n", attempted, returnedTotal, found,
                settingsInFile, notesInFile, settingsInFile + notesInFile);
        assertEquals(returnedTotal, found, "every save that returned is in the file");
        int inFile = settingsInFile + notesInFile;
        assertTrue(inFile >= returnedTotal && inFile <= attempted, inFile + " rows for " + returnedTotal + " returned, "
                + attempted + " attempted");
        try (UserDatabase db = UserDatabase.open(file)) {
            assertEquals(UserSchema.LATEST, db.versionAtOpen());
            assertEquals(notesInFile, db.notes().list().join().size());
        }
    }

    private static String readQuietly(Path f) {
        try {
            return Files.readString(f);
        } catch (Exception e) {
            return "";
        }
    }
}
