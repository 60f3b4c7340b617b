package org.ferganaatlas.gui.state;

/** What a click on the map does: one tool at a time. */
public enum ToolMode {
    /** Clicks select, drags pan (the default). */
    PAN,
    /** Clicks add measuring points. */
    MEASURE,
    /** Drags draw with the pen ({@code AtlasState.drawingProperty}). */
    PEN,
    /** Drags draw with the highlighter. */
    HIGHLIGHTER,
    /** A click or drag over a stroke removes it. */
    ERASER,
    /** The pointer leaves a fading trail, nothing is kept. */
    LASER,
    /** The next click places a new note there ({@code NoteBook#pinRequestProperty}); then the tool is put away. */
    PIN;

    /** Whether this tool draws on the map (a drag does not pan). */
    public boolean draws() {
        return this == PEN || this == HIGHLIGHTER || this == ERASER || this == LASER;
    }
}
