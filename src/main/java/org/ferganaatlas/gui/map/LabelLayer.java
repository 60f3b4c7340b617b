package org.ferganaatlas.gui.map;

import org.ferganaatlas.gui.l10n.Messages;

import org.ferganaatlas.gui.state.AtlasState;
import org.ferganaatlas.model.FeatureKind;
import org.ferganaatlas.logic.TownDuplicates;
import org.ferganaatlas.gui.state.MapData;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Bounds;
import javafx.geometry.VPos;
import javafx.scene.layout.Region;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import org.ferganaatlas.model.Feature;

/**
 * Every name on the map, placed greedily by importance so that no two labels overlap at any zoom: countries,
 * the junction point, enclaves, crossings, towns (by rank, with their dot), villages, sites, rivers. A label
 * that does not fit is left out (and a town without its label is left out too); the next zoom shows more.
 * Fonts come from atlas.css (measured once per style), so presentation mode simply re-measures.
 */
public final class LabelLayer extends PlannedOverlayLayer {
    /** Kinds labelled, most important first ({@link FeatureKind#labelOrder()}; ties broken by the database's rank). */
    private static final List<FeatureKind> KIND_ORDER = java.util.Arrays.stream(FeatureKind.values())
            .filter(FeatureKind::labelled).sorted(Comparator.comparingInt(FeatureKind::labelOrder)).toList();

    private final Map<String, Font> fonts = new HashMap<>();
    private final Map<String, Double> iconHalves = new HashMap<>();
    /** Measured label sizes by style and text (labels repeat on every redraw). */
    private final Map<String, double[]> sizes = new java.util.concurrent.ConcurrentHashMap<>();

    public LabelLayer(AtlasState state, MapData data) {
        super(state, data);
        getStyleClass().add("label-layer");
        javafx.beans.InvalidationListener relabel = o -> invalidate();
        for (var l : state.layers().layers()) {
            state.layers().visible(l.id()).addListener(relabel);
        }
        state.languageProperty().addListener(o -> invalidate());
        state.presentationProperty().addListener(o -> {
            fonts.clear();
            iconHalves.clear();
            sizes.clear();
            invalidate();
        });
    }

    /** Labels are the costliest nodes to style (two texts each): built for half a view around it, not 1.5. */
    @Override
    protected double margin() {
        return 0.5;
    }

    private record Candidate(Feature f, int order, double x, double y, String[] classes, boolean centred) {}

    private record Box(double x0, double y0, double x1, double y1) {
        boolean hits(Box o) {
            return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1;
        }
    }

    /** One label that won its place: where its text goes, and whether a town dot goes with it. */
    private record Placed(String key, String text, String[] classes, double tx, double ty, boolean townIcon, double x, double y) {}

    /**
     * FX thread: reads the language and the visible layers, and resolves the CSS fonts and icon sizes of every label
     * style (probe nodes, once per style). The returned computation (any thread) picks the candidates, measures their
     * texts and places them; its result adds the nodes (FX thread).
     */
    @Override
    protected java.util.function.Supplier<Runnable> plan(Frame f) {
        java.util.Locale locale = state.languageProperty().get();
        String lang = locale.getLanguage();
        java.util.Set<FeatureKind> kinds = java.util.EnumSet.noneOf(FeatureKind.class);
        for (FeatureKind kind : KIND_ORDER) {
            if (state.layers().kindVisible(kind)) {
                kinds.add(kind);
            }
        }
        for (FeatureKind kind : kinds) { // every style's font and icon size, resolved here (CSS is FX-thread work)
            for (int tier = 0; tier <= 3; tier++) {
                String[] classes = classesOf(kind, tier);
                font(classes);
                iconHalf(kind, tier);
                if (kind != FeatureKind.TOWN) {
                    break;
                }
            }
        }
        Map<String, Font> fontsNow = Map.copyOf(fonts);
        Map<String, Double> halvesNow = Map.copyOf(iconHalves);
        String junctionText = Messages.get("maplabel.junction");
        return () -> {
            List<Placed> placedLabels = place(f, kinds, lang, locale, junctionText, fontsNow, halvesNow);
            return () -> add(placedLabels);
        };
    }

    private static String[] classesOf(FeatureKind kind, int tier) {
        return switch (kind) {
            case TOWN -> new String[] {"town", "t" + tier};
            case COUNTRY -> new String[] {"country"};
            case ENCLAVE -> new String[] {"enclave"};
            case RIVER, LAKE, RESERVOIR -> new String[] {"water"};
            default -> new String[] {kind.styleName()};
        };
    }

    /** The greedy placement (any thread: reads only its arguments, the features and the size cache). */
    private List<Placed> place(Frame f, java.util.Set<FeatureKind> kinds, String lang, java.util.Locale locale, String junctionText,
            Map<String, Font> fontsNow, Map<String, Double> halvesNow) {
        List<Candidate> candidates = new ArrayList<>();
        List<Box> placed = new ArrayList<>();
        for (int order = 0; order < KIND_ORDER.size(); order++) {
            FeatureKind kind = KIND_ORDER.get(order);
            if (!kinds.contains(kind)) {
                continue;
            }
            for (Feature p : data.features(kind)) {
                if (!p.hasLocation() || f.zoom < p.minZoom() - 0.01 || !p.hasOwnName()
                        || kind == FeatureKind.TOWN && hiddenTowns().contains(p.key())) {
                    continue;
                }
                double x = f.x(p.lon()), y = f.y(p.lat());
                if (!f.contains(x, y)) {
                    continue;
                }
                String[] classes = classesOf(kind, tier(p.rank()));
                boolean centred = kind == FeatureKind.COUNTRY || kind == FeatureKind.RIVER || kind == FeatureKind.LAKE
                        || (kind == FeatureKind.ENCLAVE && f.zoom >= 10);
                candidates.add(new Candidate(p, order, x, y, classes, centred));
                if (kind != FeatureKind.TOWN && !centred) {
                    placed.add(obstacle(x, y, halvesNow.get(iconKey(p)))); // icons drawn by other layers stay uncovered
                }
            }
        }
        // The capital and the regional capitals (towns of rank 0 and 1: Tashkent, Osh, Khujand, Fergana) are named
        // before the crossings: a crossing's name beside Osh would otherwise take the place of Osh's dot, and the city
        // would go unnamed on the home view.
        double capitals = KIND_ORDER.indexOf(FeatureKind.CROSSING) - 0.5;
        candidates.sort(Comparator.comparingDouble((Candidate c) -> FeatureKind.TOWN.id().equals(c.f().kind()) && c.f().rank() <= 1
                ? capitals : c.order()).thenComparingInt(c -> c.f().rank()));
        List<Placed> out = new ArrayList<>();
        Text measurer = new Text(); // this computation's own (not in a scene: usable off the FX thread)
        for (Candidate c : candidates) {
            // the junction point's full name is a sentence; the map says what it is in two words
            String text = FeatureKind.JUNCTION.id().equals(c.f().kind()) ? junctionText : data.displayName(c.f(), lang);
            if (text == null || text.isBlank()) {
                continue;
            }
            if (c.classes()[0].equals("country")) {
                text = text.toUpperCase(locale);
            }
            Font font = fontsNow.get(String.join(".", c.classes()));
            String sizeKey = font.getName() + '/' + font.getSize() + '\u0000' + text;
            double[] size = sizes.get(sizeKey);
            if (size == null) {
                measurer.setFont(font);
                measurer.setText(text);
                Bounds b = measurer.getLayoutBounds();
                size = new double[] {b.getWidth(), b.getHeight()};
                sizes.put(sizeKey, size);
            }
            double w = size[0], h = size[1];
            double half = c.centred() ? 0 : halvesNow.get(iconKey(c.f()));
            double gap = half + font.getSize() * 0.3;
            // the halo reaches beyond the text's box, and names that touch read as one: keep a little air between them
            double air = font.getSize() * 0.25 + 1.6;
            Box own = c.centred() ? null : obstacle(c.x(), c.y(), half);
            boolean town = c.classes()[0].equals("town");
            if (town && !fits(own, placed, null)) {
                continue; // its dot would sit under a name placed before: the town is left out at this zoom
            }
            Box chosen = null;
            List<Box> options = options(c, w, h, gap);
            // beside a dot in view, only a side where the name is all in view will do: a name cut by the map's edge
            // ("Kazarm", "agach enclave)") reads as another name (beside a dot in the margin the layer builds for panning,
            // any side does)
            boolean dotInView = !c.centred() && c.x() >= f.vx0 && c.x() <= f.vx1 && c.y() >= f.vy0 && c.y() <= f.vy1;
            for (Box option : options) {
                if (c.centred()) {
                    option = insideView(option, f);
                    if (option == null) {
                        break;
                    }
                } else if (dotInView ? !inView(option, f) : crossesView(option, f)) {
                    continue; // a dot off the view: its name wholly off it too, not half in ("ur" of Amir Timur)
                }
                if (fits(option, placed, own)) {
                    chosen = option;
                    break;
                }
            }
            if (chosen == null) {
                continue;
            }
            placed.add(new Box(chosen.x0() - air, chosen.y0() - air, chosen.x1() + air, chosen.y1() + air));
            if (town) {
                placed.add(own); // the town's dot, drawn with its name: no later name covers it
            }
            out.add(new Placed(c.f().key(), text, c.classes(), chosen.x0(), chosen.y0(), c.classes()[0].equals("town"), c.x(), c.y()));
        }
        return out;
    }

    /** Adds the placed labels' nodes (FX thread), re-using those drawn before. */
    private void add(List<Placed> labels) {
        List<javafx.scene.Node> out = new ArrayList<>();
        for (Placed p : labels) {
            if (p.townIcon()) {
                out.add(icon(p.key(), p.x(), p.y(), "town-icon", p.classes()[1]));
            }
            for (String role : new String[] {"halo", "text"}) {
                Text t = reuse(p.key() + "|" + role, () -> {
                    Text n = new Text();
                    n.setUserData(p.key());
                    n.setTextOrigin(VPos.TOP);
                    if (role.equals("halo")) {
                        // A halo is the text's outline stroked 3 px wide: in software rendering every stroked glyph
                        // went through the rasteriser again on every frame of a pan (over half of a frame's cost).
                        // Drawn once into a small bitmap, a pan copies it; a zoom step scales it until the rebuild.
                        n.setCache(true);
                        n.setCacheHint(javafx.scene.CacheHint.SCALE);
                    }
                    return n;
                });
                t.setText(p.text());
                List<String> cls = new ArrayList<>(List.of("feature", "map-label"));
                cls.addAll(List.of(p.classes()));
                cls.add(role);
                classes(t, cls);
                t.setLayoutX(p.tx());
                t.setLayoutY(p.ty());
                out.add(t);
            }
        }
        content.getChildren().setAll(out);
    }

    /**
     * A name placed on its area's middle (a country, a lake) whose text would run past the view's edge ("KYRGY"):
     * moved along until it is all in view; null if it cannot be (wider than the view).
     */
    private static Box insideView(Box b, Frame f) {
        if (b.x1() < f.vx0 || b.x0() > f.vx1 || b.y1() < f.vy0 || b.y0() > f.vy1) {
            return b; // out of view now: seen only after a pan, when the layer has rebuilt for that view
        }
        double w = b.x1() - b.x0(), h = b.y1() - b.y0(), m = 4;
        if (w > f.vx1 - f.vx0 - 2 * m || h > f.vy1 - f.vy0 - 2 * m) {
            return null;
        }
        double dx = Math.max(0, f.vx0 + m - b.x0()) - Math.max(0, b.x1() - (f.vx1 - m));
        double dy = Math.max(0, f.vy0 + m - b.y0()) - Math.max(0, b.y1() - (f.vy1 - m));
        return new Box(b.x0() + dx, b.y0() + dy, b.x1() + dx, b.y1() + dy);
    }

    /**
     * A text's drawn bounds (glyphs, halo) reach a little beyond the box measured for it: near the view's edge a name
     * counts as this many pixels larger, so one meant to be wholly off the view does not show its top pixel row.
     */
    private static final double EDGE_SLACK_PX = 2;

    private static boolean crossesView(Box b, Frame f) {
        double s = EDGE_SLACK_PX;
        boolean touches = b.x1() + s > f.vx0 && b.x0() - s < f.vx1 && b.y1() + s > f.vy0 && b.y0() - s < f.vy1;
        return touches && !inView(b, f);
    }

    private static boolean inView(Box b, Frame f) {
        double s = EDGE_SLACK_PX;
        return b.x0() - s >= f.vx0 && b.x1() + s <= f.vx1 && b.y0() - s >= f.vy0 && b.y1() + s <= f.vy1;
    }

    private volatile java.util.Set<String> hiddenTowns;

    /** Towns listed twice in the data ({@link TownDuplicates}): computed once, from the read model. */
    private java.util.Set<String> hiddenTowns() {
        java.util.Set<String> h = hiddenTowns;
        if (h == null) {
            h = TownDuplicates.hidden(data.features(FeatureKind.TOWN));
            hiddenTowns = h;
        }
        return h;
    }

    private static boolean fits(Box option, List<Box> placed, Box own) {
        for (Box p : placed) {
            if (p.hits(option) && !p.equals(own)) {
                return false;
            }
        }
        return true;
    }

    private static Box obstacle(double x, double y, double r) {
        return new Box(x - r, y - r, x + r, y + r);
    }

    /** Key of a feature's icon style in {@link #iconHalves}. */
    private static String iconKey(Feature p) {
        return iconKey(FeatureKind.require(p.kind()), tier(p.rank()));
    }

    private static String iconKey(FeatureKind kind, int tier) {
        String cls = kind.styleName() + "-icon";
        String extra = iconExtra(kind, tier);
        return extra == null ? cls : cls + "." + extra;
    }

    private static String iconExtra(FeatureKind kind, int tier) {
        return kind == FeatureKind.TOWN ? "t" + tier : kind == FeatureKind.VILLAGE ? "affected" : null;
    }

    /** Half the size of the icon drawn for a kind (and town tier), from its CSS class, measured once (FX thread). */
    private void iconHalf(FeatureKind kind, int tier) {
        String cls = kind.styleName() + "-icon";
        String extra = iconExtra(kind, tier);
        String key = iconKey(kind, tier);
        Double h = iconHalves.get(key);
        if (h == null) {
            javafx.scene.layout.Region probe = new javafx.scene.layout.Region();
            probe.getStyleClass().addAll("icon", cls);
            if (extra != null) {
                probe.getStyleClass().add(extra);
            }
            probe.setVisible(false);
            content.getChildren().add(probe);
            probe.applyCss();
            double w = Math.max(probe.minWidth(-1), probe.prefWidth(-1));
            double ht = Math.max(probe.minHeight(-1), probe.prefHeight(-1));
            content.getChildren().remove(probe);
            h = Math.max(2, Math.max(w, ht) / 2);
            iconHalves.put(key, h);
        }
    }

    private static List<Box> options(Candidate c, double w, double h, double gap) {
        double x = c.x(), y = c.y();
        if (c.centred()) {
            return List.of(new Box(x - w / 2, y - h / 2, x + w / 2, y + h / 2));
        }
        return List.of(
                new Box(x + gap, y - h / 2, x + gap + w, y + h / 2),           // right
                new Box(x - gap - w, y - h / 2, x - gap, y + h / 2),           // left
                new Box(x - w / 2, y - gap - h, x + w / 2, y - gap),           // above
                new Box(x - w / 2, y + gap, x + w / 2, y + gap + h));          // below
    }

    /** Town importance tier 0..3 from the database rank (0 = regional capitals). */
    public static int tier(int rank) {
        return Math.max(0, Math.min(3, rank));
    }

    /** The CSS font of a label style, measured once from a styled probe node. */
    private void font(String[] classes) {
        String key = String.join(".", classes);
        Font f = fonts.get(key);
        if (f == null) {
            Text probe = new Text("Xy");
            probe.getStyleClass().add("map-label");
            probe.getStyleClass().addAll(classes);
            probe.getStyleClass().add("text");
            probe.setVisible(false);
            content.getChildren().add(probe);
            probe.applyCss();
            f = probe.getFont();
            content.getChildren().remove(probe);
            fonts.put(key, f);
        }
    }
}
