package org.ferganaatlas.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What the atlas could not save in the user's folders ({@link AtlasPaths#userDataDir()}, {@link AtlasPaths#cacheDir()}).
 *
 * <p>A read-only, full or missing folder never stops the atlas: whoever fails to write there (the tile disk cache,
 * the error log, later settings and notes) calls {@link #report}, keeps working without saving, and the window shows
 * one notice per folder, however often the writes fail. {@link #probe()} tries both folders once at start so the
 * notice appears early rather than at the first write. No JavaFX here: listeners hop to the FX thread themselves.
 */
public final class UserFolders {
    /** The two per-user folders. */
    public enum Folder {
        /** Settings, notes, error reports: {@link AtlasPaths#userDataDir()}. */
        USER_DATA,
        /** Rendered map tiles: {@link AtlasPaths#cacheDir()}. */
        CACHE
    }

    /** One folder the atlas cannot write to, and why (technical, for logs). */
    public record SaveProblem(Folder folder, Path path, String reason) {}

    private static final Map<Folder, SaveProblem> PROBLEMS = new EnumMap<>(Folder.class);
    private static final List<Consumer<SaveProblem>> LISTENERS = new ArrayList<>();

    private UserFolders() {}

    /** The folder's path as configured (not created). */
    public static Path path(Folder folder) {
        return folder == Folder.USER_DATA ? AtlasPaths.userDataDir() : AtlasPaths.cacheDir();
    }

    /**
     * Tries to create each folder and write and delete a small file in it; reports the ones that fail. Cheap
     * (a few file operations); call once at start, off the FX thread. Never throws.
     */
    public static void probe() {
        for (Folder f : Folder.values()) {
            Path dir;
            try {
                dir = path(f);
            } catch (RuntimeException e) {
                report(f, null, e);
                continue;
            }
            try {
                Files.createDirectories(dir);
                Path tmp = Files.createTempFile(dir, ".write-test", ".tmp");
                try {
                    Files.write(tmp, new byte[] {1});
                } finally {
                    Files.deleteIfExists(tmp);
                }
            } catch (IOException | RuntimeException e) {
                report(f, dir, e);
            }
        }
    }

    /** Records that something could not be saved in {@code folder}; listeners hear of the first report per folder only. */
    public static void report(Folder folder, Path path, Throwable why) {
        SaveProblem p;
        List<Consumer<SaveProblem>> tell;
        synchronized (PROBLEMS) {
            if (PROBLEMS.containsKey(folder)) {
                return;
            }
            p = new SaveProblem(folder, path != null ? path : safePath(folder), String.valueOf(why));
            PROBLEMS.put(folder, p);
            tell = List.copyOf(LISTENERS);
        }
        for (Consumer<SaveProblem> l : tell) {
            l.accept(p);
        }
    }

    /** Problems reported so far, one per folder. */
    public static List<SaveProblem> problems() {
        synchronized (PROBLEMS) {
            return List.copyOf(PROBLEMS.values());
        }
    }

    /** Calls {@code listener} for every problem reported so far and, once each, for those reported later (any thread). */
    public static void addListener(Consumer<SaveProblem> listener) {
        List<SaveProblem> sofar;
        synchronized (PROBLEMS) {
            LISTENERS.add(listener);
            sofar = List.copyOf(PROBLEMS.values());
        }
        sofar.forEach(listener);
    }

    /** Stops calling {@code listener}. */
    public static void removeListener(Consumer<SaveProblem> listener) {
        synchronized (PROBLEMS) {
            LISTENERS.remove(listener);
        }
    }

    /** Forgets reported problems (tests that change the folders). */
    public static void reset() {
        synchronized (PROBLEMS) {
            PROBLEMS.clear();
        }
    }

    private static Path safePath(Folder f) {
        try {
            return path(f);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
