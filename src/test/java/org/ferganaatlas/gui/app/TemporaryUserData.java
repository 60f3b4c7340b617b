package org.ferganaatlas.gui.app;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh user-data folder ({@code atlas.userdata}) for one test class, put back as it was afterwards: windows under
 * test open their user database, error log and settings there, never where another class or the account keeps them.
 */
final class TemporaryUserData implements BeforeAllCallback, AfterAllCallback {
    private final String prefix;
    private Path dir;
    private String before;

    TemporaryUserData(String prefix) {
        this.prefix = prefix;
    }

    /** The folder (set before the class's own {@code @BeforeAll} runs). */
    Path dir() {
        return dir;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        dir = Files.createTempDirectory(prefix);
        before = System.getProperty("atlas.userdata");
        System.setProperty("atlas.userdata", dir.toString());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (before == null) {
            System.clearProperty("atlas.userdata");
        } else {
            System.setProperty("atlas.userdata", before);
        }
    }
}
