package org.ferganaatlas.gui.app;

import org.ferganaatlas.gui.map.MapPane;
import org.ferganaatlas.gui.state.AtlasState;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Window;

/**
 * Measurements, not tests (compiled with the tests, never shipped): once {@link PaintWatch} has seen a fully painted
 * map, (with {@code --benchmark}) a scripted tour of pans and zooms across the valley, then a report as
 * {@code atlas-bench key=value} lines and exit. Options: {@code -Datlas.bench.seconds=N} (the 10 s cycle repeated for
 * N s; default 10), {@code -Datlas.bench.size=WxH} (the window is first resized to that and painted again; the X
 * screen must be at least as large).
 *
 * <p>What it records, per pulse and per frame:
 * <ul>
 *   <li><b>frames</b>: the moment each frame of the scene has been rendered and presented, reported by the render
 *   thread through JavaFX's scene performance tracker ({@code com.sun.javafx.perf.PerformanceTracker}, the same hook
 *   as {@code -Djavafx.perfLogging}); the frame interval is the time between two of them, i.e. what reaches the
 *   screen, rendering included. In software Prism rendering is where most of a frame's time goes.</li>
 *   <li><b>pulses</b>: the FX thread's whole pulse, from the pulse's animation phase (the timestamp the toolkit gives
 *   this driver's timer, which moves the map) to the end of the scenes' pulse (a toolkit post-scene pulse listener):
 *   animations, CSS, layout, our overlay work and the synchronisation of the scene graph to the render thread,
 *   which first waits for the previous frame to finish rendering. "work" is the same pulse up to the end of
 *   layout (the scene's post-layout pulse listener), without that synchronisation.</li>
 *   <li><b>render</b>: from the end of a pulse's synchronisation to the next rendered frame (approximately the time
 *   the render thread took to paint and present it).</li>
 * </ul>
 * The tracker and the post-scene listener are toolkit internals: they need {@code --add-exports
 * javafx.graphics/com.sun.javafx.perf=fergana.atlas} and {@code javafx.graphics/com.sun.javafx.tk=fergana.atlas}
 * (bench/run.sh passes them). Without them the driver falls back to the interval between pulses and to the work up to
 * layout, and says so ({@code frames_source}, {@code pulse_end}).
 */
public final class Benchmark {
    private Benchmark() {}

    /** Entry point for {@code --benchmark}, called (by name) once the map is painted. */
    public static void run(AtlasWindow window) {
        new Tour(window).begin();
    }

    /** A growing array of nanosecond times, written on one thread. */
    private static final class Times {
        private long[] v = new long[4096];
        private int n;

        void add(long t) {
            if (n == v.length) {
                v = Arrays.copyOf(v, n * 2);
            }
            v[n++] = t;
        }

        long[] values() {
            return Arrays.copyOf(v, n);
        }
    }

    private static final class Tour extends AnimationTimer {
        private final MapPane map;
        private final AtlasState state;
        private int still;
        private final Scene scene;
        private final double seconds = Double.parseDouble(System.getProperty("atlas.bench.seconds", "10"));
        private final int[] size = parseSize(System.getProperty("atlas.bench.size"));

        private enum Phase { RESIZING, RUNNING, DONE }

        private Phase phase = Phase.RESIZING;
        private long resizeStart = -1, resizedAt = -1, t0 = -1;
        /** This pulse's start (the toolkit's pulse timestamp), or -1 outside a measured pulse. */
        private long pulseStart = -1;
        private final Times pulses = new Times(), work = new Times(), syncEnds = new Times(), pulseIntervals = new Times();
        private long lastPulse = -1;
        /** Written on the render thread. */
        private final AtomicLongArray frames = new AtomicLongArray(1 << 17);
        private final AtomicInteger frameCount = new AtomicInteger();
        private volatile boolean recording;

        private final Runnable postLayout = () -> {
            if (pulseStart >= 0) {
                work.add(System.nanoTime() - pulseStart);
            }
        };
        /** Strongly held: the toolkit keeps its pulse listeners in weak maps. */
        private Object postScene;
        private Object tracker;
        private String framesSource = "pulses", pulseEnd = "layout";

        Tour(AtlasWindow window) {
            this.map = window.mapPane();
            this.state = window.state();
            this.scene = map.getScene();
        }

        void begin() {
            if (size != null) {
                Window w = scene.getWindow();
                w.setX(0);
                w.setY(0);
                w.setWidth(size[0]);
                w.setHeight(size[1]);
            }
            installToolkitHooks();
            scene.addPostLayoutPulseListener(postLayout);
            start();
        }

        /** The render thread's frame callback and the end-of-pulse listener, where the toolkit's internals are open. */
        private void installToolkitHooks() {
            try {
                Class<?> pt = Class.forName("com.sun.javafx.perf.PerformanceTracker");
                tracker = pt.getMethod("getSceneTracker", Scene.class).invoke(null, scene);
                Runnable onFrame = () -> {
                    if (recording) {
                        int i = frameCount.getAndIncrement();
                        if (i < frames.length()) {
                            frames.set(i, System.nanoTime());
                        }
                    }
                };
                pt.getMethod("setOnRenderedFrameTask", Runnable.class).invoke(tracker, onFrame);
                framesSource = "renderer";
            } catch (ReflectiveOperationException | RuntimeException e) {
                System.out.println("atlas-bench note=no_frame_tracker(" + e.getClass().getSimpleName() + ")");
            }
            try {
                Class<?> tk = Class.forName("com.sun.javafx.tk.Toolkit");
                Class<?> listener = Class.forName("com.sun.javafx.tk.TKPulseListener");
                postScene = Proxy.newProxyInstance(listener.getClassLoader(), new Class<?>[]{listener}, (proxy, m, args) -> {
                    switch (m.getName()) {
                        case "pulse" -> endOfPulse();
                        case "hashCode" -> {
                            return System.identityHashCode(proxy);
                        }
                        case "equals" -> {
                            return proxy == args[0];
                        }
                        case "toString" -> {
                            return "bench post-scene pulse listener";
                        }
                        default -> { }
                    }
                    return null;
                });
                Object toolkit = tk.getMethod("getToolkit").invoke(null);
                Method add = tk.getMethod("addPostSceneTkPulseListener", listener);
                add.invoke(toolkit, postScene);
                pulseEnd = "sync";
            } catch (ReflectiveOperationException | RuntimeException e) {
                postScene = null;
                System.out.println("atlas-bench note=no_post_scene_listener(" + e.getClass().getSimpleName() + ")");
            }
        }

        private void endOfPulse() {
            if (pulseStart >= 0) {
                long t = System.nanoTime();
                pulses.add(t - pulseStart);
                syncEnds.add(t);
            }
            pulseStart = -1;
        }

        @Override
        public void handle(long now) {
            switch (phase) {
                case RESIZING -> {
                    // the map at the asked size, every visible tile painted, then a second to settle
                    Window w = scene.getWindow();
                    boolean sized = size == null || (Math.abs(w.getWidth() - size[0]) < 1 && Math.abs(w.getHeight() - size[1]) < 1);
                    if (resizeStart < 0) {
                        resizeStart = now;
                    }
                    if (!sized && now - resizeStart > 30_000_000_000L) {
                        // a screen smaller than the size asked: measure at the size there is, and say so
                        System.out.println("atlas-bench note=size_not_reached");
                        sized = true;
                        size[0] = (int) w.getWidth();
                        size[1] = (int) w.getHeight();
                    }
                    if (sized && PaintWatch.isPainted(map.mapView())) {
                        if (resizedAt < 0) {
                            resizedAt = now;
                        } else if (now - resizedAt > 1_000_000_000L) {
                            phase = Phase.RUNNING;
                            t0 = now;
                            recording = true;
                        }
                    } else {
                        resizedAt = -1;
                    }
                    return;
                }
                case DONE -> {
                    return;
                }
                default -> { }
            }
            double total = (now - t0) / 1e9;
            if (total > seconds) {
                phase = Phase.DONE;
                recording = false;
                stop();
                // one more pulse for the last frame to arrive, then the report
                Platform.runLater(this::report);
                return;
            }
            pulseStart = now;
            if (lastPulse >= 0) {
                pulseIntervals.add(now - lastPulse);
            }
            lastPulse = now;
            double t = total % 10;
            double[] v = tour(t);
            double z0 = map.zoom(), lat0 = state.centerLatProperty().get(), lon0 = state.centerLonProperty().get();
            map.show(v[0], v[1], v[2]);
            if (map.zoom() == z0 && state.centerLatProperty().get() == lat0 && state.centerLonProperty().get() == lon0) {
                still++; // the view could not move (held at the edge of the data): a pulse with nothing to draw
            }
        }

        /**
         * The 10 s cycle, {lat, lon, zoom} at second t, a closed loop at zooms where the view can move at every window
         * size up to 2560x1440 (at zoom 8 a window wider than ~1100 px of map shows the whole pannable width, and a pan
         * would change nothing): 0-4 s a drag east across the valley and back at zoom 10 (2 degrees of longitude, about
         * 730 px/s); 4-7 s zoom 10 -> 13 towards Isfara and Batken; 7-10 s back out through zoom ~9.3 to the start.
         */
        static double[] tour(double t) {
            if (t < 4) {
                double p = t < 2 ? t / 2 : (4 - t) / 2;
                return new double[]{40.5, 70.4 + 2 * p, 10};
            } else if (t < 7) {
                double u = (t - 4) / 3;
                return new double[]{40.5 - 0.4 * u, 70.4 + 0.4 * u, 10 + 3 * u};
            }
            double u = (t - 7) / 3;
            return new double[]{40.1 + 0.4 * u, 70.8 - 0.4 * u, 13 - 3 * u - 2 * Math.sin(Math.PI * u)};
        }

        private void report() {
            scene.removePostLayoutPulseListener(postLayout);
            out("size", (int) scene.getWidth() + "x" + (int) scene.getHeight());
            out("seconds", fmt(seconds));
            out("pulse_end", pulseEnd);
            out("frames_source", framesSource);
            long[] p = postScene != null ? pulses.values() : work.values();
            out("map_size", (int) map.getWidth() + "x" + (int) map.getHeight());
            out("pulses", String.valueOf(p.length));
            out("still_pulses", String.valueOf(still));
            stats("pulse", p);
            stats("work", work.values());
            long[] frameIntervals;
            long[] render = new long[0];
            if (tracker != null) {
                int n = Math.min(frameCount.get(), frames.length());
                long[] f = new long[n];
                for (int i = 0; i < n; i++) {
                    f[i] = frames.get(i);
                }
                frameIntervals = new long[Math.max(0, n - 1)];
                for (int i = 1; i < n; i++) {
                    frameIntervals[i - 1] = f[i] - f[i - 1];
                }
                render = renderTimes(f, syncEnds.values());
            } else {
                frameIntervals = pulseIntervals.values();
            }
            out("frames", String.valueOf(frameIntervals.length + 1));
            out("fps", fmt((frameIntervals.length + 1) / seconds));
            stats("frame", frameIntervals);
            stats("render", render);
            out("peak_rss_mb", String.valueOf(peakRssMb()));
            Platform.exit();
        }

        /** For each frame, the time since the last pulse synchronisation before it. */
        private static long[] renderTimes(long[] frames, long[] syncs) {
            if (syncs.length == 0) {
                return new long[0];
            }
            long[] r = new long[frames.length];
            int n = 0, j = 0;
            for (long f : frames) {
                while (j + 1 < syncs.length && syncs[j + 1] <= f) {
                    j++;
                }
                if (syncs[j] <= f) {
                    r[n++] = f - syncs[j];
                }
            }
            return Arrays.copyOf(r, n);
        }

        private static void stats(String name, long[] v) {
            long[] s = v.clone();
            Arrays.sort(s);
            out(name + "_p50_ms", ms(pct(s, 0.50)));
            out(name + "_p95_ms", ms(pct(s, 0.95)));
            out(name + "_max_ms", ms(s.length == 0 ? 0 : s[s.length - 1]));
        }

        private static long pct(long[] sorted, double p) {
            return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.floor(p * sorted.length))];
        }

        private static void out(String key, String value) {
            System.out.println("atlas-bench " + key + "=" + value);
        }

        private static String ms(long nanos) {
            return String.format(Locale.ROOT, "%.2f", nanos / 1e6);
        }

        private static String fmt(double d) {
            return String.format(Locale.ROOT, "%.1f", d);
        }

        private static int[] parseSize(String s) {
            if (s == null || s.isBlank()) {
                return null;
            }
            String[] wh = s.toLowerCase(Locale.ROOT).split("x");
            return new int[]{Integer.parseInt(wh[0].trim()), Integer.parseInt(wh[1].trim())};
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
