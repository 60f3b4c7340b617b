package org.ferganaatlas.gui.panels;

import org.ferganaatlas.gui.l10n.FeatureText;
import org.ferganaatlas.gui.l10n.Messages;
import org.ferganaatlas.gui.state.AtlasState;

import java.util.ArrayList;
import java.util.List;
import org.ferganaatlas.gui.common.AtlasPanel;
import org.ferganaatlas.gui.state.AtlasContext;
import org.ferganaatlas.gui.state.LayerSpec;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The left-hand panel: one switch per layer, each with its legend drawn with the same CSS classes as the
 * map (so legend and map cannot disagree), and the date the map shows.
 */
public final class LayersPanel extends ScrollPane implements AtlasPanel {
    private final AtlasState state;
    private final Label dateLabel = new Label();
    private final VBox rows = new VBox();
    private final java.util.Map<String, String> metadata;

    public LayersPanel(AtlasContext ctx) {
        this.state = ctx.state();
        this.metadata = ctx.data().db().metadata();
        setId("layers-panel");
        getStyleClass().add("layers-panel");
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        VBox box = new VBox();
        box.getStyleClass().add("layers-box");
        Label title = new Label();
        title.textProperty().bind(Messages.text("layers.title"));
        title.getStyleClass().add("panel-title");
        dateLabel.getStyleClass().add("map-date");
        dateLabel.setWrapText(true);
        rows.getStyleClass().add("layer-rows");
        box.getChildren().addAll(title, dateLabel, rows);
        state.mapDateProperty().addListener(o -> updateDate());
        Messages.onLocaleChange(this, () -> {
            updateDate();
            showRows();
        });
        updateDate();
        // the legend follows the registry: a layer added at run time (an imported file) gets its row at once
        state.layers().layers().addListener((javafx.collections.ListChangeListener<LayerSpec>) c -> showRows());
        showRows();
        setContent(box);
    }

    private void showRows() {
        List<Node> list = new ArrayList<>();
        for (LayerSpec spec : state.layers().layers()) {
            list.add(layerRow(spec));
        }
        rows.getChildren().setAll(list);
    }

    private void updateDate() {
        dateLabel.setText(Messages.format("layers.mapDate", FeatureText.date(state.mapDateProperty().get(), state.languageProperty().get())));
    }

    private Node layerRow(LayerSpec spec) {
        CheckBox box = new CheckBox(spec.isUser() ? spec.title() : Messages.get(spec.builtIn().messageKey()));
        box.setId("layer-" + spec.id().replaceAll("[^A-Za-z0-9_-]", "_"));
        box.getStyleClass().add("layer-toggle");
        box.selectedProperty().bindBidirectional(state.layers().visible(spec.id()));
        box.setFocusTraversable(true);
        VBox row = new VBox(box);
        row.getStyleClass().add("layer-row");
        VBox legend = new VBox();
        legend.getStyleClass().add("legend");
        for (LayerSpec.LegendEntry entry : spec.legend()) {
            legend.getChildren().add(LegendRows.entry(entry, spec));
        }
        if (!spec.isUser()) {
            Label hint = new Label(Messages.get(spec.builtIn().hintKey()));
            hint.getStyleClass().add("legend-hint");
            hint.setWrapText(true);
            legend.getChildren().add(hint);
        }
        if (spec.builtIn() == org.ferganaatlas.model.BuiltInLayer.BORDERS) {
            // wherever lines are shown, how old they are: solid means settled, not "these are the treaty lines"
            Label age = new Label(FeatureText.geometryAge(metadata));
            age.setId("legend-geometry-age");
            age.getStyleClass().addAll("legend-hint", "geometry-age");
            age.setWrapText(true);
            legend.getChildren().add(age);
        }
        legend.disableProperty().bind(box.selectedProperty().not());
        row.getChildren().add(legend);
        return row;
    }
}
