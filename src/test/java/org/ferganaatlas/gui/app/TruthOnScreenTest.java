package org.ferganaatlas.gui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.shape.Circle;
import javafx.stage.Stage;
import org.ferganaatlas.data.BundledAtlas;
import org.ferganaatlas.logic.FocusRule;
import org.ferganaatlas.model.Feature;
import org.ferganaatlas.model.GeoConventions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * What the screen claims, on the bundled database: how old the lines are, statuses only as far as their evidence,
 * and positions with their uncertainty.
 */
@ExtendWith(ApplicationExtension.class)
class TruthOnScreenTest extends AtlasWindowTestBase {
    @RegisterExtension
    static final BundledAtlas atlas = new BundledAtlas();

    @Start
    void start(Stage stage) {
        open(stage, atlas.db());
    }

    @Test
    void theAttributionAndTheLegendSayHowOldTheLinesAre(FxRobot robot) {
        settle();
        String date = atlas.db().metadata().get("geometry_date");
        assertTrue(date != null && date.matches("\\d{4}-\\d{2}"), "the database records its geometry's date: " + date);
        String attribution = robot.lookup("#attribution").queryAs(Label.class).getText();
        assertTrue(attribution.contains(date), attribution);
        assertTrue(attribution.contains("not the treaty lines"), attribution);
        String legend = robot.lookup("#legend-geometry-age").queryAs(Label.class).getText();
        assertTrue(legend.contains(java.time.YearMonth.parse(date).getYear() + ""), legend);
        assertTrue(legend.contains("not the treaty lines"), legend);
    }

    @Test
    void aStatusPastItsLastConfirmationIsShownAsLastReported(FxRobot robot) {
        settle();
        Feature kulundu = atlas.db().featureRepository().feature("crossing:kulundu").orElseThrow();
        robot.interact(() -> state.mapDateProperty().set(LocalDate.of(2026, 12, 1)));
        robot.interact(() -> window.context().focus().showFeature(kulundu.key()));
        settle();
        Label chip = robot.lookup("#status-now-crossing_status").queryAs(Label.class);
        assertTrue(chip.getText().contains("last reported"), chip.getText());
        assertTrue(chip.getText().contains("2025"), chip.getText());
        Node icon = nodesOf(kulundu.key()).stream().filter(n -> n.getStyleClass().contains("crossing-icon")).findFirst().orElseThrow();
        assertTrue(icon.getStyleClass().contains("unconfirmed"), icon.getStyleClass().toString());

        robot.interact(() -> state.mapDateProperty().set(LocalDate.of(2024, 1, 1)));
        settle();
        chip = robot.lookup("#status-now-crossing_status").queryAs(Label.class);
        assertFalse(chip.getText().contains("last reported"), "while its evidence holds it is shown as fact: " + chip.getText());
    }

    @Test
    void aVaguePositionGetsItsUncertaintyDrawnAndIsNotZoomedPast(FxRobot robot) {
        settle();
        Feature vague = atlas.db().featureRepository().features("village").stream()
                .filter(f -> f.accuracyM() != null && f.accuracyM() >= 5000).findFirst().orElseThrow();
        robot.interact(() -> window.context().focus().showFeature(vague.key()));
        settle();
        double zoom = state.zoomProperty().get();
        assertTrue(zoom <= FocusRule.supportedZoom(vague) + 1e-6, "zoom " + zoom + " for " + vague.accuracyM() + " m");
        List<Node> halos = robot.lookup(".uncertainty").queryAll().stream()
                .filter(n -> n instanceof Circle && vague.key().equals(n.getUserData()) && n.isVisible()).toList();
        assertEquals(1, halos.size(), "its uncertainty is drawn");
        double expected = vague.accuracyM() / GeoConventions.metresPerPixel(vague.lat(), zoom);
        double drawn = ((Circle) halos.get(0)).getRadius() * ((Circle) halos.get(0)).getParent().getLocalToSceneTransform().getMxx();
        assertEquals(expected, drawn, expected * 0.05, "radius of the stated accuracy at this zoom");
    }

    @Test
    void groundThatChangedHandsIsDrawnInTheColourOfWhoHeldItOnTheMapDate(FxRobot robot) {
        settle();
        robot.interact(() -> window.context().focus().showFeature("enclave:barak"));
        robot.interact(() -> state.mapDateProperty().set(LocalDate.of(2023, 6, 1)));
        settle();
        Node area = robot.lookup(".enclave-area").queryAll().stream().filter(n -> "enclave:barak".equals(n.getUserData()))
                .findFirst().orElseThrow();
        assertTrue(area.getStyleClass().contains("country-kgz"), "Kyrgyz in 2023: " + area.getStyleClass());
        robot.interact(() -> state.mapDateProperty().set(LocalDate.of(2025, 6, 1)));
        settle();
        area = robot.lookup(".enclave-area").queryAll().stream().filter(n -> "enclave:barak".equals(n.getUserData()))
                .findFirst().orElseThrow();
        assertTrue(area.getStyleClass().contains("country-uzb"), "Uzbek after 15 April 2024: " + area.getStyleClass());
        String details = window.details().allText();
        assertTrue(details.contains("Held by") && details.contains("15 April 2024"), details);
        assertTrue(details.contains("still draw it inside Kyrgyzstan"), "the details say the lines are older: " + details);
    }
}
