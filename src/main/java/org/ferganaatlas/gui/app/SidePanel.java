package org.ferganaatlas.gui.app;

import javafx.animation.PauseTransition;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.util.Duration;
import org.ferganaatlas.gui.l10n.Messages;
import org.ferganaatlas.gui.panels.LayersPanel;
import org.ferganaatlas.gui.records.TimelinePanel;
import org.ferganaatlas.gui.records.TreatiesPanel;
import org.ferganaatlas.gui.state.AtlasContext;
import org.ferganaatlas.gui.state.AtlasState;
import org.ferganaatlas.gui.state.SideTab;

/**
 * The left side: three tabs, map layers, treaties and timeline, showing {@link AtlasState#sideTabProperty()} (which
 * {@code Focus} sets when a record is chosen anywhere) and writing it when the user picks a tab: one owner, the state.
 * The reading tabs are wider ({@code .side-panel.reading} in atlas.css) for a comfortable line length.
 */
final class SidePanel extends TabPane {
    private static final String LAZY_CONTENT = "atlas.lazyContent";
    private final Tab layers, treaties, timeline;

    SidePanel(AtlasContext ctx) {
        AtlasState state = ctx.state();
        setId("side-panel");
        getStyleClass().add("side-panel");
        setTabClosingPolicy(TabClosingPolicy.UNAVAILABLE);
        layers = tab("layers-tab", "side.layers", new LayersPanel(ctx));
        // The reading panels follow the state from the start, but join the scene only when their tab is first
        // chosen (or a few seconds after the window is up): styling and laying out their hundreds of labels was a
        // good part of the start-up time.
        treaties = lazyTab("treaties-tab", "side.treaties", new TreatiesPanel(ctx));
        timeline = lazyTab("timeline-tab", "side.timeline", new TimelinePanel(ctx));
        getTabs().addAll(layers, treaties, timeline);
        PauseTransition idle = new PauseTransition(Duration.seconds(4));
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
            state.sideTabProperty().set(t == treaties ? SideTab.TREATIES : t == timeline ? SideTab.TIMELINE : SideTab.LAYERS);
            getStyleClass().remove("reading");
            if (t != layers) {
                getStyleClass().add("reading");
            }
        });
        state.sideTabProperty().addListener((o, a, id) -> select(id));
        select(state.sideTabProperty().get());
    }

    private void select(SideTab id) {
        Tab t = id == SideTab.TREATIES ? treaties : id == SideTab.TIMELINE ? timeline : layers;
        if (getSelectionModel().getSelectedItem() != t) {
            getSelectionModel().select(t);
        }
    }

    private static Tab lazyTab(String id, String key, Node content) {
        Tab t = tab(id, key, null);
        t.getProperties().put(LAZY_CONTENT, content);
        return t;
    }

    private static void attach(Tab t) {
        if (t != null && t.getContent() == null && t.getProperties().remove(LAZY_CONTENT) instanceof Node n) {
            t.setContent(n);
        }
    }

    private static Tab tab(String id, String key, Node content) {
        Tab t = new Tab(null, content);
        t.textProperty().bind(Messages.text(key));
        t.setId(id);
        return t;
    }
}
