package org.ferganaatlas.gui.map;

import org.ferganaatlas.gui.state.AtlasState;
import org.ferganaatlas.model.BuiltInLayer;
import org.ferganaatlas.model.FeatureKind;
import org.ferganaatlas.gui.state.MapData;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.shape.Path;
import javafx.scene.shape.PathElement;
import javafx.scene.layout.Region;
import org.ferganaatlas.model.Feature;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * State borders: a light casing under a coloured line, so they read on any basemap colour. The line is
 * styled by country pair ({@code .kgz-tjk}, {@code .kgz-uzb}, {@code .tjk-uzb}, {@code .other-pair}) and by
 * settlement: segments the database ties to a treaty ({@code props.treaty} / {@code settled_by}) are solid,
 * segments marked as not yet agreed are dashed ({@link org.ferganaatlas.logic.BorderSettlement#settlement}).
 * The casing doubles as the (wider) click target; tripoints are small rings.
 */
public final class BorderLayer extends PlannedOverlayLayer {
    public BorderLayer(AtlasState state, MapData data) {
        super(state, data);
        getStyleClass().add("border-layer");
        visibleProperty().bind(state.layerVisible(BuiltInLayer.BORDERS));
        // settlement is shown as of the map date
        state.mapDateProperty().addListener(o -> invalidate());
    }

    /** One border segment's path for a frame, with its style classes. */
    private record Segment(String key, List<PathElement> elements, String pair, List<String> settlement) {}

    /**
     * FX thread: reads the map date. The returned computation (any thread) loads the geometry at the frame's level
     * of detail, projects and clips it and works out each segment's settlement; its result sets the paths (FX thread).
     */
    @Override
    protected java.util.function.Supplier<Runnable> plan(Frame f) {
        java.time.LocalDate day = state.mapDateProperty().get();
        return () -> {
            List<Segment> segments = new ArrayList<>();
            for (Feature b : data.features(FeatureKind.BORDER)) {
                if (f.zoom < b.minZoom() - 0.01) {
                    continue;
                }
                Geometry g = data.geometry(b, f.lod).orElse(null);
                if (g == null) {
                    continue;
                }
                Envelope e = g.getEnvelopeInternal();
                if (!f.intersectsLonLat(e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY())) {
                    continue;
                }
                List<PathElement> els = new ArrayList<>();
                Geometries.appendLines(g, f, els);
                if (els.isEmpty()) {
                    continue;
                }
                segments.add(new Segment(b.key(), els, pairClass(b.countries()), settlementOn(b, day)));
            }
            List<double[]> tripoints = new ArrayList<>();
            List<String> tripointKeys = new ArrayList<>();
            for (Feature t : data.features(FeatureKind.TRIPOINT)) {
                if (!t.hasLocation() || f.zoom < t.minZoom() - 0.01) {
                    continue;
                }
                double x = f.x(t.lon()), y = f.y(t.lat());
                if (f.contains(x, y)) {
                    tripoints.add(new double[] {x, y});
                    tripointKeys.add(t.key());
                }
            }
            return () -> add(segments, tripointKeys, tripoints);
        };
    }

    /** Adds the prepared paths and tripoint rings (FX thread), re-using the nodes drawn before. */
    private void add(List<Segment> segments, List<String> tripointKeys, List<double[]> tripoints) {
        List<Path> casings = new ArrayList<>();
        List<Path> lines = new ArrayList<>();
        for (Segment s : segments) {
            Path casing = reuse(s.key() + "|casing", Path::new);
            casing.getElements().setAll(s.elements());
            casing.setUserData(s.key());
            List<String> casingClasses = new ArrayList<>(List.of("feature", "border-casing", s.pair()));
            casingClasses.addAll(s.settlement());
            classes(casing, casingClasses);
            Path line = reuse(s.key() + "|line", Path::new);
            line.getElements().setAll(s.elements());
            List<String> lineClasses = new ArrayList<>(List.of("border-line", s.pair()));
            lineClasses.addAll(s.settlement());
            classes(line, lineClasses);
            line.setMouseTransparent(true);
            line.setUserData(s.key());
            casings.add(casing);
            lines.add(line);
        }
        List<javafx.scene.Node> out = new ArrayList<>(casings);
        out.addAll(lines);
        for (int i = 0; i < tripoints.size(); i++) {
            out.add(icon(tripointKeys.get(i), tripoints.get(i)[0], tripoints.get(i)[1], "tripoint-icon"));
        }
        content.getChildren().setAll(out);
    }

    /** CSS class for a border's country pair. */
    public static String pairClass(String countries) {
        if (countries == null) {
            return "other-pair";
        }
        return switch (countries) {
            case "KGZ-TJK", "KGZ-UZB", "TJK-UZB" -> countries.toLowerCase(Locale.ROOT);
            default -> "other-pair";
        };
    }

    /** CSS classes for how a segment stands on a day (any thread): {@link MapData#drawnSettlement}. */
    public List<String> settlementOn(Feature b, java.time.LocalDate day) {
        return data.drawnSettlement(b, day).styleClasses();
    }
}
