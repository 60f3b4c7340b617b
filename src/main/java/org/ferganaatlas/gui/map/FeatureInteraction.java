package org.ferganaatlas.gui.map;

import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.Parent;

/** Finds the feature a node stands for (set by {@link OverlayLayer#tag}) and marks the selected one. */
public final class FeatureInteraction {
    public static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");

    private FeatureInteraction() {}

    /** The key of the feature drawn by {@code node} or its nearest tagged ancestor, or null. */
    public static String keyOf(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n.getUserData() instanceof String key && n.getStyleClass().contains("feature")) {
                return key;
            }
            if (n instanceof com.gluonhq.maps.MapView) {
                return null;
            }
        }
        return null;
    }

    public static void markSelected(Parent content, String key) {
        for (Node n : content.getChildrenUnmodifiable()) {
            n.pseudoClassStateChanged(SELECTED, key != null && key.equals(n.getUserData()));
        }
    }
}
