package org.ferganaatlas.gui.handout;

import org.ferganaatlas.gui.common.LegendSwatch;
import org.ferganaatlas.gui.l10n.Messages;
import org.ferganaatlas.gui.state.LayerSpec;
import org.ferganaatlas.logic.MapScale;

import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Polygon;

/**
 * A handout page as a node, for a picture (PNG) and for the printer: the title and caption above, the map with its
 * scale bar and north arrow, the legend of the visible layers and the map's date and age of the lines beside it,
 * the attribution below. Sizes come from atlas.css ({@code .handout}, in em of a base size the caller sets for the
 * page); the map itself is whatever node the caller puts in (an offscreen map of the view).
 */
public final class HandoutLayout extends BorderPane {
    private final StackPane mapSlot = new StackPane();
    private final Region scaleLine = new Region();
    private final Label scaleText = new Label();
    private final VBox scaleBar = new VBox(scaleText, scaleLine);

    /** One legend row: the entry and the layer it belongs to. */
    public record LegendRow(LayerSpec spec, LayerSpec.LegendEntry entry) {}

    /**
     * @param texts    the words of the page
     * @param legend   the visible layers' rows, in the legend's order
     * @param fontPx   the base size of the page's type (scales every part of the layout)
     */
    public HandoutLayout(HandoutTexts texts, List<LegendRow> legend, double fontPx) {
        getStyleClass().addAll("atlas-root", "handout");
        setStyle("-fx-font-size: " + fontPx + "px;");
        Label title = label(texts.title(), "handout-title");
        title.setId("handout-title");
        VBox header = new VBox(title);
        if (!texts.caption().isEmpty()) {
            header.getChildren().add(label(texts.caption(), "handout-caption"));
        }
        // the map's date right under the title: what day the map shows is part of what it says
        header.getChildren().add(label(texts.mapDate(), "handout-date"));
        header.getStyleClass().add("handout-header");
        setTop(header);

        mapSlot.getStyleClass().add("handout-map");
        mapSlot.setMinSize(0, 0);
        scaleLine.getStyleClass().add("scale-bar-line");
        scaleText.getStyleClass().add("scale-bar-text");
        scaleBar.getStyleClass().addAll("scale-bar", "handout-scale-bar");
        scaleBar.setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        Node north = northArrow(texts.north());
        StackPane.setAlignment(scaleBar, Pos.BOTTOM_LEFT);
        StackPane.setAlignment(north, Pos.TOP_RIGHT);
        StackPane frame = new StackPane(mapSlot, scaleBar, north);
        frame.getStyleClass().add("handout-map-frame");
        frame.setMinSize(0, 0);
        setCenter(frame);

        VBox side = new VBox();
        side.getStyleClass().add("handout-side");
        side.getChildren().add(label(texts.legendTitle(), "handout-legend-title"));
        for (LegendRow r : legend) {
            Label name = label(LegendSwatch.label(r.entry(), r.spec()), "legend-label");
            HBox row = new HBox(swatch(r.entry()), name);
            row.getStyleClass().addAll("legend-entry", "handout-legend-entry");
            row.setAlignment(Pos.CENTER_LEFT);
            HBox.setHgrow(name, Priority.ALWAYS);
            side.getChildren().add(row);
        }
        side.setMinHeight(0); // a legend longer than the map is cut at the map's foot, never pushing the sources off the page
        javafx.scene.shape.Rectangle clip = new javafx.scene.shape.Rectangle();
        clip.widthProperty().bind(side.widthProperty());
        clip.heightProperty().bind(side.heightProperty());
        side.setClip(clip);
        setRight(side);

        // how old the lines are, wherever lines are shown, then every source and licence
        Label age = label(texts.geometryAge(), "handout-note");
        Label attribution = label(texts.attribution(), "handout-attribution");
        attribution.setId("handout-attribution");
        Label footer = label(texts.footer(), "handout-footer");
        VBox bottom = new VBox(age, attribution, footer);
        bottom.getStyleClass().add("handout-bottom");
        setBottom(bottom);
    }

    /** Where the map goes; the slot has the map's size once the page is laid out. */
    public StackPane mapSlot() {
        return mapSlot;
    }

    /** The scale bar for the map's centre latitude and zoom (as the map shows it, after its own limits). */
    public void showScale(double lat, double zoom) {
        MapScale.Bar b = MapScale.bar(lat, zoom, Math.max(60, Math.min(220, mapSlot.getWidth() / 5)));
        if (b == null) {
            scaleBar.setVisible(false);
            return;
        }
        scaleBar.setVisible(true);
        scaleLine.setMinWidth(b.px());
        scaleLine.setPrefWidth(b.px());
        scaleLine.setMaxWidth(b.px());
        scaleText.setText(b.inKm() ? Messages.format("scale.km", b.metres() / 1000) : Messages.format("scale.m", b.metres()));
    }

    /** A legend symbol for a page: wider than the side panel's, so the sample river name fits. */
    public static javafx.scene.layout.StackPane swatch(LayerSpec.LegendEntry entry) {
        javafx.scene.layout.StackPane s = LegendSwatch.of(entry);
        s.getStyleClass().add("handout-swatch");
        return s;
    }

    private static Node northArrow(String letter) {
        Polygon arrow = new Polygon(0, 0, 9, 22, 0, 17, -9, 22);
        arrow.getStyleClass().add("handout-north-arrow");
        Label n = label(letter, "handout-north-letter");
        VBox box = new VBox(arrow, n);
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().add("handout-north");
        box.setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        box.setMouseTransparent(true);
        return box;
    }

    private static Label label(String text, String styleClass) {
        Label l = new Label(text);
        l.getStyleClass().add(styleClass);
        l.setWrapText(true);
        l.setMinHeight(USE_PREF_SIZE);
        return l;
    }
}
