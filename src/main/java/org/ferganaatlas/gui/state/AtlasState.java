package org.ferganaatlas.gui.state;

import org.ferganaatlas.model.ViewSnapshot;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.ferganaatlas.logic.Measurement;
import org.ferganaatlas.model.BuiltInLayer;

/**
 * The one shared, observable state of the window. Panels and map layers read and write it and observe each other
 * only through it; none holds a reference to another. All properties are touched on the FX thread.
 *
 * <ul>
 *   <li><b>durable</b> (what a saved view or the user's settings keep): the {@link #selectedKeyProperty() selected
 *       feature}, the {@link #selectedRecordKeyProperty() chosen record}, the {@link #mapDateProperty() map date}, the
 *       {@link #layers() visible layers}, the {@link #languageProperty() language}, the {@link #toolProperty() tool},
 *       the {@link #highlightedKeysProperty() highlight}, the {@link #sideTabProperty() side tab};</li>
 *   <li><b>reported</b> by the map and the pointer: zoom, centre, cursor position, hovered feature;</li>
 *   <li><b>commands</b> to the map ({@link #commands()}): home, centre on, fit, zoom step;</li>
 *   <li>{@link #snapshot()} and {@link #restore} turn the view into a {@link ViewSnapshot} and back.</li>
 * </ul>
 */
public final class AtlasState {
    private final StringProperty selectedKey = new SimpleStringProperty(this, "selectedKey");
    private final StringProperty selectedRecordKey = new SimpleStringProperty(this, "selectedRecordKey");
    private final ObjectProperty<LocalDate> mapDate = new SimpleObjectProperty<>(this, "mapDate", LocalDate.now());
    private final ObjectProperty<Locale> language = new SimpleObjectProperty<>(this, "language", Locale.ENGLISH);
    private final BooleanProperty presentation = new SimpleBooleanProperty(this, "presentation", false);
    private final javafx.beans.property.IntegerProperty textSize = new javafx.beans.property.SimpleIntegerProperty(this, "textSize", 0);
    private final BooleanProperty highContrast = new SimpleBooleanProperty(this, "highContrast", false);
    private final ObjectProperty<ToolMode> tool = new SimpleObjectProperty<>(this, "tool", ToolMode.PAN);
    private final ObjectProperty<Set<String>> highlightedKeys = new SimpleObjectProperty<>(this, "highlightedKeys", Set.of());
    private final ObjectProperty<org.ferganaatlas.model.Drawing> drawing = new SimpleObjectProperty<>(this, "drawing", org.ferganaatlas.model.Drawing.EMPTY);
    private final ObjectProperty<SideTab> sideTab = new SimpleObjectProperty<>(this, "sideTab", SideTab.LAYERS);
    private final LayerRegistry layers = LayerRegistry.withBuiltIns();

    private final StringProperty hoveredKey = new SimpleStringProperty(this, "hoveredKey");
    private final DoubleProperty zoom = new SimpleDoubleProperty(this, "zoom", Double.NaN);
    private final DoubleProperty centerLat = new SimpleDoubleProperty(this, "centerLat", Double.NaN);
    private final DoubleProperty centerLon = new SimpleDoubleProperty(this, "centerLon", Double.NaN);
    private final DoubleProperty cursorLat = new SimpleDoubleProperty(this, "cursorLat", Double.NaN);
    private final DoubleProperty cursorLon = new SimpleDoubleProperty(this, "cursorLon", Double.NaN);
    private final ObjectProperty<Measurement> measurement = new SimpleObjectProperty<>(this, "measurement", Measurement.EMPTY);
    private final BooleanProperty playing = new SimpleBooleanProperty(this, "playing", false);
    private final StringProperty searchText = new SimpleStringProperty(this, "searchText", "");

    private final MapCommands commands = new MapCommands();
    private final Pen pen = new Pen(this);
    private final TourPlayer tours = new TourPlayer(this);
    private final Notices notices = new Notices();

    public AtlasState() {
        textSize.addListener((o, a, n) -> {
            int v = Math.max(TEXT_SIZE_MIN, Math.min(TEXT_SIZE_MAX, n.intValue()));
            if (v != n.intValue()) {
                textSize.set(v);
            }
        });
        drawing.addListener((o, a, d) -> {
            if (d == null) {
                drawing.set(org.ferganaatlas.model.Drawing.EMPTY);
            }
        });
        // the date never goes null: a cleared date field means "keep the day shown"
        mapDate.addListener((o, a, d) -> {
            if (d == null) {
                mapDate.set(a == null ? LocalDate.now() : a);
            }
        });
    }

    // ---------------------------------------------------------------- durable

    /** Key of the feature whose details are shown, or null. */
    public StringProperty selectedKeyProperty() {
        return selectedKey;
    }

    /**
     * Key of the treaty, provision or event the user chose, or null: the treaties panel or the timeline shows it.
     * Written through {@link Focus}, which also sets the side tab, the date, the highlight and the view.
     */
    public StringProperty selectedRecordKeyProperty() {
        return selectedRecordKey;
    }

    /** The date the map shows the world as of (crossing status, administration). Never null. */
    public ObjectProperty<LocalDate> mapDateProperty() {
        return mapDate;
    }

    /** Language of the interface and of the names shown on the map. */
    public ObjectProperty<Locale> languageProperty() {
        return language;
    }

    /** Presentation mode: larger type for a projector (one root style class). */
    public BooleanProperty presentationProperty() {
        return presentation;
    }

    /** Smallest and largest {@link #textSizeProperty() text size} step. */
    public static final int TEXT_SIZE_MIN = -1, TEXT_SIZE_MAX = 3;

    /**
     * The text size step, {@link #TEXT_SIZE_MIN} to {@link #TEXT_SIZE_MAX}, 0 normal: one root style class that scales
     * the whole window (every size in atlas.css is in em). Kept in range whatever is set.
     */
    public javafx.beans.property.IntegerProperty textSizeProperty() {
        return textSize;
    }

    /** The high-contrast theme (one root style class that swaps the colour tokens). */
    public BooleanProperty highContrastProperty() {
        return highContrast;
    }

    /** The active tool: what a click on the map does. */
    public ObjectProperty<ToolMode> toolProperty() {
        return tool;
    }

    /** Keys of the features the map highlights ("Show on map", an event); never null, immutable. */
    public ObjectProperty<Set<String>> highlightedKeysProperty() {
        return highlightedKeys;
    }

    public void highlight(Collection<String> keys) {
        highlightedKeys.set(keys == null ? Set.of() : Set.copyOf(keys));
    }

    /** Which side tab is open. */
    /** What is drawn over the map now (never null; a tour stop can bring its own). */
    public ObjectProperty<org.ferganaatlas.model.Drawing> drawingProperty() {
        return drawing;
    }

    public ObjectProperty<SideTab> sideTabProperty() {
        return sideTab;
    }

    /** The layers, in order, and which are visible. */
    public LayerRegistry layers() {
        return layers;
    }

    /** Whether one of the atlas's own layers is shown. */
    public BooleanProperty layerVisible(BuiltInLayer layer) {
        return layers.visible(layer);
    }

    // ---------------------------------------------------------------- reported by the map and the pointer

    /** Key of the feature under the pointer, or null. */
    public StringProperty hoveredKeyProperty() {
        return hoveredKey;
    }

    /** Current map zoom (written by the map). */
    public DoubleProperty zoomProperty() {
        return zoom;
    }

    public DoubleProperty centerLatProperty() {
        return centerLat;
    }

    public DoubleProperty centerLonProperty() {
        return centerLon;
    }

    /** Latitude under the pointer, NaN when the pointer is off the map. */
    public DoubleProperty cursorLatProperty() {
        return cursorLat;
    }

    public DoubleProperty cursorLonProperty() {
        return cursorLon;
    }

    /** The points measured so far (never null; {@link Measurement#EMPTY} when none). */
    public ObjectProperty<Measurement> measurementProperty() {
        return measurement;
    }

    /** What is typed in the search field (the field follows it, so Esc can clear it wherever the focus is). */
    public StringProperty searchTextProperty() {
        return searchText;
    }

    /** Whether the timeline is playing (stepping the map date from event to event). */
    public BooleanProperty playingProperty() {
        return playing;
    }

    // ---------------------------------------------------------------- commands and snapshots

    /** The pen's colour and width, and the undo history of the drawing. */
    public Pen pen() {
        return pen;
    }

    /** One-line messages to the user (the notice bar shows them). */
    public Notices notices() {
        return notices;
    }

    /** Requests to the map. */
    public MapCommands commands() {
        return commands;
    }

    /** The guided tour being shown (or none), stepped by the tour panel, the overlay and the clicker keys. */
    public TourPlayer tours() {
        return tours;
    }

    public void requestHome() {
        commands.home();
    }

    /** The view as it is now (once the map has reported where it is). */
    public ViewSnapshot snapshot() {
        return new ViewSnapshot(centerLat.get(), centerLon.get(), zoom.get(), mapDate.get(), Set.copyOf(layers.visibleIds()),
                highlightedKeys.get().stream().sorted().toList(), selectedKey.get(), selectedRecordKey.get());
    }

    /**
     * Shows a stored view: date, layers, highlight, selection and record as stored, and the map centred at the stored
     * zoom. The side tab follows the record ({@link Focus#sideTabFor}).
     */
    public void restore(ViewSnapshot v) {
        restore(v, false);
    }

    /** {@link #restore(ViewSnapshot)}, the map flying there smoothly ({@code fly}) or jumping. */
    public void restore(ViewSnapshot v, boolean fly) {
        playing.set(false);
        mapDate.set(v.date());
        layers.showOnly(v.layers());
        selectedRecordKey.set(v.recordKey());
        if (v.recordKey() != null) {
            sideTab.set(Focus.sideTabFor(v.recordKey()));
        }
        highlight(v.highlight());
        selectedKey.set(v.selectedKey());
        if (!Double.isNaN(v.centerLat()) && !Double.isNaN(v.centerLon())) {
            commands.send(fly ? new MapCommand.FlyTo(v.centerLat(), v.centerLon(), v.zoom())
                    : new MapCommand.CentreOn(v.centerLat(), v.centerLon(), v.zoom()));
        }
    }

    /**
     * What Esc undoes, the most recent kind of thing first: playing stops; a measurement is cleared, then the measure
     * tool put away; a guided tour ends; the details close; the highlight goes; the search text is cleared. Returns whether there was
     * something to undo. (In the search field itself Esc first closes its list, then clears the text.)
     */
    public boolean escape() {
        if (playing.get()) {
            playing.set(false);
        } else if (tool.get() == ToolMode.MEASURE && !measurement.get().isEmpty()) {
            measurement.set(Measurement.EMPTY);
        } else if (tool.get() != ToolMode.PAN) {
            tool.set(ToolMode.PAN);
        } else if (tours.active()) {
            tours.stop(); // the view of the last stop stays
        } else if (selectedKey.get() != null) {
            selectedKey.set(null);
        } else if (!highlightedKeys.get().isEmpty()) {
            highlight(null);
        } else if (searchText.get() != null && !searchText.get().isEmpty()) {
            searchText.set("");
        } else {
            return false;
        }
        return true;
    }
}
