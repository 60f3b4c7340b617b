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
}
