package org.ferganaatlas.gui;

import javafx.scene.layout.Region;
import org.ferganaatlas.model.Feature;

/**
 * Point features of one layer as CSS-drawn icons ({@code .icon} regions: shape, size and colour come from
 * atlas.css). Crossings get their status as of the map date ({@code .open}, {@code .closed},
 * {@code .restricted}, {@code .unknown}); villages whose residents were moved or that changed hands are
 * {@code .affected}.
 */
final class SymbolLayer extends OverlayLayer {
    private final LayerId layer;

    SymbolLayer(AtlasState state, MapData data, LayerId layer) {
        super(state, data);
        this.layer = layer;
        getStyleClass().add("symbol-layer");
        visibleProperty().bind(state.layerVisible(layer));
        if (layer == LayerId.CROSSINGS || layer == LayerId.VILLAGES) {
            state.mapDateProperty().addListener(o -> invalidate());
        }
    }

    @Override
    protected void build(Frame f) {
        for (String kind : layer.kinds()) {
            for (Feature p : data.features(kind)) {
                if (!p.hasLocation() || f.zoom < p.minZoom() - 0.01) {
                    continue;
                }
                double x = f.x(p.lon()), y = f.y(p.lat());
                if (!f.contains(x, y)) {
                    continue;
                }
                String extra = extraClass(p);
                Region r = extra == null ? icon(p.key(), x, y, kind.replace('_', '-') + "-icon")
                        : icon(p.key(), x, y, kind.replace('_', '-') + "-icon", extra);
                content.getChildren().add(r);
            }
        }
    }

    private String extraClass(Feature p) {
        return switch (p.kind()) {
            case "crossing" -> crossingClass(data.statusOn(p.key(), "crossing_status", state.mapDateProperty().get()));
            case "village" -> isAffected(p) ? "affected" : null;
            default -> null;
        };
    }

    static String crossingClass(String status) {
        if (status == null) {
            return "unknown";
        }
        return switch (status) {
            case "open" -> "open";
            case "closed" -> "closed";
            case "restricted", "limited", "partially_open" -> "restricted";
            default -> "unknown";
        };
    }

    private boolean isAffected(Feature v) {
        return !data.status(v.key()).isEmpty() || v.props().containsKey("affected") || v.props().containsKey("transferred_to");
    }
}
