package org.ferganaatlas.gui.app;

import javafx.scene.Node;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.ferganaatlas.gui.l10n.Messages;
import org.ferganaatlas.gui.notes.NotesPanel;
import org.ferganaatlas.gui.panels.LayersPanel;
import org.ferganaatlas.gui.places.AffectedPlacesPanel;
import org.ferganaatlas.gui.records.TimelinePanel;
import org.ferganaatlas.gui.records.TreatiesPanel;
import org.ferganaatlas.gui.state.AtlasContext;
import org.ferganaatlas.gui.state.AtlasState;
import org.ferganaatlas.gui.state.SideTab;
import org.ferganaatlas.gui.tours.ToursPanel;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The left side: one panel per {@link SideTab}, chosen with a row of tab buttons, showing
 * {@link AtlasState#sideTabProperty()} (which {@code Focus} sets when a record is chosen anywhere) and writing it when
 * the user picks a tab: one owner, the state. Every tab but the layers is a reading tab, wider
 * ({@code .side-panel.reading} in atlas.css) for a comfortable line length.
 * <p>
 * The buttons wrap onto a second row ({@code .side-tabs}) rather than scroll: with six tabs a tab pane's header pushed
 * the first ones out of sight on a narrow panel (and in Russian on any), behind an arrow few notice.
 * <p>
 * A new tab is one line in {@link #CONTENT} (and its {@link SideTab} value, and its {@code side.<id>} label).
 */
final class SidePanel extends VBox {
    /** What each tab shows, in the order of {@link SideTab}; each panel is built from the context alone. */
    private static final Map<SideTab, Function<AtlasContext, Node>> CONTENT = new EnumMap<>(Map.of(
            SideTab.LAYERS, LayersPanel::new,
            SideTab.TREATIES, TreatiesPanel::new,
            SideTab.TIMELINE, TimelinePanel::new,
            SideTab.PLACES, AffectedPlacesPanel::new,
            SideTab.NOTES, NotesPanel::new,
            SideTab.TOURS, ToursPanel::new));

    /**
     * The panels built so far. A panel is built when its tab is first chosen, and then stays (hidden when not chosen),
     * as the tabs of a tab pane do: building, styling and laying out the reading panels' hundreds of labels at start
     * was a third of the time before the map was on screen. Each panel draws the state as it is when it is built.
     */
    private final Map<SideTab, Node> panels = new EnumMap<>(SideTab.class);
    private final AtlasContext ctx;
    private final StackPane shown = new StackPane();
    private final ToggleGroup group = new ToggleGroup();

    SidePanel(AtlasContext ctx) {
        this.ctx = ctx;
        AtlasState state = ctx.state();
        setId("side-area");
        getStyleClass().add("side-area");
        shown.setId("side-panel");
        shown.getStyleClass().add("side-panel");
        FlowPane buttons = new FlowPane();
        buttons.getStyleClass().add("side-tabs");
        // wrapped at the width it is given; its own preferred width is only its widest button, so the side keeps the
        // width of its panel (a wrap length bound to that width fed back and grew the side over the whole window)
        buttons.setPrefWrapLength(0);
        VBox.setVgrow(shown, Priority.ALWAYS);
        getChildren().addAll(buttons, shown);
        for (SideTab id : SideTab.values()) {
            if (!CONTENT.containsKey(id)) {
                throw new IllegalStateException("No panel for the side tab " + id);
            }
            ToggleButton b = new ToggleButton();
            b.textProperty().bind(Messages.text("side." + id.id()));
            b.setId(id.id() + "-tab");
            b.getStyleClass().add("side-tab-button");
            b.setToggleGroup(group);
            b.setUserData(id);
            b.setMinWidth(Region.USE_PREF_SIZE);
            b.setOnAction(e -> {
                b.setSelected(true); // a second click on the chosen tab keeps it
                state.sideTabProperty().set(id);
            });
            buttons.getChildren().add(b);
        }
        state.sideTabProperty().addListener((o, a, id) -> select(id));
        select(state.sideTabProperty().get());
    }

    /** Builds a tab's panel the first time it is chosen and puts it in the side, where it stays. */
    private void attach(SideTab id) {
        Node p = panels.computeIfAbsent(id, t -> CONTENT.get(t).apply(ctx));
        if (p.getParent() != shown) {
            boolean on = id == chosen;
            p.setVisible(on);
            p.setManaged(on);
            shown.getChildren().add(p);
        }
    }

    private SideTab chosen = SideTab.LAYERS;

    private void select(SideTab id) {
        chosen = id == null ? SideTab.LAYERS : id;
        attach(chosen);
        panels.forEach((t, p) -> {
            p.setVisible(t == chosen);
            p.setManaged(t == chosen);
        });
        shown.getStyleClass().remove("reading");
        if (chosen != SideTab.LAYERS) {
            shown.getStyleClass().add("reading");
        }
        SideTab t = chosen;
        group.getToggles().forEach(b -> b.setSelected(b.getUserData() == t));
    }
}
