package org.ferganaatlas.data.io;

import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Reads a user's file as a layer of features, choosing the reader by the file's ending (or, without a known ending,
 * by its first bytes). Features are handed to {@code sink} one at a time as they are read, so a large file never sits
 * in memory whole; the caller decides what to keep (nothing, until the user has seen the report).
 */
public final class Importers {
    private Importers() {}

    /** The formats the atlas reads, by the endings it knows them by. */
    public enum Format { GEOJSON, KML, KMZ, CSV }

    /** The format of a file: its ending, else a look at its first bytes. */
    public static Format formatOf(Path file) throws ImportException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".geojson") || name.endsWith(".json")) {
            return Format.GEOJSON;
        }
        if (name.endsWith(".kml")) {
            return Format.KML;
        }
        if (name.endsWith(".kmz")) {
            return Format.KMZ;
        }
        if (name.endsWith(".csv") || name.endsWith(".txt") || name.endsWith(".tsv")) {
            return Format.CSV;
        }
        byte[] head = Sources.head(file, 512);
        String text = new String(head, java.nio.charset.StandardCharsets.UTF_8).stripLeading().replace("\uFEFF", "");
        if (head.length >= 2 && head[0] == 'P' && head[1] == 'K') {
            return Format.KMZ;
        }
        return text.startsWith("{") ? Format.GEOJSON : text.startsWith("<") ? Format.KML : Format.CSV;
    }

    /**
     * Reads {@code file}; every readable feature goes to {@code sink}, every unreadable one into the report. An
     * exception thrown by {@code sink} (the caller's store failing) ends the read and comes out as it was, never
     * dressed up as a problem of the file.
     */
    public static ImportReport read(Path file, Consumer<ImportedFeature> sink, ImportControl ctl) throws ImportException {
        Consumer<ImportedFeature> guarded = f -> {
            try {
                sink.accept(f);
            } catch (RuntimeException e) {
                throw new SinkFailed(e);
            }
        };
        try {
            return switch (formatOf(file)) {
                case GEOJSON -> GeoJsonImporter.read(file, guarded, ctl);
                case KML -> KmlImporter.readKml(file, guarded, ctl);
                case KMZ -> KmlImporter.readKmz(file, guarded, ctl);
                case CSV -> CsvImporter.read(file, guarded, ctl);
            };
        } catch (SinkFailed e) {
            throw (RuntimeException) e.getCause();
        }
    }

    /** The sink's own failure, carried through a reader's handling of its parser's runtime exceptions. */
    static final class SinkFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SinkFailed(RuntimeException cause) {
            super(cause);
        }
    }
}
