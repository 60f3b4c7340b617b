package org.ferganaatlas.gui.state;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.ferganaatlas.model.BuiltInLayer;
import org.ferganaatlas.model.Feature;
import org.ferganaatlas.model.FeatureKind;

/**
 * One layer the user can switch on and off: its id, its name and legend, and what it draws. The atlas's own layers
 * name the {@link BuiltInLayer} they stand for; a user's layer (an imported file) brings its features.
 *
 * @param id       stable id (saved in views)
 * @param builtIn  the atlas layer it is, or null for a user layer
 * @param title    display title of a user layer (built-in layers take theirs from the bundle), or null
 * @param kinds    feature kinds it draws from the atlas database (empty for user layers)
 * @param legend   its legend entries, drawn with the same style classes as the map
 * @param features a user layer's features (points are drawn as symbols), or null
 */
public record LayerSpec(String id, BuiltInLayer builtIn, String title, Set<FeatureKind> kinds, List<LegendEntry> legend,
                        Supplier<List<Feature>> features) {
    public LayerSpec {
        Objects.requireNonNull(id, "id");
        kinds = kinds == null ? Set.of() : Set.copyOf(kinds);
        legend = legend == null ? List.of() : List.copyOf(legend);
        if (builtIn == null && (title == null || features == null)) {
            throw new IllegalArgumentException("a user layer needs a title and its features");
        }
    }

    /** A legend entry: what the swatch is, its style classes, and the bundle key of its label. */
    public record LegendEntry(Swatch swatch, String styleClasses, String labelKey) {}

    /** Swatch shapes the legend can draw. */
    public enum Swatch { LINE, AREA, ICON, TEXT }

    /** A user's own layer of features (an imported file), listed after the atlas's layers. */
    public static LayerSpec user(String id, String title, Supplier<List<Feature>> features) {
        return new LayerSpec(id, null, title, Set.of(), List.of(new LegendEntry(Swatch.ICON, "user-icon", null)), features);
    }

    public boolean isUser() {
        return builtIn == null;
    }
}
