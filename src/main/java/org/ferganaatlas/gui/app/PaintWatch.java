package org.ferganaatlas.gui.app;

import java.time.Duration;
import java.time.Instant;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;

/**
 * {@code --timing}: prints {@code atlas-bench painted_ms=N} once every visible basemap tile has its image and the
 * overlays are laid out (the installer's smoke test and start-up benchmark read it). Shipped, unlike the benchmark
 * drivers, because the installed app is what those measure.
 */
public final class PaintWatch {
    private PaintWatch() {}

    /** Watches the map until it is painted, prints the time since process start, then runs {@code then}. */
    public static void watch(AtlasWindow window, Runnable then) {
        Scene scene = window.mapPane().getScene();
        Instant start = Instant.ofEpochMilli(AtlasApp.startMillis());
        Runnable[] check = new Runnable[1];
        check[0] = () -> {
            if (isPainted(window.mapPane().mapView())) {
                scene.removePostLayoutPulseListener(check[0]);
                // the next pulse renders what this one laid out
                Platform.runLater(() -> {
                    long ms = Duration.between(start, Instant.now()).toMillis();
                    System.out.println("atlas-bench painted_ms=" + ms);
                    if (then != null) {
                        then.run();
                    } else if (Boolean.getBoolean("atlas.bench.exit")) {
                        Platform.exit(); // bench/run.sh: cold-start runs end once painted
                    }
                });
            } else {
                if (Boolean.getBoolean("atlas.debugPaint")) {
                    int[] c = new int[2];
                    walk((Parent) ((Parent) window.mapPane().mapView()).getChildrenUnmodifiable().get(0), c);
                    System.out.println("paint " + Duration.between(start, Instant.now()).toMillis() + " ms: loaded " + c[0] + " pending " + c[1]);
                }
                Platform.requestNextPulse();
            }
        };
        scene.addPostLayoutPulseListener(check[0]);
        Platform.requestNextPulse();
    }

    /** Every visible tile image in the map's base layer is loaded (and there is at least one). */
    public static boolean isPainted(Node map) {
        Parent base = (Parent) ((Parent) map).getChildrenUnmodifiable().get(0);
        int[] counts = new int[2];
        walk(base, counts);
        return counts[0] > 0 && counts[1] == 0;
    }

    private static void walk(Node n, int[] counts) {
        if (!n.isVisible()) {
            return;
        }
        if (n instanceof ImageView iv) {
            Image img = iv.getImage();
            if (img != null && !img.isError() && img.getProgress() >= 1) {
                counts[0]++;
            } else {
                counts[1]++;
            }
        } else if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                walk(c, counts);
            }
        }
    }
}
