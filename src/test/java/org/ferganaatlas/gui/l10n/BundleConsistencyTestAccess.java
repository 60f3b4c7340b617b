package org.ferganaatlas.gui.l10n;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** The bundle-file reader of {@link BundleConsistencyTest} for window tests in other packages. */
public final class BundleConsistencyTestAccess {
    private BundleConsistencyTestAccess() {}

    public static Map<String, String> read(Path file) throws IOException {
        return BundleConsistencyTest.read(file);
    }

    /** The keys and texts of one language's bundle file ({@code en}: the base file), as written in the sources. */
    public static Map<String, String> language(String lang) throws IOException {
        Path dir = Path.of("src/main/resources/org/ferganaatlas/gui/l10n");
        return read(dir.resolve(lang.equals("en") ? "messages.properties" : "messages_" + lang + ".properties"));
    }
}
