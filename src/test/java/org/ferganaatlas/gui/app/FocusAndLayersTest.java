package org.ferganaatlas.gui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import org.ferganaatlas.data.BundledAtlas;
import org.ferganaatlas.gui.common.PanelParts;
import org.ferganaatlas.gui.map.SymbolLayer;
import org.ferganaatlas.gui.state.LayerSpec;
import org.ferganaatlas.gui.state.SideTab;
import org.ferganaatlas.model.ViewSnapshot;
import org.ferganaatlas.model.Feature;
import org.ferganaatlas.model.SearchHit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import javafx.stage.Stage;

/** One way to show something, and layers added at run time, in a real window on the bundled database. */
@ExtendWith(ApplicationExtension.class)
class FocusAndLayersTest extends AtlasWindowTestBase {
    @RegisterExtension
    static final BundledAtlas atlas = new BundledAtlas();
    private static final String EVENT = "event:2025-03-13-kyzyl-bel-kairagach-reopening";

    @Start
    void start(Stage stage) {
        open(stage, atlas.db());
    }

    private ViewSnapshot view() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> state.snapshot()).get();
    }

    @Test
    void anEventChosenFromSearchGetsTheViewItGetsFromTheTimeline(FxRobot robot) throws Exception {
        settle();
        // from search
        SearchHit hit = new SearchHit(EVENT, "event", "Kyzyl-Bel and Kairagach reopen", "Kyzyl-Bel", SearchHit.Match.EXACT, 1);
        robot.interact(() -> window.search().activate(hit));
        settle();
        ViewSnapshot fromSearch = view();
        SideTab tabFromSearch = state.sideTabProperty().get();

        // back to somewhere else entirely, then from the timeline
        robot.interact(() -> {
            window.context().focus().clearRecord();
            state.highlight(null);
            state.mapDateProperty().set(LocalDate.of(2020, 6, 1));
            state.sideTabProperty().set(SideTab.LAYERS);
            state.requestHome();
        });
        settle();
        assertFalse(view().equals(fromSearch));
        robot.interact(() -> state.sideTabProperty().set(SideTab.TIMELINE));
        settle();
        Node card = robot.lookup("#" + PanelParts.nodeId(EVENT)).query();
        robot.interact(() -> card.getOnMouseClicked().handle(null));
        settle();
        ViewSnapshot fromTimeline = view();

        assertEquals(SideTab.TIMELINE, tabFromSearch, "search opens the event in the timeline");
        assertEquals(LocalDate.of(2025, 3, 13), fromSearch.date(), "search moves the map date to the event");
        assertTrue(fromSearch.highlight().contains("crossing:kyzyl-bel"), fromSearch.highlight().toString());
        assertEquals(fromSearch.date(), fromTimeline.date());
        assertEquals(fromSearch.highlight(), fromTimeline.highlight());
        assertEquals(fromSearch.recordKey(), fromTimeline.recordKey());
        assertEquals(fromSearch.zoom(), fromTimeline.zoom(), 1e-6, "same zoom");
        assertEquals(fromSearch.centerLat(), fromTimeline.centerLat(), 1e-6, "same centre");
        assertEquals(fromSearch.centerLon(), fromTimeline.centerLon(), 1e-6, "same centre");
    }

    @Test
    void aSavedViewComesBackAsItWas(FxRobot robot) throws Exception {
        settle();
        robot.interact(() -> window.context().focus().showRecord("provision:kg-tj-2025-04"));
        settle();
        robot.interact(() -> state.layerVisible(org.ferganaatlas.model.BuiltInLayer.TOWNS).set(false));
        settle();
        ViewSnapshot saved = view();
        robot.interact(() -> {
            state.restore(new ViewSnapshot(40.9, 72.3, 8, LocalDate.of(2021, 1, 1), Set.of("borders", "towns"), List.of(), null, null));
        });
        settle();
        assertEquals(LocalDate.of(2021, 1, 1), state.mapDateProperty().get());
        robot.interact(() -> state.restore(saved));
        settle();
        ViewSnapshot back = view();
        assertEquals(saved.date(), back.date());
        assertEquals(saved.layers(), back.layers());
        assertEquals(saved.highlight(), back.highlight());
        assertEquals(saved.recordKey(), back.recordKey());
        assertEquals(saved.zoom(), back.zoom(), 1e-6);
        assertEquals(saved.centerLat(), back.centerLat(), 1e-6);
        assertEquals(saved.centerLon(), back.centerLon(), 1e-6);
        assertFalse(robot.lookup("#layer-towns").queryAs(CheckBox.class).isSelected(), "the legend shows the layers as stored");
        assertEquals(SideTab.TREATIES, state.sideTabProperty().get());
    }

    @Test
    void aLayerAddedAtRunTimeGetsALegendRowAndItsSymbolsOnTheMap(FxRobot robot) throws Exception {
        settle();
        Feature khujand = atlas.db().featureRepository().features("town").stream().filter(f -> f.nameEn().equals("Khujand")).findFirst().orElseThrow();
        Feature well = new Feature(-1, "user:wells:1", "site", "Well 1", "TJK", null, 0, 0, khujand.lat() + 0.01,
                khujand.lon() + 0.01, 50.0, "medium", null, List.of(), null);
        robot.interact(() -> state.layers().add(LayerSpec.user("user:wells", "Wells we visited", () -> List.of(well))));
        robot.interact(() -> state.commands().centreOn(well.lat(), well.lon(), 12));
        settle();
        CheckBox toggle = robot.lookup("#layer-user_wells").queryAs(CheckBox.class);
        assertEquals("Wells we visited", toggle.getText());
        assertTrue(toggle.isSelected());
        List<Node> symbols = new ArrayList<>(nodesOf("user:wells:1"));
        assertEquals(1, symbols.size(), "the point is drawn once");
        assertTrue(symbols.get(0).getStyleClass().contains("user-icon"), symbols.get(0).getStyleClass().toString());
        assertTrue(window.mapPane().overlays().stream().anyMatch(o -> o instanceof SymbolLayer s && s.layer().id().equals("user:wells")));

        robot.interact(toggle::fire);
        settle();
        assertFalse(state.layers().visible("user:wells").get(), "the legend switches it off");
        assertTrue(nodesOf("user:wells:1").isEmpty(), "and it is no longer shown");

        robot.interact(() -> state.layers().remove("user:wells"));
        settle();
        assertTrue(robot.lookup("#layer-user_wells").queryAll().isEmpty(), "its legend row goes with it");
        assertTrue(window.mapPane().overlays().stream().noneMatch(o -> o instanceof SymbolLayer s && s.layer().isUser()));
    }
}
