package org.ferganaatlas.gui.state;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.ferganaatlas.data.user.Note;
import org.ferganaatlas.data.user.NoteDraft;
import org.ferganaatlas.data.user.NoteFiles;
import org.ferganaatlas.data.user.UserDatabase;
import org.ferganaatlas.model.Feature;

/**
 * The user's notes as the window sees them: every saved note (kept in memory, in the order they were made, once the
 * user's database is open), which one is chosen, whose place's notes are listed, and where the pin tool was clicked.
 * The notes tab, the notes map layer and the details panel all observe this and never each other. Every change is
 * saved first ({@code data.user.Notes}, one transaction on the database's own thread) and shown here only once it is
 * on disk; a failed save changes nothing here. Properties and the list are touched on the FX thread.
 */
public final class NoteBook {
    private final UserStore user;
    private final ObservableList<Note> notes = FXCollections.observableArrayList();
    private final ObservableList<Note> readOnly = FXCollections.unmodifiableObservableList(notes);
    private final ObjectProperty<Long> selected = new SimpleObjectProperty<>(this, "selected");
    private final StringProperty placeFilter = new SimpleStringProperty(this, "placeFilter");
    private final ObjectProperty<NoteFiles.LatLon> pinRequest = new SimpleObjectProperty<>(this, "pinRequest");
    private final javafx.beans.property.BooleanProperty loaded = new javafx.beans.property.SimpleBooleanProperty(this, "loaded");

    NoteBook(UserStore user) {
        this.user = user;
        user.databaseProperty().addListener((o, a, db) -> {
            notes.clear();
            loaded.set(false);
            if (db != null) {
                load(db);
            }
        });
    }

    private void load(UserDatabase db) {
        db.notes().list().whenComplete((list, e) -> Platform.runLater(() -> {
            if (user.database().orElse(null) != db) {
                return; // another database since
            }
            if (e != null) {
                org.ferganaatlas.data.ErrorLog.standard().append("Could not read the user's notes", e);
                return;
            }
            notes.setAll(list);
            loaded.set(true);
        }));
    }

    /** Every saved note, oldest first (observable, read-only). */
    public ObservableList<Note> notes() {
        return readOnly;
    }

    /** Whether the notes have been read from the user's database. */
    public javafx.beans.property.ReadOnlyBooleanProperty loadedProperty() {
        return loaded;
    }

    /** The id of the note the user chose (the notes tab opens it, the map marks its pin), or null. */
    public ObjectProperty<Long> selectedProperty() {
        return selected;
    }

    /** The feature whose notes the notes tab lists ("Notes on this place"), or null for all notes. */
    public StringProperty placeFilterProperty() {
        return placeFilter;
    }

    /**
     * Where the pin tool was last clicked ({@link ToolMode#PIN}): the notes tab starts a note there and sets it back to
     * null. Null when there is none waiting.
     */
    public ObjectProperty<NoteFiles.LatLon> pinRequestProperty() {
        return pinRequest;
    }

    public Optional<Note> get(long id) {
        return notes.stream().filter(n -> n.id() == id).findFirst();
    }

    /** The notes about one feature. */
    public List<Note> about(String featureKey) {
        return notes.stream().filter(n -> featureKey != null && featureKey.equals(n.featureKey())).toList();
    }

    /**
     * Saves a new note ({@code id} null) or the changes to one; completes on the FX thread with the note as saved,
     * after the list shows it. Fails (and nothing changes here) if there is no user database or the save fails.
     */
    public CompletableFuture<Note> save(Long id, NoteDraft draft) {
        UserDatabase db = user.database().orElse(null);
        if (db == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("the user database is not open"));
        }
        CompletableFuture<Note> saved = id == null ? db.notes().insert(draft)
                : db.notes().update(id, draft).thenApply(o -> o.orElseThrow(() -> new IllegalStateException("note " + id + " is gone")));
        return onFx(saved, this::put);
    }

    /** Deletes a note; completes on the FX thread with it as it was (to {@link #restore} on Undo). */
    public CompletableFuture<Optional<Note>> delete(long id) {
        UserDatabase db = user.database().orElse(null);
        if (db == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("the user database is not open"));
        }
        return onFx(db.notes().remove(id), was -> {
            notes.removeIf(n -> n.id() == id);
            if (selected.get() != null && selected.get() == id) {
                selected.set(null);
            }
        });
    }

    /** Puts a deleted note back with its id, times and tags (Undo); completes on the FX thread. */
    public CompletableFuture<Note> restore(Note note) {
        UserDatabase db = user.database().orElse(null);
        if (db == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("the user database is not open"));
        }
        return onFx(db.notes().restore(note), this::put);
    }

    /** Where a note is on the map: its own point, else its feature's; empty if neither is known. */
    public static Optional<NoteFiles.LatLon> placeOf(Note n, MapData data) {
        if (n.lat() != null && n.lon() != null) {
            return Optional.of(new NoteFiles.LatLon(n.lat(), n.lon()));
        }
        return featurePlace(n.featureKey(), data);
    }

    /** A feature's point (its label point for lines and areas), if it has one. */
    public static Optional<NoteFiles.LatLon> featurePlace(String key, MapData data) {
        if (key == null) {
            return Optional.empty();
        }
        return data.feature(key).filter(Feature::hasLocation).map(f -> new NoteFiles.LatLon(f.lat(), f.lon()));
    }

    private void put(Note saved) {
        for (int i = 0; i < notes.size(); i++) {
            if (notes.get(i).id() == saved.id()) {
                notes.set(i, saved);
                return;
            }
        }
        // in id order: a restored note goes back where it was
        int at = 0;
        while (at < notes.size() && notes.get(at).id() < saved.id()) {
            at++;
        }
        notes.add(at, saved);
    }

    private static <T> CompletableFuture<T> onFx(CompletableFuture<T> work, java.util.function.Consumer<T> show) {
        CompletableFuture<T> out = new CompletableFuture<>();
        work.whenComplete((v, e) -> Platform.runLater(() -> {
            if (e != null) {
                out.completeExceptionally(e);
            } else {
                show.accept(v);
                out.complete(v);
            }
        }));
        return out;
    }
}
