package org.ferganaatlas.gui.panels;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import org.ferganaatlas.gui.l10n.Messages;
import org.ferganaatlas.gui.state.LayerSpec;

/** Legend rows (a swatch in the map's own style classes and its label), shared by the layers panel and the map key. */
final class LegendRows {
    private LegendRows() {}

    /** One legend row, drawn with the map's own style classes. */
    static Node entry(LayerSpec.LegendEntry entry, LayerSpec spec) {
        String classes = entry.styleClasses();
        Node swatch;
        switch (entry.swatch()) {
            case LINE -> {
                Region casing = new Region();
                casing.getStyleClass().addAll(("legend-line legend-casing " + classes).split(" "));
                Region line = new Region();
                line.getStyleClass().addAll(("legend-line legend-stroke " + classes).split(" "));
                swatch = new StackPane(casing, line);
            }
            case AREA -> {
                Region r = new Region();
                r.getStyleClass().addAll(("legend-area " + classes).split(" "));
                swatch = new StackPane(r);
            }
            case TEXT -> {
                Label t = new Label(Messages.get("legend.riverSample"));
                t.getStyleClass().addAll("legend-text-sample");
                swatch = new StackPane(t);
            }
            default -> {
                Region r = new Region();
                r.getStyleClass().addAll(("icon legend-icon " + classes).split(" "));
                swatch = new StackPane(r);
            }
        }
        ((StackPane) swatch).getStyleClass().add("legend-swatch");
        Label l = new Label(entry.labelKey() == null ? spec.title() : Messages.get(entry.labelKey()));
        l.getStyleClass().add("legend-label");
        l.setWrapText(true);
        HBox row = new HBox(swatch, l);
        row.getStyleClass().add("legend-entry");
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }
}
