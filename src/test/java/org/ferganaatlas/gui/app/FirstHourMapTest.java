package org.ferganaatlas.gui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.ferganaatlas.data.BundledAtlas;
import org.ferganaatlas.gui.map.OverlayLayer;
import org.ferganaatlas.gui.map.Viewport;
import org.ferganaatlas.gui.state.MapCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** What the map draws after the moves a new user makes first. */
@ExtendWith(ApplicationExtension.class)
class FirstHourMapTest extends AtlasWindowTestBase {
    @RegisterExtension
    static final BundledAtlas atlas = new BundledAtlas();

    @Start
    void start(Stage stage) {
        open(stage, atlas.db());
    }

    private void assertOverlaysAtTheMapsZoom(String after) {
        double zoom = state.zoomProperty().get();
        for (OverlayLayer l : window.mapPane().overlays()) {
            if (!l.isVisible() || l.nodeCount() == 0) {
                continue;
            }
            assertEquals(zoom, l.builtZoom(), 1e-9, after + ": " + l.getClass().getSimpleName() + " still drawn for another zoom");
            assertEquals(1, l.shownScale(), 1e-9, after + ": " + l.getClass().getSimpleName() + " shown scaled");
        }
    }

    @Test
    void afterTheMinusAndPlusKeysTheOverlaysAreRedrawnAtTheNewScale(FxRobot robot) throws Exception {
        robot.interact(() -> state.commands().send(new MapCommand.CentreOn(40.5, 71.2, 10)));
        settle();
        robot.interact(() -> map().requestFocus());
        robot.type(KeyCode.SUBTRACT);
        settle();
        WaitForAsyncUtils.sleep(400, TimeUnit.MILLISECONDS);
        settle();
        assertEquals(9, state.zoomProperty().get(), 1e-9);
        assertOverlaysAtTheMapsZoom("after −");
        robot.type(KeyCode.ADD);
        settle();
        WaitForAsyncUtils.sleep(400, TimeUnit.MILLISECONDS);
        settle();
        assertOverlaysAtTheMapsZoom("after +");
    }

    @Test
    void zoomingOutNeverShowsTheEdgeOfTheData(FxRobot robot) throws Exception {
        settle();
        robot.interact(() -> map().requestFocus());
        for (int i = 0; i < 5; i++) {
            robot.type(KeyCode.SUBTRACT);
        }
        robot.type(KeyCode.LEFT, KeyCode.LEFT, KeyCode.LEFT, KeyCode.UP, KeyCode.UP);
        settle();
        double[] box = visibleBox();
        String shown = java.util.Arrays.toString(box) + " at zoom " + state.zoomProperty().get();
        assertTrue(box[0] >= Viewport.PAN_WEST - 1e-6 && box[2] <= Viewport.PAN_EAST + 1e-6, shown);
        assertTrue(box[1] >= Viewport.PAN_SOUTH - 1e-6 && box[3] <= Viewport.PAN_NORTH + 1e-6, shown);
        // and the whole valley can still be seen at once
        robot.type(KeyCode.HOME);
        settle();
        assertValleyInView();
    }

    /** Visible map labels (the text, not the halo) with their bounds on screen. */
    private java.util.List<javafx.scene.text.Text> labels() {
        java.util.List<javafx.scene.text.Text> out = new java.util.ArrayList<>();
        collectLabels(map(), out);
        return out;
    }

    /** Screen bounds of the town dots drawn with their names (a name's own dot is beside it, never under it). */
    private java.util.List<javafx.geometry.Bounds> dots() {
        java.util.List<javafx.geometry.Bounds> out = new java.util.ArrayList<>();
        for (javafx.scene.Node n : map().lookupAll(".town-icon")) {
            if (n.isVisible()) {
                javafx.geometry.Bounds b = n.localToScreen(n.getBoundsInLocal());
                out.add(new javafx.geometry.BoundingBox(b.getMinX() + 1, b.getMinY() + 1, b.getWidth() - 2, b.getHeight() - 2));
            }
        }
        return out;
    }

    private static void collectLabels(javafx.scene.Node n, java.util.List<javafx.scene.text.Text> out) {
        if (!n.isVisible()) {
            return;
        }
        if (n instanceof javafx.scene.text.Text t && t.getStyleClass().contains("map-label") && t.getStyleClass().contains("text")) {
            out.add(t);
        }
        if (n instanceof javafx.scene.Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> collectLabels(c, out));
        }
    }

    @Test
    void labelsNeitherOverlapNorRunOffTheMapNorRepeatATownNorShowDataWords(FxRobot robot) throws Exception {
        // the valley at zoom 7 and at home, Kosonsoy and Chortoq close up (GeoNames lists each twice)
        for (double[] v : new double[][] {{40.85, 71.6, 7}, {40.75, 71.75, 8.5}, {41.24, 71.55, 10}, {41.07, 71.82, 11}}) {
            robot.interact(() -> state.commands().send(new MapCommand.CentreOn(v[0], v[1], v[2])));
            settle();
            WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
            settle();
            String failures = WaitForAsyncUtils.asyncFx(() -> {
                StringBuilder sb = new StringBuilder();
                javafx.geometry.Bounds mapBox = map().localToScreen(map().getBoundsInLocal());
                java.util.List<javafx.scene.text.Text> ls = labels();
                java.util.List<javafx.geometry.Bounds> boxes = new java.util.ArrayList<>();
                for (javafx.scene.text.Text t : ls) {
                    boxes.add(t.localToScreen(t.getBoundsInLocal()));
                    if (t.getText().contains("WDBII") || t.getText().contains("level ")) {
                        sb.append("data words on the map: ").append(t.getText()).append('\n');
                    }
                    if (t.getText().endsWith(" Shahri") && ls.stream().anyMatch(o -> (o.getText() + " Shahri").equals(t.getText()))) {
                        sb.append("a town twice: ").append(t.getText()).append('\n');
                    }
                }
                for (int i = 0; i < ls.size(); i++) {
                    javafx.geometry.Bounds a = boxes.get(i);
                    boolean country = ls.get(i).getStyleClass().contains("country");
                    double cx = (a.getMinX() + a.getMaxX()) / 2, cy = (a.getMinY() + a.getMaxY()) / 2;
                    Object key = ls.get(i).getUserData();
                    boolean dotInMap = map().lookupAll(".icon").stream().anyMatch(n -> n.isVisible() && key != null && key.equals(n.getUserData())
                            && mapBox.contains(n.localToScreen(n.getBoundsInLocal()).getCenterX(), n.localToScreen(n.getBoundsInLocal()).getCenterY()));
                    boolean dotOff = map().lookupAll(".icon").stream().anyMatch(n -> n.isVisible() && key != null && key.equals(n.getUserData())
                            && !mapBox.contains(n.localToScreen(n.getBoundsInLocal()).getCenterX(), n.localToScreen(n.getBoundsInLocal()).getCenterY()));
                    if ((country || dotInMap || dotOff) && mapBox.intersects(a) && !mapBox.contains(a)) {
                        sb.append("cut at the map's edge: ").append(ls.get(i).getText()).append('\n');
                    }
                    for (javafx.geometry.Bounds dot : dots()) {
                        if (a.intersects(dot) && mapBox.intersects(a)) {
                            sb.append("a name over a town's dot: ").append(ls.get(i).getText()).append('\n');
                        }
                    }
                    for (int j = i + 1; j < ls.size(); j++) {
                        javafx.geometry.Bounds b = boxes.get(j);
                        // with their halos (1.6 px each side) two names must not touch
                        if (a.intersects(b.getMinX() - 3.2, b.getMinY() - 3.2, b.getWidth() + 6.4, b.getHeight() + 6.4) && mapBox.intersects(a)) {
                            sb.append("overlap: ").append(ls.get(i).getText()).append(" / ").append(ls.get(j).getText()).append('\n');
                        }
                    }
                }
                return sb.toString();
            }).get(5, TimeUnit.SECONDS);
            assertEquals("", failures, "at " + java.util.Arrays.toString(v) + ", zoom " + state.zoomProperty().get());
            if (v[2] == 8.5) {
                java.util.List<String> names = WaitForAsyncUtils.asyncFx(() -> labels().stream().map(javafx.scene.text.Text::getText).toList())
                        .get(5, TimeUnit.SECONDS);
                for (String city : java.util.List.of("Osh", "Khujand", "Fergana", "Andijon", "Namangan")) {
                    assertTrue(names.contains(city), city + " unnamed on the home view: " + names);
                }
            }
        }
    }

    @Test
    void uzbekEnclavesShowTheLandOfUzbekistanUnderTheirMarking(FxRobot robot) throws Exception {
        robot.interact(() -> state.commands().send(new MapCommand.CentreOn(39.97, 71.1, 10)));
        settle();
        java.util.List<javafx.scene.Node> sokh = nodesOf("enclave:sokh");
        javafx.scene.shape.Shape area = (javafx.scene.shape.Shape) sokh.stream()
                .filter(n -> n.getStyleClass().contains("enclave-area")).findFirst().orElseThrow(() -> new AssertionError("Sokh not drawn"));
        javafx.scene.paint.Paint fill = area.getFill();
        // the basemap under it is drawn in Uzbekistan's colour: a tint on top turned it grey-blue
        assertTrue(fill instanceof javafx.scene.paint.Color c && c.getOpacity() < 0.02, "enclave tinted over the basemap: " + fill);
        assertTrue(area.getStroke() != null && area.getStrokeWidth() >= 2, "the enclave keeps its marking");
    }

    @Test
    void theTooltipGoesOnAZoomAndAClick(FxRobot robot) throws Exception {
        javafx.scene.Node icon = crossingIcon(robot, "crossing:kyzyl-bel",
                atlas.db().featureRepository().feature("crossing:kyzyl-bel").orElseThrow().lat(),
                atlas.db().featureRepository().feature("crossing:kyzyl-bel").orElseThrow().lon(), 11);
        robot.interact(() -> map().requestFocus());
        robot.moveTo(icon);
        settle();
        assertTrue(WaitForAsyncUtils.asyncFx(() -> window.mapPane().tooltipShowing()).get(), "a tooltip on hover");
        double z = state.zoomProperty().get();
        robot.type(KeyCode.SUBTRACT);
        settle();
        assertTrue(state.zoomProperty().get() < z);
        assertFalse(WaitForAsyncUtils.asyncFx(() -> window.mapPane().tooltipShowing()).get(), "the tooltip stayed after a zoom");
        robot.moveBy(1, 1);
        settle();
        robot.moveBy(-1, -1);
        settle();
        robot.press(javafx.scene.input.MouseButton.PRIMARY);
        settle();
        assertFalse(WaitForAsyncUtils.asyncFx(() -> window.mapPane().tooltipShowing()).get(), "the tooltip stayed after a click");
        robot.release(javafx.scene.input.MouseButton.PRIMARY);
    }

    @Test
    void closingATreatyTakesItsHighlightAway(FxRobot robot) throws Exception {
        settle();
        robot.interact(() -> window.context().focus().showRecord("provision:kg-tj-2025-04"));
        settle();
        assertFalse(state.highlightedKeysProperty().get().isEmpty());
        robot.interact(() -> window.context().focus().clearRecord());
        settle();
        assertTrue(state.highlightedKeysProperty().get().isEmpty(), "highlight left after closing the treaty");
    }

    @Test
    void everyFactInTheAtlasHasAWrittenName() throws Exception {
        java.util.Set<String> missing = new java.util.TreeSet<>();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:file:" + atlas.db().file() + "?mode=ro");
             java.sql.ResultSet r = c.createStatement().executeQuery("SELECT DISTINCT attribute FROM fact UNION SELECT DISTINCT attribute FROM status")) {
            while (r.next()) {
                if (!org.ferganaatlas.gui.l10n.Messages.has("fact." + r.getString(1))) {
                    missing.add(r.getString(1));
                }
            }
        }
        assertTrue(missing.isEmpty(), "shown as their column names (\"area ha\", \"houses\"): " + missing);
        assertEquals("Area transferred", org.ferganaatlas.gui.l10n.FeatureText.attribute("area_transferred_somewhere_ha")
                .replace(" somewhere", ""), "an attribute new to the bundle is still made readable");
    }

    @Test
    void playLeavesOnlyTheCurrentEventsPlacesHighlightedAtTheMapsScale(FxRobot robot) throws Exception {
        settle();
        robot.interact(() -> window.context().focus().showRecord("provision:kg-tj-2025-04"));
        settle();
        org.ferganaatlas.gui.records.TimeBar bar = robot.lookup("#time-bar").queryAs(org.ferganaatlas.gui.records.TimeBar.class);
        robot.interact(() -> state.mapDateProperty().set(java.time.LocalDate.of(2021, 4, 1)));
        org.ferganaatlas.gui.map.HighlightLayer highlight = window.mapPane().overlays().stream()
                .filter(l -> l instanceof org.ferganaatlas.gui.map.HighlightLayer).map(l -> (org.ferganaatlas.gui.map.HighlightLayer) l)
                .findFirst().orElseThrow();
        for (int i = 0; i < 3; i++) {
            robot.interact(bar::step); // what Play does every few seconds
            settle();
            WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
            settle();
            java.util.Set<String> wanted = state.highlightedKeysProperty().get();
            assertTrue(wanted.containsAll(highlight.drawnKeys()), "highlights left from before: " + highlight.drawnKeys() + " vs " + wanted);
            if (highlight.nodeCount() > 0) {
                assertEquals(state.zoomProperty().get(), highlight.builtZoom(), 1e-9, "highlight drawn at another zoom");
            }
        }
    }
}
