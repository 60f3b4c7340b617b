package org.ferganaatlas.gui.panels;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import org.ferganaatlas.gui.common.LegendSwatch;
import org.ferganaatlas.gui.state.LayerSpec;

/**
 * Legend rows (a swatch in the map's own style classes, {@link LegendSwatch}, and its label), shared by the layers panel
 * and the map key; handouts draw the same swatches.
 */
final class LegendRows {
    private LegendRows() {}

    /** One legend row, drawn with the map's own style classes. */
    static Node entry(LayerSpec.LegendEntry entry, LayerSpec spec) {
        Node swatch = LegendSwatch.of(entry);
        Label l = new Label(LegendSwatch.label(entry, spec));
        l.getStyleClass().add("legend-label");
        l.setWrapText(true);
        HBox row = new HBox(swatch, l);
        row.getStyleClass().add("legend-entry");
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }
}
