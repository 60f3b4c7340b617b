package org.ferganaatlas.data;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * Where the app's files are.
 *
 * <h2>The bundled database ({@link #bundledDatabase()})</h2>
 * The first existing file of:
 * <ol>
 *   <li>{@code <atlas.assets>/atlas.sqlite} if the system property {@code atlas.assets} is set (development runs:
 *       {@code ./mvnw javafx:run} and the tests set it to the project's {@code assets/}); if set, it is the only candidate;</li>
 *   <li>{@code assets/atlas.sqlite} in the directory holding the app's code or any of its up to
 *       {@value #PARENT_LEVELS} parent directories (the installer puts {@code assets/} in the app directory; the
 *       jar sits in {@code <app>/lib/} or {@code <app>/lib/app/}, so walking up finds it; for {@code target/classes}
 *       it finds the project's {@code assets/});</li>
 *   <li>the same walk up from {@code java.home} (a jlink/jpackage runtime in {@code <app>/lib/runtime}, where the
 *       code source is {@code jrt:/} rather than a file);</li>
 *   <li>{@code assets/atlas.sqlite} under the working directory.</li>
 * </ol>
 * If none exists the first candidate is returned, so that {@link AtlasDatabase#open} reports a useful path.
 *
 * <h2>User folders</h2>
 * {@link #userDataDir()} (the user's own database, {@link #userDatabase()}) and {@link #cacheDir()} (rendered
 * tiles; safe to delete): Linux {@code $XDG_DATA_HOME/fergana-atlas} (default {@code ~/.local/share}) and
 * {@code $XDG_CACHE_HOME/fergana-atlas} (default {@code ~/.cache}); Windows {@code %APPDATA%\FerganaAtlas} and
 * {@code %LOCALAPPDATA%\FerganaAtlas\Cache}; macOS {@code ~/Library/Application Support/Fergana Atlas} and
 * {@code ~/Library/Caches/org.ferganaatlas}. The system properties {@code atlas.userdata} and {@code atlas.cache}
 * override them (tests). The folders are not created here.
 */
public final class AtlasPaths {
    private AtlasPaths() {}

    /** File name of the bundled database inside the assets directory. */
    public static final String DATABASE_FILE = "atlas.sqlite";
    /** File name of the user's own database inside {@link #userDataDir()}. */
    public static final String USER_DATABASE_FILE = "user.sqlite";
    static final int PARENT_LEVELS = 4;

    /** The bundled, read-only atlas database (see the class comment for the search order). */
    public static Path bundledDatabase() {
        List<Path> candidates = bundledDatabaseCandidates();
        for (Path p : candidates) {
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return candidates.get(0);
    }

    /** Every place looked at for the bundled database, in order. */
    public static List<Path> bundledDatabaseCandidates() {
        String assets = System.getProperty("atlas.assets");
        if (assets != null && !assets.isBlank()) {
            return List.of(Path.of(assets).toAbsolutePath().normalize().resolve(DATABASE_FILE));
        }
        LinkedHashSet<Path> out = new LinkedHashSet<>();
        codeLocation().ifPresent(dir -> walkUp(dir, out));
        String javaHome = System.getProperty("java.home");
        if (javaHome != null) {
            walkUp(Path.of(javaHome).toAbsolutePath(), out);
        }
        out.add(Path.of("").toAbsolutePath().resolve("assets").resolve(DATABASE_FILE));
        return new ArrayList<>(out);
    }

    private static void walkUp(Path start, LinkedHashSet<Path> out) {
        Path dir = start;
        for (int i = 0; i <= PARENT_LEVELS && dir != null; i++) {
            out.add(dir.resolve("assets").resolve(DATABASE_FILE));
            dir = dir.getParent();
        }
    }

    /** The directory holding our code (the jar's directory, or the classes directory itself). */
    private static java.util.Optional<Path> codeLocation() {
        try {
            CodeSource cs = AtlasPaths.class.getProtectionDomain().getCodeSource();
            if (cs == null || cs.getLocation() == null || !"file".equals(cs.getLocation().getProtocol())) {
                return java.util.Optional.empty();
            }
            Path p = Path.of(cs.getLocation().toURI()).toAbsolutePath();
            return java.util.Optional.of(Files.isDirectory(p) ? p : p.getParent());
        } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    /** The user's own database (bookmarks, notes): {@code <userDataDir>/user.sqlite}. */
    public static Path userDatabase() {
        return userDataDir().resolve(USER_DATABASE_FILE);
    }

    /** Per-user data folder (see class comment). */
    public static Path userDataDir() {
        String override = System.getProperty("atlas.userdata");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        Path home = Path.of(System.getProperty("user.home"));
        switch (os()) {
            case WINDOWS: {
                String appData = System.getenv("APPDATA");
                Path base = appData != null && !appData.isBlank() ? Path.of(appData) : home.resolve("AppData").resolve("Roaming");
                return base.resolve("FerganaAtlas");
            }
            case MAC:
                return home.resolve("Library").resolve("Application Support").resolve("Fergana Atlas");
            default: {
                String xdg = System.getenv("XDG_DATA_HOME");
                Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg) : home.resolve(".local").resolve("share");
                return base.resolve("fergana-atlas");
            }
        }
    }

    /** Per-user cache folder (rendered tiles; may be deleted at any time). */
    public static Path cacheDir() {
        String override = System.getProperty("atlas.cache");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        Path home = Path.of(System.getProperty("user.home"));
        switch (os()) {
            case WINDOWS: {
                String local = System.getenv("LOCALAPPDATA");
                Path base = local != null && !local.isBlank() ? Path.of(local) : home.resolve("AppData").resolve("Local");
                return base.resolve("FerganaAtlas").resolve("Cache");
            }
            case MAC:
                return home.resolve("Library").resolve("Caches").resolve("org.ferganaatlas");
            default: {
                String xdg = System.getenv("XDG_CACHE_HOME");
                Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg) : home.resolve(".cache");
                return base.resolve("fergana-atlas");
            }
        }
    }

    private enum Os { WINDOWS, MAC, OTHER }

    private static Os os() {
        String name = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (name.startsWith("windows")) {
            return Os.WINDOWS;
        }
        if (name.startsWith("mac") || name.contains("darwin")) {
            return Os.MAC;
        }
        return Os.OTHER;
    }
}
