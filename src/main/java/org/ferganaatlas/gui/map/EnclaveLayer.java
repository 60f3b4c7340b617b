package org.ferganaatlas.gui.map;

import org.ferganaatlas.gui.state.AtlasState;
import org.ferganaatlas.model.BuiltInLayer;
import org.ferganaatlas.model.FeatureKind;
import org.ferganaatlas.gui.state.MapData;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.layout.Region;
import javafx.scene.shape.FillRule;
import javafx.scene.shape.Path;
import javafx.scene.shape.PathElement;
import org.ferganaatlas.model.Feature;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * Enclaves and exclaves: a tinted, outlined area in the colour of the country that held them on the map date
 * ({@code territory_period}, else the country they lie in). Labels: {@link LabelLayer}.
 */
public final class EnclaveLayer extends OverlayLayer {
    public EnclaveLayer(AtlasState state, MapData data) {
        super(state, data);
        getStyleClass().add("enclave-layer");
        visibleProperty().bind(state.layerVisible(BuiltInLayer.ENCLAVES));
        // a piece that changed hands (Barak in 2024) is drawn in the colour of whoever held it on the map date
        state.mapDateProperty().addListener(o -> invalidate());
    }

    @Override
    protected void build(Frame f) {
        // ground both countries' source polygons include: grey and outlined, in neither country's colour
        for (Feature o : data.features(FeatureKind.OVERLAP)) {
            Geometry g = data.geometry(o, f.lod).orElse(null);
            if (g == null || g.getDimension() != 2) {
                continue;
            }
            Envelope env = g.getEnvelopeInternal();
            if (!f.intersectsLonLat(env.getMinX(), env.getMinY(), env.getMaxX(), env.getMaxY())) {
                continue;
            }
            List<PathElement> els = new ArrayList<>();
            Geometries.appendPolygons(g, f, els);
            Path area = tag(new Path(els), o.key());
            area.setFillRule(FillRule.EVEN_ODD);
            area.getStyleClass().add("overlap-area");
            content.getChildren().add(area);
        }
        java.time.LocalDate day = state.mapDateProperty().get();
        for (Feature e : data.features(FeatureKind.ENCLAVE)) {
            String holder = data.holderOn(e, day);
            String country = "country-" + (holder == null ? "none" : holder.toLowerCase(Locale.ROOT));
            Geometry g = data.geometry(e, f.lod).orElse(null);
            if (g != null && g.getDimension() == 2) {
                Envelope env = g.getEnvelopeInternal();
                if (!f.intersectsLonLat(env.getMinX(), env.getMinY(), env.getMaxX(), env.getMaxY())) {
                    continue;
                }
                List<PathElement> els = new ArrayList<>();
                Geometries.appendPolygons(g, f, els);
                Path area = tag(new Path(els), e.key());
                area.setFillRule(FillRule.EVEN_ODD);
                area.getStyleClass().addAll("enclave-area", country);
                content.getChildren().add(area);
            } else if (e.hasLocation()) {
                // No outline in the data: a ring at the representative point still shows where it is.
                double x = f.x(e.lon()), y = f.y(e.lat());
                if (f.contains(x, y)) {
                    content.getChildren().add(icon(e.key(), x, y, "enclave-icon", country));
                }
            }
        }
    }
}
