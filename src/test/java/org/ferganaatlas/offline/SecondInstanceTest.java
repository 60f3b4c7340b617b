package org.ferganaatlas.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Two starts of the real atlas for one user (own processes, headless): the second must hand its file to the first
 * (which brings its window forward and says so as an {@code atlas-instance:} line) and end with exit 0, instead of
 * opening an identical window on top. Needs AtlasApp.main to claim {@code data.SingleInstance} and the shown window to
 * listen (see the hardening report); until then the second start opens a second window and this test fails.
 */
class SecondInstanceTest {
    @Test
    void theSecondStartHandsOverItsFileAndEnds() throws Exception {
        Path assets = Path.of(System.getProperty("atlas.assets", "assets"));
        Path shared = Files.createTempDirectory("atlas-one-user");
        Map<String, String> props = Map.of("atlas.assets", assets.toString(), "atlas.userdata", shared.resolve("data").toString(),
                "atlas.cache", shared.resolve("cache").toString());
        CompletableFuture<Process> firstProcess = new CompletableFuture<>();
        CompletableFuture<Path> firstWork = new CompletableFuture<>();
        CompletableFuture<AtlasProcess.Result> first = CompletableFuture.supplyAsync(() -> {
            try {
                return AtlasProcess.run(List.of(), props, List.of("--timing"), 120, (p, w) -> {
                    firstProcess.complete(p);
                    firstWork.complete(w);
                });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Path out = firstWork.get(30, TimeUnit.SECONDS).resolve("stdout.txt");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!Files.readString(out).contains("painted_ms=") && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertTrue(Files.readString(out).contains("painted_ms="), "the first atlas did not come up");

        Path file = shared.resolve("villages.geojson");
        Files.writeString(file, "{\"type\":\"FeatureCollection\",\"features\":[]}");
        AtlasProcess.Result second = AtlasProcess.run(List.of(), props, List.of(file.toString()), 60);
        assertEquals(0, second.exitCode(), second.all());
        assertTrue(second.stdout().contains("already open"), second.all());
        deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!Files.readString(out).contains("atlas-instance: brought forward for [" + file) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        String firstOut = Files.readString(out);
        firstProcess.get().destroy();
        first.get(60, TimeUnit.SECONDS);
        assertTrue(firstOut.contains("atlas-instance: brought forward for [" + file), firstOut);
    }
}
