package org.ferganaatlas.gui.state;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.ferganaatlas.data.io.ImportException;
import org.ferganaatlas.data.io.TourFiles;
import org.ferganaatlas.model.GuidedTour;

/**
 * The atlas's own tour, "The 2025 settlement": a resource in the tour file format whose stops name their texts by
 * message key ({@code tour.settlement.N.title}, {@code .caption}) and show the database's own records. Read once, on a
 * thread of its own (never on the FX thread).
 */
public final class BuiltInTour {
    /** The resource, beside this class. */
    public static final String RESOURCE = "tour-settlement-2025.json";

    private static volatile CompletableFuture<GuidedTour> settlement;

    private BuiltInTour() {}

    /** The built-in tour, read on first use. */
    public static CompletableFuture<GuidedTour> settlement() {
        CompletableFuture<GuidedTour> f = settlement;
        if (f == null) {
            synchronized (BuiltInTour.class) {
                if (settlement == null) {
                    settlement = CompletableFuture.supplyAsync(BuiltInTour::read, r -> {
                        Thread t = new Thread(r, "atlas-builtin-tour");
                        t.setDaemon(true);
                        t.start();
                    });
                }
                f = settlement;
            }
        }
        return f;
    }

    /** Reads the resource now (tests; the thread of {@link #settlement()}). */
    public static GuidedTour read() {
        try (InputStream in = BuiltInTour.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The built-in tour " + RESOURCE + " is missing from the program");
            }
            return TourFiles.read(in, Path.of(RESOURCE));
        } catch (IOException | ImportException e) {
            throw new IllegalStateException("The built-in tour " + RESOURCE + " cannot be read: " + e.getMessage(), e);
        }
    }
}
