package org.ferganaatlas.gui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.ferganaatlas.data.AtlasDatabase;
import org.ferganaatlas.data.io.ImportControl;
import org.ferganaatlas.data.io.ImportedFeature;
import org.ferganaatlas.data.io.Importers;
import org.ferganaatlas.data.user.Note;
import org.ferganaatlas.data.user.NoteFiles;
import org.ferganaatlas.data.user.UserDatabase;
import org.ferganaatlas.gui.notes.NotesPanel;
import org.ferganaatlas.gui.state.SideTab;
import org.ferganaatlas.gui.state.ToolMode;
import org.ferganaatlas.model.BuiltInLayer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Field notes in a real window with a real user database: a note made on the selected feature is listed, pinned and
 * counted in the details; it is found by its Cyrillic text in either script, edited, deleted and brought back with
 * Undo; a note placed with the pin tool; a failed save keeps what was typed; an export reads back; and after the
 * window is opened again on the same user data, the notes are all there.
 */
@ExtendWith(ApplicationExtension.class)
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class NotesInWindowTest extends AtlasWindowTestBase {
    private static AtlasDatabase db;
    @RegisterExtension
    static final TemporaryUserData temporary = new TemporaryUserData("atlas-notes");
    private static Path files;

    @BeforeAll
    static void setUp() throws Exception {
        db = AtlasDatabase.open(GuiTestAtlas.create());
        files = Files.createTempDirectory("atlas-notes-files");
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    @Start
    void start(Stage stage) {
        open(stage, db);
    }

    private UserDatabase userDb() throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.context().user().database().isPresent()
                && window.context().user().notes().loadedProperty().get());
        return window.context().user().database().orElseThrow();
    }

    private List<Note> saved() throws Exception {
        return userDb().notes().list().get(5, TimeUnit.SECONDS);
    }

    private NotesPanel panel(FxRobot r) {
        return r.lookup("#notes-panel").queryAs(NotesPanel.class);
    }

    @SuppressWarnings("unchecked")
    private List<Note> listed(FxRobot r) {
        return List.copyOf(((ListView<Note>) r.lookup("#notes-list").queryAs(ListView.class)).getItems());
    }

    /** Waits until the notes in memory (what the list and map show) equal those on disk, then for the window. */
    private void settleNotes() throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
            try {
                return WaitForAsyncUtils.asyncFx(() -> List.copyOf(window.context().user().notes().notes())).get().equals(saved());
            } catch (Exception e) {
                return false;
            }
        });
        settle();
    }

    private void type(FxRobot r, TextField field, String text) {
        r.interact(() -> field.setText(text));
    }

    @Test
    @org.junit.jupiter.api.Order(1)
    void aNoteIsMadeFoundEditedDeletedRestoredAndKept(FxRobot r) throws Exception {
        userDb();
        assertEquals(List.of(), saved());
        r.interact(() -> state.sideTabProperty().set(SideTab.NOTES));
        settle();
        NotesPanel panel = panel(r);

        // a note on the selected feature
        r.interact(() -> window.context().focus().showFeature("village:dostuk"));
        settle();
        r.clickOn("#notes-new");
        settle();
        assertTrue(panel.editing(), "the editor opens");
        assertTrue(r.lookup("#notes-editor-place").queryAs(Label.class).getText().contains("Dostuk"));
        type(r, panel.editor().titleField(), "Водопровод");
        r.interact(() -> panel.editor().textField().setText("Канал в Достуке отремонтирован весной"));
        type(r, panel.editor().authorField(), "Айгүл");
        type(r, panel.editor().tagsField(), "water, вода");
        r.interact(() -> {
            panel.editor().dateField().setValue(LocalDate.of(2025, 4, 3));
            panel.editor().dateField().getEditor().setText(panel.editor().dateField().getConverter().toString(LocalDate.of(2025, 4, 3)));
        });
        Path photo = Files.writeString(files.resolve("canal.jpg"), "not really a JPEG");
        r.interact(() -> panel.editor().choosePhoto(photo));
        assertEquals("canal.jpg", r.lookup("#notes-photo-link").queryAs(Hyperlink.class).getText(), "shown as a link");
        r.clickOn("#notes-save");
        settleNotes();
        assertFalse(panel.editing(), "back to the list once saved");
        List<Note> notes = saved();
        assertEquals(1, notes.size());
        Note n = notes.get(0);
        assertEquals("Водопровод", n.title());
        assertEquals("village:dostuk", n.featureKey());
        assertEquals(40.55, n.lat(), 1e-9, "placed where the feature is");
        assertEquals(71.15, n.lon(), 1e-9);
        assertEquals(List.of("water", "вода"), n.tags());
        assertEquals(LocalDate.of(2025, 4, 3), n.date());
        assertEquals(photo.toAbsolutePath().toString(), n.photo());
        assertEquals(List.of(n), listed(r), "in the list");

        // a pin on the map, and the count in the details
        r.interact(() -> state.commands().centreOn(40.55, 71.15, 11));
        settle();
        Region pin = window.mapPane().notesLayer().pins().get(n.id());
        assertNotNull(pin, "a pin: " + window.mapPane().notesLayer().pins());
        assertTrue(pin.isVisible() && window.mapPane().notesLayer().isVisible());
        Hyperlink count = r.lookup("#details-notes-link").queryAs(Hyperlink.class);
        assertTrue(count.getText().contains("(1)"), count.getText());
        // "Notes on this place": the notes tab lists this place's notes only
        r.interact(() -> state.sideTabProperty().set(SideTab.LAYERS));
        r.clickOn(count);
        settle();
        assertEquals(SideTab.NOTES, state.sideTabProperty().get());
        assertEquals("village:dostuk", window.context().user().notes().placeFilterProperty().get());
        assertTrue(r.lookup("#notes-place-filter").queryAs(Label.class).getText().contains("Dostuk"));
        assertEquals(List.of(n), listed(r));
        r.clickOn("#notes-show-all");
        assertNull(window.context().user().notes().placeFilterProperty().get());
        r.interact(() -> state.layers().visible(BuiltInLayer.NOTES).set(false));
        assertFalse(window.mapPane().notesLayer().isVisible(), "\"My notes\" switches the pins off");
        r.interact(() -> state.layers().visible(BuiltInLayer.NOTES).set(true));

        // found by its Cyrillic text, typed in Cyrillic or in Latin letters; not by what it does not say
        TextField search = r.lookup("#notes-search").queryAs(TextField.class);
        for (String q : List.of("отремонт", "kanal dostuk", "Достук", "voda")) {
            type(r, search, q);
            assertEquals(List.of(n.id()), listed(r).stream().map(Note::id).toList(), q);
        }
        type(r, search, "школа");
        assertEquals(List.of(), listed(r));
        type(r, search, "");

        // chosen on the map: the pin opens it; edited
        r.interact(() -> state.sideTabProperty().set(SideTab.LAYERS)); // (a narrower side panel: the map moves)
        settle();
        Region shownPin = window.mapPane().notesLayer().pins().get(n.id());
        Point2D at = shownPin.localToScreen(shownPin.getWidth() / 2, shownPin.getHeight() / 2);
        r.clickOn(at);
        settle();
        assertEquals(SideTab.NOTES, state.sideTabProperty().get(), "the notes tab opens");
        assertTrue(panel.editing());
        assertEquals(n.id(), window.context().user().notes().selectedProperty().get());
        assertEquals("Водопровод", panel.editor().titleField().getText());
        type(r, panel.editor().titleField(), "Водопровод, Достук");
        r.clickOn("#notes-save");
        settleNotes();
        Note edited = saved().get(0);
        assertEquals(n.id(), edited.id());
        assertEquals("Водопровод, Достук", edited.title());
        assertEquals(n.text(), edited.text());
        assertEquals("Водопровод, Достук", listed(r).get(0).title());

        // deleted, then Undo brings it back as it was
        r.interact(() -> window.context().user().notes().selectedProperty().set(n.id()));
        settle();
        r.clickOn("#notes-delete");
        settleNotes();
        assertEquals(List.of(), saved());
        assertEquals(List.of(), listed(r));
        assertTrue(window.mapPane().notesLayer().pins().isEmpty(), "its pin went with it");
        Button undo = r.lookup("#notice-action").queryButton();
        assertTrue(undo.isVisible(), "an Undo in the notice bar");
        r.clickOn(undo);
        settleNotes();
        assertEquals(List.of(edited), saved(), "the same note, id, times and tags");
        assertEquals(List.of(edited), listed(r));
        assertNotNull(window.mapPane().notesLayer().pins().get(n.id()), "and its pin");
    }

    @Test
    @org.junit.jupiter.api.Order(3)
    void aLayerIsExportedFromTheLayersPanelAndReadsBack(FxRobot r) throws Exception {
        userDb();
        Path wells = files.resolve("wells.geojson");
        Files.writeString(wells, "{\"type\":\"FeatureCollection\",\"features\":["
                + "{\"type\":\"Feature\",\"properties\":{\"name\":\"Колодец 1\",\"depth_m\":\"42\"},\"geometry\":{\"type\":\"Point\",\"coordinates\":[70.9,40.3]}},"
                + "{\"type\":\"Feature\",\"properties\":{\"name\":\"Canal\"},\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[70.8,40.25],[71.0,40.35]]}}]}");
        r.interact(() -> window.userLayers().importFile(wells));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> state.layers().layers().stream().anyMatch(l -> l.isUser()));
        settle();
        var layer = state.layers().layers().stream().filter(l -> l.isUser()).findFirst().orElseThrow();
        assertNotNull(r.lookup("#layer-export-" + layer.id().replace(':', '_')).query(), "an Export menu on its row");
        var layersPanel = r.lookup("#layers-panel").queryAs(org.ferganaatlas.gui.panels.LayersPanel.class);
        for (String name : List.of("wells-out.csv", "wells-out.kml", "wells-out.geojson")) {
            Path out = files.resolve(name);
            r.interact(() -> layersPanel.export(layer, out));
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, org.ferganaatlas.gui.common.Exports::idle);
            List<ImportedFeature> back = new ArrayList<>();
            assertTrue(Importers.read(out, back::add, ImportControl.NONE).clean(), name);
            assertEquals(List.of("Колодец 1", "Canal"), back.stream().map(ImportedFeature::name).toList(), name);
            assertEquals("42", back.get(0).attributes().get("depth_m"), name);
            assertEquals("LineString", back.get(1).geometry().getGeometryType(), name);
        }
        // and one of the atlas's own layers
        Path villages = files.resolve("villages.csv");
        var spec = state.layers().get(BuiltInLayer.VILLAGES.id()).orElseThrow();
        r.interact(() -> layersPanel.export(spec, villages));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, org.ferganaatlas.gui.common.Exports::idle);
        List<ImportedFeature> back = new ArrayList<>();
        assertTrue(Importers.read(villages, back::add, ImportControl.NONE).clean());
        assertEquals(List.of("Dostuk"), back.stream().map(ImportedFeature::name).toList());
        assertEquals("village:dostuk", back.get(0).attributes().get("key"));
        assertEquals(71.15, back.get(0).geometry().getCoordinate().x, 1e-7, "x = longitude");
    }

    @Test
    @org.junit.jupiter.api.Order(2)
    void thePinToolPlacesANoteAFailedSaveKeepsTheDraftAndNotesOutliveTheWindow(FxRobot r) throws Exception {
        userDb();
        int before = saved().size();
        r.interact(() -> {
            state.selectedKeyProperty().set(null);
            state.sideTabProperty().set(SideTab.NOTES);
            state.commands().centreOn(40.3, 70.9, 10);
        });
        settle();
        NotesPanel panel = panel(r);
        r.clickOn("#notes-new");
        assertEquals(ToolMode.PIN, state.toolProperty().get(), "nothing selected: the pin tool");
        assertTrue(r.lookup("#notes-pin-hint").queryAs(Label.class).isVisible());
        r.type(javafx.scene.input.KeyCode.ESCAPE);
        assertEquals(ToolMode.PAN, state.toolProperty().get(), "Esc puts it away");
        r.clickOn("#notes-new");
        Point2D where = map().localToScreen(map().getWidth() / 2, map().getHeight() / 2);
        com.gluonhq.maps.MapPoint spot = map().getMapPosition(map().getWidth() / 2, map().getHeight() / 2);
        r.clickOn(where);
        settle();
        assertEquals(ToolMode.PAN, state.toolProperty().get(), "one note per click of the tool");
        assertNull(state.selectedKeyProperty().get(), "the click selected nothing");
        assertTrue(panel.editing());
        type(r, panel.editor().titleField(), "Queue at the crossing");
        r.clickOn("#notes-save");
        settleNotes();
        List<Note> notes = saved();
        assertEquals(before + 1, notes.size());
        Note pinned = notes.get(notes.size() - 1);
        assertNull(pinned.featureKey());
        // where the click fell (to a pixel or two: the robot clicks whole screen pixels)
        assertEquals(spot.getLatitude(), pinned.lat(), 0.005);
        assertEquals(spot.getLongitude(), pinned.lon(), 0.005);
        assertNotNull(window.mapPane().notesLayer().pins().get(pinned.id()));

        // an export of the list reads back to the same notes
        Path out = files.resolve("my notes.kml");
        r.interact(() -> panel.export(out));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, org.ferganaatlas.gui.common.Exports::idle);
        settle();
        List<ImportedFeature> back = new ArrayList<>();
        assertTrue(Importers.read(out, back::add, ImportControl.NONE).clean());
        assertEquals(notes.stream().map(Note::title).toList(), back.stream().map(ImportedFeature::name).toList());
        assertEquals(notes.stream().map(Note::text).toList(),
                back.stream().map(b -> NoteFiles.draft(b).orElseThrow().text()).toList());
        assertTrue(r.lookup("#notice-text").queryAs(Label.class).getText().contains(out.toString()), "the notice says where");

        // a save that fails keeps what was typed and says so
        r.interact(() -> window.context().user().notes().selectedProperty().set(pinned.id()));
        settle();
        type(r, panel.editor().titleField(), "Queue at the crossing, 2 hours");
        userDb().close(); // as a disk that stopped taking writes would
        r.clickOn("#notes-save");
        settle();
        assertTrue(panel.editing(), "the editor stays open");
        assertEquals("Queue at the crossing, 2 hours", panel.editor().titleField().getText(), "the draft is kept");
        assertNotNull(panel.editor().errorText(), "a message says what happened");

        // a new window on the same user data: everything saved is there
        r.interact(() -> open(stage, db));
        userDb();
        settle();
        List<Note> reopened = saved();
        assertEquals(notes, reopened);
        assertEquals(notes, List.copyOf(window.context().user().notes().notes()));
        r.interact(() -> state.sideTabProperty().set(SideTab.NOTES));
        settle();
        assertEquals(notes, listed(r));
    }
}
