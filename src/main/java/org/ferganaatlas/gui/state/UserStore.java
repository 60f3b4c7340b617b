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
import org.ferganaatlas.data.user.UserBackups;
import org.ferganaatlas.data.user.UserDataException;
import org.ferganaatlas.data.user.UserDatabase;

/**
 * The window's handle on the user's own database (notes, tours, bookmarks, settings). It is opened on a background
 * thread after the window is up, never on the FX thread; until then, and if it cannot be opened, the atlas works
 * as a viewer and {@link #problemProperty()} says why in plain words. A damaged or foreign file is set aside (kept,
 * renamed) and the newest good backup ({@link UserBackups}) put in its place, or, with none, a new one started, so
 * nothing the user had is destroyed and the next save works. A checked backup is made at the first start of each day.
 */
public final class UserStore {
    /** What the window tells the user about their database. */
    public record Problem(UserDataException error, Path setAsideTo, UserBackups.Backup restored) {}

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
            Opened o = openOrRestore(file);
            Platform.runLater(() -> {
                problem.set(o.problem());
                database.set(o.db());
                if (o.db() != null) {
                    remember(o.db().settings(), state, keepLanguage);
                }
            });
            if (o.db() != null) {
                // the day's copy, after the window has its data; a copy that fails leaves the older ones
                o.db().backupIfDue().exceptionally(e -> {
                    LOG.log(System.Logger.Level.WARNING, "could not back up the user's database", e);
                    return java.util.Optional.empty();
                });
            }
        }, "atlas-user-db-open");
        t.setDaemon(true);
        t.start();
    }

    /** What opening came to: the database (or null) and what to tell the user (or null). */
    record Opened(UserDatabase db, Problem problem) {}

    /**
     * Opens {@code file}; when it is damaged, not a database or cannot be brought up to date, sets it aside (never
     * deletes it) and puts the newest good backup in its place, trying older ones if one will not open, and starts
     * an empty file when none will. Runs off the FX thread.
     */
    static Opened openOrRestore(Path file) {
        try {
            return new Opened(UserDatabase.open(file), null);
        } catch (UserDataException e) {
            if (e.problem() == UserDataException.Problem.UNWRITABLE) {
                // the folder itself: said once, with the other writes that fail there
                UserFolders.report(UserFolders.Folder.USER_DATA, file.getParent(), e);
            }
            if (!REPLACEABLE.contains(e.problem())) {
                return new Opened(null, new Problem(e, null, null));
            }
            Path aside;
            try {
                aside = UserDatabase.setAside(file);
            } catch (UserDataException cannot) {
                return new Opened(null, new Problem(e, null, null));
            }
            java.util.Set<Path> tried = new java.util.HashSet<>();
            while (true) {
                UserBackups.Backup restored = null;
                try {
                    restored = UserBackups.restoreNewest(file, tried).orElse(null);
                } catch (java.io.IOException io) {
                    LOG.log(System.Logger.Level.WARNING, "could not restore a backup of " + file, io);
                }
                try {
                    return new Opened(UserDatabase.open(file), new Problem(e, aside, restored));
                } catch (UserDataException again) {
                    if (restored == null) {
                        return new Opened(null, new Problem(e, aside, null));
                    }
                    // that copy will not open here (a step to this version fails): drop the copy of it, try an older one
                    tried.add(restored.file());
                    try {
                        java.nio.file.Files.deleteIfExists(file);
                        for (String suffix : java.util.List.of("-wal", "-shm")) {
                            java.nio.file.Files.deleteIfExists(file.resolveSibling(file.getFileName() + suffix));
                        }
                    } catch (java.io.IOException io) {
                        return new Opened(null, new Problem(e, aside, null));
                    }
                }
            }
        }
    }

    private static final java.util.Set<UserDataException.Problem> REPLACEABLE = java.util.EnumSet.of(
            UserDataException.Problem.DAMAGED, UserDataException.Problem.NOT_DATABASE, UserDataException.Problem.UPGRADE_FAILED);
    private static final System.Logger LOG = System.getLogger(UserStore.class.getName());

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
