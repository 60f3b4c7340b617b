package org.ferganaatlas.gui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.ferganaatlas.data.BundledAtlas;
import org.ferganaatlas.data.io.ImportControl;
import org.ferganaatlas.data.io.ImportIssue;
import org.ferganaatlas.data.io.ImportReport;
import org.ferganaatlas.data.io.ImportedFeature;
import org.ferganaatlas.data.io.Importers;
import org.ferganaatlas.gui.l10n.Messages;
import org.ferganaatlas.gui.map.ResettlementLayer;
import org.ferganaatlas.gui.places.AffectedPlacesPanel;
import org.ferganaatlas.gui.state.SideTab;
import org.ferganaatlas.model.AffectedPlace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Point;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The affected-places tab and the resettlement arrows in a real window on the bundled database. */
@ExtendWith(ApplicationExtension.class)
class AffectedPlacesTableTest extends AtlasWindowTestBase {
    @RegisterExtension
    static final BundledAtlas atlas = new BundledAtlas();
    private static final String DOSTUK = "village:dostuk";

    @TempDir
    Path tmp;

    @Start
    void start(Stage stage) {
        open(stage, atlas.db());
    }

    private AffectedPlacesPanel openPanel(FxRobot robot) throws Exception {
        robot.interact(() -> {
            state.languageProperty().set(Messages.LANGUAGES.get(0));
            state.sideTabProperty().set(SideTab.PLACES);
        });
        settle();
        AffectedPlacesPanel panel = robot.lookup("#places-panel").queryAs(AffectedPlacesPanel.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, panel::idle);
        settle();
        return panel;
    }

    private static AffectedPlace row(AffectedPlacesPanel panel, String key) {
        return panel.shownRows().stream().filter(r -> r.key().equals(key)).findFirst().orElse(null);
    }

    private List<String> cellTexts(FxRobot robot) {
        List<String> out = new ArrayList<>();
        robot.lookup("#places-table .table-cell").queryAll().forEach(n -> {
            String t = ((TableCell<?, ?>) n).getText();
            if (t != null) {
                out.add(t);
            }
        });
        return out;
    }

    @Test
    void theTableListsDostukAsPassedFromKyrgyzstanToTajikistanAndTheCyrillicFilterFindsIt(FxRobot robot) throws Exception {
        AffectedPlacesPanel panel = openPanel(robot);
        AffectedPlace dostuk = row(panel, DOSTUK);
        assertNotNull(dostuk, "Dostuk is listed");
        assertEquals("Kyrgyzstan → Tajikistan", panel.cellText(dostuk, "change"));
        assertTrue(panel.cellText(dostuk, "happened").contains("Zhany Dostuk"), panel.cellText(dostuk, "happened"));
        assertTrue(panel.cellText(dostuk, "affected").contains("71–200"), "households as a range: " + panel.cellText(dostuk, "affected"));
        assertTrue(panel.shownRows().size() > 20, "villages, enclaves, water points and crossings: " + panel.shownRows().size());
        // the places with no known location say why no arrow is drawn
        AffectedPlace barak = row(panel, "enclave:barak");
        assertTrue(panel.cellText(barak, "happened").contains("no arrow"), panel.cellText(barak, "happened"));

        TextField text = robot.lookup("#places-filter-text").queryAs(TextField.class);
        robot.interact(() -> text.setText("Достук"));
        settle();
        List<String> keys = panel.shownRows().stream().map(AffectedPlace::key).toList();
        assertTrue(keys.contains(DOSTUK), keys.toString());
        assertFalse(keys.contains("enclave:barak"), keys.toString());
        // and it is on screen, in the words the table uses
        robot.interact(() -> robot.lookup("#places-table").queryAs(TableView.class).scrollTo(0));
        settle();
        assertTrue(cellTexts(robot).contains("Kyrgyzstan → Tajikistan"), cellTexts(robot).toString());
    }

    @Test
    void choosingARowChoosesThePlaceAndAPlaceChosenOnTheMapChoosesItsRow(FxRobot robot) throws Exception {
        AffectedPlacesPanel panel = openPanel(robot);
        @SuppressWarnings("unchecked")
        TableView<AffectedPlace> table = robot.lookup("#places-table").queryAs(TableView.class);
        robot.interact(() -> robot.lookup("#places-filter-text").queryAs(TextField.class).setText("Dostuk Batken"));
        settle();
        AffectedPlace dostuk = row(panel, DOSTUK);
        robot.interact(() -> table.scrollTo(dostuk));
        settle();
        Node cell = robot.lookup("#places-table .table-cell").match(n -> dostuk.name().equals(((TableCell<?, ?>) n).getText())).query();
        robot.clickOn(cell);
        settle();
        assertEquals(DOSTUK, state.selectedKeyProperty().get(), "the row's place is chosen");

        robot.interact(() -> robot.lookup("#places-filter-text").queryAs(TextField.class).setText(""));
        settle();
        // a click on the map chooses a place through Focus.selectFeature
        robot.interact(() -> window.context().focus().selectFeature("enclave:barak"));
        settle();
        assertNotNull(table.getSelectionModel().getSelectedItem());
        assertEquals("enclave:barak", table.getSelectionModel().getSelectedItem().key());
        assertEquals("enclave:barak", state.selectedKeyProperty().get(), "following the map does not choose anything else");
    }

    @Test
    void theShownRowsExportAsCsvAndGeoJsonThatReadBackTheSame(FxRobot robot) throws Exception {
        AffectedPlacesPanel panel = openPanel(robot);
        List<AffectedPlace> shown = panel.shownRows();
        Path csv = tmp.resolve("places.csv"), geojson = tmp.resolve("places.geojson");
        robot.interact(() -> panel.exportTo(csv));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, panel::idle);
        robot.interact(() -> panel.exportTo(geojson));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, panel::idle);
        settle();
        Label notice = robot.lookup("#places-notice").queryAs(Label.class);
        assertTrue(notice.isVisible() && notice.getText().contains(geojson.toString()), notice.getText());

        // Commons CSV reads back one record per row, in the table's order, with the table's words
        byte[] bytes = Files.readAllBytes(csv);
        assertEquals(0xEF, bytes[0] & 0xff, "UTF-8 byte order mark for Excel");
        List<CSVRecord> records;
        try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            assertEquals('\uFEFF', r.read());
            records = CSVParser.parse(r, CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()).getRecords();
        }
        assertEquals(shown.size(), records.size());
        for (int i = 0; i < shown.size(); i++) {
            AffectedPlace row = shown.get(i);
            CSVRecord rec = records.get(i);
            assertEquals(row.name(), rec.get("name"));
            assertEquals(row.key(), rec.get("key"));
            assertEquals(panel.cellText(row, "change"), rec.get("change"));
            assertEquals(panel.cellText(row, "affected"), rec.get("affected"));
            assertEquals(Integer.toString(row.sourceIds().size()), rec.get("source_count"));
            assertEquals(row.hasLocation(), !rec.get("latitude").isEmpty(), row.key());
        }

        // through the importers: the located rows come back with the same point and the same columns from both files,
        // the others are reported as features without a location
        List<ImportedFeature> fromCsv = new ArrayList<>(), fromJson = new ArrayList<>();
        ImportReport csvReport = Importers.read(csv, fromCsv::add, ImportControl.NONE);
        ImportReport jsonReport = Importers.read(geojson, fromJson::add, ImportControl.NONE);
        List<AffectedPlace> located = shown.stream().filter(AffectedPlace::hasLocation).toList();
        assertEquals(located.size(), fromCsv.size());
        assertEquals(located.size(), fromJson.size());
        assertEquals(shown.size() - located.size(), csvReport.issues().size());
        assertTrue(jsonReport.issues().stream().allMatch(x -> x.problem() == ImportIssue.Problem.NO_GEOMETRY), jsonReport.issues().toString());
        assertEquals(shown.size() - located.size(), jsonReport.issues().size());
        for (int i = 0; i < located.size(); i++) {
            AffectedPlace row = located.get(i);
            ImportedFeature c = fromCsv.get(i), j = fromJson.get(i);
            assertEquals(row.name(), c.name());
            assertEquals(row.name(), j.name());
            Point pc = (Point) c.geometry(), pj = (Point) j.geometry();
            assertEquals(row.lon(), pc.getX(), 1e-7, "x = longitude");
            assertEquals(row.lat(), pc.getY(), 1e-7, "y = latitude");
            assertEquals(pc.getX(), pj.getX(), 1e-9);
            assertEquals(pc.getY(), pj.getY(), 1e-9);
            // GeoJSON keeps the name among the properties, the CSV importer takes it out as the name
            java.util.Map<String, String> ja = new java.util.LinkedHashMap<>(j.attributes());
            ja.remove("name");
            assertEquals(c.attributes(), ja, row.key());
            assertEquals(row.key(), c.attributes().get("key"));
        }
    }

    @Test
    void theDostukArrowShowsFromTheMoveOn(FxRobot robot) throws Exception {
        settle();
        robot.interact(() -> {
            state.mapDateProperty().set(LocalDate.of(2025, 12, 1));
            window.context().focus().showFeature(DOSTUK);
        });
        settle();
        ResettlementLayer layer = robot.lookup(".resettlement-layer").queryAs(ResettlementLayer.class);
        String move = DOSTUK + ">village:zhany-dostuk";
        assertTrue(layer.shownMoves().contains(move), layer.shownMoves().toString());
        Node arrow = robot.lookup(".resettlement-arrow").match(n -> move.equals(n.getProperties().get(ResettlementLayer.MOVE))).query();
        assertTrue(arrow.getStyleClass().contains("approximate"), "both ends are derived points: dashed");
        assertTrue(robot.lookup(".resettlement-uncertainty").queryAll().isEmpty(), "the villages layer draws the rings");
        robot.interact(() -> state.layers().visible(org.ferganaatlas.model.BuiltInLayer.VILLAGES).set(false));
        settle();
        assertFalse(robot.lookup(".resettlement-uncertainty").queryAll().isEmpty(), "with the villages hidden, the arrow's ends keep their uncertainty");
        robot.interact(() -> state.layers().visible(org.ferganaatlas.model.BuiltInLayer.VILLAGES).set(true));
        assertTrue(layer.shownMoves().stream().noneMatch(m -> m.startsWith("enclave:barak")), "Zhany-Barak has no location");

        robot.interact(() -> state.mapDateProperty().set(LocalDate.of(2024, 1, 1)));
        settle();
        assertFalse(layer.shownMoves().contains(move), layer.shownMoves().toString());
        assertTrue(robot.lookup(".resettlement-arrow").queryAll().stream()
                .noneMatch(n -> n.getParent() != null && move.equals(n.getProperties().get(ResettlementLayer.MOVE))));
    }

    private static List<Node> shownNodes(FxRobot robot, String styleClass) {
        return robot.lookup("." + styleClass).queryAll().stream()
                .filter(n -> n.getParent() != null && n.isVisible() && n.getScene() != null).toList();
    }

    @Test
    void theDostukLabelStaysOffTheTownNames(FxRobot robot) throws Exception {
        settle();
        robot.interact(() -> {
            state.mapDateProperty().set(LocalDate.of(2025, 12, 1));
            state.requestHome();
        });
        settle();
        ResettlementLayer layer = robot.lookup(".resettlement-layer").queryAs(ResettlementLayer.class);
        String move = DOSTUK + ">village:zhany-dostuk";
        assertTrue(layer.shownMoves().contains(move), "the arrow is drawn at the home view: " + layer.shownMoves());
        assertTrue(shownNodes(robot, "town").stream().anyMatch(n -> n instanceof javafx.scene.text.Text t && "Batken".equals(t.getText())),
                "Batken labelled at the home view");
        assertTrue(shownNodes(robot, "resettlement-label").isEmpty(), "beside its short arrow the label would cover Batken");
        Node homeArrow = robot.lookup(".resettlement-arrow").match(n -> move.equals(n.getProperties().get(ResettlementLayer.MOVE))).query();
        assertTrue(homeArrow.getProperties().values().stream().anyMatch(v -> v instanceof javafx.scene.control.Tooltip),
                "the arrow's tooltip still says who moved");

        var from = window.context().data().feature(DOSTUK).orElseThrow();
        var to = window.context().data().feature("village:zhany-dostuk").orElseThrow();
        robot.interact(() -> window.mapPane().show((from.lat() + to.lat()) / 2, (from.lon() + to.lon()) / 2, 11));
        settle();
        List<Node> labels = shownNodes(robot, "resettlement-label");
        Node arrow = robot.lookup(".resettlement-arrow").match(n -> move.equals(n.getProperties().get(ResettlementLayer.MOVE))).query();
        assertEquals(1, labels.size(), "zoomed in, the long arrow carries its label");
        javafx.geometry.Bounds b = labels.get(0).localToScene(labels.get(0).getBoundsInLocal());
        for (Node town : shownNodes(robot, "town")) {
            if (town.getStyleClass().contains("map-label")) {
                assertFalse(b.intersects(town.localToScene(town.getBoundsInLocal())), "the label " + b + " covers " + town + " at " + town.localToScene(town.getBoundsInLocal()) + "; arrow " + arrow.localToScene(arrow.getBoundsInLocal()));
            }
        }
    }
}
