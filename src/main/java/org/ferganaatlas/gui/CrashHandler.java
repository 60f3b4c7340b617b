package org.ferganaatlas.gui;

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
import org.ferganaatlas.data.AtlasPaths;

/**
 * The one place errors end up: the technical detail goes to {@code <user data>/logs/atlas-errors.log}
 * (or the temp folder if that cannot be written), the user gets a short message in plain words, at most
 * once a minute, and the window keeps running.
 */
public final class CrashHandler implements Thread.UncaughtExceptionHandler {
    private static final CrashHandler INSTANCE = new CrashHandler();
    private volatile long lastShown;
    private volatile boolean quiet;

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
        try {
            Path dir = AtlasPaths.userDataDir().resolve("logs");
            Files.createDirectories(dir);
            if (Files.isWritable(dir)) {
                return dir.resolve("atlas-errors.log");
            }
        } catch (IOException | RuntimeException e) {
            // fall back below
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
        Path file = logFile();
        try {
            Files.writeString(file, sw.toString(), StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            return file;
        } catch (IOException | RuntimeException e) {
            System.err.print(sw);
            return null;
        }
    }

    @Override
    public void uncaughtException(Thread thread, Throwable error) {
        Path file = log("Unexpected error on thread " + thread.getName(), error);
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
            a.show();
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
