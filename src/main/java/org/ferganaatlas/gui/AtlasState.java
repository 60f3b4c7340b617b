package org.ferganaatlas.gui;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The one shared, observable state of the window. Panels read and write it and observe each other only
 * through it; no panel holds a reference to another panel. All properties are touched on the FX thread.
 *
 * <ul>
 *   <li>what the user chose: {@link #selectedKeyProperty() selected feature}, {@link #mapDateProperty() map date}
 *       (default today; issue 4's timeline sets it), {@link #layerVisible(LayerId) visible layers},
 *       {@link #languageProperty() language}, {@link #presentationProperty() presentation mode};</li>
 *   <li>what the pointer is on: {@link #hoveredKeyProperty() hovered feature}, cursor position;</li>
 *   <li>what the map shows (written by the map only): zoom and centre;</li>
 *   <li>requests to the map: {@link #viewRequestProperty()} (home, "show on map", search results).</li>
 * </ul>
 */
public final class AtlasState {

    /** A request for the map to show a place: centre and zoom, or (if {@code zoom} is NaN) keep the zoom. */
    public record ViewRequest(double lat, double lon, double zoom) {
        /** The request to show the whole valley. */
        public static final ViewRequest HOME = new ViewRequest(Double.NaN, Double.NaN, Double.NaN);

        public boolean isHome() {
            return Double.isNaN(lat);
        }
    }

    private final StringProperty selectedKey = new SimpleStringProperty(this, "selectedKey");
    private final StringProperty hoveredKey = new SimpleStringProperty(this, "hoveredKey");
    private final ObjectProperty<LocalDate> mapDate = new SimpleObjectProperty<>(this, "mapDate", LocalDate.now());
    private final ObjectProperty<Locale> language = new SimpleObjectProperty<>(this, "language", Locale.ENGLISH);
    private final BooleanProperty presentation = new SimpleBooleanProperty(this, "presentation", false);
    private final Map<LayerId, BooleanProperty> layers = new EnumMap<>(LayerId.class);

    private final DoubleProperty zoom = new SimpleDoubleProperty(this, "zoom", Double.NaN);
    private final DoubleProperty centerLat = new SimpleDoubleProperty(this, "centerLat", Double.NaN);
    private final DoubleProperty centerLon = new SimpleDoubleProperty(this, "centerLon", Double.NaN);
    private final DoubleProperty cursorLat = new SimpleDoubleProperty(this, "cursorLat", Double.NaN);
    private final DoubleProperty cursorLon = new SimpleDoubleProperty(this, "cursorLon", Double.NaN);
    private final ObjectProperty<ViewRequest> viewRequest = new SimpleObjectProperty<>(this, "viewRequest");

    public AtlasState() {
        for (LayerId id : LayerId.values()) {
            layers.put(id, new SimpleBooleanProperty(this, "layer." + id, true));
        }
    }

    /** Key of the feature whose details are shown, or null. */
    public StringProperty selectedKeyProperty() {
        return selectedKey;
    }

    /** Key of the feature under the pointer, or null. */
    public StringProperty hoveredKeyProperty() {
        return hoveredKey;
    }

    /** The date the map shows the world as of (crossing status, administration). Never null. */
    public ObjectProperty<LocalDate> mapDateProperty() {
        return mapDate;
    }

    /** Language of the interface and of the names shown on the map. */
    public ObjectProperty<Locale> languageProperty() {
        return language;
    }

    /** Presentation mode: larger type for a projector. */
    public BooleanProperty presentationProperty() {
        return presentation;
    }

    /** Whether a layer is shown. */
    public BooleanProperty layerVisible(LayerId id) {
        return layers.get(id);
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

    /** Set to move the map; the map performs it and clears it back to null. */
    public ObjectProperty<ViewRequest> viewRequestProperty() {
        return viewRequest;
    }

    public void requestView(ViewRequest request) {
        viewRequest.set(null);
        viewRequest.set(request);
    }

    public void requestHome() {
        requestView(ViewRequest.HOME);
    }

    // ---- issue 4: fitting a box, the chosen treaty/provision/event, the measure tool ----

    /**
     * A request for the map to show a whole box (degrees: west, south, east, north) as large as the map
     * allows, but not closer than {@code maxZoom} (a single point gets {@code maxZoom}).
     */
    public record FitRequest(double west, double south, double east, double north, double maxZoom) {}

    private final ObjectProperty<FitRequest> fitRequest = new SimpleObjectProperty<>(this, "fitRequest");
    private final StringProperty selectedRecordKey = new SimpleStringProperty(this, "selectedRecordKey");
    private final BooleanProperty measuring = new SimpleBooleanProperty(this, "measuring", false);
    private final ObjectProperty<org.ferganaatlas.logic.Measurement> measurement =
            new SimpleObjectProperty<>(this, "measurement", org.ferganaatlas.logic.Measurement.EMPTY);

    /** Set to fit the map to a box; the map performs it and clears it back to null. */
    public ObjectProperty<FitRequest> fitRequestProperty() {
        return fitRequest;
    }

    public void requestFit(FitRequest request) {
        fitRequest.set(null);
        fitRequest.set(request);
    }

    /**
     * Key of the treaty, provision or event the user chose (from search, later the timeline), or null: the
     * treaties panel and the timeline show it. Features go in {@link #selectedKeyProperty()} instead.
     */
    public StringProperty selectedRecordKeyProperty() {
        return selectedRecordKey;
    }

    /** Whether the measure tool is on: clicks on the map add measuring points instead of selecting. */
    public BooleanProperty measuringProperty() {
        return measuring;
    }

    /** The points measured so far (never null; {@link org.ferganaatlas.logic.Measurement#EMPTY} when none). */
    public ObjectProperty<org.ferganaatlas.logic.Measurement> measurementProperty() {
        return measurement;
    }

    // ---------------------------------------------------------------- timeline, highlights, side tabs (issue 4)

    /** Side tabs: the layer switches, the treaties reader, the timeline. */
    public static final String TAB_LAYERS = "layers", TAB_TREATIES = "treaties", TAB_TIMELINE = "timeline";

    private final ObjectProperty<java.util.Set<String>> highlightedKeys =
            new SimpleObjectProperty<>(this, "highlightedKeys", java.util.Set.of());
    private final StringProperty sideTab = new SimpleStringProperty(this, "sideTab", TAB_LAYERS);
    private final BooleanProperty playing = new SimpleBooleanProperty(this, "playing", false);

    /** Keys of the features the map highlights ("Show on map", a timeline event); never null, immutable. */
    public ObjectProperty<java.util.Set<String>> highlightedKeysProperty() {
        return highlightedKeys;
    }

    public void highlight(java.util.Collection<String> keys) {
        highlightedKeys.set(keys == null ? java.util.Set.of() : java.util.Set.copyOf(keys));
    }

    /** Which side tab is open: {@link #TAB_LAYERS}, {@link #TAB_TREATIES} or {@link #TAB_TIMELINE}. */
    public StringProperty sideTabProperty() {
        return sideTab;
    }

    /** Whether the timeline is playing (stepping the map date from event to event). */
    public BooleanProperty playingProperty() {
        return playing;
    }
}
