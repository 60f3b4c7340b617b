package org.ferganaatlas.gui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * segments marked as not yet agreed ({@code props.status} disputed/undelimited) are dashed.
 * The casing doubles as the (wider) click target; tripoints are small rings.
 */
final class BorderLayer extends OverlayLayer {
    BorderLayer(AtlasState state, MapData data) {
        super(state, data);
        getStyleClass().add("border-layer");
        visibleProperty().bind(state.layerVisible(LayerId.BORDERS));
        // settlement is shown as of the map date
        state.mapDateProperty().addListener(o -> invalidate());
    }

    @Override
    protected void build(Frame f) {
        List<Path> casings = new ArrayList<>();
        List<Path> lines = new ArrayList<>();
        for (Feature b : data.features("border")) {
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
            String pair = pairClass(b.countries());
            List<String> settlement = settlementOn(b);
            Path casing = reuse(b.key() + "|casing", Path::new);
            casing.getElements().setAll(els);
            casing.setUserData(b.key());
            List<String> casingClasses = new ArrayList<>(List.of("feature", "border-casing", pair));
            casingClasses.addAll(settlement);
            classes(casing, casingClasses);
            Path line = reuse(b.key() + "|line", Path::new);
            line.getElements().setAll(els);
            List<String> lineClasses = new ArrayList<>(List.of("border-line", pair));
            lineClasses.addAll(settlement);
            classes(line, lineClasses);
            line.setMouseTransparent(true);
            line.setUserData(b.key());
            casings.add(casing);
            lines.add(line);
        }
        content.getChildren().addAll(casings);
        content.getChildren().addAll(lines);
        for (Feature t : data.features("tripoint")) {
            if (!t.hasLocation() || f.zoom < t.minZoom() - 0.01) {
                continue;
            }
            double x = f.x(t.lon()), y = f.y(t.lat());
            if (f.contains(x, y)) {
                content.getChildren().add(icon(t.key(), x, y, "tripoint-icon"));
            }
        }
    }

    /** CSS class for a border's country pair. */
    static String pairClass(String countries) {
        if (countries == null) {
            return "other-pair";
        }
        return switch (countries) {
            case "KGZ-TJK", "KGZ-UZB", "TJK-UZB" -> countries.toLowerCase(Locale.ROOT);
            default -> "other-pair";
        };
    }

    /**
     * CSS classes for how a segment stands on the map date, from the treaty that settles it
     * ({@link MapData#settlement}): {@code settled in-force}, {@code settled ratified}, {@code signed} (signed, not
     * yet ratified), {@code unsettled} (its treaty not yet signed); without a treaty in the database, the
     * segment's own props ({@link #settlementClass}).
     */
    List<String> settlementOn(Feature b) {
        var r = data.settlement(b, state.mapDateProperty().get());
        return switch (r.stage()) {
            case IN_FORCE -> List.of("settled", "in-force");
            case RATIFIED -> List.of("settled", "ratified");
            case SIGNED -> List.of("signed");
            case NOT_YET_SIGNED -> List.of("unsettled");
            case NO_TREATY -> List.of(settlementClass(b));
        };
    }

    /** CSS class for how a border segment stands: settled by a treaty, not yet agreed, or not stated. */
    static String settlementClass(Feature b) {
        Map<String, Object> props = b.props();
        Object status = props.get("status");
        if (status instanceof String s && (s.contains("disput") || s.contains("undelim") || s.contains("unagreed"))) {
            return "unsettled";
        }
        for (String k : new String[] {"treaty", "treaty_key", "settled_by", "settlement"}) {
            if (props.get(k) instanceof String s && !s.isBlank()) {
                return "settled";
            }
        }
        return "settlement-unknown";
    }
}
