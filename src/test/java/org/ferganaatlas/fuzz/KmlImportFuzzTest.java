package org.ferganaatlas.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.WithLength;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ferganaatlas.data.io.ImportControl;
import org.ferganaatlas.data.io.ImportException;
import org.ferganaatlas.data.io.ImportReport;
import org.ferganaatlas.data.io.Importers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * A user's .kml file, whatever its bytes: the importer either hands on features whose every coordinate is WGS84
 * degrees and reports the rest, or refuses the file with an {@link ImportException}; never another exception, never a
 * hang. Seeds: files as the usual programs write them, in {@code KmlImportFuzzTestInputs/kml/}.
 */
class KmlImportFuzzTest {
    private static Path dir;

    @BeforeAll
    static void makeDir() throws Exception {
        dir = Files.createTempDirectory("import-fuzz");
    }

    @AfterAll
    static void removeDir() throws Exception {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @FuzzTest
    void kml(@WithLength(max = FuzzInput.MAX_LENGTH) byte[] data) throws Exception {
        Path f = dir.resolve("input.kml");
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
        }
    }
}
