package org.ferganaatlas.gui.map;

import org.ferganaatlas.gui.state.AtlasState;
import org.ferganaatlas.gui.state.MapData;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javafx.scene.shape.FillRule;
import javafx.scene.shape.Path;
import javafx.scene.shape.PathElement;
import org.ferganaatlas.model.Feature;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * The features in {@link AtlasState#highlightedKeysProperty()} ("Show on map", a timeline event): a broad
 * glow under lines and outlines, a ring round points. Drawn under the borders and symbols so they stay
 * readable on top. Draws any feature with a location, also kinds that have no overlay of their own (roads,
 * whole border pairs).
 */
public final class HighlightLayer extends OverlayLayer {
    private final Set<String> drawn = new LinkedHashSet<>();

    public HighlightLayer(AtlasState state, MapData data) {
        super(state, data);
        getStyleClass().add("highlight-layer");
        setMouseTransparent(true);
        state.highlightedKeysProperty().addListener(o -> invalidate());
    }

    @Override
    protected void build(Frame f) {
        drawn.clear();
        List<javafx.scene.Node> rings = new ArrayList<>();
        for (String key : state.highlightedKeysProperty().get()) {
            Feature feature = data.feature(key).orElse(null);
            if (feature == null) {
                continue;
            }
            Geometry g = data.geometry(feature, f.lod).orElse(null);
            if (g != null && g.getDimension() >= 1) {
                Envelope e = g.getEnvelopeInternal();
                if (!f.intersectsLonLat(e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY())) {
                    continue;
                }
                List<PathElement> els = new ArrayList<>();
                if (g.getDimension() == 2) {
                    Geometries.appendPolygons(g, f, els);
                } else {
                    Geometries.appendLines(g, f, els);
                }
                if (els.isEmpty()) {
                    continue;
                }
                Path p = new Path(els);
                p.setFillRule(FillRule.EVEN_ODD);
                p.getStyleClass().addAll("highlight", g.getDimension() == 2 ? "highlight-area" : "highlight-line");
                p.setUserData(key);
                content.getChildren().add(p);
                drawn.add(key);
            } else if (feature.hasLocation()) {
                double x = f.x(feature.lon()), y = f.y(feature.lat());
                if (f.contains(x, y)) {
                    javafx.scene.layout.Region r = icon(key, x, y, "highlight", "highlight-ring");
                    r.getStyleClass().remove("feature"); // a highlight is not a click target
                    rings.add(r);
                    drawn.add(key);
                }
            }
        }
        content.getChildren().addAll(rings);
    }

    /** Keys drawn in the last build (tests). */
    public Set<String> drawnKeys() {
        return Set.copyOf(drawn);
    }
}
