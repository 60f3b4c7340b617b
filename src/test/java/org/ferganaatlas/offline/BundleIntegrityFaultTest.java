package org.ferganaatlas.offline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.ferganaatlas.data.AtlasDatabase;
import org.ferganaatlas.data.AtlasPaths;
import org.ferganaatlas.gui.l10n.Messages;
import org.junit.jupiter.api.Test;

/**
 * The real app, its own process, with its bundled database altered by one bit and the {@code atlas.sqlite.sha256}
 * beside it deleted: it must refuse the file with the plain "changed since it was installed" message, exit 2, print
 * no stack trace and cache no tile. gui.app.StartupChecks calls {@code data.BundleIntegrity.verify} in place
 * of {@code AtlasDatabase.verifyChecksum}; until then the app loads the file silently and this test fails.
 */
class BundleIntegrityFaultTest {
    @Test
    void aFlippedByteWithTheSidecarDeletedIsRefused() throws Exception {
        Path bundled = AtlasPaths.bundledDatabase();
        Path assets = Files.createTempDirectory("atlas-no-sidecar");
        Path db = assets.resolve(AtlasPaths.DATABASE_FILE);
        byte[] all = Files.readAllBytes(bundled);
        all[all.length / 2 + 123] ^= 0x20; // SQLite's quick_check and integrity_check both pass this
        Files.write(db, all);
        assertFalse(Files.exists(assets.resolve(AtlasPaths.DATABASE_FILE + AtlasDatabase.CHECKSUM_SUFFIX)));

        AtlasProcess.Result r = AtlasProcess.run(List.of(), Map.of("atlas.assets", assets.toString(),
                "atlas.tileCache.writeDelayMs", "0"), List.of(), 90);
        String out = r.all();
        assertEquals(2, r.exitCode(), out);
        List<String> dialog = r.lines("atlas-dialog: ");
        assertFalse(dialog.isEmpty(), () -> "no message shown:\n" + out);
        assertEquals(Messages.get("error.startup.header"), dialog.get(0), out);
        String shown = String.join("\n", dialog);
        String altered = Messages.get("error.db.altered");
        assertTrue(shown.contains(altered.substring(0, altered.indexOf('{'))), () -> "not said that the file was changed:\n" + out);
        assertTrue(shown.contains(Messages.format("error.db.where", db.toAbsolutePath().normalize().toString())), out);
        assertTrue(shown.contains(Messages.get("error.db.whatToDo")), out);
        for (String bad : List.of("\tat ", "Exception in thread", "Caused by")) {
            assertFalse(r.stderr().contains(bad) || r.stdout().contains(bad), () -> "stack trace printed:\n" + out);
        }
        assertFalse(Files.exists(r.cache().resolve("tiles")), () -> "tiles cached from an altered database:\n" + out);
        assertArrayEquals(all, Files.readAllBytes(db), "the file is left as it was");
    }
}
