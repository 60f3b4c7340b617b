package org.ferganaatlas.map;


import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.ferganaatlas.data.AtlasDatabase;
import org.ferganaatlas.model.GeoConventions;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Basemap tile render time (JMH SampleTime: p50/p95 per zoom) over the Fergana Valley, 40.0–41.6° N,
 * 69.5–73.6° E. Each invocation renders the next of up to 300 tiles drawn at random (fixed seed) from that box,
 * so the figures mix busy border tiles with plain ones, as panning does. Caches of projected geometry are warm
 * after the warm-up (steady state); rendered-tile caches are not involved (the renderer is called directly).
 * Not part of {@code verify}. Run (see docs/benchmarks.md):
 * <pre>
 * ./mvnw -q test-compile exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
 *   -Dexec.args="-cp %classpath org.openjdk.jmh.Main TileRenderBenchmark -rf text"
 * </pre>
 * The database is {@code -Datlas.db=...} (default {@code assets/atlas.sqlite}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgs = {"-Xmx512m", "-Djava.awt.headless=true"})
public class TileRenderBenchmark {
    @Param({"6", "7", "8", "9", "10", "11", "12", "13", "14"})
    public int zoom;

    private AtlasDatabase db;
    private TileRenderer renderer;
    private long[][] tiles;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        db = AtlasDatabase.open(Path.of(System.getProperty("atlas.db", "assets/atlas.sqlite")));
        renderer = new TileRenderer(db, BasemapStyle.ATLAS);
        tiles = valleyTiles(zoom, 300, 42);
    }

    /** Up to {@code max} distinct tiles at {@code zoom} covering the valley box, shuffled with a fixed seed. */
    static long[][] valleyTiles(int zoom, int max, long seed) {
        long x0 = (long) GeoConventions.lonToTileX(69.5, zoom), x1 = (long) GeoConventions.lonToTileX(73.6, zoom);
        long y0 = (long) GeoConventions.latToTileY(41.6, zoom), y1 = (long) GeoConventions.latToTileY(40.0, zoom);
        List<long[]> all = new ArrayList<>();
        for (long x = x0; x <= x1; x++) {
            for (long y = y0; y <= y1; y++) {
                all.add(new long[] {x, y});
            }
        }
        Collections.shuffle(all, new Random(seed));
        return all.subList(0, Math.min(max, all.size())).toArray(new long[0][]);
    }

    @Benchmark
    public BufferedImage renderTile() {
        long[] t = tiles[next];
        next = (next + 1) % tiles.length;
        return renderer.render(zoom, t[0], t[1]);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        db.close();
    }
}
