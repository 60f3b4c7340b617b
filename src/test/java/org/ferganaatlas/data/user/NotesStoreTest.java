package org.ferganaatlas.data.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.ferganaatlas.data.UserFolders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The notes store on a real SQLite file: photo references, delete and undo, search in either script, by place. */
class NotesStoreTest {
    @TempDir
    Path dir;

    @AfterEach
    void forgetReportedFolders() {
        UserFolders.reset();
    }

    private Path file() {
        return dir.resolve("user.sqlite");
    }

    private static NoteDraft dostuk() {
        return NoteDraft.onFeature("village:dostuk", "Водопровод в Достуке", "Канал отремонтирован весной, 40 семей")
                .withPlace("village:dostuk", 40.05, 70.69).withDate(LocalDate.of(2025, 4, 3)).withAuthor("Aigul")
                .withTags(List.of("water", "вода")).withPhoto("/home/aigul/Pictures/canal 1.jpg");
    }

    @Test
    void aNoteKeepsEveryFieldAndItsPhotoAcrossARestart() throws Exception {
        long id;
        try (UserDatabase db = UserDatabase.open(file())) {
            Note n = db.notes().insert(dostuk()).join();
            id = n.id();
            assertEquals("/home/aigul/Pictures/canal 1.jpg", n.photo());
            Note changed = db.notes().update(id, n.draft().withPhoto(null).withTitle("Canal")).join().orElseThrow();
            assertNull(changed.photo(), "the photo reference can be taken away");
            db.notes().update(id, changed.draft().withPhoto("C:\\Users\\A\\canal.jpg")).join();
        }
        try (UserDatabase db = UserDatabase.open(file())) {
            Note n = db.notes().get(id).join().orElseThrow();
            assertEquals("Canal", n.title());
            assertEquals("C:\\Users\\A\\canal.jpg", n.photo());
            assertEquals(LocalDate.of(2025, 4, 3), n.date());
            assertEquals("Aigul", n.author());
            assertEquals(List.of("water", "вода"), n.tags());
            assertEquals(40.05, n.lat());
            assertEquals("village:dostuk", n.featureKey());
        }
    }

    @Test
    void aFileOfTheFirstSchemaGetsThePhotoColumnAndKeepsItsNotes() throws Exception {
        UserDatabase.open(file(), UserSchema.MIGRATIONS.subList(0, 1)).close();
        // (the store's SQL names the new column: the old version's row is written with plain SQL)
        UserDatabaseTest.exec(file(), "INSERT INTO note(feature_key, title, text, created_at, updated_at)"
                + " VALUES ('village:dostuk', 'Old note', 'from before', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')");
        try (UserDatabase db = UserDatabase.open(file())) {
            List<Note> all = db.notes().list().join();
            assertEquals(1, all.size());
            assertEquals("Old note", all.get(0).title());
            assertNull(all.get(0).photo());
        }
    }

    @Test
    void aDeletedNoteComesBackWithItsIdTimesAndTagsOnUndo() throws Exception {
        try (UserDatabase db = UserDatabase.open(file())) {
            Note a = db.notes().insert(dostuk()).join();
            Note b = db.notes().insert(NoteDraft.atPoint(40.3, 71.1, "Checkpoint queue", "2 hours")).join();
            Note was = db.notes().remove(a.id()).join().orElseThrow();
            assertEquals(a, was, "the note as it was");
            assertEquals(List.of(b), db.notes().list().join());
            assertEquals(0, Integer.parseInt(UserDatabaseTest.one(file(), "SELECT count(*) FROM note_tag WHERE note_id = " + a.id())),
                    "its tags went with it");
            assertTrue(db.notes().remove(a.id()).join().isEmpty(), "a second delete finds nothing");

            Note back = db.notes().restore(was).join();
            assertEquals(a, back, "same id, fields, tags and times");
            assertEquals(List.of(a, b), db.notes().list().join());
            assertEquals(List.of(a), db.notes().listTagged("вода").join());
            CompletionException twice = assertThrows(CompletionException.class, () -> db.notes().restore(was).join());
            assertTrue(twice.getCause() instanceof UserStoreException || twice.getCause() instanceof RuntimeException, twice.toString());
            assertEquals(List.of(a, b), db.notes().list().join(), "a failed restore changes nothing");
        }
    }

    @Test
    void searchFindsNotesInEitherScriptByTitleTextAndTags() throws Exception {
        try (UserDatabase db = UserDatabase.open(file())) {
            Note a = db.notes().insert(dostuk()).join();
            Note b = db.notes().insert(NoteDraft.atPoint(40.3, 71.1, "Kyzyl-Bel queue", "Trucks waited two hours")
                    .withTags(List.of("crossing"))).join();
            assertEquals(List.of(a), db.notes().search("dostuk").join(), "Latin finds Cyrillic");
            assertEquals(List.of(b), db.notes().search("Кызыл-Бел").join(), "Cyrillic finds Latin");
            assertEquals(List.of(a), db.notes().search("кан отрем").join(), "every word, as a prefix");
            assertEquals(List.of(a), db.notes().search("voda").join(), "a tag, transliterated");
            assertEquals(List.of(b), db.notes().search("cross").join());
            assertEquals(List.of(), db.notes().search("dostuk trucks").join(), "all words must match");
            assertEquals(List.of(a, b), db.notes().search("  ").join(), "a blank query lists all");
            assertEquals(List.of(a), db.notes().listFor("village:dostuk").join());
            assertFalse(db.notes().search("\"); DROP TABLE note; --").join().contains(b));
            assertEquals(2, db.notes().list().join().size());
        }
    }

    @Test
    void aDraftRefusesAnAbsurdPhotoPath() {
        assertThrows(IllegalArgumentException.class, () -> dostuk().withPhoto("x".repeat(NoteDraft.MAX_PHOTO_PATH + 1)));
        assertNull(dostuk().withPhoto("  ").photo());
    }
}
