package org.ferganaatlas.gui.state;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.ferganaatlas.model.Drawing;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The pen's settings (colour, width) and the history of what was drawn, over {@link AtlasState#drawingProperty()}:
 * every stroke added, erased or cleared here can be undone. A drawing that arrives from elsewhere (a tour stop
 * brings its own) starts a new history: undo never brings back another stop's strokes.
 */
public final class Pen {
    /** The pen's colours: red, blue, black, green, and a projector yellow (ids for the palette, values in #rrggbb). */
    public static final String[] COLORS = {"#d62828", "#1d4ed8", "#111111", "#15803d", "#facc15"};
    /** Widths in screen pixels: thin, medium, thick. */
    public static final double[] WIDTHS = {3, 6, 12};
    /** A highlighter is this many times the pen's width. */
    public static final double HIGHLIGHTER_FACTOR = 3;

    private final AtlasState state;
    private final StringProperty color = new SimpleStringProperty(this, "color", COLORS[0]);
    private final DoubleProperty width = new SimpleDoubleProperty(this, "width", WIDTHS[1]);
    private final Deque<Drawing> undo = new ArrayDeque<>();
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo", false);
    private boolean applying;

    Pen(AtlasState state) {
        this.state = state;
        state.drawingProperty().addListener((o, a, d) -> {
            if (!applying) {
                undo.clear();
                canUndo.set(false);
            }
        });
    }

    /** {@code #rrggbb}. */
    public StringProperty colorProperty() {
        return color;
    }

    /** Pen width in screen pixels. */
    public DoubleProperty widthProperty() {
        return width;
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    /** The width a stroke of this tool gets now. */
    public double widthFor(Drawing.Tool tool) {
        return tool == Drawing.Tool.HIGHLIGHTER ? width.get() * HIGHLIGHTER_FACTOR : width.get();
    }

    /** Puts a finished stroke on top. */
    public void add(Drawing.Stroke s) {
        apply(state.drawingProperty().get().plus(s));
    }

    /** Removes a stroke (the eraser). */
    public void erase(Drawing.Stroke s) {
        Drawing now = state.drawingProperty().get();
        if (now.strokes().contains(s)) {
            apply(now.minus(s));
        }
    }

    /** Removes every stroke (undoable). */
    public void clear() {
        if (!state.drawingProperty().get().isEmpty()) {
            apply(Drawing.EMPTY);
        }
    }

    /** Takes back the last add, erase or clear; false if there is none. */
    public boolean undo() {
        if (undo.isEmpty()) {
            return false;
        }
        Drawing before = undo.pop();
        applying = true;
        try {
            state.drawingProperty().set(before);
        } finally {
            applying = false;
        }
        canUndo.set(!undo.isEmpty());
        return true;
    }

    private void apply(Drawing next) {
        undo.push(state.drawingProperty().get());
        applying = true;
        try {
            state.drawingProperty().set(next);
        } finally {
            applying = false;
        }
        canUndo.set(true);
    }
}
