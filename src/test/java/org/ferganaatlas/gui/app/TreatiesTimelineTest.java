package org.ferganaatlas.gui.app;

import org.ferganaatlas.gui.state.SideTab;
import org.ferganaatlas.gui.common.PanelParts;

import org.ferganaatlas.gui.records.TimelinePanel;

import org.ferganaatlas.gui.records.TreatiesPanel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Hyperlink;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.ferganaatlas.data.BundledAtlas;
import org.ferganaatlas.model.AtlasEvent;
import org.ferganaatlas.model.Feature;
import org.ferganaatlas.model.PartialDate;
import org.ferganaatlas.model.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** On the real bundled database: treaties panel, "Show on map", the map date, the timeline. */
@ExtendWith(ApplicationExtension.class)
class TreatiesTimelineTest extends AtlasWindowTestBase {
    @RegisterExtension
    static final BundledAtlas atlas = new BundledAtlas();

    @Start
    void start(Stage stage) {
        open(stage, atlas.db());
    }

    private <T extends Node> T find(FxRobot robot, String query, Class<T> type) {
        return robot.lookup(query).queryAs(type);
    }

    /** Highlight nodes drawn on the map for a key. */
    private List<Node> highlightsOf(String key) {
        List<Node> out = new ArrayList<>();
        collectHighlights(stage.getScene().getRoot(), key, out);
        return out;
    }

    private static void collectHighlights(Node n, String key, List<Node> out) {
        if (!n.isVisible()) {
            return;
        }
        if (key.equals(n.getUserData()) && n.getStyleClass().contains("highlight")) {
            out.add(n);
        }
        if (n instanceof javafx.scene.Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                collectHighlights(c, key, out);
            }
        }
    }

    @Test
    void showOnMapFliesToTheProvisionsPlacesAndHighlightsThem(FxRobot robot) {
        settle();
        Feature golovnoy = atlas.db().featureRepository().feature("water:golovnoy").orElseThrow();
        double lat0 = state.centerLatProperty().get(), lon0 = state.centerLonProperty().get();
        assertTrue(Math.abs(lat0 - golovnoy.lat()) > 0.3 || Math.abs(lon0 - golovnoy.lon()) > 0.3, "map starts elsewhere");
        assertTrue(highlightsOf("water:golovnoy").isEmpty());

        robot.interact(() -> window.context().focus().showRecord("treaty:kg-tj-2025"));
        settle();
        assertEquals(SideTab.TREATIES, state.sideTabProperty().get(), "choosing a treaty opens its tab");
        Button show = find(robot, "#show-" + PanelParts.nodeId("provision:kg-tj-2025-04"), Button.class);
        robot.interact(show::fire);
        settle();
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        settle();

        assertEquals(golovnoy.lat(), state.centerLatProperty().get(), 0.02, "map centre latitude");
        assertEquals(golovnoy.lon(), state.centerLonProperty().get(), 0.02, "map centre longitude");
        assertTrue(state.zoomProperty().get() >= 10, "zoomed in: " + state.zoomProperty().get());
        assertTrue(state.highlightedKeysProperty().get().contains("water:golovnoy"), state.highlightedKeysProperty().get().toString());
        assertFalse(highlightsOf("water:golovnoy").isEmpty(), "the facility is highlighted on the map");
        assertEquals("provision:kg-tj-2025-04", state.selectedRecordKeyProperty().get());
    }

    @Test
    void kyzylBelIsClosedOnFirstMarchAndOpenOnFourteenthMarch2025(FxRobot robot) {
        settle();
        Feature f = atlas.db().featureRepository().feature("crossing:kyzyl-bel").orElseThrow();
        DatePicker picker = find(robot, "#map-date-picker", DatePicker.class);
        robot.interact(() -> picker.setValue(LocalDate.of(2025, 3, 1)));
        settle();
        assertEquals(LocalDate.of(2025, 3, 1), state.mapDateProperty().get(), "the date field sets the map date");
        Node icon = crossingIcon(robot, f.key(), f.lat(), f.lon(), 11);
        assertTrue(icon.getStyleClass().contains("closed"), icon.getStyleClass().toString());

        robot.interact(() -> picker.setValue(LocalDate.of(2025, 3, 14)));
        settle();
        icon = crossingIcon(robot, f.key(), f.lat(), f.lon(), 11);
        assertTrue(icon.getStyleClass().contains("open"), icon.getStyleClass().toString());

        // the slider follows the map date
        javafx.scene.control.Slider slider = find(robot, "#map-date-slider", javafx.scene.control.Slider.class);
        assertEquals(LocalDate.of(2025, 3, 14).toEpochDay(), slider.getValue(), 0.5);
    }

    @Test
    void bordersShowTheirSettlementOnTheMapDate(FxRobot robot) {
        settle();
        robot.interact(() -> state.mapDateProperty().set(LocalDate.of(2025, 3, 1)));
        robot.interact(() -> window.mapPane().show(39.95, 70.6, 10));
        settle();
        List<Node> lines = linesOfPair("KGZ-TJK");
        assertFalse(lines.isEmpty(), "Kyrgyz-Tajik border drawn");
        assertTrue(lines.stream().allMatch(n -> n.getStyleClass().contains("unsettled")), "before signing: not yet agreed");
        robot.interact(() -> state.mapDateProperty().set(LocalDate.of(2025, 4, 15)));
        settle();
        lines = linesOfPair("KGZ-TJK");
        assertTrue(lines.stream().allMatch(n -> n.getStyleClass().contains("settled")), "after the exchange of instruments");
    }

    private List<Node> linesOfPair(String pair) {
        List<Node> out = new ArrayList<>();
        for (Feature b : atlas.db().featureRepository().features("border")) {
            if (pair.equals(b.countries())) {
                for (Node n : nodesOfAny(b.key())) {
                    if (n.getStyleClass().contains("border-line")) {
                        out.add(n);
                    }
                }
            }
        }
        return out;
    }

    private List<Node> nodesOfAny(String key) {
        List<Node> out = new ArrayList<>();
        collectAny(stage.getScene().getRoot(), key, out);
        return out;
    }

    private static void collectAny(Node n, String key, List<Node> out) {
        if (key.equals(n.getUserData())) {
            out.add(n);
        }
        if (n instanceof javafx.scene.Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                collectAny(c, key, out);
            }
        }
    }

    @Test
    void timelineListsEventsInDateOrderAndAClickMovesMapAndDate(FxRobot robot) throws Exception {
        settle();
        // the reading panels join the scene when their tab is first chosen (start-up time)
        robot.interact(() -> state.sideTabProperty().set(SideTab.TIMELINE));
        settle();
        TimelinePanel timeline = find(robot, "#timeline-panel", TimelinePanel.class);
        List<AtlasEvent> shown = timeline.shownEvents();
        assertEquals(atlas.db().eventRepository().events().size(), shown.size());
        assertTrue(shown.size() >= 20);
        for (int i = 1; i < shown.size(); i++) {
            PartialDate a = shown.get(i - 1).start().orElseThrow(), b = shown.get(i).start().orElseThrow();
            assertTrue(a.compareTo(b) <= 0, a + " listed before " + b);
        }
        // casualty ranges where sources differ
        robot.interact(() -> state.sideTabProperty().set(SideTab.TIMELINE));
        settle();
        Node clash = robot.lookup("#" + PanelParts.nodeId("event:2021-04-clashes")).query();
        String text = labelsOf(clash);
        assertTrue(text.contains("55\u201358 killed (sources differ)"), text);

        Node card = robot.lookup("#" + PanelParts.nodeId("event:2025-03-13-kyzyl-bel-kairagach-reopening")).query();
        robot.interact(() -> card.getOnMouseClicked().handle(null));
        settle();
        assertEquals("event:2025-03-13-kyzyl-bel-kairagach-reopening", state.selectedRecordKeyProperty().get());
        assertEquals(LocalDate.of(2025, 3, 13), state.mapDateProperty().get(), "map date jumps to the event");
        assertTrue(state.highlightedKeysProperty().get().contains("crossing:kyzyl-bel"));
        Feature kb = atlas.db().featureRepository().feature("crossing:kyzyl-bel").orElseThrow(), ka = atlas.db().featureRepository().feature("crossing:kairagach").orElseThrow();
        double[] box = WaitForAsyncUtils.asyncFx(() -> new double[] {state.centerLatProperty().get(), state.centerLonProperty().get()})
                .get();
        assertTrue(box[0] > Math.min(kb.lat(), ka.lat()) - 0.2 && box[0] < Math.max(kb.lat(), ka.lat()) + 0.2, "lat " + box[0]);
        assertTrue(box[1] > Math.min(kb.lon(), ka.lon()) - 0.2 && box[1] < Math.max(kb.lon(), ka.lon()) + 0.2, "lon " + box[1]);
    }

    @Test
    void playStepsThroughEventsAndEscapeStops(FxRobot robot) {
        settle();
        robot.interact(() -> state.mapDateProperty().set(LocalDate.of(2025, 3, 1)));
        robot.interact(() -> state.playingProperty().set(true));
        settle();
        AtlasEvent first = atlas.db().eventRepository().events().stream()
                .filter(e -> e.start().orElseThrow().start().isAfter(LocalDate.of(2025, 3, 1))).findFirst().orElseThrow();
        assertEquals(first.key(), state.selectedRecordKeyProperty().get());
        assertEquals(first.start().orElseThrow().start(), state.mapDateProperty().get());
        robot.interact(() -> map().requestFocus());
        robot.type(KeyCode.ESCAPE);
        settle();
        assertFalse(state.playingProperty().get(), "Esc stops playing");
    }

    @Test
    void copyAsTextIncludesTheSourcesWithTheirAddresses(FxRobot robot) {
        settle();
        robot.interact(() -> window.context().focus().showRecord("treaty:kg-tj-2025"));
        settle();
        TreatiesPanel panel = find(robot, "#treaties-panel", TreatiesPanel.class);
        Button copy = find(robot, "#treaty-copy", Button.class);
        robot.interact(copy::fire);
        settle();
        String text = panel.lastCopied();
        assertNotNull(text);
        var t = atlas.db().treatyRepository().treaty("treaty:kg-tj-2025").orElseThrow();
        assertTrue(text.startsWith(t.title()), text);
        assertTrue(text.contains("Not found in our sources"), "honest about entry into force");
        List<Source> sources = atlas.db().factRepository().sources(t.sourceIds());
        assertFalse(sources.isEmpty());
        for (Source s : sources) {
            if (s.url() != null && !s.url().isBlank()) {
                assertTrue(text.contains(s.url()), "copy lacks " + s.url());
            }
        }
        assertTrue(text.contains("Golovnoy"), "provisions included");
        try {
            String clip = WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get(5, TimeUnit.SECONDS);
            if (clip != null) {
                assertEquals(text, clip);
            }
        } catch (Exception e) {
            // the headless platform may have no clipboard; the copied text is checked above
        }
    }

    @Test
    void detailsListTheProvisionsOfAPlaceAndOpenThem(FxRobot robot) {
        settle();
        robot.interact(() -> state.selectedKeyProperty().set("village:dostuk"));
        settle();
        List<Hyperlink> links = robot.lookup(".details-provision-link").queryAllAs(Hyperlink.class).stream().toList();
        assertTrue(links.stream().anyMatch(h -> "provision:kg-tj-2025-03".equals(h.getUserData())), "Dostuk swap listed");
        Hyperlink swap = links.stream().filter(h -> "provision:kg-tj-2025-03".equals(h.getUserData())).findFirst().orElseThrow();
        robot.interact(swap::fire);
        settle();
        assertEquals("provision:kg-tj-2025-03", state.selectedRecordKeyProperty().get());
        assertEquals(SideTab.TREATIES, state.sideTabProperty().get());
        assertNotNull(robot.lookup("#" + PanelParts.nodeId("provision:kg-tj-2025-03")).query());
        assertFalse(robot.lookup(".details-event-link").queryAll().isEmpty(), "events at Dostuk listed");
    }

    private static String labelsOf(Node n) {
        StringBuilder sb = new StringBuilder();
        if (n instanceof javafx.scene.control.Labeled l) {
            sb.append(l.getText()).append('\n');
        }
        if (n instanceof javafx.scene.Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                sb.append(labelsOf(c));
            }
        }
        return sb.toString();
    }
}
