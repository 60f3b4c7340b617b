package org.ferganaatlas.gui.common;

import org.ferganaatlas.gui.l10n.Messages;
import org.ferganaatlas.gui.state.LayerSpec;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/**
 * A legend symbol drawn with the map's own style classes (atlas.css), so the legend of the side panel and of a
 * handout cannot disagree with the map.
 */
public final class LegendSwatch {
    private LegendSwatch() {}

    /** The symbol of one legend entry (style class {@code legend-swatch}). */
    public static StackPane of(LayerSpec.LegendEntry entry) {
        String classes = entry.styleClasses();
        StackPane swatch;
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
                swatch = new StackPane((Node) r);
            }
        }
        swatch.getStyleClass().add("legend-swatch");
        return swatch;
    }

    /** The entry's name in the current language (a user layer's entry is named by the layer's own title). */
    public static String label(LayerSpec.LegendEntry entry, LayerSpec spec) {
        return entry.labelKey() == null ? spec.title() : Messages.get(entry.labelKey());
    }
}
