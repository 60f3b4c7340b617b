package org.ferganaatlas.gui.common;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens a user's own file (a note's photo) with the program their system uses for it, through the application's
 * {@link javafx.application.HostServices} when the window runs as the atlas application (a window built in a test or
 * a benchmark has none: then nothing is opened and the caller says where the file is).
 */
public final class HostFiles {
    private static volatile javafx.application.HostServices host;

    private HostFiles() {}

    /** Called once by the application. */
    public static void install(javafx.application.HostServices services) {
        host = services;
    }

    /** What became of a request to open a file. */
    public enum Result { OPENED, MISSING, NO_HOST }

    /** Asks the system to open {@code file} (FX thread; the system opens it in its own time). */
    public static Result open(Path file) {
        if (!Files.isRegularFile(file)) {
            return Result.MISSING;
        }
        javafx.application.HostServices h = host;
        if (h == null) {
            return Result.NO_HOST;
        }
        h.showDocument(file.toUri().toString());
        return Result.OPENED;
    }
}
