package org.ferganaatlas.data.user;

import org.ferganaatlas.model.ViewSnapshot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.ferganaatlas.data.UserFolders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The user's database on real SQLite files: opening, migrations, refusals, and the stores' rules. */
class UserDatabaseTest {
    @TempDir
    Path dir;

    @AfterEach
    void forgetReportedFolders() {
        UserFolders.reset();
    }

    private Path file() {
        return dir.resolve("data").resolve("user.sqlite");
    }

    static String one(Path file, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    static void exec(Path file, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            st.executeUpdate(sql);
        }
    }

    private static String schema(Path file) throws SQLException {
        StringBuilder sb = new StringBuilder();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT type, name, sql FROM sqlite_master ORDER BY type, name")) {
            while (rs.next()) {
                sb.append(rs.getString(1)).append(' ').append(rs.getString(2)).append(' ').append(rs.getString(3)).append('\n');
            }
        }
        return sb.toString();
    }

    @Test
    void anEmptyFolderGetsANewDatabaseAtTheLatestVersion() throws Exception {
        Path f = file();
        try (UserDatabase db = UserDatabase.open(f)) {
            assertEquals(0, db.versionAtOpen());
            assertEquals("wal", one(f, "PRAGMA journal_mode"));
            assertEquals("1", db.change("check", c -> {
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA foreign_keys")) {
                    rs.next();
                    return rs.getString(1);
                }
            }).join(), "foreign keys are enforced on the connection");
            assertEquals("2", db.read("check", c -> {
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA synchronous")) {
                    rs.next();
                    return rs.getString(1);
                }
            }).join(), "synchronous=FULL");
        }
        assertEquals(Integer.toString(UserSchema.LATEST), one(f, "PRAGMA user_version"));
        assertEquals(Integer.toString(UserSchema.APPLICATION_ID), one(f, "PRAGMA application_id"));
        String tables = schema(f);
        for (String t : List.of("setting", "view", "view_layer", "view_highlight", "bookmark", "tour", "tour_stop", "note",
                "note_tag", "user_layer", "user_feature")) {
            assertTrue(tables.contains("table " + t + " "), t + " missing in\n" + tables);
        }
    }

    @Test
    void reopeningChangesNothingAndKeepsTheData() throws Exception {
        Path f = file();
        long noteId;
        try (UserDatabase db = UserDatabase.open(f)) {
            db.settings().put(Settings.LANGUAGE, "ru").join();
            noteId = db.notes().insert(NoteDraft.onFeature("village:dostuk", "Water", "Canal repaired")).join().id();
        }
        String before = schema(f);
        for (int i = 0; i < 2; i++) {
            try (UserDatabase db = UserDatabase.open(f)) {
                assertEquals(UserSchema.LATEST, db.versionAtOpen(), "no migration runs again");
                assertEquals("ru", db.settings().get(Settings.LANGUAGE, "en"));
                assertEquals("Canal repaired", db.notes().get(noteId).join().orElseThrow().text());
            }
        }
        assertEquals(before, schema(f));
        assertEquals(Integer.toString(UserSchema.LATEST), one(f, "PRAGMA user_version"));
    }

    @Test
    void aFailingMigrationLeavesTheFileAtThePreviousVersion() throws Exception {
        Path f = file();
        Migration first = UserSchema.MIGRATIONS.get(0);
        Migration broken = new Migration(first.version() + 1, "broken on purpose",
                List.of("CREATE TABLE half_done(x)", "INSERT INTO no_such_table VALUES (1)"));
        UserDataException e = assertThrows(UserDataException.class, () -> UserDatabase.open(f, List.of(first, broken)));
        assertEquals(UserDataException.Problem.UPGRADE_FAILED, e.problem());
        assertTrue(e.getMessage().contains("could not be brought up to date"), e.getMessage());
        assertEquals(Integer.toString(first.version()), one(f, "PRAGMA user_version"), "step 1 committed on its own");
        assertEquals("0", one(f, "SELECT count(*) FROM sqlite_master WHERE name = 'half_done'"), "step 2 rolled back whole");
        try (UserDatabase db = UserDatabase.open(f, List.of(first))) {
            assertEquals(first.version(), db.versionAtOpen());
        }
    }

    @Test
    void migrationsAreNumberedWithoutGaps() {
        for (int i = 0; i < UserSchema.MIGRATIONS.size(); i++) {
            assertEquals(i + 1, UserSchema.MIGRATIONS.get(i).version());
        }
        assertEquals(UserSchema.MIGRATIONS.size(), UserSchema.LATEST);
    }

    @Test
    void aFileFromANewerVersionIsRefusedAndLeftAlone() throws Exception {
        Path f = file();
        UserDatabase.open(f).close();
        exec(f, "PRAGMA user_version = " + (UserSchema.LATEST + 1));
        byte[] before = Files.readAllBytes(f);
        UserDataException e = assertThrows(UserDataException.class, () -> UserDatabase.open(f));
        assertEquals(UserDataException.Problem.NEWER_VERSION, e.problem());
        assertEquals(List.of(UserSchema.LATEST + 1, UserSchema.LATEST), e.details());
        assertPlainWords(e, f, "newer version of Fergana Border Atlas");
        assertArrayEquals(before, Files.readAllBytes(f), "the newer file is not touched");
    }

    @Test
    void aFileThatIsNotADatabaseIsRefusedAndLeftAlone() throws Exception {
        Path f = file();
        Files.createDirectories(f.getParent());
        Files.writeString(f, "These are my notes, typed in a text editor.\n".repeat(50));
        byte[] before = Files.readAllBytes(f);
        UserDataException e = assertThrows(UserDataException.class, () -> UserDatabase.open(f));
        assertEquals(UserDataException.Problem.NOT_DATABASE, e.problem());
        assertPlainWords(e, f, "is not a database");
        assertArrayEquals(before, Files.readAllBytes(f));

        Path other = dir.resolve("other.sqlite");
        exec(other, "CREATE TABLE somebody_elses(x)");
        UserDataException e2 = assertThrows(UserDataException.class, () -> UserDatabase.open(other));
        assertEquals(UserDataException.Problem.NOT_DATABASE, e2.problem());
        assertPlainWords(e2, other, "database of another program");
    }

    /** A user database with 300 notes, closed (the WAL folded in), and the note table's root page number. */
    private int fileWithNotes(Path f) throws Exception {
        try (UserDatabase db = UserDatabase.open(f)) {
            for (int i = 0; i < 300; i++) {
                db.notes().insert(NoteDraft.atPoint(40.1, 71.2, "Note " + i, "text ".repeat(40)).withTags(List.of("t" + i % 7)));
            }
            db.notes().list().join();
        }
        int root = Integer.parseInt(one(f, "SELECT rootpage FROM sqlite_master WHERE name = 'note'"));
        assertTrue(Files.size(f) > (long) (root + 3) * pageSize(f), "the note table spans several pages");
        return root;
    }

    private static int pageSize(Path f) throws SQLException {
        return Integer.parseInt(one(f, "PRAGMA page_size"));
    }

    @Test
    void aDamagedFileIsDetectedAtOpenAndCanBeSetAside() throws Exception {
        Path f = file();
        int root = fileWithNotes(f);
        int pageSize = pageSize(f);
        // Scribble over the note table's root page (its cell pointers), as a bad sector or a stray write would.
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
            raf.seek((long) (root - 1) * pageSize + 8);
            byte[] junk = new byte[200];
            java.util.Arrays.fill(junk, (byte) 0xA5);
            raf.write(junk);
        }
        byte[] before = Files.readAllBytes(f);
        UserDataException e = assertThrows(UserDataException.class, () -> UserDatabase.open(f));
        assertEquals(UserDataException.Problem.DAMAGED, e.problem());
        assertPlainWords(e, f, "is damaged");
        assertTrue(e.getMessage().contains("set it aside"), "says what can be done: " + e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(f), "a damaged file is not changed by the attempt");

        Path aside = UserDatabase.setAside(f);
        assertFalse(Files.exists(f));
        assertArrayEquals(before, Files.readAllBytes(aside), "the old data is kept for repair");
        try (UserDatabase fresh = UserDatabase.open(f)) {
            assertEquals(0, fresh.versionAtOpen());
            assertEquals(List.of(), fresh.notes().list().join());
        }
    }

    @Test
    void damageThatOnlyQuickCheckSeesIsDetectedToo() throws Exception {
        Path f = file();
        int root = fileWithNotes(f);
        int pageSize = pageSize(f);
        // Swap the first two cells of the note table's first leaf: every page still reads, but the rows are out
        // of order, which SQLite notices only when it checks the tree (PRAGMA quick_check).
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
            long rootAt = (long) (root - 1) * pageSize;
            raf.seek(rootAt);
            assertEquals(0x05, raf.read(), "the root is an interior table page");
            raf.seek(rootAt + 12);
            int firstCell = raf.readUnsignedShort();
            raf.seek(rootAt + firstCell);
            long leafAt = (raf.readInt() - 1L) * pageSize;
            raf.seek(leafAt);
            assertEquals(0x0D, raf.read(), "its first child is a leaf table page");
            raf.seek(leafAt + 8);
            int a = raf.readUnsignedShort(), b = raf.readUnsignedShort();
            raf.seek(leafAt + 8);
            raf.writeShort(b);
            raf.writeShort(a);
        }
        UserDataException e = assertThrows(UserDataException.class, () -> UserDatabase.open(f));
        assertEquals(UserDataException.Problem.DAMAGED, e.problem());
        assertPlainWords(e, f, "is damaged: SQLite's check of the file found");
        assertTrue(String.valueOf(e.details().get(0)).contains("out of order"), e.details().toString());
    }

    @Test
    void settingsAreReadFromMemoryAndSavedInOrder() throws Exception {
        Path f = file();
        try (UserDatabase db = UserDatabase.open(f)) {
            Settings s = db.settings();
            assertEquals("en", s.get(Settings.LANGUAGE, "en"));
            for (int i = 0; i < 50; i++) {
                s.put(Settings.TEXT_SIZE, Integer.toString(i)); // not joined: the last one must win on disk
            }
            assertEquals(49, s.getInt(Settings.TEXT_SIZE, -1), "the copy in memory changes at once");
            s.putAll(java.util.Map.of(Settings.WINDOW_BOUNDS, "10,20,1024,768", "ui.presentation", "TRUE")).join();
            s.put("broken.number", "12px").join();
            assertEquals(7, s.getInt("broken.number", 7), "a value that is not a number gives the fallback");
            assertTrue(s.getBoolean("ui.presentation", false));
            assertEquals(2.5, s.getDouble("missing", 2.5));
            s.remove("broken.number").join();
            assertThrows(IllegalArgumentException.class, () -> s.put(" ", "x"));
            assertThrows(IllegalArgumentException.class, () -> s.put("k".repeat(Settings.MAX_KEY_LENGTH + 1), "x"));
        }
        assertEquals("49", one(f, "SELECT value FROM setting WHERE key = '" + Settings.TEXT_SIZE + "'"));
        try (UserDatabase db = UserDatabase.open(f)) {
            assertEquals(java.util.Map.of(Settings.TEXT_SIZE, "49", Settings.WINDOW_BOUNDS, "10,20,1024,768",
                    "ui.presentation", "TRUE"), db.settings().all());
        }
    }

    @Test
    void notesAreInsertedUpdatedListedAndDeleted() throws Exception {
        Path f = file();
        try (UserDatabase db = UserDatabase.open(f)) {
            Notes notes = db.notes();
            Note a = notes.insert(NoteDraft.onFeature("village:dostuk", "  Canal ", "Repaired in spring")
                    .withDate(java.time.LocalDate.of(2025, 4, 2)).withAuthor("Aigul").withTags(List.of("water", " visit ", "water", ""))).join();
            assertTrue(a.id() > 0);
            assertEquals("Canal", a.title());
            assertEquals(List.of("visit", "water"), a.tags());
            assertEquals(java.time.LocalDate.of(2025, 4, 2), a.date());
            assertEquals(a.created(), a.updated());
            Note b = notes.insert(NoteDraft.atPoint(40.25, 71.5, "Checkpoint", "")).join();
            assertEquals(40.25, b.lat());
            assertEquals(null, b.featureKey());

            Note changed = notes.update(a.id(), a.draft().withText("Repaired again").withTags(List.of("water"))).join().orElseThrow();
            assertEquals("Repaired again", changed.text());
            assertEquals(List.of("water"), changed.tags());
            assertEquals(a.created(), changed.created());
            assertFalse(changed.updated().isBefore(a.updated()));
            assertTrue(notes.update(9999, a.draft()).join().isEmpty());

            assertEquals(List.of(a.id(), b.id()), notes.list().join().stream().map(Note::id).toList());
            assertEquals(List.of(a.id()), notes.listFor("village:dostuk").join().stream().map(Note::id).toList());
            assertEquals(List.of(a.id()), notes.listTagged("water").join().stream().map(Note::id).toList());
            assertEquals(List.of(), notes.listTagged("visit").join(), "the old tag went with the update");

            assertTrue(notes.delete(a.id()).join());
            assertFalse(notes.delete(a.id()).join());
            assertEquals(List.of(b), notes.list().join());
        }
        assertEquals("0", one(f, "SELECT count(*) FROM note_tag"), "tags go with their note");
    }

    @Test
    void badNotesFailWhereTheyAreMade() {
        assertThrows(IllegalArgumentException.class, () -> NoteDraft.onFeature("village:dostuk", " ", "x"));
        assertThrows(IllegalArgumentException.class, () -> new NoteDraft(null, null, null, "t", "", null, null, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new NoteDraft(null, 40.0, null, "t", "", null, null, List.of()));
        assertThrows(IllegalArgumentException.class, () -> NoteDraft.atPoint(91, 0, "t", ""));
        assertThrows(IllegalArgumentException.class, () -> NoteDraft.atPoint(Double.NaN, 0, "t", ""));
    }

    @Test
    void bookmarksToursAndLayersKeepWhatWasSavedAndDeleteWhole() throws Exception {
        Path f = file();
        ViewSnapshot home = new ViewSnapshot(40.5, 71.5, 8.0, java.time.LocalDate.of(2025, 3, 13),
                java.util.Set.of("borders", "crossings"), List.of("enclave:sokh", "crossing:kyzyl-bel"), "enclave:sokh",
                "treaty:kg-tj-2025");
        ViewSnapshot batken = new ViewSnapshot(40.06, 70.82, 11.5, java.time.LocalDate.of(2022, 9, 16), java.util.Set.of(), List.of(), null, null);
        try (UserDatabase db = UserDatabase.open(f)) {
            Bookmark bm = db.bookmarks().add("Sokh in March 2025", home).join();
            assertEquals(List.of(bm), db.bookmarks().list().join());
            assertEquals(List.of("enclave:sokh", "crossing:kyzyl-bel"), db.bookmarks().list().join().get(0).view().highlight());
            assertTrue(db.bookmarks().rename(bm.id(), "Sokh").join());
            assertEquals("Sokh", db.bookmarks().list().join().get(0).title());

            Tour tour = db.tours().create("The 2025 treaty", "", "teacher").join();
            TourStop s0 = db.tours().addStop(tour.id(), "Start", "The valley", home).join();
            TourStop s1 = db.tours().addStop(tour.id(), "Batken", "", batken).join();
            assertEquals(List.of(0, 1), List.of(s0.ordinal(), s1.ordinal()));
            assertEquals(List.of(s0, s1), db.tours().stops(tour.id()).join());
            CompletionException noTour = assertThrows(CompletionException.class,
                    () -> db.tours().addStop(9999, "x", "", batken).join());
            assertInstanceOf(IllegalArgumentException.class, noTour.getCause(), "a stop needs its tour (foreign key)");
            assertEquals("3", one(f, "SELECT count(*) FROM view"), "the failed stop left no view behind");

            var gf = new org.locationtech.jts.geom.GeometryFactory();
            var point = gf.createPoint(new org.locationtech.jts.geom.Coordinate(71.2, 40.3));
            var poly = gf.createPolygon(new org.locationtech.jts.geom.Coordinate[] {
                    new org.locationtech.jts.geom.Coordinate(71, 40), new org.locationtech.jts.geom.Coordinate(71.1, 40),
                    new org.locationtech.jts.geom.Coordinate(71.1, 40.1), new org.locationtech.jts.geom.Coordinate(71, 40)});
            UserLayer layer = db.layers().create("Wells", "geojson", "wells.geojson").join();
            assertEquals(2, db.layers().addFeatures(layer.id(), List.of(UserFeature.draft("Well 1", point, "{\"depth_m\": 40}"),
                    UserFeature.draft(null, poly, null))).join());
            List<UserFeature> back = db.layers().features(layer.id()).join();
            assertEquals(2, back.size());
            assertTrue(back.get(0).geometry().equalsExact(point), "x = longitude survives the round trip");
            assertEquals("{\"depth_m\": 40}", back.get(0).attributesJson());
            assertTrue(back.get(1).geometry().equalsExact(poly));
            CompletionException badJson = assertThrows(CompletionException.class, () -> db.layers().addFeatures(layer.id(),
                    List.of(UserFeature.draft("ok", point, "{}"), UserFeature.draft("bad", point, "[1, 2]"))).join());
            assertInstanceOf(IllegalArgumentException.class, badJson.getCause());
            assertEquals(2, db.layers().features(layer.id()).join().size(), "an import is saved whole or not at all");
            assertThrows(IllegalArgumentException.class, () -> db.layers().addFeatures(layer.id(),
                    List.of(UserFeature.draft("swapped", gf.createPoint(new org.locationtech.jts.geom.Coordinate(40.3, 171.2)), null))));
            assertTrue(db.layers().setVisible(layer.id(), false).join());
            assertFalse(db.layers().list().join().get(0).visible());

            assertTrue(db.tours().delete(tour.id()).join());
            assertTrue(db.bookmarks().delete(bm.id()).join());
            assertTrue(db.layers().delete(layer.id()).join());
        }
        for (String t : List.of("view", "view_layer", "view_highlight", "tour_stop", "user_feature")) {
            assertEquals("0", one(f, "SELECT count(*) FROM " + t), t + " rows outlived their owner");
        }
    }

    @Test
    void everyStatementRunsOnTheDatabasesOwnThread() throws Exception {
        try (UserDatabase db = UserDatabase.open(file())) {
            List<String> threads = new ArrayList<>();
            threads.add(db.change("probe", c -> Thread.currentThread().getName()).join());
            threads.add(db.read("probe", c -> Thread.currentThread().getName()).join());
            assertEquals(List.of("user-db", "user-db"), threads);
        }
    }

    @Test
    void aClosedDatabaseRefusesChangesWithoutSql() throws Exception {
        UserDatabase db = UserDatabase.open(file());
        db.close();
        db.close();
        CompletionException e = assertThrows(CompletionException.class, () -> db.settings().put("k", "v").join());
        assertInstanceOf(IllegalStateException.class, e.getCause());
        assertTrue(db.isClosed());
    }

    @Test
    void aFullDiskFailsTheChangeWholeAndTellsTheWindowOnce() throws Exception {
        Path f = file();
        try (UserDatabase db = UserDatabase.open(f)) {
            Note kept = db.notes().insert(NoteDraft.onFeature("enclave:sokh", "Before", "fits")).join();
            // SQLite's own page limit makes the file "full" exactly as a full disk would (SQLITE_FULL).
            db.change("limit", c -> {
                try (Statement st = c.createStatement()) {
                    st.execute("PRAGMA max_page_count = " + one(f, "PRAGMA page_count"));
                }
                return null;
            }).join();
            for (int i = 0; i < 2; i++) {
                CompletionException e = assertThrows(CompletionException.class, () -> db.notes().insert(
                        NoteDraft.onFeature("enclave:sokh", "Too big", "x".repeat(200_000)).withTags(List.of("a", "b"))).join());
                assertInstanceOf(UserStoreException.class, e.getCause());
                assertTrue(e.getCause().getMessage().contains("Could not save your note"), e.getCause().getMessage());
            }
            assertEquals(1, UserFolders.problems().size(), "one notice, however often it fails");
            assertEquals(UserFolders.Folder.USER_DATA, UserFolders.problems().get(0).folder());
            assertEquals(List.of(kept), db.notes().list().join(), "nothing half-saved, nothing lost");
        }
        assertEquals("0", one(f, "SELECT count(*) FROM note_tag"), "the failed notes' tags were rolled back with them");
    }

    @Test
    void anUnwritableFolderIsReportedInPlainWords() throws Exception {
        Path blocker = dir.resolve("blocker");
        Files.writeString(blocker, "a file where the folder should be");
        Path f = blocker.resolve("user.sqlite");
        UserDataException e = assertThrows(UserDataException.class, () -> UserDatabase.open(f));
        assertEquals(UserDataException.Problem.UNWRITABLE, e.problem());
        assertPlainWords(e, f, "cannot be saved");
        assertEquals(1, UserFolders.problems().size(), "the window's save notice hears of it");
    }

    private static void assertPlainWords(UserDataException e, Path file, String what) {
        String m = e.getMessage();
        assertTrue(m.contains(what), "says what is wrong: " + m);
        assertTrue(m.contains(file.toAbsolutePath().normalize().toString()), "names the file: " + m);
        assertFalse(m.contains("SQLException") || m.contains("\tat "), "no stack trace or class names: " + m);
        assertEquals(file.toAbsolutePath().normalize(), e.file());
    }
}
