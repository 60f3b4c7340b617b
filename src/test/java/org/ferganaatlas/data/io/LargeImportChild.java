package org.ferganaatlas.data.io;

import java.nio.file.Path;
import org.ferganaatlas.data.user.UserDatabase;
import org.ferganaatlas.data.user.UserFeature;
import org.ferganaatlas.data.user.UserLayers;

/**
 * Imports one file into a user database the way the window does (streamed, one transaction), in a JVM started with
 * the atlas's own heap flags, and prints what it took: {@code imported features=N issues=K ms=T peakHeapMb=H
 * maxHeapMb=X}} (H: the most heap in use, garbage included, sampled every 10 ms; the live set after each GC is in the
 * child's GC log).
 */
public final class LargeImportChild {
    private LargeImportChild() {}

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        Path db = Path.of(args[1]);
        long[] peak = {0};
        Thread sampler = new Thread(() -> {
            Runtime rt = Runtime.getRuntime();
            while (!Thread.currentThread().isInterrupted()) {
                peak[0] = Math.max(peak[0], rt.totalMemory() - rt.freeMemory());
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
        long t0 = System.nanoTime();
        try (UserDatabase u = UserDatabase.open(db)) {
            UserLayers.Imported<ImportReport> done = u.layers().importLayer("big", file.toString(), new UserLayers.FeatureSource<ImportReport>() {
                @Override
                public String format() throws ImportException {
                    return switch (Importers.formatOf(file)) {
                        case CSV -> "csv";
                        case GEOJSON -> "geojson";
                        default -> "kml";
                    };
                }

                @Override
                public ImportReport feed(java.util.function.Consumer<UserFeature> sink) throws ImportException {
                    return Importers.read(file, f -> sink.accept(UserFeature.draft(f.name(), f.geometry(), f.attributesJson())),
                            ImportControl.NONE);
                }
            }, r -> true).join();
            long ms = (System.nanoTime() - t0) / 1_000_000;
            sampler.interrupt();
            sampler.join();
            System.out.println("imported features=" + done.count() + " issues=" + done.report().issueCount() + " ms=" + ms
                    + " peakHeapMb=" + (peak[0] >> 20) + " maxHeapMb=" + (Runtime.getRuntime().maxMemory() >> 20) + " cpuMs="
                    + ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toMillis).orElse(-1L));
        }
    }
}
