package org.ferganaatlas.data;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real bundled database for a test class: register it as a static field,
 * {@code @RegisterExtension static final BundledAtlas atlas = new BundledAtlas();}, and use {@link #db()}.
 * Before all tests it opens {@link AtlasPaths#bundledDatabase()}, skipping the whole class when that has not
 * been built yet; after all tests it closes it.
 */
public final class BundledAtlas implements BeforeAllCallback, AfterAllCallback {
    private AtlasDatabase db;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Path file = AtlasPaths.bundledDatabase();
        assumeTrue(Files.isRegularFile(file), "no bundled database at " + file);
        db = AtlasDatabase.open(file);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (db != null) {
            db.close();
            db = null;
        }
    }

    /** The open bundled database (only between before-all and after-all). */
    public AtlasDatabase db() {
        if (db == null) {
            throw new IllegalStateException("the bundled database is not open");
        }
        return db;
    }
}
