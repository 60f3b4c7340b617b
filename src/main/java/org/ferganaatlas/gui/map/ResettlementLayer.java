package org.ferganaatlas.gui.map;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import org.ferganaatlas.gui.l10n.FeatureText;
import org.ferganaatlas.gui.l10n.Messages;
import org.ferganaatlas.gui.state.AtlasState;
import org.ferganaatlas.gui.state.MapData;
import org.ferganaatlas.logic.AffectedPlaces;
import org.ferganaatlas.model.BuiltInLayer;
import org.ferganaatlas.model.Feature;
import org.ferganaatlas.model.GeoConventions;
import org.ferganaatlas.model.Resettlement;

/**
 * Resettlements as arrows from the place people left to the place they moved to, shown from the day the move began
 * ({@link AffectedPlaces#arrowsOn} on the map date), with a label and a tooltip saying who moved, when and how many.
 * An end whose point was derived (not given by a source) is drawn with its uncertainty ring, as approximate places
 * are in {@link SymbolLayer} (which draws it itself while the villages layer is shown), and the arrow is dashed. A move with an end that has no location has no arrow; the
 * affected-places table says so.
 */
public final class ResettlementLayer extends OverlayLayer {
    /** Property of each arrow line: {@code from>to}, for tests and for finding an arrow by its move. */
    public static final String MOVE = "atlas.resettlement";
    private static final double HEAD_PX = 13;
    /**
     * The label is drawn only beside an arrow at least this long on screen. Beside a short one (the whole valley in
     * view: Dostuk to Zhany Dostuk is a few pixels) it lay over the towns' names at its ends ("Batken"); there the
     * arrow's tooltip says the same.
     */
    public static final double LABEL_MIN_ARROW_PX = 120;
    /** Where along the arrow a label may go, most wanted first (its middle, then towards either end). */
    private static final double[] LABEL_AT = {0.5, 0.35, 0.65, 0.2, 0.8};
    private final List<String> shown = new ArrayList<>();

    public ResettlementLayer(AtlasState state, MapData data) {
        super(state, data);
        getStyleClass().add("resettlement-layer");
        visibleProperty().bind(state.layerVisible(BuiltInLayer.RESETTLEMENTS));
        state.mapDateProperty().addListener(o -> invalidate());
        state.languageProperty().addListener(o -> invalidate());
        // an end's own layer draws its uncertainty ring while it is shown; this layer draws it when that one is off
        for (BuiltInLayer l : List.of(BuiltInLayer.VILLAGES, BuiltInLayer.ENCLAVES)) {
            javafx.beans.property.BooleanProperty v = state.layers().visible(l);
            if (v != null) {
                v.addListener(o -> invalidate());
            }
        }
    }

    /** The moves drawn by the last build, as {@code from>to} (tests). */
    public List<String> shownMoves() {
        return List.copyOf(shown);
    }

    @Override
    protected void build(Frame f) {
        shown.clear();
        LocalDate day = state.mapDateProperty().get();
        List<double[]> names = null; // where place names may be drawn (only worked out if a label is to be placed)
        for (Resettlement r : AffectedPlaces.arrowsOn(data.resettlements(), day, this::located)) {
            Feature from = data.feature(r.fromKey()).orElseThrow(), to = data.feature(r.toKey()).orElseThrow();
            double x1 = f.x(from.lon()), y1 = f.y(from.lat()), x2 = f.x(to.lon()), y2 = f.y(to.lat());
            double minX = Math.min(x1, x2), maxX = Math.max(x1, x2), minY = Math.min(y1, y2), maxY = Math.max(y1, y2);
            if (maxX < f.x0 || minX > f.x1 || maxY < f.y0 || minY > f.y1) {
                continue; // entirely outside the built area
            }
            String id = r.fromKey() + ">" + r.toKey();
            boolean approximate = from.derivation() != null || to.derivation() != null;
            ring(id + "|from", from, f, x1, y1);
            ring(id + "|to", to, f, x2, y2);
            double len = Math.hypot(x2 - x1, y2 - y1);
            if (len < 2) {
                continue; // both ends on one pixel at this zoom
            }
            double ux = (x2 - x1) / len, uy = (y2 - y1) / len;
            Line line = reuse(id + "|line", Line::new);
            line.getProperties().put(MOVE, id);
            classes(line, approximate ? List.of("resettlement-arrow", "approximate") : List.of("resettlement-arrow"));
            line.setStartX(x1);
            line.setStartY(y1);
            line.setEndX(x2 - ux * HEAD_PX * 0.8);
            line.setEndY(y2 - uy * HEAD_PX * 0.8);
            Polygon head = reuse(id + "|head", Polygon::new);
            classes(head, List.of("resettlement-head"));
            double bx = x2 - ux * HEAD_PX, by = y2 - uy * HEAD_PX;
            head.getPoints().setAll(x2, y2, bx - uy * HEAD_PX * 0.5, by + ux * HEAD_PX * 0.5, bx + uy * HEAD_PX * 0.5,
                    by - ux * HEAD_PX * 0.5);
            String text = describe(r, from, to);
            Tooltip tip = new Tooltip(text);
            tip.setWrapText(true);
            tip.setMaxWidth(420);
            Tooltip.install(line, tip);
            content.getChildren().addAll(line, head);
            String labelText = Messages.format("resettlement.label", name(from), name(to), FeatureText.date(r.date(), locale()));
            double[] at = null;
            if (len >= LABEL_MIN_ARROW_PX) {
                names = names != null ? names : namedPlaces(f);
                at = labelPlace(x1, y1, x2, y2, labelWidth(labelText), names);
            }
            if (at != null) {
                Label label = reuse(id + "|label", Label::new);
                classes(label, List.of("label", "resettlement-label"));
                label.setText(labelText);
                label.setLayoutX(at[0]);
                label.setLayoutY(at[1]);
                Tooltip.install(label, tip);
                content.getChildren().add(label);
            }
            shown.add(id);
        }
    }

    /** About how wide the label is drawn (0.85em of the bundled font, about 7 px a letter at the normal size). */
    private static double labelWidth(String text) {
        return 12 + 7.2 * text.length();
    }

    /**
     * Boxes (minX, minY, maxX, maxY) where the town and village names near the arrow may be drawn: either side of
     * each place shown at this zoom (the label layer puts a name beside its point), so the label avoids them.
     */
    private List<double[]> namedPlaces(Frame f) {
        List<double[]> boxes = new ArrayList<>();
        for (org.ferganaatlas.model.FeatureKind k : List.of(org.ferganaatlas.model.FeatureKind.TOWN, org.ferganaatlas.model.FeatureKind.VILLAGE)) {
            if (!state.layers().kindVisible(k)) {
                continue;
            }
            for (Feature p : data.features(k)) {
                if (!p.hasLocation() || f.zoom < p.minZoom() - 0.01) {
                    continue;
                }
                double x = f.x(p.lon()), y = f.y(p.lat());
                if (f.contains(x, y)) {
                    double w = 14 + 9.5 * name(p).length(); // bold town names, at the largest of their sizes
                    boxes.add(new double[] {x - w, y - 14, x + w, y + 14});
                }
            }
        }
        return boxes;
    }

    /**
     * The label's top left corner: beside the arrow at the first of {@link #LABEL_AT} (either side) where it covers
     * no place name; null if it would cover one wherever it went (the arrow's tooltip then says it).
     */
    static double[] labelPlace(double x1, double y1, double x2, double y2, double width, List<double[]> names) {
        double height = 18;
        for (double t : LABEL_AT) {
            double cx = x1 + (x2 - x1) * t, cy = y1 + (y2 - y1) * t;
            for (int side : new int[] {1, -1}) {
                double left = side > 0 ? cx + 8 : cx - 8 - width, top = cy - height / 2;
                boolean free = true;
                for (double[] b : names) {
                    if (left < b[2] && left + width > b[0] && top < b[3] && top + height > b[1]) {
                        free = false;
                        break;
                    }
                }
                if (free) {
                    return new double[] {left, top};
                }
            }
        }
        return null;
    }

    private boolean located(String key) {
        return data.feature(key).map(Feature::hasLocation).orElse(false);
    }

    private Locale locale() {
        return state.languageProperty().get();
    }

    private String name(Feature f) {
        return data.displayName(f, locale().getLanguage());
    }

    /** Who moved where, when and how many, in the reader's language (the tooltip). */
    String describe(Resettlement r, Feature from, Feature to) {
        String when = r.dateEnd() == null ? FeatureText.date(r.date(), locale())
                : Messages.format("resettlement.dates", FeatureText.date(r.date(), locale()), FeatureText.date(r.dateEnd(), locale()));
        StringBuilder sb = new StringBuilder(Messages.format("resettlement.tooltip", name(from), name(to), when));
        Optional.ofNullable(count(r.peopleMin(), r.peopleMax())).ifPresent(c -> sb.append('\n')
                .append(Messages.format("places.figure.people_resettled", c)));
        Optional.ofNullable(count(r.householdsMin(), r.householdsMax())).ifPresent(c -> sb.append('\n')
                .append(Messages.format("places.figure.households", c)));
        if (from.derivation() != null || to.derivation() != null) {
            sb.append('\n').append(Messages.get("resettlement.approximate"));
        }
        return sb.toString();
    }

    private String count(Integer min, Integer max) {
        if (min == null) {
            return null;
        }
        String a = AffectedPlaces.number(min, locale());
        return max == null || max.equals(min) ? a : a + "\u2013" + AffectedPlaces.number(max, locale());
    }

    /** The uncertainty ring of an approximate end (radius = its accuracy), as {@link SymbolLayer} draws it. */
    private void ring(String id, Feature p, Frame f, double x, double y) {
        if (p.derivation() == null || p.accuracyM() == null || p.accuracyM() <= 0 || !f.contains(x, y)) {
            return;
        }
        org.ferganaatlas.model.FeatureKind kind = org.ferganaatlas.model.FeatureKind.of(p.kind()).orElse(null);
        if (kind == org.ferganaatlas.model.FeatureKind.VILLAGE && state.layers().kindVisible(kind)) {
            return; // SymbolLayer draws the village and its ring: one ring, not two on top of each other
        }
        double r = p.accuracyM() / GeoConventions.metresPerPixel(p.lat(), f.zoom);
        if (r < SymbolLayer.UNCERTAINTY_MIN_PX) {
            return;
        }
        Circle c = reuse(id, Circle::new);
        c.setMouseTransparent(true);
        classes(c, List.of("uncertainty", "resettlement-uncertainty"));
        c.setCenterX(x);
        c.setCenterY(y);
        c.setRadius(r);
        content.getChildren().add(c);
    }
}
