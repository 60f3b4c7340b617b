package org.ferganaatlas.gui.common;

import javafx.scene.Node;

/**
 * The contract every panel of the window keeps (details, layers, status bar, treaties, timeline, date bar, search):
 * it is built from an {@code AtlasContext} alone, observes {@code AtlasState}, and changes what other parts show only
 * by writing that state or through {@code Focus}. It never holds or calls another panel or a map layer, so panels
 * can be added, moved or left out (presentation mode, tours) without rewiring the others. {@code LayerRulesTest}
 * enforces it.
 */
public interface AtlasPanel {
    /** The node the window places. */
    default Node view() {
        return (Node) this;
    }
}
