package org.ferganaatlas.data.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.ferganaatlas.data.UserFolders;
import org.ferganaatlas.data.io.TourFiles;
import org.ferganaatlas.model.Drawing;
import org.ferganaatlas.model.GuidedTour;
import org.ferganaatlas.model.ViewSnapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tours in the user's database, on a real SQLite file: every edit, the order of stops, drawings and migrations. */
class ToursTest {
    @TempDir
    Path dir;

    @AfterEach
    void forgetReportedFolders() {
        UserFolders.reset();
    }

    private Path file() {
        return dir.resolve("user.sqlite");
    }

    private static ViewSnapshot view(double lat, double lon, String date) {
        return new ViewSnapshot(lat, lon, 10, LocalDate.parse(date), Set.of("borders"), List.of("crossing:kyzyl-bel"), null, null);
    }

    private static final Drawing DRAWN = new Drawing(List.of(
            new Drawing.Stroke(Drawing.Tool.PEN, "#112233", 3.5, new double[] {70.1, 40.1, 70.2, 40.15})));

    private static List<String> titles(UserDatabase db, long tourId) {
        return db.tours().stops(tourId).join().stream().map(TourStop::title).toList();
    }

    @Test
    void stopsAreEditedReorderedReplacedAndDeleted() throws Exception {
        try (UserDatabase db = UserDatabase.open(file())) {
            Tours tours = db.tours();
            Tour t = tours.create("Draft", "", "teacher").join();
            TourStop a = tours.addStop(t.id(), "A", "", view(40.1, 70.1, "2025-03-13")).join();
            TourStop b = tours.addStop(t.id(), "B", "", "notes b", view(40.2, 70.2, "2025-03-14"), DRAWN).join();
            TourStop c = tours.addStop(t.id(), "C", "", view(40.3, 70.3, "2025-03-15")).join();
            assertTrue(tours.rename(t.id(), "  Final  ").join());
            assertEquals("Final", tours.list().join().get(0).title());
            assertFalse(tours.rename(9999, "x").join());

            assertTrue(tours.editStop(a.id(), "A1", "caption a", "say this").join());
            TourStop a1 = tours.stops(t.id()).join().get(0);
            assertEquals(List.of("A1", "caption a", "say this"), List.of(a1.title(), a1.text(), a1.notes()));

            assertTrue(tours.moveStopBy(c.id(), -1).join());
            assertEquals(List.of("A1", "C", "B"), titles(db, t.id()));
            assertFalse(tours.moveStopBy(a.id(), -1).join(), "the first stop cannot move up");
            assertTrue(tours.moveStop(a.id(), 5).join());
            assertEquals(List.of("C", "B", "A1"), titles(db, t.id()));
            assertTrue(tours.moveStop(b.id(), 0).join());
            assertEquals(List.of("B", "C", "A1"), titles(db, t.id()));
            assertEquals(List.of(0, 1, 2), tours.stops(t.id()).join().stream().map(TourStop::ordinal).toList());

            ViewSnapshot now = view(39.9, 70.9, "2026-01-01");
            String viewsBefore = UserDatabaseTest.one(file(), "SELECT count(*) FROM view");
            assertTrue(tours.replaceView(c.id(), now).join());
            assertEquals(viewsBefore, UserDatabaseTest.one(file(), "SELECT count(*) FROM view"), "the old view goes");
            assertEquals(now, tours.stops(t.id()).join().get(1).view());

            assertEquals(DRAWN, tours.stops(t.id()).join().get(0).drawing());
            assertTrue(tours.setDrawing(b.id(), Drawing.EMPTY).join());
            assertEquals(Drawing.EMPTY, tours.stops(t.id()).join().get(0).drawing());
            assertTrue(tours.setDrawing(c.id(), DRAWN).join());

            assertTrue(tours.deleteStop(b.id()).join());
            assertEquals(List.of("C", "A1"), titles(db, t.id()));
            assertEquals(List.of(0, 1), tours.stops(t.id()).join().stream().map(TourStop::ordinal).toList());
            assertFalse(tours.deleteStop(b.id()).join());

            StoredTour loaded = tours.load(t.id()).join().orElseThrow();
            assertEquals("Final", loaded.tour().title());
            assertEquals(tours.stops(t.id()).join(), loaded.stops());
            assertEquals(DRAWN, loaded.stops().get(0).drawing());
            assertTrue(tours.load(9999).join().isEmpty());
        }
        // and all of it is in the file
        try (UserDatabase db = UserDatabase.open(file())) {
            assertEquals(List.of("C", "A1"), titles(db, db.tours().list().join().get(0).id()));
        }
    }

    @Test
    void aTourSavedReloadedExportedAndImportedComesBackIdentical() throws Exception {
        Path shared = dir.resolve("shared.json");
        GuidedTour made;
        try (UserDatabase db = UserDatabase.open(file())) {
            Tour t = db.tours().create("Settlement for 9B", "", "Ms Aliyeva").join();
            db.tours().addStop(t.id(), "Valley", "Three countries.", "Start slowly.",
                    new ViewSnapshot(40.75, 71.6, 8, LocalDate.of(2020, 6, 1), Set.of("borders", "towns"), List.of(), null, null), Drawing.EMPTY).join();
            db.tours().addStop(t.id(), "Kyzyl-Bel", "Reopened.", "", new ViewSnapshot(40.1083, 70.6427, 11.5, LocalDate.of(2025, 3, 13),
                    Set.of("borders", "crossings"), List.of("crossing:kyzyl-bel"), "crossing:kyzyl-bel", "treaty:kg-tj-2025"), DRAWN).join();
            made = db.tours().load(t.id()).join().orElseThrow().toGuidedTour();
        }
        try (UserDatabase db = UserDatabase.open(file())) {
            GuidedTour reloaded = db.tours().load(db.tours().list().join().get(0).id()).join().orElseThrow().toGuidedTour();
            assertEquals(made, reloaded);
            TourFiles.write(shared, reloaded);
        }
        try (UserDatabase colleague = UserDatabase.open(dir.resolve("colleague.sqlite"))) {
            StoredTour imported = colleague.tours().create(TourFiles.read(shared)).join();
            assertEquals(made, imported.toGuidedTour());
            assertEquals(made, colleague.tours().load(imported.tour().id()).join().orElseThrow().toGuidedTour());
        }
    }

    @Test
    void aVersionOneFileKeepsItsToursAndGainsNotesAndDrawings() throws Exception {
        long tourId;
        try (UserDatabase old = UserDatabase.open(file(), List.of(UserSchema.MIGRATIONS.get(0)))) {
            assertEquals(0, old.versionAtOpen());
            // a tour written with version 1's columns only, as an older atlas wrote it
            tourId = old.change("old tour", c -> {
                try (var st = c.createStatement()) {
                    st.executeUpdate("INSERT INTO tour(id, title, created_at, updated_at) VALUES (7, 'Old', '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z')");
                    st.executeUpdate("INSERT INTO view(id, centre_lat, centre_lon, zoom, map_date) VALUES (3, 40, 71, 9, '2024-01-01')");
                    st.executeUpdate("INSERT INTO tour_stop(tour_id, ordinal, title, text, view_id) VALUES (7, 0, 'Old stop', '', 3)");
                }
                return 7L;
            }).join();
        }
        assertEquals("1", UserDatabaseTest.one(file(), "PRAGMA user_version"));
        try (UserDatabase db = UserDatabase.open(file())) {
            assertEquals(1, db.versionAtOpen());
            List<TourStop> stops = db.tours().stops(tourId).join();
            assertEquals(1, stops.size());
            assertEquals("Old stop", stops.get(0).title());
            assertEquals("", stops.get(0).notes());
            assertEquals(Drawing.EMPTY, stops.get(0).drawing());
            assertTrue(db.tours().setDrawing(stops.get(0).id(), DRAWN).join());
            assertEquals(DRAWN, db.tours().stops(tourId).join().get(0).drawing());
        }
        assertEquals(Integer.toString(UserSchema.LATEST), UserDatabaseTest.one(file(), "PRAGMA user_version"));
    }
}
