package org.ferganaatlas.offline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.ferganaatlas.data.AtlasDatabase;
import org.ferganaatlas.data.AtlasPaths;
import org.ferganaatlas.data.AtlasSchema;
import org.ferganaatlas.gui.l10n.Messages;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Faults: the bundled database missing, truncated, of a newer schema version, or altered. For each, the
 * real app is started (its own process, headless, {@code -Datlas.assets=<a damaged copy>}) and must show the message
 * that says what is wrong, where the file is and what to do (reinstall) — printed from the dialog as
 * {@code atlas-dialog:} lines in non-interactive mode — exit with code 2, print no stack trace (the detail goes to the
 * log file in the user's folder), and leave the damaged file exactly as it was.
 */
class DatabaseFaultsTest {
    enum Fault {
        MISSING("error.db.missing"),
        TRUNCATED("error.db.truncated"),
        NEWER_SCHEMA("error.db.newerVersion"),
        ALTERED("error.db.altered");

        final String messageKey;

        Fault(String messageKey) {
            this.messageKey = messageKey;
        }
    }

    @ParameterizedTest
    @EnumSource(Fault.class)
    void showsWhatWhereAndWhatToDoThenExitsCleanlyAndLosesNothing(Fault fault) throws Exception {
        Path bundled = AtlasPaths.bundledDatabase();
        assertTrue(Files.isRegularFile(bundled), "the bundled database is needed: " + bundled);
        Path assets = Files.createTempDirectory("atlas-fault-" + fault.name().toLowerCase());
        Path db = assets.resolve(AtlasPaths.DATABASE_FILE);
        Path sum = assets.resolve(AtlasPaths.DATABASE_FILE + AtlasDatabase.CHECKSUM_SUFFIX);
        switch (fault) {
            case MISSING -> { }
            case TRUNCATED -> {
                byte[] all = Files.readAllBytes(bundled);
                Files.write(db, java.util.Arrays.copyOf(all, all.length / 2)); // an interrupted copy
                Files.writeString(sum, AtlasDatabase.sha256(bundled) + "  atlas.sqlite\n");
            }
            case NEWER_SCHEMA -> {
                Files.copy(bundled, db);
                try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                     Statement st = c.createStatement()) {
                    st.executeUpdate("UPDATE metadata SET value = '" + (AtlasSchema.SCHEMA_VERSION + 1) + "' WHERE key = 'schema_version'");
                }
                Files.writeString(sum, AtlasDatabase.sha256(db) + "  atlas.sqlite\n"); // consistent, as a newer release ships it
            }
            case ALTERED -> {
                byte[] all = Files.readAllBytes(bundled);
                all[all.length / 2 + 123] ^= 0x20; // one bit in the middle of the data: SQLite would not notice
                Files.write(db, all);
                Files.writeString(sum, AtlasDatabase.sha256(bundled) + "  atlas.sqlite\n");
            }
        }
        Files.setLastModifiedTime(assets, FileTime.fromMillis(1_700_000_000_000L));
        Map<String, byte[]> before = snapshot(assets);
        Map<String, FileTime> timesBefore = times(assets);

        // tile writes due at once: tiles rendered from the file before its check failed must still not be cached
        AtlasProcess.Result r = AtlasProcess.run(List.of(), Map.of("atlas.assets", assets.toString(),
                "atlas.tileCache.writeDelayMs", "0"), List.of(), 90);
        String all = r.all();

        assertEquals(2, r.exitCode(), () -> "exit code for " + fault + ":\n" + all);
        List<String> dialog = r.lines("atlas-dialog: ");
        assertFalse(dialog.isEmpty(), () -> "no message shown:\n" + all);
        String shown = String.join("\n", dialog);
        assertEquals(Messages.get("error.startup.header"), dialog.get(0), all);
        String problem = Messages.get(fault.messageKey);
        String stable = problem.contains("{") ? problem.substring(0, problem.indexOf('{')) : problem;
        assertTrue(shown.contains(stable), () -> "the problem (" + fault.messageKey + ") is not said:\n" + all);
        assertTrue(shown.contains(Messages.format("error.db.where", db.toAbsolutePath().normalize().toString())),
                () -> "the file is not named:\n" + all);
        assertTrue(shown.contains(Messages.get("error.db.whatToDo")) && shown.toLowerCase().contains("reinstall"),
                () -> "what to do is not said:\n" + all);
        // no stack trace for the user; the detail is in the log file in the user's folder
        for (String bad : List.of("\tat ", "Exception in thread", "Caused by")) {
            assertFalse(r.stderr().contains(bad) || r.stdout().contains(bad), () -> "stack trace printed:\n" + all);
        }
        Path log = r.userData().resolve("logs").resolve("atlas-errors.log");
        assertTrue(Files.isRegularFile(log), () -> "no log file " + log + "\n" + all);
        assertTrue(Files.readString(log).contains("Cannot open the atlas database"), () -> "log: " + log);
        assertFalse(Files.exists(r.cache().resolve("tiles")), () -> "tiles cached from a database that failed its check:\n" + all);
        // nothing lost: the damaged file and its folder are exactly as before (no journal, no repair, no delete)
        assertEquals(before.keySet(), snapshot(assets).keySet(), "files in the assets folder");
        Map<String, byte[]> after = snapshot(assets);
        for (String f : before.keySet()) {
            assertArrayEquals(before.get(f), after.get(f), "content of " + f);
        }
        assertEquals(timesBefore, times(assets), "modification times");
    }

    private static Map<String, byte[]> snapshot(Path dir) throws Exception {
        Map<String, byte[]> m = new TreeMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) {
                m.put(p.getFileName().toString(), Files.readAllBytes(p));
            }
        }
        return m;
    }

    private static Map<String, FileTime> times(Path dir) throws Exception {
        Map<String, FileTime> m = new TreeMap<>();
        m.put(".", Files.getLastModifiedTime(dir));
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : new ArrayList<>(s.toList())) {
                m.put(p.getFileName().toString(), Files.getLastModifiedTime(p));
            }
        }
        return m;
    }
}
