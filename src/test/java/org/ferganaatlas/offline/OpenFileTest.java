package org.ferganaatlas.offline;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A file given on the command line, as a double-click on a .geojson hands it to the installed launcher (and
 * {@code -Djavafx.args=PATH} to {@code ./mvnw javafx:run}), is imported as a layer by the real atlas in its own process.
 */
class OpenFileTest {
    @Test
    void aFileOnTheCommandLineBecomesALayer() throws Exception {
        Path assets = Path.of(System.getProperty("atlas.assets", "assets"));
        Path home = Files.createTempDirectory("atlas-open-file");
        Path file = home.resolve("villages we visit.geojson");
        Files.writeString(file, "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"name\":\"Dostuk\"},"
                + "\"geometry\":{\"type\":\"Point\",\"coordinates\":[70.68,39.99]}}]}");
        Map<String, String> props = Map.of("atlas.assets", assets.toString(), "atlas.userdata", home.resolve("data").toString(),
                "atlas.cache", home.resolve("cache").toString(), "atlas.noninteractive", "true");
        CompletableFuture<Process> process = new CompletableFuture<>();
        CompletableFuture<Path> work = new CompletableFuture<>();
        CompletableFuture<AtlasProcess.Result> run = CompletableFuture.supplyAsync(() -> {
            try {
                return AtlasProcess.run(List.of(), props, List.of(file.toString()), 120, (p, w) -> {
                    process.complete(p);
                    work.complete(w);
                });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Path out = work.get(30, TimeUnit.SECONDS).resolve("stdout.txt");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        String text = "";
        while (!text.contains("atlas-import:") && System.nanoTime() < deadline) {
            Thread.sleep(200);
            text = Files.exists(out) ? Files.readString(out) : "";
        }
        process.get().destroy();
        run.get(60, TimeUnit.SECONDS);
        assertTrue(text.contains("atlas-import: villages we visit.geojson: features=1 (GeoJSON"), text);
        assertTrue(Files.size(home.resolve("data").resolve("user.sqlite")) > 0, "kept in the user's database");
    }
}
