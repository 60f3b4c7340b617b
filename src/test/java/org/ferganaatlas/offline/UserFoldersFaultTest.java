package org.ferganaatlas.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.ferganaatlas.gui.l10n.Messages;
import org.junit.jupiter.api.Test;

/**
 * Faults: the user's settings folder and cache folder cannot be written (read-only, full or missing). The
 * tests run as root, where a chmod'ed folder is still writable, so both folders are put under a regular FILE: every
 * attempt to create or write them fails, as on a read-only or vanished drive. The atlas must still start, walk through
 * its views with a complete map, and say once per folder, in one non-modal notice in the status bar, what it could not
 * save.
 */
class UserFoldersFaultTest {
    @Test
    void unwritableFoldersGiveOneNoticeAndTheAtlasStillWorks() throws Exception {
        Path blocker = Files.createTempFile("atlas-not-a-folder", ".txt"); // a file where the folders' parent should be
        Files.writeString(blocker, "not a folder");
        Path userData = blocker.resolve("userdata"), cache = blocker.resolve("cache");
        Path assets = Path.of(System.getProperty("atlas.assets", "assets"));
        List<String> prefix = AtlasProcess.unsharePrefix();

        AtlasProcess.Result r = AtlasProcess.run(prefix == null ? List.of() : prefix, Map.of("atlas.assets", assets.toString(),
                "atlas.userdata", userData.toString(), "atlas.cache", cache.toString()), List.of("--walkthrough"), 120);
        String all = r.all();

        assertEquals(0, r.exitCode(), () -> "the atlas must work without its folders:\n" + all);
        List<String> done = r.lines("atlas-walkthrough done ");
        assertEquals(1, done.size(), all);
        assertTrue(done.get(0).contains("tiles_failed=0 errors=0") && done.get(0).contains("incomplete=0"), all);
        // one notice (one status-bar box), one line per folder, each said exactly once although every tile write failed
        assertTrue(done.get(0).contains("notices=1"), () -> "one notice box in the status bar:\n" + all);
        List<String> notices = r.lines("atlas-notice: ");
        assertEquals(2, notices.size(), () -> "one line per folder:\n" + all);
        String cacheLine = Messages.format("notice.cannotSave.cache", cache.toString());
        String userLine = Messages.format("notice.cannotSave.userData", userData.toString());
        assertEquals(1, notices.stream().filter(n -> n.startsWith(cacheLine)).count(), all);
        assertEquals(1, notices.stream().filter(n -> n.startsWith(userLine)).count(), all);
        assertFalse(r.stdout().contains("atlas-dialog:"), () -> "no dialog for this:\n" + all);
        for (String bad : List.of("\tat ", "SEVERE", "Exception in")) {
            assertFalse(r.stderr().contains(bad), () -> "output contains '" + bad + "':\n" + all);
        }
        assertEquals("not a folder", Files.readString(blocker));
    }
}
