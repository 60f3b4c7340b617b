package org.ferganaatlas.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundled database against the SHA-256 built into the program, with and without the sidecar file. */
class BundleIntegrityTest {
    @TempDir
    Path dir;

    private static Path bundled() {
        Path p = AtlasPaths.bundledDatabase();
        assertTrue(Files.isRegularFile(p), "the bundled database is needed: " + p);
        return p;
    }

    @Test
    void theBuildEmbedsTheChecksumOfTheBundledFile() throws Exception {
        Optional<String> embedded = BundleIntegrity.expectedSha256();
        assertTrue(embedded.isPresent(), "no " + BundleIntegrity.RESOURCE + " in target/classes (pom: maven-antrun-plugin)");
        assertEquals(AtlasDatabase.sha256(bundled()), embedded.get());
        assertTrue(BundleIntegrity.verify(bundled()));
    }

    @Test
    void aFlippedByteIsRefusedWithTheSidecarDeleted() throws Exception {
        byte[] all = Files.readAllBytes(bundled());
        all[all.length / 2 + 123] ^= 0x20; // a bit SQLite's quick_check and integrity_check both pass
        Path db = dir.resolve(AtlasPaths.DATABASE_FILE);
        Files.write(db, all);
        assertFalse(Files.exists(dir.resolve(AtlasPaths.DATABASE_FILE + AtlasDatabase.CHECKSUM_SUFFIX)));
        assertFalse(AtlasDatabase.verifyChecksum(db), "the old sidecar check passes it: the hole this class closes");

        AtlasDataException e = assertThrows(AtlasDataException.class, () -> BundleIntegrity.verify(db));
        assertEquals(AtlasDataException.Problem.ALTERED, e.problem());
        String detail = (String) e.details().get(0);
        assertTrue(detail.startsWith("SHA-256 " + AtlasDatabase.sha256(db).substring(0, 12)), detail);
        assertTrue(detail.contains(BundleIntegrity.expectedSha256().orElseThrow().substring(0, 12)), detail);
        assertEquals(db.toAbsolutePath().normalize(), e.file());
    }

    @Test
    void aSidecarThatAgreesWithTheAlteredFileChangesNothing() throws Exception {
        byte[] all = Files.readAllBytes(bundled());
        all[all.length - 4000] ^= 0x01;
        Path db = dir.resolve(AtlasPaths.DATABASE_FILE);
        Files.write(db, all);
        Files.writeString(dir.resolve(AtlasPaths.DATABASE_FILE + AtlasDatabase.CHECKSUM_SUFFIX), AtlasDatabase.sha256(db) + "  atlas.sqlite\n");
        assertTrue(AtlasDatabase.verifyChecksum(db), "the sidecar was rewritten to match");
        assertEquals(AtlasDataException.Problem.ALTERED,
                assertThrows(AtlasDataException.class, () -> BundleIntegrity.verify(db)).problem());
    }

    @Test
    void anUntouchedCopyWithoutItsSidecarPasses() throws Exception {
        Path db = dir.resolve(AtlasPaths.DATABASE_FILE);
        Files.copy(bundled(), db);
        assertTrue(BundleIntegrity.verify(db));
        assertTrue(Files.isRegularFile(db) && Files.size(db) == Files.size(bundled()), "the file is not changed");
    }

    @Test
    void missingFileAndAProgramWithoutItsChecksumAreRefused() throws Exception {
        Path none = dir.resolve("nothing.sqlite");
        assertEquals(AtlasDataException.Problem.MISSING,
                assertThrows(AtlasDataException.class, () -> BundleIntegrity.verify(none)).problem());
        Path db = dir.resolve(AtlasPaths.DATABASE_FILE);
        Files.copy(bundled(), db);
        AtlasDataException e = assertThrows(AtlasDataException.class, () -> BundleIntegrity.verify(db, Optional.empty()));
        assertEquals(AtlasDataException.Problem.OTHER, e.problem(), "fails closed, not open");
        assertTrue(e.details().get(0).toString().contains(BundleIntegrity.RESOURCE));
    }

    @Test
    void developersCanSkipItOnlyByAskingExplicitly() throws Exception {
        byte[] all = Files.readAllBytes(bundled());
        all[all.length / 3] ^= 0x10;
        Path db = dir.resolve(AtlasPaths.DATABASE_FILE);
        Files.write(db, all);
        System.setProperty(BundleIntegrity.SKIP_PROPERTY, "true");
        try {
            assertFalse(BundleIntegrity.verify(db), "skipped: says it checked nothing");
        } finally {
            System.clearProperty(BundleIntegrity.SKIP_PROPERTY);
        }
        assertThrows(AtlasDataException.class, () -> BundleIntegrity.verify(db));
    }

    @Test
    void readsSha256sumLines() {
        String h = "ab".repeat(32);
        assertEquals(Optional.of(h), BundleIntegrity.parse(h.toUpperCase() + "  atlas.sqlite\n"));
        assertEquals(Optional.empty(), BundleIntegrity.parse(""));
        assertEquals(Optional.empty(), BundleIntegrity.parse("abc  atlas.sqlite"));
        assertEquals(Optional.empty(), BundleIntegrity.parse("g".repeat(64)));
    }
}
