package org.ferganaatlas.gui.panels;

import org.ferganaatlas.gui.l10n.FeatureText;
import org.ferganaatlas.gui.l10n.MeasureText;
import org.ferganaatlas.gui.l10n.Messages;
import org.ferganaatlas.gui.state.ToolMode;

import org.ferganaatlas.gui.state.AtlasState;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.ferganaatlas.gui.common.AtlasPanel;
import org.ferganaatlas.gui.state.AtlasContext;

/** The bottom bar: the pointer's coordinates, the zoom, and the data attribution (always visible). */
public final class StatusBar extends HBox implements AtlasPanel {
    private final AtlasState state;
    private final Label coords = new Label();
    private final Label zoom = new Label();

    public StatusBar(AtlasContext ctx) {
        this.state = ctx.state();
        String attribution = ctx.data().db().attribution();
        setId("status-bar");
        getStyleClass().add("status-bar");
        setAlignment(Pos.CENTER_LEFT);
        coords.setId("cursor-coords");
        coords.getStyleClass().add("coords");
        // its width is fixed in atlas.css (.coords), so the bar and the map never resize with the reading
        coords.setTooltip(new Tooltip());
        coords.getTooltip().textProperty().bind(Messages.text("status.cursorOff.tip"));
        zoom.getStyleClass().add("zoom-readout");
        Label attr = new Label();
        // with the user's MBTiles pictures as the basemap, their own credit (from the file's metadata) comes first
        attr.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            org.ferganaatlas.data.MbTiles m = state.basemapProperty().get();
            if (m == null) {
                return Messages.format("status.attribution", attribution);
            }
            String credit = m.attribution().isEmpty() ? m.name() : m.attribution();
            return Messages.format("status.attribution.imagery", credit, attribution);
        }, Messages.localeProperty(), state.basemapProperty()));
        attr.setId("attribution");
        attr.getStyleClass().add("attribution");
        attr.setTooltip(new Tooltip());
        attr.getTooltip().textProperty().bind(attr.textProperty());
        attr.setMinWidth(0);
        attr.setWrapText(true);
        coords.setMinWidth(USE_PREF_SIZE);
        zoom.setMinWidth(USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox.setHgrow(attr, Priority.SOMETIMES);
        Label measure = new Label();
        measure.setId("measure-readout");
        measure.getStyleClass().add("measure-readout");
        measure.setMinWidth(USE_PREF_SIZE); // short texts: the attribution gives way, never the figures
        getChildren().addAll(coords, zoom, measure, spacer, attr);
        Runnable showMeasure = () -> {
            boolean on = state.toolProperty().get() == ToolMode.MEASURE;
            measure.setVisible(on);
            measure.setManaged(on);
            measure.setText(on ? MeasureText.status(state.measurementProperty().get()) : "");
        };
        state.toolProperty().addListener(o -> showMeasure.run());
        state.measurementProperty().addListener(o -> showMeasure.run());
        Messages.onLocaleChange(this, () -> showMeasure.run());
        showMeasure.run();
        state.cursorLatProperty().addListener(o -> update());
        state.cursorLonProperty().addListener(o -> update());
        state.zoomProperty().addListener(o -> update());
        Messages.onLocaleChange(this, () -> update());
        update();
    }

    private void update() {
        double lat = state.cursorLatProperty().get(), lon = state.cursorLonProperty().get();
        coords.setText(Double.isNaN(lat) ? Messages.get("status.cursorOff") : FeatureText.latLon(lat, lon));
        double z = state.zoomProperty().get();
        zoom.setText(Double.isNaN(z) ? "" : Messages.format("status.zoom", z));
    }

    /** A scale bar for the map corner: a round distance and a bar as long as it is on the map. */
    public static final class ScaleBar extends VBox implements AtlasPanel {
        private static final double MAX_PX = 130;
        private final Region bar = new Region();
        private final Label text = new Label();

        public ScaleBar(AtlasContext ctx) {
            AtlasState state = ctx.state();
            setId("scale-bar");
            getStyleClass().add("scale-bar");
            bar.getStyleClass().add("scale-bar-line");
            text.getStyleClass().add("scale-bar-text");
            getChildren().addAll(text, bar);
            setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
            setMouseTransparent(true);
            Runnable update = () -> {
                double z = state.zoomProperty().get(), lat = state.centerLatProperty().get();
                if (Double.isNaN(z) || Double.isNaN(lat)) {
                    return;
                }
                org.ferganaatlas.logic.MapScale.Bar b = org.ferganaatlas.logic.MapScale.bar(lat, z, MAX_PX);
                double metres = b.metres();
                bar.setPrefWidth(b.px());
                bar.setMinWidth(b.px());
                bar.setMaxWidth(b.px());
                text.setText(metres >= 1000 ? Messages.format("scale.km", metres / 1000) : Messages.format("scale.m", metres));
            };
            state.zoomProperty().addListener(o -> update.run());
            state.centerLatProperty().addListener(o -> update.run());
            Messages.onLocaleChange(this, () -> update.run());
            update.run();
        }

        /** The largest 1, 2 or 5 × 10^n not above {@code max} ({@link org.ferganaatlas.logic.MapScale#niceDistance}). */
        public static double niceDistance(double max) {
            return org.ferganaatlas.logic.MapScale.niceDistance(max);
        }
    }
}
