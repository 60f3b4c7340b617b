package org.ferganaatlas.gui.state;

import org.ferganaatlas.model.ViewSnapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.ferganaatlas.logic.Geodesy.LatLon;
import org.ferganaatlas.logic.Measurement;
import org.ferganaatlas.model.BuiltInLayer;
import org.ferganaatlas.model.FeatureKind;
import org.junit.jupiter.api.Test;

/** The shared state without a window: snapshots, Esc, the layer registry, the map's command channel. */
class AtlasStateTest {
    @Test
    void aSnapshotRestoresDateLayersHighlightSelectionRecordAndView() {
        AtlasState a = new AtlasState();
        a.centerLatProperty().set(40.1);
        a.centerLonProperty().set(70.6);
        a.zoomProperty().set(11.5);
        a.mapDateProperty().set(LocalDate.of(2022, 9, 16));
        a.layerVisible(BuiltInLayer.TOWNS).set(false);
        a.highlight(List.of("village:dostuk", "crossing:kyzyl-bel"));
        a.selectedKeyProperty().set("village:dostuk");
        a.selectedRecordKeyProperty().set("event:2022-09-clashes");
        ViewSnapshot v = a.snapshot();
        assertFalse(v.layers().contains("towns"));
        assertTrue(v.layers().contains("crossings"));

        AtlasState b = new AtlasState();
        List<MapCommand> sent = new ArrayList<>();
        b.commands().listen(sent::add);
        b.restore(v);
        assertEquals(LocalDate.of(2022, 9, 16), b.mapDateProperty().get());
        assertFalse(b.layerVisible(BuiltInLayer.TOWNS).get());
        assertTrue(b.layerVisible(BuiltInLayer.BORDERS).get());
        assertEquals(Set.of("village:dostuk", "crossing:kyzyl-bel"), b.highlightedKeysProperty().get());
        assertEquals(List.of("crossing:kyzyl-bel", "village:dostuk"), v.highlight(), "kept in a stable order");
        assertEquals("village:dostuk", b.selectedKeyProperty().get());
        assertEquals("event:2022-09-clashes", b.selectedRecordKeyProperty().get());
        assertEquals(SideTab.TIMELINE, b.sideTabProperty().get(), "the reader of the record opens");
        assertEquals(List.of(new MapCommand.CentreOn(40.1, 70.6, 11.5)), sent, "the map is asked to go there");
        // the map reports where it went; then the two views are the same
        b.centerLatProperty().set(40.1);
        b.centerLonProperty().set(70.6);
        b.zoomProperty().set(11.5);
        assertEquals(v, b.snapshot());
    }

    @Test
    void escUndoesTheMostRecentKindOfThingFirst() {
        AtlasState s = new AtlasState();
        s.selectedKeyProperty().set("town:1");
        s.highlight(List.of("town:1"));
        s.toolProperty().set(ToolMode.MEASURE);
        s.measurementProperty().set(Measurement.EMPTY.plus(new LatLon(40, 70)));
        s.playingProperty().set(true);

        assertTrue(s.escape());
        assertFalse(s.playingProperty().get(), "1: playing stops");
        assertEquals(ToolMode.MEASURE, s.toolProperty().get());
        assertTrue(s.escape());
        assertTrue(s.measurementProperty().get().isEmpty(), "2: the measurement is cleared, the tool stays");
        assertEquals(ToolMode.MEASURE, s.toolProperty().get());
        assertTrue(s.escape());
        assertEquals(ToolMode.PAN, s.toolProperty().get(), "3: the tool is put away");
        assertTrue(s.escape());
        assertNull(s.selectedKeyProperty().get(), "4: the details close");
        assertFalse(s.highlightedKeysProperty().get().isEmpty());
        assertTrue(s.escape());
        assertTrue(s.highlightedKeysProperty().get().isEmpty(), "5: the highlight goes");
        assertFalse(s.escape(), "then there is nothing left to undo");
    }

    @Test
    void aUserLayerJoinsTheRegistryAfterTheAtlasLayersAndCanBeRemoved() {
        LayerRegistry r = LayerRegistry.withBuiltIns();
        assertEquals(BuiltInLayer.values().length, r.layers().size());
        assertEquals(Set.of(FeatureKind.CROSSING), r.get("crossings").orElseThrow().kinds());
        List<String> changes = new ArrayList<>();
        r.layers().addListener((javafx.collections.ListChangeListener<LayerSpec>) c -> changes.add(c.toString()));
        r.add(LayerSpec.user("user:wells", "Wells", List::of));
        assertEquals("user:wells", r.layers().get(r.layers().size() - 1).id());
        assertTrue(r.visible("user:wells").get());
        assertThrows(IllegalArgumentException.class, () -> r.add(LayerSpec.user("user:wells", "Again", List::of)));
        assertFalse(r.remove("borders"), "the atlas's own layers stay");
        assertTrue(r.remove("user:wells"));
        assertNull(r.visible("user:wells"));
        assertEquals(2, changes.size(), "observers saw the add and the remove");
        r.visible(BuiltInLayer.TOWNS).set(false);
        assertFalse(r.kindVisible(FeatureKind.TOWN));
        assertTrue(r.kindVisible(FeatureKind.COUNTRY), "kinds no layer switches are always shown");
        r.showOnly(List.of("borders"));
        assertEquals(List.of("borders"), r.visibleIds());
    }

    @Test
    void theMapDateNeverBecomesEmpty() {
        AtlasState s = new AtlasState();
        s.mapDateProperty().set(LocalDate.of(2021, 4, 29));
        s.mapDateProperty().set(null);
        assertEquals(LocalDate.of(2021, 4, 29), s.mapDateProperty().get());
    }

    @Test
    void eachRecordKindHasItsReader() {
        assertEquals(SideTab.TIMELINE, Focus.sideTabFor("event:2021-04-clashes"));
        assertEquals(SideTab.TREATIES, Focus.sideTabFor("treaty:kg-tj-2025"));
        assertEquals(SideTab.TREATIES, Focus.sideTabFor("provision:kg-tj-2025-04"));
        assertEquals(SideTab.TREATIES, Focus.sideTabFor("agreement:x"));
        assertEquals(SideTab.LAYERS, Focus.sideTabFor("village:dostuk"));
    }
}
