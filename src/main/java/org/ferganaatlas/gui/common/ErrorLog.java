package org.ferganaatlas.gui.common;

import java.nio.file.Path;

/**
 * Where technical detail goes, for any part of the window: {@link org.ferganaatlas.data.ErrorLog#standard()} (rotated,
 * in the user's data folder, else a private folder of the user's own in the temp folder). Only the crash handler
 * talks to the user about it.
 */
public final class ErrorLog {
    private ErrorLog() {}

    /** The log file used, or null when not even the private fallback can be written. */
    public static Path file() {
        return org.ferganaatlas.data.ErrorLog.standard().file();
    }

    /** Appends a problem with its stack trace; returns the file written, or null (then it went to standard error). */
    public static Path log(String what, Throwable t) {
        Path f = org.ferganaatlas.data.ErrorLog.standard().append(what, t);
        if (f == null) {
            System.err.println("Fergana Border Atlas: " + what + " (no error log could be written)");
        }
        return f;
    }
}
