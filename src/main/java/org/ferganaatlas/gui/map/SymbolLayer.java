package org.ferganaatlas.gui.map;

import org.ferganaatlas.gui.state.AtlasState;
import org.ferganaatlas.gui.state.LayerSpec;
import org.ferganaatlas.model.BuiltInLayer;
import org.ferganaatlas.model.FeatureKind;
import org.ferganaatlas.gui.state.MapData;

import javafx.scene.layout.Region;
import org.ferganaatlas.model.Feature;

/**
 * Point features of one layer as CSS-drawn icons ({@code .icon} regions: shape, size and colour come from
 * atlas.css). Crossings get their status as of the map date ({@code .open}, {@code .closed},
 * {@code .restricted}, {@code .unknown}); villages whose residents were moved or that changed hands are
 * {@code .affected}.
 */
public final class SymbolLayer extends OverlayLayer {
    private final LayerSpec layer;

    public SymbolLayer(AtlasState state, MapData data, LayerSpec layer) {
        super(state, data);
        this.layer = layer;
        getStyleClass().add("symbol-layer");
        visibleProperty().bind(state.layers().visible(layer.id()));
        if (layer.builtIn() == BuiltInLayer.CROSSINGS || layer.builtIn() == BuiltInLayer.VILLAGES) {
            state.mapDateProperty().addListener(o -> invalidate());
        }
    }

    /** The layer it draws. */
    public LayerSpec layer() {
        return layer;
    }

    @Override
    protected void build(Frame f) {
        for (Feature p : data.features(layer)) {
            if (!p.hasLocation() || f.zoom < p.minZoom() - 0.01) {
                continue;
            }
            double x = f.x(p.lon()), y = f.y(p.lat());
            if (!f.contains(x, y)) {
                continue;
            }
            String icon = layer.isUser() ? "user-icon" : FeatureKind.of(p.kind()).map(FeatureKind::styleName).orElse("user") + "-icon";
            String extra = extraClass(p);
            content.getChildren().add(extra == null ? icon(p.key(), x, y, icon) : icon(p.key(), x, y, icon, extra));
        }
    }

    private String extraClass(Feature p) {
        if (layer.isUser()) {
            return null;
        }
        return switch (FeatureKind.of(p.kind()).orElse(FeatureKind.SITE)) {
            case CROSSING -> data.crossingStatusOn(p.key(), state.mapDateProperty().get()).styleClass();
            case VILLAGE -> data.affected(p) ? "affected" : null;
            default -> null;
        };
    }
}
