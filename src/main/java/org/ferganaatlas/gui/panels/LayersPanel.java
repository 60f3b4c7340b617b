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
    private final org.ferganaatlas.gui.state.MapData data;

    public LayersPanel(AtlasContext ctx) {
        this.state = ctx.state();
        this.metadata = ctx.data().db().metadata();
        this.data = ctx.data();
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
        box.getChildren().addAll(title, dateLabel, rows, new BasemapChoice(ctx.state(), ctx.user()));
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
        // The title is a wrapping label beside the box, so a long one ("Сарҳадҳои давлатӣ" at the panel's narrow
        // width) takes a second line rather than being cut to "Сарҳадҳои давл…": a CheckBox's own wrapped text is
        // given one line's height when it only just does not fit. The box keeps the title as its text (a screen
        // reader names it by that) but shows only its tick; a click on the title ticks it as well.
        box.setContentDisplay(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);
        box.accessibleTextProperty().bind(box.textProperty());
        box.setMinWidth(Region.USE_PREF_SIZE);
        Label name = new Label(box.getText());
        name.getStyleClass().add("layer-title");
        name.setWrapText(true);
        name.setMinWidth(0);
        name.setMaxWidth(Double.MAX_VALUE);
        name.setLabelFor(box);
        name.setOnMouseClicked(e -> {
            if (e.getButton() == javafx.scene.input.MouseButton.PRIMARY) {
                box.fire();
                box.requestFocus();
            }
        });
        name.disableProperty().bind(box.disabledProperty());
        HBox.setHgrow(name, javafx.scene.layout.Priority.ALWAYS);
        HBox top = new HBox(box, name);
        top.setAlignment(Pos.CENTER_LEFT);
        top.getStyleClass().add("layer-row-top");
        if (spec.builtIn() != org.ferganaatlas.model.BuiltInLayer.NOTES) {
            // (the notes have their own export, with their fields as columns, in the notes tab); the ⋯ button
            // keeps its size beside a title of two lines
            javafx.scene.control.MenuButton export = exportMenu(spec);
            export.setMinWidth(Region.USE_PREF_SIZE);
            top.getChildren().add(export);
            javafx.scene.control.ContextMenu context = (javafx.scene.control.ContextMenu) export.getProperties().get(javafx.scene.control.ContextMenu.class);
            box.setContextMenu(context);
            name.setContextMenu(context);
        }
        VBox row = new VBox(top);
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

    /** "Export": the layer's features as GeoJSON, KML or CSV, written off the FX thread; the notice bar says when. */
    private javafx.scene.control.MenuButton exportMenu(LayerSpec spec) {
        // a small button (a word would widen the panel at the larger text sizes), named for screen readers and in
        // its tooltip; its menu is also the row's context menu
        javafx.scene.control.MenuButton menu = new javafx.scene.control.MenuButton();
        menu.textProperty().bind(Messages.text("layers.export.short"));
        // read aloud, every row's button would be "Export": say which layer (the rows are rebuilt on a new language)
        menu.setAccessibleText(Messages.format("layers.export.accessible", layerTitle(spec)));
        menu.setId("layer-export-" + spec.id().replaceAll("[^A-Za-z0-9_-]", "_"));
        menu.getStyleClass().add("layer-export");
        javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip();
        tip.textProperty().bind(Messages.text("layers.export.tip"));
        menu.setTooltip(tip);
        javafx.scene.control.ContextMenu context = new javafx.scene.control.ContextMenu();
        for (org.ferganaatlas.gui.common.Exports.Format f : org.ferganaatlas.gui.common.Exports.Format.values()) {
            for (boolean inContext : new boolean[] {false, true}) {
                javafx.scene.control.MenuItem item = new javafx.scene.control.MenuItem();
                item.textProperty().bind(inContext ? javafx.beans.binding.Bindings.createStringBinding(
                        () -> Messages.format("layers.export.as", Messages.get(f.labelKey())), Messages.localeProperty())
                        : Messages.text(f.labelKey()));
                item.setId(menu.getId() + "-" + f.name().toLowerCase(java.util.Locale.ROOT) + (inContext ? "-context" : ""));
                item.setOnAction(e -> org.ferganaatlas.gui.common.Exports.choose(getScene() == null ? null : getScene().getWindow(),
                        layerTitle(spec), f).ifPresent(file -> export(spec, file)));
                (inContext ? context.getItems() : menu.getItems()).add(item);
            }
        }
        menu.getProperties().put(javafx.scene.control.ContextMenu.class, context);
        return menu;
    }

    private static String layerTitle(LayerSpec spec) {
        return spec.isUser() ? spec.title() : Messages.get(spec.builtIn().messageKey());
    }

    /** Writes a layer to {@code file} (its ending chooses the format); geometry is read on the export thread. */
    public void export(LayerSpec spec, java.nio.file.Path file) {
        List<org.ferganaatlas.model.Feature> features = List.copyOf(data.features(spec));
        String lang = state.languageProperty().get().getLanguage();
        int finest = org.ferganaatlas.data.AtlasSchema.LOD_COUNT - 1;
        org.ferganaatlas.gui.common.Exports.write(file, layerTitle(spec), () -> {
            List<org.ferganaatlas.data.io.Exporters.Exported> out = new ArrayList<>();
            org.locationtech.jts.geom.GeometryFactory gf = new org.locationtech.jts.geom.GeometryFactory();
            for (org.ferganaatlas.model.Feature f : features) {
                org.locationtech.jts.geom.Geometry g = data.geometry(f, finest).orElse(null);
                if ((g == null || g.isEmpty()) && f.hasLocation()) {
                    g = gf.createPoint(new org.locationtech.jts.geom.Coordinate(f.lon(), f.lat())); // x = lon, y = lat
                }
                if (g == null || g.isEmpty()) {
                    continue;
                }
                java.util.Map<String, String> a = new java.util.LinkedHashMap<>();
                if (!spec.isUser()) {
                    // the atlas's own features: what they are and how sure the atlas is, then their values
                    a.put("key", f.key());
                    a.put("kind", f.kind());
                    a.put("country", f.country() == null ? "" : f.country());
                    a.put("confidence", f.confidence() == null ? "" : f.confidence());
                }
                f.props().forEach((k, v) -> a.putIfAbsent(k, v == null ? "" : String.valueOf(v)));
                out.add(new org.ferganaatlas.data.io.Exporters.Exported(
                        spec.isUser() ? f.nameEn() : data.displayName(f, lang), g, a));
            }
            return out;
        }, said -> state.notices().post(said));
    }
}
