package org.ferganaatlas.gui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.stage.Stage;
import org.ferganaatlas.data.AtlasDatabase;
import org.ferganaatlas.data.user.UserDatabase;
import org.ferganaatlas.data.user.UserLayer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A user's file becomes a layer of their own, in a real window with a real user database: drawn, listed in the legend,
 * clickable, kept; a file with unreadable places imports nothing unless the user says so; a broken file changes nothing.
 */
@ExtendWith(ApplicationExtension.class)
class UserLayersImportTest extends AtlasWindowTestBase {
    private static AtlasDatabase db;
    @org.junit.jupiter.api.extension.RegisterExtension
    static final TemporaryUserData temporary = new TemporaryUserData("atlas-user-layers");
    private static Path files;

    @BeforeAll
    static void setUp() throws Exception {
        db = AtlasDatabase.open(GuiTestAtlas.create());
        files = Files.createTempDirectory("atlas-user-files");
        System.setProperty("atlas.noninteractive", "true"); // dialogs print their text and take the safe answer
    }

    @AfterAll
    static void tearDown() {
        System.clearProperty("atlas.noninteractive");
        System.clearProperty("atlas.import.skipBad");
        db.close();
    }

    @Start
    void start(Stage stage) {
        open(stage, db);
    }

    private UserDatabase userDb() throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.context().user().database().isPresent());
        return window.context().user().database().orElseThrow();
    }

    private List<UserLayer> saved() throws Exception {
        return userDb().layers().list().get(5, TimeUnit.SECONDS);
    }

    private void importAndWait(Path f) throws Exception {
        robot().interact(() -> window.userLayers().importFile(f));
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        settle();
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        settle();
    }

    private FxRobot robot;

    private FxRobot robot() {
        return robot;
    }

    @Test
    void aFileBecomesALayerThatIsDrawnListedClickableAndKept(FxRobot r) throws Exception {
        robot = r;
        userDb();
        int before = saved().size();
        double lat = 40.3, lon = 70.9;
        Path wells = files.resolve("wells.geojson");
        Files.writeString(wells, "{\"type\":\"FeatureCollection\",\"features\":["
                + "{\"type\":\"Feature\",\"properties\":{\"name\":\"Well 1\",\"depth_m\":42},\"geometry\":{\"type\":\"Point\",\"coordinates\":[" + lon + "," + lat + "]}},"
                + "{\"type\":\"Feature\",\"properties\":{\"name\":\"Canal\"},\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[70.8,40.25],[71.0,40.35]]}}]}");
        importAndWait(wells);
        List<UserLayer> layers = saved();
        assertEquals(before + 1, layers.size(), "kept in the user's database");
        UserLayer layer = layers.get(layers.size() - 1);
        assertEquals("wells", layer.name());
        assertEquals(2, userDb().layers().features(layer.id()).get(5, TimeUnit.SECONDS).size());
        String id = "user:" + layer.id();
        CheckBox row = r.lookup("#layer-" + id.replace(':', '_')).queryAs(CheckBox.class);
        assertEquals("wells", row.getText(), "its own legend row");

        r.interact(() -> state.commands().centreOn(lat, lon, 11));
        settle();
        List<Node> drawn = r.lookup(".feature").queryAll().stream()
                .filter(n -> String.valueOf(n.getUserData()).startsWith(id + ":") && n.isVisible()).toList();
        assertTrue(drawn.stream().anyMatch(n -> n.getStyleClass().contains("user-icon")), "the point: " + drawn);
        assertTrue(drawn.stream().anyMatch(n -> n.getStyleClass().contains("user-line")), "the canal as a line: " + drawn);

        String wellKey = drawn.stream().filter(n -> n.getStyleClass().contains("user-icon")).findFirst().orElseThrow()
                .getUserData().toString();
        r.interact(() -> window.context().focus().selectFeature(wellKey));
        settle();
        String details = window.details().allText();
        assertTrue(details.contains("Well 1") && details.contains("From your layer") && details.contains("depth_m")
                && details.contains("42"), details);
    }

    @Test
    void unreadablePlacesImportNothingUnlessTheUserSkipsThem(FxRobot r) throws Exception {
        robot = r;
        userDb();
        Path mixed = files.resolve("mixed.csv");
        Files.writeString(mixed, "name;lat;lon\nA;40,1;70,2\nB;north;70,2\nC;40,2;70,3\n");
        int before = saved().size();
        importAndWait(mixed);
        assertEquals(before, saved().size(), "the safe answer: nothing imported");

        System.setProperty("atlas.import.skipBad", "true");
        try {
            importAndWait(mixed);
        } finally {
            System.clearProperty("atlas.import.skipBad");
        }
        List<UserLayer> layers = saved();
        assertEquals(before + 1, layers.size());
        assertEquals(2, userDb().layers().features(layers.get(layers.size() - 1).id()).get(5, TimeUnit.SECONDS).size(),
                "the two readable places");
    }

    @Test
    void aBrokenOrHostileFileChangesNothing(FxRobot r) throws Exception {
        robot = r;
        userDb();
        int before = saved().size();
        Path cut = files.resolve("cut.kml");
        Files.writeString(cut, "<?xml version=\"1.0\"?><kml><Document><Placemark><name>x</name><Point><coordin");
        Path xxe = files.resolve("xxe.kml");
        Files.writeString(xxe, "<?xml version=\"1.0\"?><!DOCTYPE kml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><kml>&x;</kml>");
        Path binary = files.resolve("photo.geojson");
        Files.write(binary, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0, 0x10, 'J', 'F', 'I', 'F'});
        for (Path f : List.of(cut, xxe, binary, files.resolve("missing.csv"))) {
            importAndWait(f);
        }
        assertEquals(before, saved().size(), "no layer was added");
    }
}
