package org.ferganaatlas.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.ferganaatlas.data.io.ImportControl;
import org.ferganaatlas.data.io.ImportException;
import org.ferganaatlas.data.io.ImportReport;
import org.ferganaatlas.data.io.Importers;

/**
 * What every importer target checks (one target per class, as Jazzer fuzzes one per JVM): whatever the bytes of a
 * user's file, the importer either hands on features whose every coordinate is WGS84 degrees and reports the rest, or
 * refuses the file with an {@link ImportException}; never another exception, never a hang.
 */
final class ImportFuzzing {
    private static Path dir;

    private ImportFuzzing() {}

    static synchronized void check(byte[] data, String ending) throws Exception {
        if (dir == null) {
            dir = Files.createTempDirectory("import-fuzz");
            dir.toFile().deleteOnExit();
        }
        Path f = dir.resolve("input." + ending);
        Files.write(f, data);
        try {
            ImportReport r = Importers.read(f, feature -> {
                for (var c : feature.geometry().getCoordinates()) {
                    assertTrue(c.getY() >= -90 && c.getY() <= 90 && c.getX() >= -180 && c.getX() <= 180, feature.toString());
                }
            }, ImportControl.NONE);
            assertTrue(r.features() >= 0 && r.issues().size() <= data.length + 1);
        } catch (ImportException expected) {
            assertTrue(expected.problem() != null);
        } finally {
            Files.deleteIfExists(f);
        }
    }
}
