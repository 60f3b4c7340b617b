package org.ferganaatlas.gui.app;

import com.gluonhq.maps.MapPoint;
import com.gluonhq.maps.MapView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;
import org.ferganaatlas.gui.l10n.FeatureText;
import org.ferganaatlas.gui.l10n.Messages;
import org.ferganaatlas.gui.state.AtlasContext;
import org.ferganaatlas.gui.state.LayerSpec;
import org.ferganaatlas.model.Feature;

/**
 * Ctrl+L: the places the map shows now (in its visible layers, drawn at this zoom, inside the view) as a list that
 * the arrow keys walk and a screen reader reads; Enter shows the chosen one through {@code Focus.showFeature}, as a
 * click would, and closes the list. So the map's features are reachable without a mouse.
 */
final class PlacesInView {
    /** More would be no use read aloud; the list says how many there are in all. */
    static final int MAX = 300;

    private PlacesInView() {}

    /** The located features in view, most important first (layer order, then label rank, then name). */
    static List<Feature> inView(AtlasContext ctx, MapView map) {
        MapPoint nw = map.getMapPosition(0, 0), se = map.getMapPosition(map.getWidth(), map.getHeight());
        double zoom = ctx.state().zoomProperty().get();
        if (nw == null || se == null) {
            return List.of();
        }
        double west = Math.min(nw.getLongitude(), se.getLongitude()), east = Math.max(nw.getLongitude(), se.getLongitude());
        double south = Math.min(nw.getLatitude(), se.getLatitude()), north = Math.max(nw.getLatitude(), se.getLatitude());
        Set<Feature> out = new LinkedHashSet<>();
        for (LayerSpec spec : ctx.state().layers().layers()) {
            if (!ctx.state().layers().visible(spec.id()).get()) {
                continue;
            }
            List<Feature> layer = new ArrayList<>();
            for (Feature f : ctx.data().features(spec)) {
                if (f.hasLocation() && (Double.isNaN(zoom) || f.minZoom() <= zoom + 0.5)
                        && f.lat() >= south && f.lat() <= north && f.lon() >= west && f.lon() <= east) {
                    layer.add(f);
                }
            }
            layer.sort(Comparator.comparingInt(Feature::rank));
            out.addAll(layer);
        }
        return new ArrayList<>(out);
    }

    /** The country or countries a feature lies in, in the reader's language ("" when unknown). */
    private static String where(Feature f) {
        return f.countries() != null && !f.countries().isBlank() ? FeatureText.countries(f.countries())
                : FeatureText.country(f.country());
    }

    /** "Khujand — Town · Tajikistan". */
    static String line(AtlasContext ctx, Feature f) {
        String where = where(f);
        String kind = FeatureText.kind(f.kind());
        return ctx.data().displayName(f, ctx.state().languageProperty().get().getLanguage()) + " \u2014 " + kind
                + (where.isEmpty() ? "" : " \u00b7 " + where);
    }

    /** Read aloud: the kind first, so a listener knows what follows ("Border crossing: Kyzyl-Bel, Kyrgyzstan"). */
    static String spoken(AtlasContext ctx, Feature f) {
        String where = where(f);
        String name = ctx.data().displayName(f, ctx.state().languageProperty().get().getLanguage());
        String kind = FeatureText.kind(f.kind());
        return where.isEmpty() ? Messages.format("inview.item", kind, name) : Messages.format("inview.item.where", kind, name, where);
    }

    static Dialog<Void> show(Window owner, AtlasContext ctx, MapView map, List<String> rootClasses) {
        List<Feature> all = inView(ctx, map);
        Dialog<Void> d = new Dialog<>();
        d.initOwner(owner);
        d.initModality(Modality.WINDOW_MODAL);
        d.setTitle(Messages.get("inview.title"));
        d.setHeaderText(Messages.get("inview.intro"));
        ListView<Feature> list = new ListView<>();
        list.setId("places-in-view");
        list.getStyleClass().add("places-list");
        list.getItems().setAll(all.subList(0, Math.min(MAX, all.size())));
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Feature f, boolean empty) {
                super.updateItem(f, empty);
                setText(empty || f == null ? null : line(ctx, f));
                setAccessibleText(empty || f == null ? null : spoken(ctx, f));
            }
        });
        list.accessibleTextProperty().bind(Messages.text("inview.title"));
        Label count = new Label(all.isEmpty() ? Messages.get("inview.empty") : Messages.format("inview.count", all.size()));
        count.setId("places-in-view-count");
        count.setWrapText(true);
        Runnable choose = () -> {
            Feature f = list.getSelectionModel().getSelectedItem();
            if (f != null) {
                d.close();
                ctx.focus().showFeature(f.key());
            }
        };
        list.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER) {
                choose.run();
                e.consume();
            }
        });
        list.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                choose.run();
            }
        });
        VBox box = new VBox(count, list);
        box.getStyleClass().add("places-box");
        d.getDialogPane().setContent(box);
        d.getDialogPane().getButtonTypes().add(new ButtonType(Messages.get("inview.close"), ButtonBar.ButtonData.CANCEL_CLOSE));
        ShortcutsDialog.style(d, rootClasses);
        d.getDialogPane().setId("places-dialog");
        d.setOnShown(e -> {
            if (!list.getItems().isEmpty()) {
                list.getSelectionModel().select(0);
            }
            list.requestFocus();
        });
        d.show();
        return d;
    }
}
