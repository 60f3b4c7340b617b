package org.ferganaatlas.gui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.ferganaatlas.data.BundledAtlas;
import org.ferganaatlas.data.io.TourFiles;
import org.ferganaatlas.data.user.StoredTour;
import org.ferganaatlas.data.user.Tour;
import org.ferganaatlas.data.user.UserDatabase;
import org.ferganaatlas.gui.l10n.Messages;
import org.ferganaatlas.gui.state.BuiltInTour;
import org.ferganaatlas.gui.state.SideTab;
import org.ferganaatlas.gui.tours.ToursPanel;
import org.ferganaatlas.model.GuidedTour;
import org.ferganaatlas.model.ViewSnapshot;
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
 * Guided tours in a real window on the bundled database with a real user database: the built-in tour stepped with a
 * clicker's keys and a click, each stop showing its view; a tour made in the window kept across a reopen; a broken
 * tour file refused with a message and nothing changed.
 */
@ExtendWith(ApplicationExtension.class)
class ToursWindowTest extends AtlasWindowTestBase {
    @RegisterExtension
    static final BundledAtlas atlas = new BundledAtlas();
    @RegisterExtension
    static final TemporaryUserData temporary = new TemporaryUserData("atlas-tours");

    @BeforeAll
    static void quiet() {
        System.setProperty("atlas.noninteractive", "true"); // dialogs print their text and take the safe answer
    }

    @AfterAll
    static void loud() {
        System.clearProperty("atlas.noninteractive");
    }

    @Start
    void start(Stage stage) {
        open(stage, atlas.db());
    }

    /** The map has flown to the stop and the panels have caught up. */
    private void landed() throws Exception {
        settle();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> !window.mapPane().flying()).get());
        settle();
    }

    private <T> T fx(java.util.concurrent.Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(5, TimeUnit.SECONDS);
    }

    private void assertShows(GuidedTour.Stop stop, int index) throws Exception {
        ViewSnapshot now = fx(state::snapshot), want = stop.view();
        String what = "stop " + (index + 1) + ": " + now;
        assertEquals(index, (int) fx(() -> state.tours().indexProperty().get()), what);
        assertEquals(want.centerLat(), now.centerLat(), 1e-5, what);
        assertEquals(want.centerLon(), now.centerLon(), 1e-5, what);
        assertEquals(want.zoom(), now.zoom(), 1e-6, what);
        assertEquals(want.date(), now.date(), what);
        assertEquals(want.layers(), now.layers(), what);
        assertEquals(want.recordKey(), now.recordKey(), what);
        String progress = fx(() -> ((Label) stage.getScene().lookup("#tour-progress")).getText());
        assertTrue(progress.startsWith(Messages.format("tours.progress", index + 1, 9, "").strip()) || progress.contains(" " + (index + 1) + " "),
                progress);
    }

    private void press(FxRobot r, KeyCode k) throws Exception {
        r.type(k);
        landed();
    }

    @Test
    void theBuiltInTourStepsWithAClickersKeysAndEachStopShowsItsView(FxRobot r) throws Exception {
        GuidedTour t = BuiltInTour.read();
        r.interact(() -> state.sideTabProperty().set(SideTab.TOURS));
        settle();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> !r.lookup("#tour-builtin-play").queryButton().isDisabled()));
        r.interact(() -> r.lookup("#tour-builtin-play").queryButton().fire());
        landed();
        assertTrue(fx(() -> stage.getScene().lookup("#tour-overlay").isVisible()), "the progress overlay shows");
        assertShows(t.stops().get(0), 0);
        r.interact(() -> map().requestFocus());
        press(r, KeyCode.PAGE_DOWN);
        assertShows(t.stops().get(1), 1);
        press(r, KeyCode.RIGHT);
        assertShows(t.stops().get(2), 2);
        press(r, KeyCode.SPACE);
        assertShows(t.stops().get(3), 3);
        press(r, KeyCode.PAGE_UP);
        assertShows(t.stops().get(2), 2);
        press(r, KeyCode.LEFT);
        assertShows(t.stops().get(1), 1);
        for (int i = 2; i < t.stops().size(); i++) {
            press(r, KeyCode.PAGE_DOWN);
            assertShows(t.stops().get(i), i);
        }
        press(r, KeyCode.PAGE_DOWN);
        assertShows(t.stops().get(t.stops().size() - 1), t.stops().size() - 1); // the last stop stays
        // a click on the map (not a drag) is a step too: back to the start, then click
        r.interact(() -> state.tours().goTo(0));
        landed();
        r.clickOn(map());
        landed();
        assertShows(t.stops().get(1), 1);
        // Esc ends the tour; the map keys are the map's again
        r.type(KeyCode.ESCAPE);
        settle();
        assertFalse(fx(() -> state.tours().active()));
        assertFalse(fx(() -> stage.getScene().lookup("#tour-overlay").isVisible()));
        double lon = fx(() -> state.centerLonProperty().get());
        press(r, KeyCode.RIGHT);
        assertTrue(fx(() -> state.centerLonProperty().get()) > lon, "Right pans the map again");
    }

    @Test
    void inPresentationModePageDownStartsTheBuiltInTour(FxRobot r) throws Exception {
        GuidedTour t = BuiltInTour.read();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> BuiltInTour.settlement().isDone());
        r.interact(() -> state.presentationProperty().set(true));
        try {
            r.interact(() -> map().requestFocus());
            press(r, KeyCode.PAGE_DOWN);
            // the first stop's whole-valley zoom may be raised on a wide map (the data's edge never shows): its index,
            // date and layers are as stored
            assertEquals(0, (int) fx(() -> state.tours().indexProperty().get()));
            assertEquals(t.stops().get(0).view().date(), fx(() -> state.mapDateProperty().get()));
            assertEquals(t.stops().get(0).view().layers(), fx(state::snapshot).layers());
            press(r, KeyCode.DOWN);
            assertShows(t.stops().get(1), 1);
        } finally {
            r.interact(() -> {
                state.tours().stop();
                state.presentationProperty().set(false);
            });
        }
    }

    private UserDatabase userDb() throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.context().user().database().isPresent());
        return window.context().user().database().orElseThrow();
    }

    private ToursPanel panel(FxRobot r) throws Exception {
        r.interact(() -> state.sideTabProperty().set(SideTab.TOURS));
        settle();
        return r.lookup("#tours-panel").queryAs(ToursPanel.class);
    }

    private void idle(ToursPanel p) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> !p.busy()));
        settle();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> !p.busy()));
    }

    private void fire(FxRobot r, ToursPanel p, String id) throws Exception {
        Button b = (Button) fx(() -> p.lookup("#" + id));
        assertFalse(fx(b::isDisabled), id + " is usable");
        r.interact(b::fire);
        idle(p);
    }

    @Test
    void aTourMadeInTheWindowIsKeptAcrossAReopen(FxRobot r) throws Exception {
        userDb();
        ToursPanel p = panel(r);
        idle(p);
        int before = fx(() -> p.tours().size());
        fire(r, p, "tour-new");
        assertEquals(before + 1, (int) fx(() -> p.tours().size()));

        r.interact(() -> {
            state.mapDateProperty().set(LocalDate.of(2025, 3, 13));
            state.commands().centreOn(40.1083, 70.6427, 11);
        });
        settle();
        ViewSnapshot kyzylBel = fx(state::snapshot);
        fire(r, p, "tour-add-stop");
        r.interact(() -> {
            state.mapDateProperty().set(LocalDate.of(2025, 3, 31));
            state.commands().centreOn(40.2314, 70.8939, 12);
        });
        settle();
        ViewSnapshot junction = fx(state::snapshot);
        fire(r, p, "tour-add-stop");
        assertEquals(List.of(kyzylBel, junction), fx(() -> p.current().stops().stream().map(s -> s.view()).toList()));

        // the second stop first, then its caption
        assertEquals(1, (int) fx(() -> r.lookup("#tour-stops").queryListView().getSelectionModel().getSelectedIndex()));
        fire(r, p, "tour-stop-up");
        r.interact(() -> r.lookup("#tour-stop-caption").queryTextInputControl().setText("Where three borders meet"));
        fire(r, p, "tour-stop-save");
        StoredTour made = fx(p::current);
        assertEquals(List.of(junction, kyzylBel), made.stops().stream().map(s -> s.view()).toList());
        assertEquals("Where three borders meet", made.stops().get(0).text());

        // a new window on the same user data
        r.interact(() -> open(stage, atlas.db()));
        userDb();
        ToursPanel again = panel(r);
        idle(again);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> again.current() != null));
        StoredTour kept = fx(again::current);
        assertEquals(made.tour().id(), kept.tour().id());
        assertEquals(made.stops(), kept.stops());
    }

    @Test
    void aBrokenOrForeignTourFileIsRefusedWithAMessageAndChangesNothing(FxRobot r) throws Exception {
        UserDatabase db = userDb();
        ToursPanel p = panel(r);
        idle(p);
        Path dir = Files.createTempDirectory("atlas-tour-files");
        Path good = dir.resolve("good.json");
        TourFiles.write(good, BuiltInTour.read());
        byte[] whole = Files.readAllBytes(good);
        Path cut = dir.resolve("cut.json");
        Files.write(cut, java.util.Arrays.copyOf(whole, whole.length * 2 / 3));
        Path layer = dir.resolve("layer.json");
        Files.writeString(layer, "{\"type\": \"FeatureCollection\", \"features\": []}");
        List<Tour> before = db.tours().list().get(5, TimeUnit.SECONDS);

        r.interact(() -> p.importFile(cut));
        idle(p);
        String said = fx(p::lastMessage);
        assertTrue(said.contains(Messages.get("tours.import.refused")) && said.contains(Messages.format("import.error.truncated", "tour"))
                && said.contains(Messages.get("tours.import.nothingChanged")), said);
        r.interact(() -> p.importFile(layer));
        idle(p);
        said = fx(p::lastMessage);
        assertTrue(said.contains(Messages.get("import.error.notATour")), said);
        assertEquals(before, db.tours().list().get(5, TimeUnit.SECONDS), "no tour was added or changed");
        assertEquals(before.size(), (int) fx(() -> p.tours().size()));

        // and the whole file imports
        r.interact(() -> p.importFile(good));
        idle(p);
        assertEquals(before.size() + 1, db.tours().list().get(5, TimeUnit.SECONDS).size());
        assertEquals(9, fx(() -> p.current().stops().size()));
    }
}
