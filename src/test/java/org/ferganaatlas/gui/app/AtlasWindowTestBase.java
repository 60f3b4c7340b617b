package org.ferganaatlas.gui.app;

import org.ferganaatlas.gui.l10n.FeatureText;
import org.ferganaatlas.gui.l10n.Messages;
import org.ferganaatlas.gui.map.OverlayLayer;
import org.ferganaatlas.gui.map.Viewport;

import org.ferganaatlas.gui.state.AtlasState;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.gluonhq.maps.MapPoint;
import com.gluonhq.maps.MapView;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.stage.Stage;
import org.ferganaatlas.data.AtlasDatabase;
import org.ferganaatlas.model.StatusPeriod;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Window tests shared by the fixture database and the real bundled one. */
abstract class AtlasWindowTestBase {
    protected AtlasWindow window;
    protected AtlasState state;
    protected Stage stage;

    protected void open(Stage stage, AtlasDatabase db) {
        this.stage = stage;
        state = new AtlasState();
        window = new AtlasWindow(db, state);
        stage.setScene(window.createScene(1200, 760)  /* inside Monocle's 1280x800 headless screen */);
        stage.sizeToScene(); // TestFX keeps one stage for all classes: a size a test set must not reach the next
        stage.show();
        stage.toFront();
    }

    protected static void settle() {
        WaitForAsyncUtils.waitForFxEvents(3);
        // overlays prepare view changes on a worker thread (OverlayLayer): wait for it, then for the step that applies it
        try {
            WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, OverlayLayer::workerIdle);
            // and panels read what they show in the background (Background): wait until it is shown
            WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, org.ferganaatlas.gui.common.Background::idle);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("overlay worker or panel loader still busy after 10 s", e);
        }
        WaitForAsyncUtils.waitForFxEvents(3);
    }

    protected MapView map() {
        return window.mapPane().mapView();
    }

    /** The geographic box the map shows: west, south, east, north. */
    protected double[] visibleBox() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            MapView m = map();
            MapPoint nw = m.getMapPosition(0, 0);
            MapPoint se = m.getMapPosition(m.getWidth(), m.getHeight());
            return new double[] {nw.getLongitude(), se.getLatitude(), se.getLongitude(), nw.getLatitude()};
        }).get(5, TimeUnit.SECONDS);
    }

    protected void assertValleyInView() throws Exception {
        double[] box = visibleBox();
        String shown = String.format(Locale.ROOT, "shown W%.3f S%.3f E%.3f N%.3f", box[0], box[1], box[2], box[3]);
        assertTrue(box[0] <= Viewport.VALLEY_WEST && box[2] >= Viewport.VALLEY_EAST, shown);
        assertTrue(box[1] <= Viewport.VALLEY_SOUTH && box[3] >= Viewport.VALLEY_NORTH, shown);
    }

    /** Visible scene nodes standing for a feature (in visible layers). */
    protected List<Node> nodesOf(String key) {
        List<Node> out = new ArrayList<>();
        collect(stage.getScene().getRoot(), key, out);
        return out;
    }

    private static void collect(Node n, String key, List<Node> out) {
        if (!n.isVisible()) {
            return;
        }
        if (key.equals(n.getUserData()) && n.getStyleClass().contains("feature")) {
            out.add(n);
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                collect(c, key, out);
            }
        }
    }

    /** The crossing's icon, after centring the map on it at a zoom where it is drawn. */
    protected Node crossingIcon(FxRobot robot, String key, double lat, double lon, double zoom) {
        robot.interact(() -> window.mapPane().show(lat, lon, zoom));
        settle();
        return nodesOf(key).stream().filter(n -> n.getStyleClass().contains("crossing-icon")).findFirst()
                .orElseThrow(() -> new AssertionError("no icon drawn for " + key));
    }

    /** The start of the latest "open" period of a crossing, from the database. */
    protected static Optional<LocalDate> reopening(AtlasDatabase db, String key) {
        LocalDate best = null;
        for (StatusPeriod p : db.factRepository().status(key)) {
            if ("crossing_status".equals(p.attribute()) && "open".equals(p.value()) && p.fromDate().isPresent()) {
                if (best == null || p.fromDate().get().isAfter(best)) {
                    best = p.fromDate().get();
                }
            }
        }
        return Optional.ofNullable(best);
    }

    protected void clickKyzylBelAndCheckDetails(FxRobot robot, AtlasDatabase db) {
        var f = db.featureRepository().feature("crossing:kyzyl-bel").orElseThrow(() -> new AssertionError("crossing:kyzyl-bel not in the database"));
        assertTrue(f.hasLocation(), "Kyzyl-Bel has no location");
        LocalDate reopened = reopening(db, f.key()).orElseThrow(() -> new AssertionError("no reopening date for Kyzyl-Bel in the database"));
        Node icon = crossingIcon(robot, f.key(), f.lat(), f.lon(), Math.max(f.minZoom(), 11));
        robot.clickOn(icon);
        settle();
        assertEquals(f.key(), state.selectedKeyProperty().get());
        String title = robot.lookup("#details-title").queryLabeled().getText();
        assertEquals(f.nameEn(), title);
        String text = window.details().allText();
        String expected = FeatureText.date(reopened, Locale.ENGLISH);
        assertTrue(text.contains(Messages.format("details.period.since", expected)), () -> "details lack 'since " + expected + "':\n" + text);
        Bounds b = icon.localToScreen(icon.getBoundsInLocal());
        assertNotNull(b);
        assertFalse(text.isBlank());
    }
}
