package org.ferganaatlas.gui.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.ferganaatlas.data.AtlasDataException;
import org.ferganaatlas.data.AtlasDatabase;
import org.ferganaatlas.data.AtlasPaths;
import org.ferganaatlas.data.BundleIntegrity;
import org.ferganaatlas.data.UserFolders;
import org.ferganaatlas.map.AtlasTileRetriever;

/**
 * The start-up checks that run beside the window's construction: the bundled database's checksum
 * ({@link AtlasDatabase#verifyChecksum}, about 35 ms of one core in a fresh JVM: hidden behind opening the database
 * and building the window on the FX thread, and joined before the window is shown) and a probe of the user's folders
 * ({@link UserFolders#probe}: a problem becomes one notice in the status bar, never a failure).
 */
public final class StartupChecks {
    private final Path database;
    private final FutureTask<Boolean> checksum;

    private StartupChecks(Path database, FutureTask<Boolean> checksum) {
        this.database = database;
        this.checksum = checksum;
    }

    public static StartupChecks begin(List<String> args) {
        if (args.contains("--walkthrough")) {
            System.setProperty("atlas.noninteractive", "true"); // nobody there to click a dialog away
        }
        Path db = AtlasPaths.bundledDatabase();
        FutureTask<Boolean> sum = new FutureTask<>(() -> {
            long t0 = System.nanoTime();
            boolean checked;
            try {
                checked = BundleIntegrity.verify(db);
            } catch (Throwable e) {
                AtlasTileRetriever.disableDiskCache(); // an altered file must not fill the cache under its good key
                throw e;
            }
            // the tile disk cache is keyed by the file's own content hash: only now may it be read and written
            // (not checked only when BundleIntegrity.SKIP_PROPERTY is set, for development)
            AtlasTileRetriever.enableDiskCache();
            if (args.contains("--timing") || args.contains("--benchmark") || args.contains("--walkthrough")) {
                System.out.println("atlas-bench checksum_ms=" + String.format(Locale.ROOT, "%.1f", (System.nanoTime() - t0) / 1e6)
                        + (checked ? "" : " (no " + db.getFileName() + AtlasDatabase.CHECKSUM_SUFFIX + ": not checked)"));
            }
            return checked;
        });
        daemon(sum, "atlas-checksum");
        daemon(UserFolders::probe, "atlas-folder-probe");
        return new StartupChecks(db, sum);
    }

    private static void daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
    }

    /** The database file to open. */
    public Path database() {
        return database;
    }

    /** Waits for the checksum; throws the problem it found. */
    public void awaitChecksum() throws AtlasDataException {
        try {
            checksum.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof AtlasDataException ade) {
                throw ade;
            }
            throw new AtlasDataException("The atlas database could not be checked (" + e.getCause() + ").", database, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
