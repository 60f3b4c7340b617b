package org.ferganaatlas.gui.state;

/** What a click on the map does: one tool at a time. */
public enum ToolMode {
    /** Clicks select, drags pan (the default). */
    PAN,
    /** Clicks add measuring points. */
    MEASURE
}
