package org.ferganaatlas.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The bundled database checked against the SHA-256 built into the program (docs/decisions/0010).
 *
 * <p>The build writes the SHA-256 of {@code assets/atlas.sqlite} into the jar as the resource {@value #RESOURCE}
 * (pom.xml, {@code maven-antrun-plugin} at {@code process-resources}), so the value travels with the code, not in a
 * file beside the data it guards: deleting or editing {@code atlas.sqlite.sha256} next to the database changes
 * nothing. The app calls {@link #verify} for the file it opens as its bundled database
 * ({@link AtlasPaths#bundledDatabase()}, which {@code -Datlas.assets} may point elsewhere: that copy is checked
 * too). Other databases (tests' fixture files, a user's file) are opened with {@link AtlasDatabase#open} and never
 * come here. A program built without the resource (an IDE's own compiler) refuses too, and says so; a developer
 * who means to run such a build or an unbuilt database passes {@value #SKIP_PROPERTY}{@code =true}, which no
 * launcher sets. No JavaFX: the window shows the {@link AtlasDataException} in the user's language.
 */
public final class BundleIntegrity {
    /** The resource (next to this class) holding the bundled database's SHA-256, in {@code sha256sum} format. */
    public static final String RESOURCE = "bundled-atlas.sha256";
    /** Development only: {@code -Datlas.database.unchecked=true} skips the check (nothing in a package sets it). */
    public static final String SKIP_PROPERTY = "atlas.database.unchecked";

    private BundleIntegrity() {}

    /** The SHA-256 (lower-case hex) written at build time, or empty if this build has none. */
    public static Optional<String> expectedSha256() {
        try (InputStream in = BundleIntegrity.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return Optional.empty();
            }
            return parse(new String(in.readNBytes(4096), StandardCharsets.US_ASCII));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The first word of a {@code sha256sum} line if it is 64 hex digits. */
    static Optional<String> parse(String text) {
        String first = text.strip().split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
        return first.matches("[0-9a-f]{64}") ? Optional.of(first) : Optional.empty();
    }

    /**
     * Checks {@code file} (the bundled database) against the built-in SHA-256. Reads the file once (about 35 ms
     * for 3 MB in a fresh JVM), never changes it, and ignores any {@code .sha256} file beside it.
     *
     * @return true if checked and equal; false only if {@value #SKIP_PROPERTY} is set
     * @throws AtlasDataException {@code ALTERED} if the bytes differ, {@code MISSING}/{@code UNREADABLE} if the file
     *                            cannot be read, {@code OTHER} if this build of the program carries no checksum
     */
    public static boolean verify(Path file) throws AtlasDataException {
        if (Boolean.getBoolean(SKIP_PROPERTY)) {
            return false;
        }
        return verify(file, expectedSha256());
    }

    /** {@link #verify(Path)} with the expected value given (tests). */
    static boolean verify(Path file, Optional<String> expected) throws AtlasDataException {
        Path abs = file.toAbsolutePath().normalize();
        if (expected.isEmpty()) {
            String why = "This build of the program carries no checksum for its data (" + RESOURCE
                    + " is missing from it), so the data cannot be checked. Build it with Maven.";
            throw new AtlasDataException(AtlasDataException.Problem.OTHER, why, abs, null, why);
        }
        if (!java.nio.file.Files.exists(abs)) {
            throw new AtlasDataException(AtlasDataException.Problem.MISSING, "The atlas database was not found.", abs, null);
        }
        String actual;
        try {
            actual = AtlasDatabase.sha256(abs);
        } catch (IOException e) {
            throw new AtlasDataException(AtlasDataException.Problem.UNREADABLE, "The atlas database cannot be read ("
                    + e.getMessage() + ").", abs, e);
        }
        String want = expected.get();
        if (!actual.equals(want)) {
            // shown inside the translated sentence "it no longer matches its checksum ({0})": digits only, no words
            String detail = "SHA-256 " + actual.substring(0, 12) + "… ≠ " + want.substring(0, 12) + "…";
            throw new AtlasDataException(AtlasDataException.Problem.ALTERED, "The atlas database has been changed since"
                    + " this program was built: its SHA-256 is " + actual + ", the program expects " + want + ".", abs, null,
                    detail);
        }
        return true;
    }
}
