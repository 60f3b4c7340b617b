package org.ferganaatlas.gui.map;

import org.ferganaatlas.gui.state.AtlasState;
import org.ferganaatlas.gui.state.LayerSpec;
import org.ferganaatlas.model.BuiltInLayer;
import org.ferganaatlas.logic.StatusRules;
import org.ferganaatlas.model.CrossingStatus;
import org.ferganaatlas.model.FeatureKind;
import org.ferganaatlas.model.GeoConventions;
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
        java.util.List<Feature> all = data.features(layer);
        // a large user layer: at most MAX_USER_DRAWN of its features in view become nodes (every n-th), so one frame
        // never builds tens of thousands of symbols or paths on the FX thread; zooming in shows the rest
        int step = 1;
        if (layer.isUser() && all.size() > MAX_USER_DRAWN) {
            int inView = 0;
            for (Feature p : all) {
                if (p.hasLocation() && f.contains(f.x(p.lon()), f.y(p.lat()))) {
                    inView++;
                }
            }
            step = Math.max(1, (inView + MAX_USER_DRAWN - 1) / MAX_USER_DRAWN);
        }
        int seen = 0;
        for (Feature p : all) {
            if (!p.hasLocation() || f.zoom < p.minZoom() - 0.01) {
                continue;
            }
            double x = f.x(p.lon()), y = f.y(p.lat());
            if (!f.contains(x, y)) {
                continue;
            }
            if (seen++ % step != 0) {
                continue;
            }
            String icon = layer.isUser() ? "user-icon" : FeatureKind.of(p.kind()).map(FeatureKind::styleName).orElse("user") + "-icon";
            if (layer.isUser() && userShape(p, f)) {
                continue;
            }
            uncertainty(p, f, x, y);
            String[] extra = extraClasses(p);
            String[] classes = new String[extra.length + 1];
            classes[0] = icon;
            System.arraycopy(extra, 0, classes, 1, extra.length);
            content.getChildren().add(icon(p.key(), x, y, classes));
        }
    }

    private String[] extraClasses(Feature p) {
        if (layer.isUser()) {
            return new String[0];
        }
        return switch (FeatureKind.of(p.kind()).orElse(FeatureKind.SITE)) {
            case CROSSING -> {
                StatusRules.Reading r = data.readingOn(p.key(), StatusRules.CROSSING_STATUS, state.mapDateProperty().get());
                String status = CrossingStatus.of(r.value()).styleClass();
                // past its last confirmation the status is drawn faded: what was last reported, not what is
                yield r.unconfirmed() ? new String[] {status, "unconfirmed"} : new String[] {status};
            }
            case VILLAGE -> data.affected(p) ? new String[] {"affected"} : new String[0];
            default -> new String[0];
        };
    }

    /**
     * A point known only to within some distance gets a halo of that radius under its symbol, so it never reads as
     * a sharp position (drawn once the halo is larger than the symbol).
     */
    private void uncertainty(Feature p, Frame f, double x, double y) {
        if (p.accuracyM() == null || p.accuracyM() <= 0) {
            return;
        }
        double r = p.accuracyM() / GeoConventions.metresPerPixel(p.lat(), f.zoom);
        if (r < UNCERTAINTY_MIN_PX) {
            return;
        }
        javafx.scene.shape.Circle c = reuse(p.key() + "|uncertainty", javafx.scene.shape.Circle::new);
        c.setUserData(p.key());
        c.setMouseTransparent(true);
        classes(c, java.util.List.of("uncertainty"));
        c.setCenterX(x);
        c.setCenterY(y);
        c.setRadius(r);
        content.getChildren().add(c);
    }

    /** A user's line or area, drawn as itself (points get the layer's symbol); returns whether it was drawn. */
    private boolean userShape(Feature p, Frame f) {
        org.locationtech.jts.geom.Geometry g = data.geometry(p, f.lod).orElse(null);
        if (g == null || g.getDimension() == 0) {
            return false;
        }
        java.util.List<javafx.scene.shape.PathElement> els = new java.util.ArrayList<>();
        if (g.getDimension() == 2) {
            Geometries.appendPolygons(g, f, els);
        } else {
            Geometries.appendLines(g, f, els);
        }
        javafx.scene.shape.Path path = tag(new javafx.scene.shape.Path(els), p.key());
        path.setFillRule(javafx.scene.shape.FillRule.EVEN_ODD);
        path.getStyleClass().addAll("user-shape", g.getDimension() == 2 ? "user-area" : "user-line");
        content.getChildren().add(path);
        return true;
    }

    /** The most features of one user layer drawn in a view. */
    public static final int MAX_USER_DRAWN = 1_500;

    /** Halos smaller than this (px) are hidden by the symbol itself. */
    public static final double UNCERTAINTY_MIN_PX = 9;
}
