package org.ferganaatlas.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.WithLength;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import org.ferganaatlas.data.AtlasDataException;
import org.ferganaatlas.data.AtlasDatabase;
import org.ferganaatlas.data.AtlasReadException;
import org.ferganaatlas.data.AtlasSchema;
import org.ferganaatlas.data.TestAtlasFile;
import org.ferganaatlas.model.Feature;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Opening a damaged database file, as the app opens its bundle: {@link AtlasDatabase#open} must either refuse it with
 * {@link AtlasDataException} (what the start-up dialog shows: a problem, a file, a message) or open it, and then the
 * reads the window makes first (countries, features in a box, their geometry, metadata, treaties) must work or throw
 * {@link AtlasReadException}. Any other exception is a finding.
 *
 * <p>A whole database is too large for the fuzzer to grow by itself, so an input is a recipe applied to a small but
 * complete atlas database ({@link TestAtlasFile}, real schema): byte 0 picks the mode, the rest are 4-byte records
 * (3 bytes of offset into the file, 1 byte of value). Mode 0: the rest of the input is the whole file (header
 * parsing on arbitrary bytes). Mode 1: XOR each value in at its offset. Mode 2: as 1, then cut the file at the first
 * record's offset (an interrupted copy). Mode 3: overwrite instead of XOR. Seeds in
 * {@code DatabaseOpenFuzzTestInputs/open/}: the untouched file, its header fields (page size, page count, schema
 * cookie), the first b-tree page, truncations and a bare header.
 */
class DatabaseOpenFuzzTest {
    private static Path dir;
    private static byte[] base;

    @BeforeAll
    static void baseFile() throws Exception {
        dir = Files.createTempDirectory("db-fuzz");
        base = Files.readAllBytes(TestAtlasFile.write(dir, "base.sqlite", Integer.toString(AtlasSchema.SCHEMA_VERSION)));
    }

    @AfterAll
    static void cleanUp() throws IOException {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** The file a recipe makes (see the class comment). */
    static byte[] damage(byte[] base, byte[] recipe) {
        if (recipe.length == 0) {
            return base.clone();
        }
        int mode = recipe[0] & 3;
        if (mode == 0) {
            return Arrays.copyOfRange(recipe, 1, recipe.length);
        }
        byte[] f = base.clone();
        int cut = -1;
        for (int i = 1; i + 3 < recipe.length; i += 4) {
            int off = (((recipe[i] & 0xff) << 16) | ((recipe[i + 1] & 0xff) << 8) | (recipe[i + 2] & 0xff)) % f.length;
            if (mode == 2 && cut < 0) {
                cut = off;
            }
            f[off] = mode == 3 ? recipe[i + 3] : (byte) (f[off] ^ recipe[i + 3]);
        }
        return cut >= 0 ? Arrays.copyOf(f, cut) : f;
    }

    @FuzzTest
    void open(@WithLength(max = FuzzInput.MAX_LENGTH) byte[] recipe) throws IOException {
        Path file = dir.resolve("atlas.sqlite");
        Files.write(file, damage(base, recipe));
        AtlasDatabase db;
        try {
            db = AtlasDatabase.open(file);
        } catch (AtlasDataException e) {
            assertNotNull(e.problem());
            assertEquals(file.toAbsolutePath().normalize(), e.file());
            assertTrue(e.getMessage() != null && e.getMessage().toLowerCase().contains("reinstall"), e.getMessage());
            return;
        }
        try {
            assertNotNull(db.metadata());
            assertNotNull(db.contentId());
            for (Feature f : db.featureRepository().features("country")) {
                db.featureRepository().geometry(f.id(), 0);
            }
            for (Feature f : db.featureRepository().featuresIn(69.5, 39.5, 72.5, 41.5, Set.of())) {
                db.featureRepository().geometry(f.id(), 3);
            }
            db.treatyRepository().treaties();
            db.eventRepository().events();
        } catch (AtlasReadException e) {
            assertNotNull(e.getMessage());
        } finally {
            db.close();
        }
    }
}
