package org.ferganaatlas.gui.state;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.ferganaatlas.data.UserFolders;
import org.ferganaatlas.data.user.Settings;
import org.ferganaatlas.data.user.UserDataException;
import org.ferganaatlas.data.user.UserDatabase;

/**
 * The window's handle on the user's own database (notes, tours, bookmarks, settings). It is opened on a background
 * thread after the window is up, never on the FX thread; until then, and if it cannot be opened, the atlas works
 * as a viewer and {@link #problemProperty()} says why in plain words. A damaged or foreign file is set aside (kept,
 * renamed) and a new one started, so nothing the user had is destroyed and the next save works.
 */
public final class UserStore {
    /** What the window tells the user about their database. */
    public record Problem(UserDataException error, Path setAsideTo) {}

    private final ObjectProperty<UserDatabase> database = new SimpleObjectProperty<>(this, "database");
    private final ObjectProperty<Problem> problem = new SimpleObjectProperty<>(this, "problem");
    private final NoteBook notes = new NoteBook(this);

    /** The user's notes, as the window shows them (read once the database is open). */
    public NoteBook notes() {
        return notes;
    }

    /** The open database, or null (not yet open, or it could not be). */
    public ReadOnlyObjectProperty<UserDatabase> databaseProperty() {
        return database;
    }

    public Optional<UserDatabase> database() {
        return Optional.ofNullable(database.get());
    }

    /** Why the database is not (or not as it was) available, or null. */
    public ReadOnlyObjectProperty<Problem> problemProperty() {
        return problem;
    }

    /**
     * Opens {@code file} in the background; on the FX thread, restores the remembered language (unless {@code
     * keepLanguage}: it was chosen on the command line), text size and contrast, and from then on remembers every
     * change of them.
     */
    public void open(Path file, AtlasState state, boolean keepLanguage) {
        Thread t = new Thread(() -> {
            UserDatabase db = null;
            Problem said = null;
            try {
                db = UserDatabase.open(file);
            } catch (UserDataException e) {
                Path aside = null;
                if (e.problem() == UserDataException.Problem.DAMAGED || e.problem() == UserDataException.Problem.NOT_DATABASE) {
                    try {
                        aside = UserDatabase.setAside(file);
                        db = UserDatabase.open(file);
                    } catch (UserDataException again) {
                        db = null;
                    }
                }
                said = new Problem(e, aside);
                if (e.problem() == UserDataException.Problem.UNWRITABLE) {
                    // the folder itself: said once, with the other writes that fail there
                    UserFolders.report(UserFolders.Folder.USER_DATA, file.getParent(), e);
                }
            }
            UserDatabase opened = db;
            Problem problemNow = said;
            Platform.runLater(() -> {
                problem.set(problemNow);
                database.set(opened);
                if (opened != null) {
                    remember(opened.settings(), state, keepLanguage);
                }
            });
        }, "atlas-user-db-open");
        t.setDaemon(true);
        t.start();
    }

    private static void remember(Settings settings, AtlasState state, boolean keepLanguage) {
        if (!keepLanguage) {
            settings.get(Settings.LANGUAGE).map(Locale::forLanguageTag).filter(l -> !l.getLanguage().isEmpty())
                    .ifPresent(state.languageProperty()::set);
        }
        state.languageProperty().addListener((o, a, l) -> settings.put(Settings.LANGUAGE, l.toLanguageTag()));
        // the text size and the contrast theme, remembered the same way
        state.textSizeProperty().set(settings.getInt(Settings.TEXT_SIZE, state.textSizeProperty().get()));
        state.highContrastProperty().set(settings.getBoolean(Settings.HIGH_CONTRAST, state.highContrastProperty().get()));
        state.textSizeProperty().addListener((o, a, n) -> settings.put(Settings.TEXT_SIZE, Integer.toString(n.intValue())));
        state.highContrastProperty().addListener((o, a, on) -> settings.put(Settings.HIGH_CONTRAST, Boolean.toString(on)));
    }

    /** Closes the database (the window is going away); queued saves are written first. */
    public void close() {
        UserDatabase db = database.get();
        database.set(null);
        if (db != null) {
            db.close();
        }
    }
}
