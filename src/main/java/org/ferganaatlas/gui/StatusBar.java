package org.ferganaatlas.gui;

import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The bottom bar: the pointer's coordinates, the zoom, and the data attribution (always visible). */
final class StatusBar extends HBox {
    private final AtlasState state;
    private final Label coords = new Label();
    private final Label zoom = new Label();

    StatusBar(AtlasState state, String attribution) {
        this.state = state;
        setId("status-bar");
        getStyleClass().add("status-bar");
        setAlignment(Pos.CENTER_LEFT);
        coords.setId("cursor-coords");
        coords.getStyleClass().add("coords");
        zoom.getStyleClass().add("zoom-readout");
        Label attr = new Label(Messages.format("status.attribution", attribution));
        attr.setId("attribution");
        attr.getStyleClass().add("attribution");
        attr.setTooltip(new Tooltip(attribution));
        attr.setMinWidth(0);
        attr.setWrapText(true);
        coords.setMinWidth(USE_PREF_SIZE);
        zoom.setMinWidth(USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox.setHgrow(attr, Priority.SOMETIMES);
        getChildren().addAll(coords, zoom, spacer, attr);
        state.cursorLatProperty().addListener(o -> update());
        state.cursorLonProperty().addListener(o -> update());
        state.zoomProperty().addListener(o -> update());
        update();
    }

    private void update() {
        double lat = state.cursorLatProperty().get(), lon = state.cursorLonProperty().get();
        coords.setText(Double.isNaN(lat) ? Messages.get("status.cursorOff") : formatLatLon(lat, lon));
        double z = state.zoomProperty().get();
        zoom.setText(Double.isNaN(z) ? "" : Messages.format("status.zoom", String.format(Locale.ROOT, "%.2f", z).replaceAll("\\.?0+$", "")));
    }

    /** 40.7812° N, 71.2345° E */
    static String formatLatLon(double lat, double lon) {
        return String.format(Locale.ROOT, "%.4f° %s, %.4f° %s", Math.abs(lat), Messages.get(lat >= 0 ? "coord.N" : "coord.S"),
                Math.abs(lon), Messages.get(lon >= 0 ? "coord.E" : "coord.W"));
    }

    /** A scale bar for the map corner: a round distance and a bar as long as it is on the map. */
    static final class ScaleBar extends VBox {
        private static final double MAX_PX = 130;
        private final Region bar = new Region();
        private final Label text = new Label();

        ScaleBar(AtlasState state) {
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
                double mpp = Viewport.metresPerPixel(lat, z);
                double metres = niceDistance(mpp * MAX_PX);
                bar.setPrefWidth(metres / mpp);
                bar.setMinWidth(metres / mpp);
                bar.setMaxWidth(metres / mpp);
                text.setText(metres >= 1000 ? Messages.format("scale.km", formatNumber(metres / 1000))
                        : Messages.format("scale.m", formatNumber(metres)));
            };
            state.zoomProperty().addListener(o -> update.run());
            state.centerLatProperty().addListener(o -> update.run());
            update.run();
        }

        private static String formatNumber(double v) {
            return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
        }

        /** The largest 1, 2 or 5 × 10^n not above {@code max}. */
        static double niceDistance(double max) {
            double p = Math.pow(10, Math.floor(Math.log10(max)));
            for (double m : new double[] {5, 2, 1}) {
                if (m * p <= max) {
                    return m * p;
                }
            }
            return p;
        }
    }
}
