package org.ferganaatlas.gui;

import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The left-hand panel: one switch per layer, each with its legend drawn with the same CSS classes as the
 * map (so legend and map cannot disagree), and the date the map shows.
 */
final class LayersPanel extends ScrollPane {
    private final AtlasState state;
    private final Label dateLabel = new Label();

    LayersPanel(AtlasState state) {
        this.state = state;
        setId("layers-panel");
        getStyleClass().add("layers-panel");
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        VBox box = new VBox();
        box.getStyleClass().add("layers-box");
        Label title = new Label(Messages.get("layers.title"));
        title.getStyleClass().add("panel-title");
        dateLabel.getStyleClass().add("map-date");
        dateLabel.setWrapText(true);
        box.getChildren().addAll(title, dateLabel);
        state.mapDateProperty().addListener(o -> updateDate());
        updateDate();
        for (LayerId id : LayerId.values()) {
            box.getChildren().add(layerRow(id));
        }
        setContent(box);
    }

    private void updateDate() {
        dateLabel.setText(Messages.format("layers.mapDate", FeatureText.date(state.mapDateProperty().get(), state.languageProperty().get())));
    }

    private Node layerRow(LayerId id) {
        CheckBox box = new CheckBox(Messages.get(id.messageKey()));
        box.setId("layer-" + id.name().toLowerCase(java.util.Locale.ROOT));
        box.getStyleClass().add("layer-toggle");
        box.selectedProperty().bindBidirectional(state.layerVisible(id));
        box.setFocusTraversable(true);
        VBox row = new VBox(box);
        row.getStyleClass().add("layer-row");
        VBox legend = new VBox();
        legend.getStyleClass().add("legend");
        for (String[] entry : legend(id)) {
            legend.getChildren().add(legendEntry(entry[0], entry[1], entry[2]));
        }
        Label hint = new Label(Messages.get(id.hintKey()));
        hint.getStyleClass().add("legend-hint");
        hint.setWrapText(true);
        legend.getChildren().add(hint);
        legend.disableProperty().bind(box.selectedProperty().not());
        row.getChildren().add(legend);
        return row;
    }

    /** Legend entries: swatch type, swatch classes, label key. */
    private static List<String[]> legend(LayerId id) {
        return switch (id) {
            case BORDERS -> List.<String[]>of(
                    new String[] {"line", "kgz-tjk settled", "legend.border.kgzTjk"},
                    new String[] {"line", "kgz-uzb settled", "legend.border.kgzUzb"},
                    new String[] {"line", "tjk-uzb settled", "legend.border.tjkUzb"},
                    new String[] {"line", "other-pair settled", "legend.border.other"},
                    new String[] {"line", "kgz-tjk signed", "legend.border.signed"},
                    new String[] {"line", "kgz-tjk unsettled", "legend.border.unsettled"});
            case ENCLAVES -> List.<String[]>of(new String[] {"area", "enclave-area country-uzb", "legend.enclave"});
            case CROSSINGS -> List.<String[]>of(
                    new String[] {"icon", "crossing-icon open", "legend.crossing.open"},
                    new String[] {"icon", "crossing-icon restricted", "legend.crossing.restricted"},
                    new String[] {"icon", "crossing-icon closed", "legend.crossing.closed"},
                    new String[] {"icon", "crossing-icon unknown", "legend.crossing.unknown"});
            case JUNCTION -> List.<String[]>of(
                    new String[] {"icon", "junction-icon", "legend.junction"},
                    new String[] {"icon", "monument-icon", "legend.monument"});
            case VILLAGES -> List.<String[]>of(
                    new String[] {"icon", "village-icon affected", "legend.village.affected"},
                    new String[] {"icon", "village-icon", "legend.village"});
            case TOWNS -> List.<String[]>of(new String[] {"icon", "town-icon t1", "legend.town"});
            case WATER -> List.<String[]>of(new String[] {"icon", "water-facility-icon", "legend.water"});
            case RIVERS -> List.<String[]>of(new String[] {"text", "map-label water text", "legend.river"});
        };
    }

    private static Node legendEntry(String type, String classes, String key) {
        Node swatch;
        switch (type) {
            case "line" -> {
                Region casing = new Region();
                casing.getStyleClass().addAll(("legend-line legend-casing " + classes).split(" "));
                Region line = new Region();
                line.getStyleClass().addAll(("legend-line legend-stroke " + classes).split(" "));
                swatch = new StackPane(casing, line);
            }
            case "area" -> {
                Region r = new Region();
                r.getStyleClass().addAll(("legend-area " + classes).split(" "));
                swatch = new StackPane(r);
            }
            case "text" -> {
                Label t = new Label(Messages.get("legend.riverSample"));
                t.getStyleClass().addAll("legend-text-sample");
                swatch = new StackPane(t);
            }
            default -> {
                Region r = new Region();
                r.getStyleClass().addAll(("icon legend-icon " + classes).split(" "));
                swatch = new StackPane(r);
            }
        }
        ((StackPane) swatch).getStyleClass().add("legend-swatch");
        Label l = new Label(Messages.get(key));
        l.getStyleClass().add("legend-label");
        l.setWrapText(true);
        HBox row = new HBox(swatch, l);
        row.getStyleClass().add("legend-entry");
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }
}
