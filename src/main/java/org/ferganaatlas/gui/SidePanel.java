package org.ferganaatlas.gui;

import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/**
 * The left side: three tabs, map layers, treaties and timeline, following {@link AtlasState#sideTabProperty()}.
 * Choosing a treaty or provision (anywhere) opens the treaties tab; choosing an event opens the timeline.
 * The reading tabs are wider ({@code .side-panel.reading} in atlas.css) for a comfortable line length.
 */
final class SidePanel extends TabPane {
    private final Tab layers, treaties, timeline;

    SidePanel(AtlasState state, MapData data, LayersPanel layersPanel) {
        setId("side-panel");
        getStyleClass().add("side-panel");
        setTabClosingPolicy(TabClosingPolicy.UNAVAILABLE);
        layers = tab("layers-tab", Messages.get("side.layers"), layersPanel);
        // The reading panels follow the state from the start, but join the scene only when their tab is first
        // chosen (or a few seconds after the window is up): styling and laying out their hundreds of labels was a
        // good part of the start-up time.
        treaties = lazyTab("treaties-tab", Messages.get("side.treaties"), new TreatiesPanel(state, data));
        timeline = lazyTab("timeline-tab", Messages.get("side.timeline"), new TimelinePanel(state, data));
        getTabs().addAll(layers, treaties, timeline);
        javafx.animation.PauseTransition idle = new javafx.animation.PauseTransition(javafx.util.Duration.seconds(4));
        idle.setOnFinished(e -> {
            attach(treaties);
            attach(timeline);
        });
        sceneProperty().addListener((o, a, scene) -> {
            if (scene != null && treaties.getContent() == null) {
                idle.playFromStart();
            }
        });
        getSelectionModel().selectedItemProperty().addListener((o, a, t) -> {
            attach(t);
            String id = t == treaties ? AtlasState.TAB_TREATIES : t == timeline ? AtlasState.TAB_TIMELINE : AtlasState.TAB_LAYERS;
            state.sideTabProperty().set(id);
            getStyleClass().remove("reading");
            if (t != layers) {
                getStyleClass().add("reading");
            }
        });
        state.sideTabProperty().addListener((o, a, id) -> select(id));
        state.selectedRecordKeyProperty().addListener((o, a, key) -> {
            if (key == null) {
                return;
            }
            if (key.startsWith("event:")) {
                state.sideTabProperty().set(AtlasState.TAB_TIMELINE);
            } else if (key.startsWith("treaty:") || key.startsWith("agreement:") || key.startsWith("provision:")) {
                state.sideTabProperty().set(AtlasState.TAB_TREATIES);
            }
        });
        select(state.sideTabProperty().get());
    }

    private void select(String id) {
        Tab t = AtlasState.TAB_TREATIES.equals(id) ? treaties : AtlasState.TAB_TIMELINE.equals(id) ? timeline : layers;
        if (getSelectionModel().getSelectedItem() != t) {
            getSelectionModel().select(t);
        }
    }

    private static Tab lazyTab(String id, String text, javafx.scene.Node content) {
        Tab t = tab(id, text, null);
        t.getProperties().put(LAZY_CONTENT, content);
        return t;
    }

    private static final String LAZY_CONTENT = "atlas.lazyContent";

    private static void attach(Tab t) {
        if (t != null && t.getContent() == null && t.getProperties().remove(LAZY_CONTENT) instanceof javafx.scene.Node n) {
            t.setContent(n);
        }
    }

    private static Tab tab(String id, String text, javafx.scene.Node content) {
        Tab t = new Tab(text, content);
        t.setId(id);
        return t;
    }
}
