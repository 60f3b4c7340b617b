package org.ferganaatlas.gui.app;

import org.ferganaatlas.gui.state.SideTab;

import org.ferganaatlas.gui.map.MapPane;
import org.ferganaatlas.gui.state.AtlasState;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.animation.AnimationTimer;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import org.ferganaatlas.data.AtlasDatabase;
import org.ferganaatlas.map.AtlasTileRetriever;
import org.ferganaatlas.model.Feature;

/**
 * {@code --walkthrough}: a scripted tour of the main views for the offline test ("Never the network"):
 * the whole valley, a crossing, an enclave, a town and a village selected (details shown), zoomed in and out, the
 * map date moved, the side tabs opened, back home; then it exits. After each step it waits until every visible
 * basemap tile is painted and prints {@code atlas-walkthrough step=… tiles=… failed=…}; at the end
 * {@code atlas-walkthrough done …}. Exit code 0 only if every step painted completely, no tile failed and nothing
 * reached the {@link CrashHandler}; else {@link AtlasApp#EXIT_WALKTHROUGH}.
 */
public final class Walkthrough extends AnimationTimer {
    private static final long STEP_TIMEOUT_NANOS = 30_000_000_000L;

    private record Step(String name, Runnable action) {}

    private final AtlasWindow window;
    private final List<Step> steps = new ArrayList<>();
    private int next;
    private Step current;
    private long stepStart;
    private int stablePulses;
    private int tilesTotal;
    private final List<String> failures = new ArrayList<>();

    private Walkthrough(AtlasWindow window, AtlasDatabase db) {
        this.window = window;
        AtlasState state = window.state();
        MapPane map = window.mapPane();
        steps.add(new Step("home", () -> { }));
        select(db, "crossing", "crossing:kyzyl-bel").ifPresent(f -> steps.add(selectStep(f)));
        select(db, "enclave", "enclave:sokh").ifPresent(f -> steps.add(selectStep(f)));
        select(db, "town", "town:1514879").ifPresent(f -> steps.add(selectStep(f)));  // Khujand
        select(db, "village", "village:dostuk").ifPresent(f -> steps.add(selectStep(f)));
        steps.add(new Step("zoom-in", () -> {
            map.zoomStep(+1);
            map.zoomStep(+1);
        }));
        steps.add(new Step("zoom-out", () -> {
            for (int i = 0; i < 5; i++) {
                map.zoomStep(-1);
            }
        }));
        steps.add(new Step("date-2021-01-01", () -> state.mapDateProperty().set(LocalDate.of(2021, 1, 1))));
        steps.add(new Step("tab-treaties", () -> state.sideTabProperty().set(SideTab.TREATIES)));
        steps.add(new Step("tab-timeline", () -> state.sideTabProperty().set(SideTab.TIMELINE)));
        steps.add(new Step("tab-notes", () -> state.sideTabProperty().set(SideTab.NOTES)));
        steps.add(new Step("tab-layers", () -> state.sideTabProperty().set(SideTab.LAYERS)));
        steps.add(new Step("date-today", () -> state.mapDateProperty().set(LocalDate.now())));
        steps.add(new Step("deselect-home", () -> {
            state.selectedKeyProperty().set(null);
            state.requestHome();
        }));
    }

    private Step selectStep(Feature f) {
        return new Step("select " + f.key(), () -> {
            window.state().selectedKeyProperty().set(f.key());
            window.mapPane().show(f.lat(), f.lon(), Math.max(f.minZoom(), 11));
        });
    }

    /** The preferred feature if the database has it (with a location), else the most important of its kind. */
    private static Optional<Feature> select(AtlasDatabase db, String kind, String preferred) {
        Supplier<Optional<Feature>> first = () -> db.featureRepository().features(kind).stream().filter(Feature::hasLocation).findFirst();
        return db.featureRepository().feature(preferred).filter(Feature::hasLocation).or(first);
    }

    public static void start(AtlasWindow window) {
        new Walkthrough(window, window.database()).start();
    }

    @Override
    public void handle(long now) {
        if (current == null) {
            if (next >= steps.size()) {
                stop();
                finish();
                return;
            }
            current = steps.get(next++);
            stepStart = now;
            stablePulses = 0;
            try {
                current.action().run();
            } catch (RuntimeException e) {
                CrashHandler.log("Walkthrough step " + current.name() + " failed", e);
                failures.add(current.name() + ": " + e);
            }
            return;
        }
        int[] c = countTiles();
        if (c[0] > 0 && c[1] == 0 && c[2] == 0) {
            if (++stablePulses >= 3) {  // laid out and painted for a few pulses: the step is complete
                tilesTotal += c[0];
                System.out.println("atlas-walkthrough step=" + current.name() + " tiles=" + c[0] + " failed=0 ms="
                        + (now - stepStart) / 1_000_000);
                current = null;
            }
        } else {
            stablePulses = 0;
            if (c[2] > 0 || now - stepStart > STEP_TIMEOUT_NANOS) {
                String why = current.name() + ": tiles painted " + c[0] + ", pending " + c[1] + ", failed " + c[2];
                System.out.println("atlas-walkthrough step=" + current.name() + " tiles=" + c[0] + " pending=" + c[1]
                        + " failed=" + c[2] + " INCOMPLETE");
                failures.add(why);
                current = null;
            }
        }
    }

    private void finish() {
        int failedTiles = AtlasTileRetriever.failedTiles();
        int errors = CrashHandler.errorCount();
        long notices = window.root().lookupAll(".save-notice").stream().filter(Node::isVisible).count();
        System.out.println("atlas-walkthrough done steps=" + steps.size() + " tiles_painted=" + tilesTotal
                + " tiles_failed=" + failedTiles + " errors=" + errors + " notices=" + notices
                + " incomplete=" + failures.size());
        failures.forEach(f -> System.out.println("atlas-walkthrough problem: " + f));
        AtlasApp.exitWith(failures.isEmpty() && failedTiles == 0 && errors == 0 ? 0 : AtlasApp.EXIT_WALKTHROUGH);
    }

    /** Visible basemap tiles: {painted, still loading, failed}. */
    private int[] countTiles() {
        int[] c = new int[3];
        Parent base = (Parent) ((Parent) window.mapPane().mapView()).getChildrenUnmodifiable().get(0);
        walk(base, c);
        return c;
    }

    private static void walk(Node n, int[] c) {
        if (!n.isVisible()) {
            return;
        }
        if (n instanceof ImageView iv) {
            Image img = iv.getImage();
            if (img != null && img.isError()) {
                c[2]++;
            } else if (img != null && img.getProgress() >= 1) {
                c[0]++;
            } else {
                c[1]++;
            }
        } else if (n instanceof Parent p) {
            for (Node ch : p.getChildrenUnmodifiable()) {
                walk(ch, c);
            }
        }
    }
}
