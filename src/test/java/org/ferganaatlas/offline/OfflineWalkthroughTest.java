package org.ferganaatlas.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Never the network: the real atlas, started as its own process inside a network namespace that has no
 * interface but loopback ({@code unshare -n}), walks through the main views ({@code --walkthrough}: a crossing, an
 * enclave, a town and a village selected, zoomed in and out, the map date moved, the side tabs opened) on the bundled
 * database, and must finish with exit code 0, every visible tile painted after every step, no tile failed, nothing
 * logged as an error, and no exception anywhere in its output. (The JUnit-wide {@code NetworkTrap} covers the
 * in-process UI tests; this covers the app as shipped, start-up included.)
 */
class OfflineWalkthroughTest {
    @Test
    void walksThroughTheMainViewsWithNoNetworkAtAll() throws Exception {
        assumeTrue(System.getProperty("os.name", "").startsWith("Linux"), "needs Linux network namespaces");
        List<String> unshare = AtlasProcess.unsharePrefix();
        assumeTrue(unshare != null, "skipped: `unshare -n` (and `unshare -rn`) is not available or not permitted here,"
                + " so the app cannot be run in a namespace without network");
        assertEquals(List.of("lo"), interfacesInside(unshare), "the namespace must have no interface but loopback");

        Path assets = Path.of(System.getProperty("atlas.assets", "assets"));
        AtlasProcess.Result r = AtlasProcess.run(unshare, Map.of("atlas.assets", assets.toString()),
                List.of("--walkthrough", "--date=2024-06-01", "--select=crossing:kyzyl-bel", "--view=40.3,70.9,10"), 120);
        String all = r.all();
        assertFalse(r.stdout().contains("atlas-dialog:"), () -> "a dialog came up (if it says the data was changed,"
                + " assets/atlas.sqlite.sha256 is stale: rebuild the database or run `sha256sum atlas.sqlite >"
                + " atlas.sqlite.sha256` in assets/):\n" + all);
        assertEquals(0, r.exitCode(), () -> "the walkthrough failed:\n" + all);
        List<String> done = r.lines("atlas-walkthrough done ");
        assertEquals(1, done.size(), all);
        assertTrue(done.get(0).contains("tiles_failed=0 errors=0 notices=0 incomplete=0"), all);
        List<String> steps = r.lines("atlas-walkthrough step=");
        assertTrue(steps.size() >= 8, () -> "main views walked: " + steps + "\n" + all);
        for (String s : steps) {
            assertTrue(s.contains(" failed=0") && !s.contains("INCOMPLETE") && !s.contains(" tiles=0 "),
                    () -> "step not completely painted: " + s + "\n" + all);
        }
        for (String bad : List.of("Exception", "ERROR", "SEVERE", "\tat ", "atlas-notice:")) {
            assertFalse(r.stdout().contains(bad) || r.stderr().contains(bad), () -> "output contains '" + bad + "':\n" + all);
        }
        assertFalse(Files.exists(r.userData().resolve("logs").resolve("atlas-errors.log")), () -> "errors were logged:\n" + all);
        assertTrue(r.millis() < 60_000, () -> "took " + r.millis() + " ms");
    }

    /** The network interfaces a process sees inside the namespace. */
    private static List<String> interfacesInside(List<String> unshare) throws Exception {
        List<String> cmd = new ArrayList<>(unshare);
        cmd.addAll(List.of("cat", "/proc/net/dev")); // per network namespace (unlike /sys/class/net)
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(10, TimeUnit.SECONDS));
        return out.lines().filter(l -> l.contains(":")).map(l -> l.substring(0, l.indexOf(':')).strip()).sorted().toList();
    }
}
