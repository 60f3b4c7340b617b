package org.ferganaatlas.gui.app;

import org.ferganaatlas.gui.common.ErrorLog;

import org.ferganaatlas.gui.l10n.Messages;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.Scene;
import javafx.stage.Window;
import org.ferganaatlas.data.AtlasPaths;
import org.ferganaatlas.data.UserFolders;

/**
 * The one place errors end up: the technical detail goes to {@code <user data>/logs/atlas-errors.log}
 * (or the temp folder if that cannot be written), the user gets a short message in plain words, at most
 * once a minute, and the window keeps running.
 */
public final class CrashHandler implements Thread.UncaughtExceptionHandler {
    private static final CrashHandler INSTANCE = new CrashHandler();
    private volatile long lastShown;
    private volatile boolean quiet;
    private final java.util.concurrent.atomic.AtomicInteger errors = new java.util.concurrent.atomic.AtomicInteger();
    /** Window repairs in the current minute: an error that recurs in every layout pass must not loop forever. */
    private long repairMinute;
    private int repairs;

    private CrashHandler() {}

    /** Installs the handler for every thread, including the FX thread. */
    public static void install() {
        Thread.setDefaultUncaughtExceptionHandler(INSTANCE);
        if (Platform.isFxApplicationThread()) {
            Thread.currentThread().setUncaughtExceptionHandler(INSTANCE);
        }
    }

    /** No dialogs (benchmark, tests that provoke errors); errors are still logged. */
    public static void setQuiet(boolean q) {
        INSTANCE.quiet = q;
    }

    /** The log file used (created on first error). */
    public static Path logFile() {
        return ErrorLog.file();
    }

    /** Errors that reached this handler since start ({@code --walkthrough} requires none). */
    public static int errorCount() {
        return INSTANCE.errors.get();
    }

    /** Appends a problem to the log; returns the file written (or null if even that failed). */
    public static Path log(String what, Throwable t) {
        return ErrorLog.log(what, t);
    }

    /**
     * Never a half-drawn window: an exception thrown during an event or a layout pass can leave nodes with stale
     * sizes or positions, so every open window is laid out afresh in the next pulse (at most 5 times a minute, in
     * case the error recurs in every pass).
     */
    private void repairWindows() {
        long minute = System.currentTimeMillis() / 60_000;
        if (minute != repairMinute) {
            repairMinute = minute;
            repairs = 0;
        }
        if (++repairs > 5) {
            return;
        }
        try {
            for (Window w : Window.getWindows()) {
                Scene scene = w.getScene();
                if (scene != null && scene.getRoot() != null) {
                    scene.getRoot().requestLayout();
                    scene.getRoot().applyCss();
                }
            }
            Platform.requestNextPulse();
        } catch (RuntimeException e) {
            log("Could not redraw after an error", e);
        }
    }

    @Override
    public void uncaughtException(Thread thread, Throwable error) {
        errors.incrementAndGet();
        Path file = log("Unexpected error on thread " + thread.getName(), error);
        // one plain line for a terminal; the stack trace is only in the log file
        System.err.println("Fergana Border Atlas: unexpected error (" + error.getClass().getSimpleName() + "), details in "
                + (file == null ? "no log" : file));
        if (Platform.isFxApplicationThread()) {
            repairWindows();
        }
        if (quiet) {
            return;
        }
        long now = System.currentTimeMillis();
        if (now - lastShown < 60_000) {
            return;
        }
        lastShown = now;
        Runnable show = () -> {
            Alert a = new Alert(Alert.AlertType.WARNING, Messages.format("error.unexpected.text",
                    file == null ? Messages.get("error.noLog") : file.toString()), ButtonType.OK);
            a.setTitle(Messages.get("app.title"));
            a.setHeaderText(Messages.get("error.unexpected.header"));
            a.getDialogPane().getStyleClass().add("crash-dialog");
            a.show();
            if (AtlasApp.nonInteractive()) {
                AtlasApp.printDialog(a);
            }
        };
        try {
            if (Platform.isFxApplicationThread()) {
                show.run();
            } else {
                Platform.runLater(show);
            }
        } catch (IllegalStateException e) {
            // toolkit not running: the log is all we can do
        }
    }
}
