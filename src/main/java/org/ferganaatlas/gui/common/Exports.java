package org.ferganaatlas.gui.common;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.ferganaatlas.data.io.Exporters;
import org.ferganaatlas.gui.l10n.Messages;

/**
 * Writing features to a file the user chooses, the same way from every part of the window (notes, a layer): a save
 * dialog offering GeoJSON, KML and CSV; the reading and writing on a thread of its own, never the FX thread;
 * {@link Exporters} writes beside the target and moves the file into place, so a failure leaves the user's old file
 * (if any) as it was; and one sentence when it is done or why it failed.
 */
public final class Exports {
    private Exports() {}

    /** The formats offered, by the ending that chooses the writer. */
    public enum Format {
        GEOJSON(".geojson", "export.format.geojson"), KML(".kml", "export.format.kml"), CSV(".csv", "export.format.csv");

        private final String ending;
        private final String labelKey;

        Format(String ending, String labelKey) {
            this.ending = ending;
            this.labelKey = labelKey;
        }

        public String ending() {
            return ending;
        }

        /** Bundle key of its name in menus ("GeoJSON (QGIS, web maps)"). */
        public String labelKey() {
            return labelKey;
        }

        /** {@code name} with this format's ending (added, or put in place of another known ending). */
        public Path fileFor(Path file) {
            String n = file.getFileName().toString();
            String lower = n.toLowerCase(Locale.ROOT);
            if (lower.endsWith(ending)) {
                return file;
            }
            for (Format f : values()) {
                if (lower.endsWith(f.ending)) {
                    n = n.substring(0, n.length() - f.ending.length());
                    break;
                }
            }
            return file.resolveSibling(n + ending);
        }
    }

    /** Asks where to save, offering {@code format} first; empty if the user cancelled. */
    public static Optional<Path> choose(Window owner, String baseName, Format format) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(Messages.get("export.title"));
        chooser.setInitialFileName(safeName(baseName) + format.ending());
        FileChooser.ExtensionFilter filter = new FileChooser.ExtensionFilter(Messages.get(format.labelKey()), "*" + format.ending());
        chooser.getExtensionFilters().add(filter);
        chooser.setSelectedExtensionFilter(filter);
        File f = chooser.showSaveDialog(owner);
        return f == null ? Optional.empty() : Optional.of(format.fileFor(f.toPath()));
    }

    /** A file name from a layer's or a list's title: no characters a file system refuses. */
    public static String safeName(String title) {
        String s = title == null ? "" : title.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]+", " ").strip();
        return s.isEmpty() ? "export" : s;
    }

    /**
     * Writes what {@code features} gives (called on the export thread: it may read the database) to {@code file},
     * then tells {@code done} on the FX thread, with the sentence to show: how many were written and where, or what
     * went wrong (the details go to the error log).
     */
    public static void write(Path file, String layerName, Supplier<List<Exporters.Exported>> features, Consumer<String> done) {
        PENDING.incrementAndGet();
        Thread t = new Thread(() -> {
            String said;
            try {
                List<Exporters.Exported> list = features.get();
                Exporters.write(file, layerName, list);
                said = Messages.format("export.done", list.size(), file.toString());
            } catch (java.io.IOException | RuntimeException e) {
                ErrorLog.log("Export to " + file + " failed", e);
                String reason = e instanceof java.nio.file.AccessDeniedException ? Messages.get("export.reason.denied")
                        : e instanceof java.nio.file.NoSuchFileException ? Messages.get("export.reason.noFolder")
                        : String.valueOf(e.getMessage());
                said = Messages.format("export.failed", file.toString(), reason);
            }
            String message = said;
            Platform.runLater(() -> {
                try {
                    done.accept(message);
                } finally {
                    PENDING.decrementAndGet();
                }
            });
        }, "atlas-export");
        t.setDaemon(true);
        t.start();
    }

    private static final java.util.concurrent.atomic.AtomicInteger PENDING = new java.util.concurrent.atomic.AtomicInteger();

    /** Whether no export is under way (tests wait for this). */
    public static boolean idle() {
        return PENDING.get() == 0;
    }
}
