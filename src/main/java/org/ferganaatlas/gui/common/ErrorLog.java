package org.ferganaatlas.gui.common;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import org.ferganaatlas.data.AtlasPaths;
import org.ferganaatlas.data.UserFolders;

/**
 * Where technical detail goes: {@code <user data>/logs/atlas-errors.log} (or the temp folder if that cannot be
 * written). Any part of the window may log here; only the crash handler talks to the user about it.
 */
public final class ErrorLog {
    private ErrorLog() {}

    /** The log file used (created on first error). */
    public static Path file() {
        Path dir = null;
        try {
            dir = AtlasPaths.userDataDir().resolve("logs");
            Files.createDirectories(dir);
            if (Files.isWritable(dir)) {
                return dir.resolve("atlas-errors.log");
            }
        } catch (IOException | RuntimeException e) {
            // fall back below; the status bar says once that the user's folder cannot be written
            UserFolders.report(UserFolders.Folder.USER_DATA, dir, e);
        }
        return Path.of(System.getProperty("java.io.tmpdir"), "fergana-atlas-errors.log");
    }

    /** Appends a problem to the log; returns the file written (or null if even that failed). */
    public static Path log(String what, Throwable t) {
        StringWriter sw = new StringWriter();
        sw.append(LocalDateTime.now().toString()).append("  ").append(what).append('\n');
        if (t != null) {
            t.printStackTrace(new PrintWriter(sw));
        }
        sw.append('\n');
        Path file = file();
        try {
            Files.writeString(file, sw.toString(), StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            return file;
        } catch (IOException | RuntimeException e) {
            System.err.print(sw);
            return null;
        }
    }
}
