package org.ferganaatlas.gui.app;

import org.ferganaatlas.gui.state.SideTab;
import org.ferganaatlas.gui.state.MapCommand;
import org.ferganaatlas.gui.state.ToolMode;

import org.ferganaatlas.gui.l10n.Messages;

import org.ferganaatlas.gui.search.SearchField;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.ferganaatlas.data.BundledAtlas;
import org.ferganaatlas.logic.Geodesy;
import org.ferganaatlas.logic.Measurement;
import org.ferganaatlas.model.Feature;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The search field and the measure tool, driven through the keyboard and the mouse on the real bundled
 * database (skipped until assets/atlas.sqlite has been built).
 */
@ExtendWith(ApplicationExtension.class)
class SearchAndMeasureTest extends AtlasWindowTestBase {
    static final String KHUJAND = "town:1514879", OSH = "town:1527534", KYZYL_BEL = "crossing:kyzyl-bel";
    @RegisterExtension
    static final BundledAtlas atlas = new BundledAtlas();

    /** Everything that reached an uncaught-exception handler (what the app's CrashHandler would have shown). */
    private final List<Throwable> crashes = new CopyOnWriteArrayList<>();
    private Thread.UncaughtExceptionHandler fxBefore, defaultBefore;

    @Start
    void start(Stage stage) {
        open(stage, atlas.db());
    }

    @BeforeEach
    void trapCrashes(FxRobot robot) throws Exception {
        defaultBefore = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> crashes.add(e));
        robot.interact(() -> {
            fxBefore = Thread.currentThread().getUncaughtExceptionHandler();
            Thread.currentThread().setUncaughtExceptionHandler((t, e) -> crashes.add(e));
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(() -> window.search().ready()));
    }

    @AfterEach
    void restoreHandlers(FxRobot robot) {
        robot.interact(() -> Thread.currentThread().setUncaughtExceptionHandler(fxBefore));
        Thread.setDefaultUncaughtExceptionHandler(defaultBefore);
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
    }

    private SearchField search() {
        return window.search();
    }

    /** Types into the empty field as a user would and waits until the list shows the answer for it. */
    private void typeQuery(FxRobot robot, String text) throws Exception {
        robot.interact(() -> {
            search().focus();
            search().field().clear();
        });
        robot.write(text);
        waitForResults(text);
    }

    private void waitForResults(String text) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> text.equals(search().shownQuery())));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("no results shown for [" + text + "]; the field holds [" + fx(() -> search().field().getText())
                    + "], the list shows the answer for [" + fx(() -> search().shownQuery()) + "]", e);
        }
        settle();
    }

    private void resetView(FxRobot robot) {
        robot.interact(() -> {
            state.selectedKeyProperty().set(null);
            state.requestHome();
        });
        settle();
    }

    private Feature feature(String key) {
        return atlas.db().featureRepository().feature(key).orElseThrow(() -> new AssertionError(key + " not in the database"));
    }

    private void assertMapCentredOn(Feature f, double minZoom) {
        double lat = state.centerLatProperty().get(), lon = state.centerLonProperty().get(), z = state.zoomProperty().get();
        String where = String.format(Locale.ROOT, "map at %.4f, %.4f zoom %.2f; %s at %.4f, %.4f", lat, lon, z, f.key(), f.lat(), f.lon());
        assertTrue(Math.abs(lat - f.lat()) < 0.02 && Math.abs(lon - f.lon()) < 0.02, where);
        assertTrue(z >= minZoom, where);
    }

    // ------------------------------------------------------------ search

    @Test
    void everySpellingOfKhujandFindsItAndEnterFliesThere(FxRobot robot) throws Exception {
        Feature khujand = feature(KHUJAND);
        for (String variant : List.of("Khujand", "Khodjent", "Xo'jand", "Худжанд", "Хуҷанд")) {
            resetView(robot);
            typeQuery(robot, variant);
            List<String> refs = fx(() -> search().shownRefs());
            assertFalse(refs.isEmpty(), variant + ": nothing shown; " + fx(() -> search().shownTexts()));
            assertEquals(KHUJAND, refs.get(0), variant + ": first hit; shown " + fx(() -> search().shownTexts()));
            assertTrue(fx(() -> search().panelShowing()), variant + ": list not showing");
            assertEquals(0, (int) fx(() -> search().activeIndex()));
            robot.type(KeyCode.ENTER);
            settle();
            assertEquals(KHUJAND, state.selectedKeyProperty().get(), variant);
            assertMapCentredOn(khujand, 10);
            assertFalse(fx(() -> search().panelShowing()), variant + ": list still open after Enter");
            assertEquals("Khujand", robot.lookup("#details-title").queryLabeled().getText());
        }
        assertTrue(crashes.isEmpty(), () -> "uncaught: " + crashes);
    }

    @Test
    void aCyrillicQueryShowsTheSpellingItMatched(FxRobot robot) throws Exception {
        typeQuery(robot, "Худжанд");
        List<String> texts = fx(() -> search().shownTexts());
        String row = texts.stream().filter(t -> t.startsWith("Khujand")).findFirst().orElseThrow(() -> new AssertionError(texts.toString()));
        assertTrue(row.contains(Messages.format("search.matched", "Худжанд")), row);
        // the group header comes before it
        assertEquals(Messages.get("search.group.towns").toUpperCase(Locale.ROOT), texts.get(0));
    }

    @Test
    void kyzylBelIsFoundInLatinCyrillicAndWithoutTheHyphen(FxRobot robot) throws Exception {
        Feature kb = feature(KYZYL_BEL);
        for (String variant : List.of("Kyzyl-Bel", "Kyzyl Bel", "Кызыл-Бел")) {
            resetView(robot);
            typeQuery(robot, variant);
            List<String> refs = fx(() -> search().shownRefs());
            assertTrue(refs.contains(KYZYL_BEL), variant + ": " + fx(() -> search().shownTexts()));
            // choose it with the arrow keys
            int steps = refs.indexOf(KYZYL_BEL);
            for (int i = 0; i < steps; i++) {
                robot.type(KeyCode.DOWN);
            }
            assertEquals(steps, (int) fx(() -> search().activeIndex()));
            robot.type(KeyCode.ENTER);
            settle();
            assertEquals(KYZYL_BEL, state.selectedKeyProperty().get(), variant);
            assertMapCentredOn(kb, Math.max(11, kb.minZoom()));
        }
    }

    @Test
    void downUpAndEscapeWorkInTheList(FxRobot robot) throws Exception {
        typeQuery(robot, "Osh");
        int n = fx(() -> search().shownRefs().size());
        assertTrue(n >= 2, "need two hits for Osh: " + fx(() -> search().shownTexts()));
        robot.type(KeyCode.DOWN, KeyCode.DOWN, KeyCode.UP);
        assertEquals(1, (int) fx(() -> search().activeIndex()));
        robot.type(KeyCode.UP, KeyCode.UP);
        assertEquals(0, (int) fx(() -> search().activeIndex()));
        robot.type(KeyCode.ESCAPE);
        assertFalse(fx(() -> search().panelShowing()));
        assertEquals("Osh", fx(() -> search().field().getText()));
        robot.type(KeyCode.ESCAPE);
        assertEquals("", fx(() -> search().field().getText()));
        assertNull(state.selectedKeyProperty().get(), "Esc in the field must not select anything");
    }

    @Test
    void clickingAResultChoosesIt(FxRobot robot) throws Exception {
        resetView(robot);
        typeQuery(robot, "Osh");
        var row = robot.lookup(".search-result").match(n -> OSH.equals(n.getUserData())).query();
        assertNotNull(row);
        robot.clickOn(row);
        settle();
        assertEquals(OSH, state.selectedKeyProperty().get());
        assertMapCentredOn(feature(OSH), 10);
    }

    @Test
    void ctrlFAndSlashPutTheCursorInTheField(FxRobot robot) throws Exception {
        robot.interact(() -> map().requestFocus());
        robot.press(KeyCode.CONTROL).press(KeyCode.F).release(KeyCode.F).release(KeyCode.CONTROL);
        assertTrue(fx(() -> search().field().isFocused()), "Ctrl+F");
        robot.interact(() -> map().requestFocus());
        robot.write("/");
        assertTrue(fx(() -> search().field().isFocused()), "/");
        assertEquals("", fx(() -> search().field().getText()), "the / that opened the field is not typed into it");
    }

    @Test
    void aTreatyResultChoosesTheTreatyNotAFeature(FxRobot robot) throws Exception {
        typeQuery(robot, "junction point treaty");
        List<String> refs = fx(() -> search().shownRefs());
        String record = refs.stream().filter(r -> r.startsWith("treaty:") || r.startsWith("agreement:") || r.startsWith("provision:"))
                .findFirst().orElse(null);
        assumeTrue(record != null, "no treaty hit for the query: " + refs);
        robot.interact(() -> search().activate(new org.ferganaatlas.model.SearchHit(record,
                record.startsWith("provision:") ? "provision" : "treaty", record, record,
                org.ferganaatlas.model.SearchHit.Match.PREFIX, 0)));
        settle();
        assertEquals(record, state.selectedRecordKeyProperty().get());
        assertEquals(SideTab.TREATIES, state.sideTabProperty().get());
    }

    @Test
    void hostileInputNeverBreaksTheField(FxRobot robot) throws Exception {
        List<String> hostile = new ArrayList<>(List.of("\"", "\"\"\"", "'", "AND", "a AND b", "OR", "NOT", "NEAR(", "NEAR(a b, 2)",
                "*", "-", "--", "()", "(((", ")", "kyzyl*", "-khujand", "^osh", "name:osh", "🙂", "Khujand 🙂", "🇰🇬🇹🇯🇺🇿",
                "'; DROP TABLE feature; --", "\\", "%", "_", "{}", "[", "Ω≈ç√∫", "\u200b", "x\uD800y"));
        for (String q : hostile) {
            typeQuery(robot, q);
            List<String> texts = fx(() -> search().shownTexts());
            assertFalse(texts.isEmpty(), "nothing at all shown for " + q);
            robot.type(KeyCode.ENTER);
            settle();
            robot.interact(() -> state.selectedKeyProperty().set(null));
        }
        // 10 000 characters pasted
        StringBuilder sb = new StringBuilder();
        String[] pieces = {"NEAR(", "\"", "Khujand", " AND ", "*", "-", "(", ")", "🙂", "Кызыл", " "};
        for (int i = 0; sb.length() < 10_000; i++) {
            sb.append(pieces[i % pieces.length]);
        }
        String big = sb.substring(0, 10_000);
        robot.interact(() -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(big);
            Clipboard.getSystemClipboard().setContent(c);
            search().focus();
            search().field().clear();
            search().field().paste();
        });
        waitForResults(big);
        assertFalse(fx(() -> search().shownTexts()).isEmpty());
        robot.type(KeyCode.ENTER);
        settle();
        // a query that finds nothing says so, repeating (the start of) what was typed
        typeQuery(robot, "Bratislava");
        assertEquals(List.of(Messages.format("search.nothing", "Bratislava")), fx(() -> search().shownTexts()));
        assertTrue(crashes.isEmpty(), () -> "uncaught: " + crashes);
    }

    @Test
    void staleAnswersAreDropped(FxRobot robot) throws Exception {
        // set the text twice within the debounce: only the second is ever shown
        robot.interact(() -> {
            search().focus();
            search().field().setText("Osh");
            search().field().setText("Khujand");
        });
        waitForResults("Khujand");
        Thread.sleep(300);
        settle();
        assertEquals("Khujand", fx(() -> search().shownQuery()));
        assertEquals(KHUJAND, fx(() -> search().shownRefs()).get(0));
    }

    /** Search latency as the user sees it: from the last change of the text to the list on screen (80 ms debounce included). */
    @Test
    void latencyThroughTheUi(FxRobot robot) throws Exception {
        List<String> queries = new ArrayList<>();
        for (String k : List.of("town", "village", "crossing", "enclave", "river")) {
            for (Feature f : atlas.db().featureRepository().features(k)) {
                queries.add(f.nameEn());
                queries.add(f.nameEn().substring(0, Math.min(4, f.nameEn().length())));
            }
        }
        queries.addAll(List.of("Худжанд", "Кызыл-Бел", "Xo'jand", "Khujnad", "Isfaar", "NEAR(", "treaty 2025", "clashes"));
        Collections.shuffle(queries, new java.util.Random(4));
        queries = queries.subList(0, Math.min(300, queries.size()));
        int before = fx(() -> search().latenciesMs().size());
        for (String q : queries) {
            robot.interact(() -> {
                search().focus();
                search().field().setText(q);
            });
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> q.equals(search().shownQuery())));
        }
        List<Double> ms = new ArrayList<>(fx(() -> search().latenciesMs()));
        ms = new ArrayList<>(ms.subList(before, ms.size()));
        Collections.sort(ms);
        double p50 = ms.get(ms.size() / 2), p99 = ms.get((int) Math.min(ms.size() - 1, Math.ceil(ms.size() * 0.99) - 1));
        System.out.printf(Locale.ROOT, "search-ui-latency n=%d p50=%.1f ms p99=%.1f ms max=%.1f ms (80 ms debounce included)%n",
                ms.size(), p50, p99, ms.get(ms.size() - 1));
        assertTrue(p50 < 400, "p50 " + p50);
    }

    // ------------------------------------------------------------ measuring

    private void clickAt(FxRobot robot, double lat, double lon) throws Exception {
        // the pointer on the map first: the status bar shows its coordinates, and nothing may move after that
        robot.moveTo(map());
        settle();
        Point2D p = fx(() -> window.measureLayer().toScreen(lat, lon));
        assertNotNull(p);
        javafx.geometry.Bounds mapOnScreen = fx(() -> map().localToScreen(map().getLayoutBounds()));
        assertTrue(mapOnScreen.contains(p), () -> String.format(Locale.ROOT, "%.4f, %.4f is at %s, outside the map on screen %s",
                lat, lon, p, mapOnScreen));
        robot.moveTo(p).clickOn(javafx.scene.input.MouseButton.PRIMARY);
        // not a double click: wait out the double-click time before the next click
        Thread.sleep(550);
        settle();
    }

    @Test
    void measuringKhujandToOshMatchesTheGeodesic(FxRobot robot) throws Exception {
        Feature a = feature(KHUJAND), b = feature(OSH);
        robot.interact(() -> state.commands().fit(new MapCommand.Fit(Math.min(a.lon(), b.lon()), Math.min(a.lat(), b.lat()),
                Math.max(a.lon(), b.lon()), Math.max(a.lat(), b.lat()), 12)));
        settle();
        robot.clickOn("#measure-toggle");
        settle();
        assertTrue((state.toolProperty().get() == ToolMode.MEASURE));
        clickAt(robot, a.lat(), a.lon());
        clickAt(robot, b.lat(), b.lon());
        Measurement m = state.measurementProperty().get();
        assertEquals(2, m.points().size(), m.toString());
        double expected = Geodesy.distanceKm(a.lat(), a.lon(), b.lat(), b.lon());
        assertEquals(270.99, expected, 0.05, "Khujand-Osh from GeoNames coordinates");
        assertEquals(expected, m.lengthKm(), expected * 0.005, "measured " + m.lengthKm() + " km through " + m.points());
        assertNull(state.selectedKeyProperty().get(), "clicks while measuring must not select the towns under them");
        String readout = robot.lookup("#measure-readout").queryLabeled().getText();
        assertTrue(readout.contains(String.format(java.util.Locale.ENGLISH, "%,.1f", m.lengthKm()) + " km"), readout);
        assertTrue(robot.lookup(".measure-label").queryLabeled().isVisible());

        // a third point, then the first point again: an area in km² and ha
        clickAt(robot, 41.0, 71.2);
        clickAt(robot, a.lat(), a.lon());
        Measurement area = state.measurementProperty().get();
        assertTrue(area.closed(), area.toString());
        assertEquals(Geodesy.areaKm2(area.points()), area.areaKm2(), 1e-9);
        assertTrue(area.areaKm2() > 1000, "area " + area.areaKm2());
        readout = robot.lookup("#measure-readout").queryLabeled().getText();
        assertTrue(readout.contains("km²") && readout.contains("ha"), readout);

        robot.interact(() -> map().requestFocus());
        robot.type(KeyCode.ESCAPE);
        assertTrue(state.measurementProperty().get().isEmpty(), "Esc clears");
        assertTrue((state.toolProperty().get() == ToolMode.MEASURE), "first Esc keeps the tool on");
        robot.type(KeyCode.M);
        assertFalse((state.toolProperty().get() == ToolMode.MEASURE), "M turns it off");
        assertTrue(crashes.isEmpty(), () -> "uncaught: " + crashes);
    }

    @Test
    void doubleClickClosesAnArea(FxRobot robot) throws Exception {
        robot.interact(() -> state.commands().send(new MapCommand.CentreOn(40.5, 71.0, 9)));
        settle();
        robot.interact(() -> map().requestFocus());
        robot.type(KeyCode.M);
        assertTrue((state.toolProperty().get() == ToolMode.MEASURE), "M turns the tool on");
        clickAt(robot, 40.4, 70.8);
        clickAt(robot, 40.4, 71.2);
        Point2D p = fx(() -> window.measureLayer().toScreen(40.7, 71.0));
        robot.moveTo(p).doubleClickOn(javafx.scene.input.MouseButton.PRIMARY);
        settle();
        Measurement m = state.measurementProperty().get();
        assertTrue(m.closed(), m.toString());
        assertEquals(3, m.points().size());
        double zoomBefore = 9;
        assertEquals(zoomBefore, state.zoomProperty().get(), 1e-9, "a double click while measuring does not zoom");
    }
}
