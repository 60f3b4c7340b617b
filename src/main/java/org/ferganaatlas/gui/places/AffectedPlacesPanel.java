package org.ferganaatlas.gui.places;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.ferganaatlas.data.io.Exporters;
import org.ferganaatlas.gui.common.AtlasPanel;
import org.ferganaatlas.gui.common.Background;
import org.ferganaatlas.gui.common.ErrorLog;
import org.ferganaatlas.gui.common.PanelParts;
import org.ferganaatlas.gui.l10n.FeatureText;
import org.ferganaatlas.gui.l10n.Messages;
import org.ferganaatlas.gui.state.AtlasContext;
import org.ferganaatlas.gui.state.AtlasState;
import org.ferganaatlas.logic.AffectedPlaces;
import org.ferganaatlas.logic.TextFold;
import org.ferganaatlas.model.AffectedPlace;
import org.ferganaatlas.model.AffectedPlace.Figure;
import org.ferganaatlas.model.AffectedPlace.Happening;
import org.ferganaatlas.model.Feature;
import org.ferganaatlas.model.PlaceMaterial;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * The places the border settlement touched, as a table: name, kind, who held it before and after, district, what
 * happened and when, how many people or houses were affected (ranges where sources differ) and how many sources say
 * so. Filters by country, district, treaty, kind and text (Latin or Cyrillic, folded as the search folds it); every
 * column sorts. Choosing a row flies the map there ({@code Focus.showFeature}); a place chosen on the map chooses its
 * row. The rows shown can be exported as CSV (for a spreadsheet) or GeoJSON (for QGIS), written off the FX thread.
 * The rows are made by {@link AffectedPlaces} from one background read.
 */
public final class AffectedPlacesPanel extends VBox implements AtlasPanel {
    private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

    private final AtlasContext ctx;
    private final AtlasState state;
    private final ObservableList<AffectedPlace> all = FXCollections.observableArrayList();
    private final FilteredList<AffectedPlace> filtered = new FilteredList<>(all);
    private final SortedList<AffectedPlace> sorted = new SortedList<>(filtered);
    private final TableView<AffectedPlace> table = new TableView<>(sorted);
    private final ComboBox<Choice> country = choice("places-filter-country");
    private final ComboBox<Choice> district = choice("places-filter-district");
    private final ComboBox<Choice> treaty = choice("places-filter-treaty");
    private final ComboBox<Choice> kind = choice("places-filter-kind");
    private final TextField text = new TextField();
    private final Label notice = new Label();
    private final Label count = new Label();
    private List<PlaceMaterial> material = List.of();
    private final Map<String, Feature> features = new HashMap<>();
    private boolean loaded;
    /** Set while the table follows the state, so following does not fly the map. */
    private boolean following;
    private int exportsRunning;

    /** A filter choice: its value ({@code null} = any) and what the list shows. */
    record Choice(String value, String label) {
        @Override
        public String toString() {
            return label;
        }
    }

    public AffectedPlacesPanel(AtlasContext ctx) {
        this.ctx = ctx;
        this.state = ctx.state();
        setId("places-panel");
        getStyleClass().addAll("reader-panel", "places-panel");

        Label title = PanelParts.label("", "reader-title");
        title.textProperty().bind(Messages.text("places.title"));
        Label intro = PanelParts.label("", "reader-intro");
        intro.textProperty().bind(Messages.text("places.intro"));

        text.setId("places-filter-text");
        text.promptTextProperty().bind(Messages.text("places.filter.text"));
        text.textProperty().addListener(o -> applyFilter());
        FlowPane filters = new FlowPane(country, district, treaty, kind, text);
        filters.getStyleClass().add("places-filters");
        filters.setHgap(6);
        filters.setVgap(6);
        for (ComboBox<Choice> c : List.of(country, district, treaty, kind)) {
            c.valueProperty().addListener(o -> applyFilter());
        }

        table.setId("places-table");
        table.getStyleClass().add("places-table");
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.setPlaceholder(PanelParts.label(Messages.get("places.empty"), "reader-intro"));
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.getColumns().addAll(List.of(
                column("name", 11, AffectedPlace::name, Comparator.comparing((AffectedPlace r) -> TextFold.fold(r.name()))),
                column("kind", 7, r -> FeatureText.kind(r.kind()), Comparator.comparing((AffectedPlace r) -> FeatureText.kind(r.kind()))),
                column("change", 11, this::change, Comparator.comparing(this::change)),
                column("district", 12, r -> Objects.toString(r.district(), ""), Comparator.comparing(r -> Objects.toString(r.district(), ""))),
                column("happened", 24, this::happened, Comparator.comparing(this::happened)),
                column("when", 13, this::when, Comparator.comparing((AffectedPlace r) -> Objects.toString(r.firstDate(), "\uffff"))),
                column("affected", 12, this::affected, Comparator.comparingDouble(AffectedPlaces::largestFigure)),
                column("sources", 5, r -> Integer.toString(r.sourceIds().size()), Comparator.comparingInt(r -> r.sourceIds().size()))));
        VBox.setVgrow(table, Priority.ALWAYS);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, row) -> {
            if (!following && row != null && !row.key().equals(state.selectedKeyProperty().get())) {
                ctx.focus().showFeature(row.key());
            }
        });
        state.selectedKeyProperty().addListener((o, a, key) -> follow(key));

        Button csv = new Button();
        csv.setId("places-export-csv");
        csv.textProperty().bind(Messages.text("places.export.csv"));
        csv.setOnAction(e -> chooseAndExport("csv"));
        Button geojson = new Button();
        geojson.setId("places-export-geojson");
        geojson.textProperty().bind(Messages.text("places.export.geojson"));
        geojson.setOnAction(e -> chooseAndExport("geojson"));
        count.setId("places-count");
        count.getStyleClass().add("places-notice");
        HBox actions = new HBox(csv, geojson, count);
        actions.getStyleClass().add("places-actions");
        notice.setId("places-notice");
        notice.getStyleClass().add("places-notice");
        notice.setManaged(false);
        notice.setVisible(false);

        getChildren().addAll(title, intro, filters, table, actions, notice);
        state.languageProperty().addListener(o -> rebuild());
        Background.load("the affected places", () -> ctx.data().db().affectedPlacesRepository().places(AffectedPlaces.KINDS), m -> {
            material = m;
            m.forEach(p -> features.put(p.feature().key(), p.feature()));
            loaded = true;
            rebuild();
        });
    }

    private static ComboBox<Choice> choice(String id) {
        ComboBox<Choice> c = new ComboBox<>();
        c.setId(id);
        return c;
    }

    /** A column {@code em} wide at the default text size (columns take no CSS width; the table scrolls sideways). */
    private TableColumn<AffectedPlace, AffectedPlace> column(String id, double em, Function<AffectedPlace, String> show,
                                                              Comparator<AffectedPlace> order) {
        TableColumn<AffectedPlace, AffectedPlace> c = new TableColumn<>();
        c.setPrefWidth(em * javafx.scene.text.Font.getDefault().getSize());
        c.setId("places-column-" + id);
        c.textProperty().bind(Messages.text("places.column." + id));
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        c.setComparator(order);
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(AffectedPlace row, boolean empty) {
                super.updateItem(row, empty);
                String s = empty || row == null ? null : show.apply(row);
                setText(s);
                setTooltip(s == null || s.length() < 30 ? null : new Tooltip(s));
            }
        });
        return c;
    }

    private Locale locale() {
        return state.languageProperty().get();
    }

    /** Builds the rows in the current language, keeping the filters and the chosen row. */
    private void rebuild() {
        if (!loaded) {
            return;
        }
        List<AffectedPlace> rows = AffectedPlaces.rows(material, locale().getLanguage());
        following = true;
        try {
            all.setAll(rows);
            refill(country, AffectedPlaces.distinct(rows, AffectedPlaces::countries), FeatureText::country);
            refill(district, AffectedPlaces.distinct(rows, r -> java.util.Collections.singleton(r.district())), s -> s);
            Map<String, String> treaties = new LinkedHashMap<>();
            rows.forEach(r -> r.treaties().forEach(t -> treaties.put(t.key(), t.title())));
            refill(treaty, new ArrayList<>(treaties.keySet()), treaties::get);
            refill(kind, AffectedPlaces.distinct(rows, r -> java.util.Collections.singleton(r.kind())), FeatureText::kind);
        } finally {
            following = false;
        }
        applyFilter();
        table.refresh();
    }

    private void refill(ComboBox<Choice> box, List<String> values, Function<String, String> label) {
        String was = box.getValue() == null ? null : box.getValue().value();
        List<Choice> items = new ArrayList<>();
        items.add(new Choice(null, Messages.get(box.getId().replace("places-filter-", "places.filter.") + ".all")));
        values.forEach(v -> items.add(new Choice(v, label.apply(v))));
        box.getItems().setAll(items);
        box.setValue(items.stream().filter(c -> Objects.equals(c.value(), was)).findFirst().orElse(items.get(0)));
    }

    private static String value(ComboBox<Choice> box) {
        return box.getValue() == null ? null : box.getValue().value();
    }

    /** The filter as the controls set it. */
    public AffectedPlaces.Filter filter() {
        return new AffectedPlaces.Filter(value(country), value(district), value(treaty), value(kind), text.getText());
    }

    private void applyFilter() {
        following = true;
        try {
            AffectedPlaces.Filter f = filter();
            filtered.setPredicate(f::matches);
        } finally {
            following = false;
        }
        count.setText(Messages.format("places.count", filtered.size(), all.size()));
        follow(state.selectedKeyProperty().get());
    }

    /** Chooses the row of the place chosen elsewhere (the map, the search), without moving the map. */
    private void follow(String key) {
        following = true;
        try {
            AffectedPlace row = key == null ? null : sorted.stream().filter(r -> r.key().equals(key)).findFirst().orElse(null);
            if (row == null) {
                table.getSelectionModel().clearSelection();
            } else if (table.getSelectionModel().getSelectedItem() != row) {
                table.getSelectionModel().select(row);
                table.scrollTo(row);
            }
        } finally {
            following = false;
        }
    }

    // ---------------------------------------------------------------- cell texts

    /** "Kyrgyzstan → Tajikistan" for a place that changed hands, else who holds it. */
    String change(AffectedPlace r) {
        if (r.transferred()) {
            return Messages.format("places.change", FeatureText.countries(r.before()), FeatureText.countries(r.after()));
        }
        return FeatureText.countries(r.after());
    }

    private String otherName(String key) {
        Feature f = features.get(key);
        if (f == null) {
            return key;
        }
        String lang = locale().getLanguage();
        for (PlaceMaterial m : material) {
            if (m.feature().key().equals(key)) {
                return m.names().stream().filter(n -> n.primary() && n.lang().equals(lang)).map(org.ferganaatlas.model.Name::name)
                        .findFirst().orElse(f.nameEn());
            }
        }
        return f.nameEn();
    }

    private boolean located(String key) {
        Feature f = features.get(key);
        return f != null && f.hasLocation();
    }

    /** One thing that happened, in words. */
    String happening(AffectedPlace r, Happening h) {
        String date = h.date() == null ? "" : FeatureText.date(h.date(), locale()) + ": ";
        String what = switch (h.kind()) {
            case TRANSFER -> Messages.format("places.happened.transfer", FeatureText.countries(r.before()), FeatureText.countries(r.after()));
            case EVENT, PROVISION -> h.title();
            case MOVED_OUT, MOVED_IN -> {
                String s = Messages.format(h.kind() == AffectedPlace.HappeningKind.MOVED_OUT ? "places.happened.movedOut"
                        : "places.happened.movedIn", otherName(h.otherKey()));
                // an arrow needs both ends: say why there is none rather than leave the reader looking for it
                yield located(r.key()) && located(h.otherKey()) ? s : s + " " + Messages.get("places.happened.noArrow");
            }
        };
        return date + what;
    }

    String happened(AffectedPlace r) {
        List<String> parts = new ArrayList<>();
        r.happenings().forEach(h -> parts.add(happening(r, h)));
        return String.join("; ", parts);
    }

    String when(AffectedPlace r) {
        String a = r.firstDate(), b = r.lastDate();
        if (a == null) {
            return "";
        }
        return a.equals(b) || b == null ? FeatureText.date(a, locale())
                : Messages.format("places.when", FeatureText.date(a, locale()), FeatureText.date(b, locale()));
    }

    String affected(AffectedPlace r) {
        List<String> parts = new ArrayList<>();
        for (Figure f : r.figures()) {
            String n = AffectedPlaces.number(f.min(), locale());
            if (f.isRange()) {
                n = n + "\u2013" + AffectedPlaces.number(f.max(), locale());
            }
            parts.add(Messages.format("places.figure." + f.what(), n));
        }
        return String.join("; ", parts);
    }

    /** A column's text for a row, as the table shows it (tests). */
    public String cellText(AffectedPlace r, String column) {
        return switch (column) {
            case "name" -> r.name();
            case "kind" -> FeatureText.kind(r.kind());
            case "change" -> change(r);
            case "district" -> Objects.toString(r.district(), "");
            case "happened" -> happened(r);
            case "when" -> when(r);
            case "affected" -> affected(r);
            case "sources" -> Integer.toString(r.sourceIds().size());
            default -> throw new IllegalArgumentException(column);
        };
    }

    /** The rows shown, in the table's order (tests). */
    public List<AffectedPlace> shownRows() {
        return List.copyOf(sorted);
    }

    /** Whether the rows are loaded and no export is being written (tests wait for this). */
    public boolean idle() {
        return loaded && exportsRunning == 0;
    }

    // ---------------------------------------------------------------- export

    private void chooseAndExport(String format) {
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setTitle(Messages.get("places.export." + format));
        chooser.setInitialFileName(Messages.get("places.export.fileName") + "." + format);
        chooser.getExtensionFilters().add(format.equals("csv")
                ? new javafx.stage.FileChooser.ExtensionFilter("CSV", "*.csv")
                : new javafx.stage.FileChooser.ExtensionFilter("GeoJSON", "*.geojson", "*.json"));
        java.io.File f = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (f != null) {
            exportTo(f.toPath());
        }
    }

    /**
     * Writes the rows shown (filtered, in the table's order) to {@code file}: CSV or GeoJSON by its ending. The texts
     * are made here, in the reader's language; the file is written off the FX thread, atomically
     * ({@link Exporters}), and a notice under the table says when it is done or what went wrong.
     */
    public void exportTo(Path file) {
        List<Exporters.Exported> rows = new ArrayList<>();
        for (AffectedPlace r : sorted) {
            rows.add(exported(r));
        }
        exportsRunning++;
        Background.load("the affected-places export", () -> {
            try {
                Exporters.write(file, Messages.get("places.title"), rows);
                return (String) null;
            } catch (java.io.IOException | RuntimeException e) {
                ErrorLog.log("Could not export the affected places to " + file, e);
                return String.valueOf(e.getMessage());
            }
        }, error -> {
            exportsRunning--;
            notice.getStyleClass().remove("error");
            if (error == null) {
                notice.setText(Messages.format("places.export.done", rows.size(), file.toString()));
            } else {
                notice.getStyleClass().add("error");
                notice.setText(Messages.format("places.export.failed", file.toString(), error));
            }
            notice.setManaged(true);
            notice.setVisible(true);
        });
    }

    /** One row as a feature to export: its point (x = longitude, y = latitude) or none, and its columns as text. */
    Exporters.Exported exported(AffectedPlace r) {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("key", r.key());
        a.put("kind", r.kind());
        a.put("country_before", Objects.toString(r.before(), ""));
        a.put("country_after", Objects.toString(r.after(), ""));
        a.put("change", change(r));
        a.put("change_date", Objects.toString(r.changeDate(), ""));
        a.put("district", Objects.toString(r.district(), ""));
        a.put("what_happened", happened(r));
        a.put("first_date", Objects.toString(r.firstDate(), ""));
        a.put("last_date", Objects.toString(r.lastDate(), ""));
        a.put("affected", affected(r));
        a.put("source_count", Integer.toString(r.sourceIds().size()));
        a.put("source_ids", String.join(";", r.sourceIds()));
        List<String> t = new ArrayList<>();
        r.treaties().forEach(x -> t.add(x.key()));
        a.put("treaties", String.join(";", t));
        a.put("accuracy_m", r.accuracyM() == null ? "" : Long.toString(Math.round(r.accuracyM())));
        a.put("approximate", Boolean.toString(r.approximate()));
        org.locationtech.jts.geom.Point p = r.hasLocation()
                ? WGS84.createPoint(new Coordinate(r.lon(), r.lat())) // JTS x = longitude, y = latitude
                : null;
        return new Exporters.Exported(r.name(), p, a);
    }
}
