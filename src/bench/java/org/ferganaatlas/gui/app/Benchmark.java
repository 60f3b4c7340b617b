package org.ferganaatlas.gui.app;

import org.ferganaatlas.gui.map.MapPane;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;

/**
* Measurements, not tests (compiled with the tests, never shipped): once {@link PaintWatch} has seen a fully
 * painted map, (with {@code --benchmark}) 10 s of scripted panning and
 * zooming across the valley, recording the FX-thread work of every pulse (CSS + layout + our overlay
 * rebuilds, from the pre- to the post-layout pulse listener) and the frame intervals; finally peak RSS
 * (VmHWM). Results are printed as {@code atlas-bench key=value} lines. Run with
 * {@code -Djavafx.pulseLogger=true} as well to get the toolkit's own per-pulse totals including rendering.
 */
public final class Benchmark {
    private Benchmark() {}

    /** Entry point for {@code --benchmark}, called (by name) once the map is painted. */
    public static void run(AtlasWindow window) {
        new PanZoomScript(window).start();
    }


    /**
     * 10 s of pans and zooms across the valley ({@code -Datlas.bench.seconds=N}: the 10 s cycle repeated for N s;
     * bench/run.sh uses 60), then a report and exit.
     */
    private static final class PanZoomScript extends AnimationTimer {
        private final AtlasWindow window;
        private final MapPane map;
        private final List<Long> layoutNanos = new ArrayList<>();
        private final List<Long> frameNanos = new ArrayList<>();
        private long t0 = -1, last = -1, pulseStart;
        private final Runnable pre = () -> pulseStart = System.nanoTime();
        private final Runnable post = () -> layoutNanos.add(System.nanoTime() - pulseStart);

        PanZoomScript(AtlasWindow window) {
            this.window = window;
            this.map = window.mapPane();
        }

        @Override
        public void start() {
            map.getScene().addPreLayoutPulseListener(pre);
            map.getScene().addPostLayoutPulseListener(post);
            super.start();
        }

        @Override
        public void handle(long now) {
            if (t0 < 0) {
                t0 = now;
            }
            if (last > 0) {
                frameNanos.add(now - last);
            }
            last = now;
            double total = (now - t0) / 1e9;
            double t = total % 10;
            if (total > Double.parseDouble(System.getProperty("atlas.bench.seconds", "10"))) {
                stop();
                report();
                return;
            }
            // 0-4 s: pan west to east and back at the home zoom; 4-7 s: zoom 8 -> 12 over Batken/Isfara
            // while panning; 7-10 s: zoom back out to 7 while panning north.
            if (t < 4) {
                double phase = t < 2 ? t / 2 : (4 - t) / 2;
                map.show(40.7, 70.2 + phase * 3.2, 8);
            } else if (t < 7) {
                double u = (t - 4) / 3;
                map.show(40.1 + 0.4 * u, 70.6 + 0.6 * u, 8 + 4 * u);
            } else {
                double u = (t - 7) / 3;
                map.show(40.5 + 0.8 * u, 71.2, 12 - 5 * u);
            }
        }

        private void report() {
            map.getScene().removePreLayoutPulseListener(pre);
            map.getScene().removePostLayoutPulseListener(post);
            System.out.println("atlas-bench pulses=" + layoutNanos.size());
            System.out.println("atlas-bench layout_max_ms=" + ms(max(layoutNanos)));
            System.out.println("atlas-bench layout_p95_ms=" + ms(pct(layoutNanos, 0.95)));
            System.out.println("atlas-bench frame_max_ms=" + ms(max(frameNanos)));
            System.out.println("atlas-bench frame_p95_ms=" + ms(pct(frameNanos, 0.95)));
            System.out.println("atlas-bench frames=" + frameNanos.size());
            System.out.println("atlas-bench peak_rss_mb=" + peakRssMb());
            Platform.exit();
        }

        private static long max(List<Long> v) {
            return v.isEmpty() ? 0 : Collections.max(v);
        }

        private static long pct(List<Long> v, double p) {
            if (v.isEmpty()) {
                return 0;
            }
            List<Long> s = new ArrayList<>(v);
            Collections.sort(s);
            return s.get(Math.min(s.size() - 1, (int) Math.floor(p * s.size())));
        }

        private static String ms(long nanos) {
            return String.format(Locale.ROOT, "%.2f", nanos / 1e6);
        }
    }

    /** Peak resident set size of this process in MB (Linux VmHWM), or -1 where unknown. */
    public static long peakRssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return -1;
    }
}
