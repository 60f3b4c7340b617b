package org.ferganaatlas.data;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Found by {@code fuzz.DatabaseOpenFuzzTest} in its first seconds (input {@code 03 00 00 10 00}: the header's page
 * size set to 0): {@code AtlasDatabase.checkHeader} computes {@code length % pageSize} without checking the page
 * size, so the file fails with {@code ArithmeticException: / by zero} instead of the "damaged" message (the window
 * then shows its generic "cannot open" text). The fix belongs in checkHeader (a valid page size is a power of two
 * from 512 to 65536, the value 1 meaning 65536); enable this test with it.
 */
class DamagedHeaderTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(ints = {0, 3, 511, 1000})
    void anInvalidPageSizeIsAClassifiedProblem(int pageSize) throws Exception {
        byte[] all = Files.readAllBytes(TestAtlasFile.write(dir, "base.sqlite", Integer.toString(AtlasSchema.SCHEMA_VERSION)));
        all[16] = (byte) (pageSize >> 8);
        all[17] = (byte) pageSize;
        Path db = Files.write(dir.resolve("atlas.sqlite"), all);
        assertThrows(AtlasDataException.class, () -> AtlasDatabase.open(db).close());
    }
}
