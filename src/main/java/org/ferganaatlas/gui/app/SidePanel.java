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

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The left side: one tab per {@link SideTab}, showing {@link AtlasState#sideTabProperty()} (which {@code Focus} sets
 * when a record is chosen anywhere) and writing it when the user picks a tab: one owner, the state. Every tab but the
 * layers is a reading tab, wider ({@code .side-panel.reading} in atlas.css) for a comfortable line length.
 * <p>
 * A new tab is one line in {@link #CONTENT} (and its {@link SideTab} value, and its {@code side.<id>} label).
 */
final class SidePanel extends TabPane {
    private static final String LAZY_CONTENT = "atlas.lazyContent";

    /** What each tab shows, in the order of {@link SideTab}; each panel is built from the context alone. */
    private static final Map<SideTab, Function<AtlasContext, Node>> CONTENT = new EnumMap<>(Map.of(
            SideTab.LAYERS, LayersPanel::new,
            SideTab.TREATIES, TreatiesPanel::new,
            SideTab.TIMELINE, TimelinePanel::new,
            SideTab.NOTES, org.ferganaatlas.gui.notes.NotesPanel::new,
            SideTab.TOURS, org.ferganaatlas.gui.tours.ToursPanel::new));

    private final Map<SideTab, Tab> tabs = new EnumMap<>(SideTab.class);

    SidePanel(AtlasContext ctx) {
        AtlasState state = ctx.state();
        setId("side-panel");
        getStyleClass().add("side-panel");
        setTabClosingPolicy(TabClosingPolicy.UNAVAILABLE);
        for (SideTab id : SideTab.values()) {
            Function<AtlasContext, Node> content = CONTENT.get(id);
            if (content == null) {
                throw new IllegalStateException("No panel for the side tab " + id);
            }
            // The first tab is in the scene from the start. The others follow the state from the start, but join the
            // scene only when their tab is first chosen (or a few seconds after the window is up): styling and laying
            // out their hundreds of labels was a good part of the start-up time.
            Tab t = id == SideTab.LAYERS ? tab(id, content.apply(ctx)) : lazyTab(id, content.apply(ctx));
            tabs.put(id, t);
            getTabs().add(t);
        }
        PauseTransition idle = new PauseTransition(Duration.seconds(4));
        idle.setOnFinished(e -> tabs.values().forEach(SidePanel::attach));
        sceneProperty().addListener((o, a, scene) -> {
            if (scene != null) {
                idle.playFromStart();
            }
        });
        getSelectionModel().selectedItemProperty().addListener((o, a, t) -> {
            attach(t);
            SideTab id = idOf(t);
            state.sideTabProperty().set(id);
            getStyleClass().remove("reading");
            if (id != SideTab.LAYERS) {
                getStyleClass().add("reading");
            }
        });
        state.sideTabProperty().addListener((o, a, id) -> select(id));
        select(state.sideTabProperty().get());
    }

    private SideTab idOf(Tab t) {
        return tabs.entrySet().stream().filter(e -> e.getValue() == t).map(Map.Entry::getKey).findFirst().orElse(SideTab.LAYERS);
    }

    private void select(SideTab id) {
        Tab t = tabs.getOrDefault(id, tabs.get(SideTab.LAYERS));
        if (getSelectionModel().getSelectedItem() != t) {
            getSelectionModel().select(t);
        }
    }

    private static Tab lazyTab(SideTab id, Node content) {
        Tab t = tab(id, null);
        t.getProperties().put(LAZY_CONTENT, content);
        return t;
    }

    private static void attach(Tab t) {
        if (t != null && t.getContent() == null && t.getProperties().remove(LAZY_CONTENT) instanceof Node n) {
            t.setContent(n);
        }
    }

    private static Tab tab(SideTab id, Node content) {
        Tab t = new Tab(null, content);
        t.textProperty().bind(Messages.text("side." + id.id()));
        t.setId(id.id() + "-tab");
        return t;
    }
}
