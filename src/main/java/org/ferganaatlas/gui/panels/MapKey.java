package org.ferganaatlas.gui.panels;

import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.ferganaatlas.gui.common.AtlasPanel;
import org.ferganaatlas.gui.l10n.FeatureText;
import org.ferganaatlas.gui.l10n.Messages;
import org.ferganaatlas.gui.state.AtlasContext;
import org.ferganaatlas.gui.state.AtlasState;
import org.ferganaatlas.gui.state.LayerSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What must stay on screen when the side panels and bars are hidden (presentation mode): a compact legend of the
 * visible layers, the map date, how old the border lines are, and the data's attribution. Small, in a corner of
 * the map; the same legend rows as the layers panel, so the two cannot disagree.
 */
public final class MapKey extends VBox implements AtlasPanel {
    private final AtlasState state;
    private final FlowPane legend = new FlowPane();
    private final javafx.beans.property.BooleanProperty legendShown = new javafx.beans.property.SimpleBooleanProperty(this, "legendShown", true);
    private boolean legendChosen;
    private final Label date = new Label();
    private final Label age = new Label();
    private final Label attribution = new Label();
    private final Map<String, String> metadata;
    private final java.util.Set<String> wired = new java.util.HashSet<>();

    public MapKey(AtlasContext ctx) {
        this.state = ctx.state();
        this.metadata = ctx.data().db().metadata();
        setId("map-key");
        getStyleClass().add("map-key");
        setMouseTransparent(true);
        setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        legend.getStyleClass().add("map-key-legend");
        legend.setPrefWrapLength(520);
        date.setId("map-key-date");
        date.getStyleClass().add("map-key-date");
        age.setId("map-key-age");
        age.getStyleClass().addAll("map-key-small", "geometry-age");
        age.setWrapText(true);
        attribution.setId("map-key-attribution");
        attribution.getStyleClass().add("map-key-small");
        attribution.setWrapText(true);
        age.setMaxWidth(520);
        attribution.setMaxWidth(520);
        // the legend can be hidden (the Legend button): on a 1024x768 projector it would cover a third of the map, so
        // there it starts hidden; the date, the lines' age and the credits always stay
        legend.visibleProperty().bind(legendShown);
        legend.managedProperty().bind(legendShown);
        legend.setId("map-key-legend");
        VBox creditBox = new VBox(date, age, attribution);
        creditBox.getStyleClass().add("map-key-credits");
        getChildren().addAll(legend, creditBox);
        parentProperty().addListener((o, a, p) -> {
            if (p instanceof Region r) {
                if (!legendChosen && r.getWidth() > 0) {
                    legendShown.set(r.getWidth() >= WIDE_MAP_PX); // built late (presentation turned on): the width now
                }
                r.widthProperty().addListener((ow, w0, w) -> {
                    if (!legendChosen) {
                        legendShown.set(w.doubleValue() >= WIDE_MAP_PX);
                    }
                });
            }
        });
        String credits = ctx.data().db().attribution();
        Runnable show = () -> {
            date.setText(Messages.format("layers.mapDate", FeatureText.date(state.mapDateProperty().get(), state.languageProperty().get())));
            age.setText(FeatureText.geometryAge(metadata));
            attribution.setText(credits);
            showLegend();
        };
        state.mapDateProperty().addListener(o -> show.run());
        state.layers().layers().addListener((ListChangeListener<LayerSpec>) c -> showLegend());
        Messages.onLocaleChange(this, show);
        show.run();
    }

    /** A map at least this wide (px) shows the legend until the user hides it. */
    public static final double WIDE_MAP_PX = 1300;

    /** Whether the legend shows; set by the user it stays as set. */
    public javafx.beans.property.BooleanProperty legendShownProperty() {
        return legendShown;
    }

    /** The user's own choice (the Legend button): no longer follows the map's width. */
    public void chooseLegend(boolean shown) {
        legendChosen = true;
        legendShown.set(shown);
    }

    private void showLegend() {
        List<Node> rows = new ArrayList<>();
        for (LayerSpec spec : state.layers().layers()) {
            if (wired.add(spec.id())) {
                state.layers().visible(spec.id()).addListener(o -> showLegend());
            }
            if (!state.layers().visible(spec.id()).get()) {
                continue;
            }
            for (LayerSpec.LegendEntry e : spec.legend()) {
                rows.add(LegendRows.entry(e, spec));
            }
        }
        legend.getChildren().setAll(rows);
    }
}
