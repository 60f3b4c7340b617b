package org.ferganaatlas.gui.state;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.ferganaatlas.gui.state.LayerSpec.LegendEntry;
import org.ferganaatlas.gui.state.LayerSpec.Swatch;
import org.ferganaatlas.model.BuiltInLayer;
import org.ferganaatlas.model.FeatureKind;

/**
 * The layers of the window, in drawing and legend order: the atlas's own first, then the user's (added and removed at
 * run time). The layers panel and the map observe {@link #layers()}; each layer's visibility is one property here.
 */
public final class LayerRegistry {
    private final ObservableList<LayerSpec> layers = FXCollections.observableArrayList();
    private final ObservableList<LayerSpec> readOnly = FXCollections.unmodifiableObservableList(layers);
    private final Map<String, BooleanProperty> visible = new LinkedHashMap<>();

    /** A registry holding the atlas's own layers, all visible. */
    public static LayerRegistry withBuiltIns() {
        LayerRegistry r = new LayerRegistry();
        for (BuiltInLayer l : BuiltInLayer.values()) {
            r.add(builtIn(l));
        }
        return r;
    }

    /** The layers, in order (observable, read-only). */
    public ObservableList<LayerSpec> layers() {
        return readOnly;
    }

    /** Adds a layer (visible) after the others. */
    public void add(LayerSpec spec) {
        if (visible.containsKey(spec.id())) {
            throw new IllegalArgumentException("a layer with id " + spec.id() + " is registered already");
        }
        visible.put(spec.id(), new SimpleBooleanProperty(this, "layer." + spec.id(), true));
        layers.add(spec);
    }

    /** Removes a user layer; the atlas's own stay. */
    public boolean remove(String id) {
        Optional<LayerSpec> spec = get(id);
        if (spec.isEmpty() || !spec.get().isUser()) {
            return false;
        }
        layers.remove(spec.get());
        visible.remove(id);
        return true;
    }

    public Optional<LayerSpec> get(String id) {
        return layers.stream().filter(l -> l.id().equals(id)).findFirst();
    }

    /** Whether the layer is shown; null for an id that is not registered. */
    public BooleanProperty visible(String id) {
        return visible.get(id);
    }

    public BooleanProperty visible(BuiltInLayer layer) {
        return visible.get(layer.id());
    }

    /** Whether features of this kind are shown (kinds no layer switches are always shown). */
    public boolean kindVisible(FeatureKind kind) {
        BooleanProperty p = kind.layer() == null ? null : visible(kind.layer());
        return p == null || p.get();
    }

    /** Ids of the visible layers, in order. */
    public List<String> visibleIds() {
        List<String> out = new ArrayList<>();
        for (LayerSpec l : layers) {
            if (visible.get(l.id()).get()) {
                out.add(l.id());
            }
        }
        return out;
    }

    /** Shows exactly these layers (ids not registered are ignored). */
    public void showOnly(java.util.Collection<String> ids) {
        Set<String> wanted = Set.copyOf(ids);
        visible.forEach((id, p) -> p.set(wanted.contains(id)));
    }

    private static final Map<BuiltInLayer, List<LegendEntry>> LEGENDS = new EnumMap<>(BuiltInLayer.class);

    static {
        LEGENDS.put(BuiltInLayer.BORDERS, List.of(
                new LegendEntry(Swatch.LINE, "kgz-tjk settled", "legend.border.kgzTjk"),
                new LegendEntry(Swatch.LINE, "kgz-uzb settled", "legend.border.kgzUzb"),
                new LegendEntry(Swatch.LINE, "tjk-uzb settled", "legend.border.tjkUzb"),
                new LegendEntry(Swatch.LINE, "other-pair settled", "legend.border.other"),
                new LegendEntry(Swatch.LINE, "kgz-tjk signed", "legend.border.signed"),
                new LegendEntry(Swatch.LINE, "kgz-tjk unsettled", "legend.border.unsettled")));
        LEGENDS.put(BuiltInLayer.ENCLAVES, List.of(new LegendEntry(Swatch.AREA, "enclave-area country-uzb", "legend.enclave"),
                new LegendEntry(Swatch.AREA, "overlap-area", "legend.overlap")));
        LEGENDS.put(BuiltInLayer.CROSSINGS, List.of(
                new LegendEntry(Swatch.ICON, "crossing-icon open", "legend.crossing.open"),
                new LegendEntry(Swatch.ICON, "crossing-icon restricted", "legend.crossing.restricted"),
                new LegendEntry(Swatch.ICON, "crossing-icon closed", "legend.crossing.closed"),
                new LegendEntry(Swatch.ICON, "crossing-icon unknown", "legend.crossing.unknown")));
        LEGENDS.put(BuiltInLayer.JUNCTION, List.of(
                new LegendEntry(Swatch.ICON, "junction-icon", "legend.junction"),
                new LegendEntry(Swatch.ICON, "monument-icon", "legend.monument")));
        LEGENDS.put(BuiltInLayer.VILLAGES, List.of(
                new LegendEntry(Swatch.ICON, "village-icon affected", "legend.village.affected"),
                new LegendEntry(Swatch.ICON, "village-icon", "legend.village")));
        LEGENDS.put(BuiltInLayer.TOWNS, List.of(new LegendEntry(Swatch.ICON, "town-icon t1", "legend.town")));
        LEGENDS.put(BuiltInLayer.WATER, List.of(new LegendEntry(Swatch.ICON, "water-facility-icon", "legend.water")));
        LEGENDS.put(BuiltInLayer.NOTES, List.of(new LegendEntry(Swatch.ICON, "note-pin", "legend.note")));
        LEGENDS.put(BuiltInLayer.RIVERS, List.of(new LegendEntry(Swatch.TEXT, "map-label water text", "legend.river")));
    }

    /** The spec of one of the atlas's own layers: the kinds that name it as their layer, and its legend. */
    public static LayerSpec builtIn(BuiltInLayer l) {
        Set<FeatureKind> kinds = java.util.EnumSet.noneOf(FeatureKind.class);
        for (FeatureKind k : FeatureKind.values()) {
            if (k.layer() == l) {
                kinds.add(k);
            }
        }
        return new LayerSpec(l.id(), l, null, kinds, LEGENDS.getOrDefault(l, List.of()), null);
    }
}
