package org.ferganaatlas.gui.common;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;

/**
 * Panel reads that can wait (a feature's names, facts, history and sources) run here, on one daemon thread, and
 * their result is shown on the FX thread, so a click never waits for SQL. Callers drop answers that a newer
 * request has overtaken.
 */
public final class Background {
    private static final ExecutorService WORKER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "atlas-panel-loader");
        t.setDaemon(true);
        return t;
    });
    private static final AtomicInteger PENDING = new AtomicInteger();

    private Background() {}

    /** Runs {@code work} off the FX thread, then {@code show} with its result on it; a failure goes to the error log. */
    public static <T> void load(String what, Supplier<T> work, Consumer<T> show) {
        PENDING.incrementAndGet();
        WORKER.execute(() -> {
            T result;
            try {
                result = work.get();
            } catch (RuntimeException e) {
                ErrorLog.log("Could not load " + what, e);
                PENDING.decrementAndGet();
                return;
            }
            Platform.runLater(() -> {
                try {
                    show.accept(result);
                } finally {
                    PENDING.decrementAndGet();
                }
            });
        });
    }

    /** Whether nothing is being loaded or waiting to be shown (tests wait for this before reading a panel). */
    public static boolean idle() {
        return PENDING.get() == 0;
    }
}
