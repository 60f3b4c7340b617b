package org.ferganaatlas.gui.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.stage.Stage;
import org.ferganaatlas.data.BundledAtlas;
import org.ferganaatlas.gui.map.ImageryLayer;
import org.ferganaatlas.map.AtlasTileRetriever;
import org.ferganaatlas.map.BasemapStyle;
import org.ferganaatlas.map.TileRenderer;
import org.ferganaatlas.model.GeoConventions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Turning high contrast on recolours the basemap, not just the interface: the tile retriever then serves tiles in
 * {@link BasemapStyle#HIGH_CONTRAST}, the tiles already on screen are repainted in it, and turning it off brings the
 * atlas palette back, pixel for pixel.
 */
@ExtendWith(ApplicationExtension.class)
class HighContrastBasemapTest extends AtlasWindowTestBase {
    @RegisterExtension
    static final BundledAtlas atlas = new BundledAtlas();

    @Start
    void start(Stage stage) {
        open(stage, atlas.db());
    }

    @AfterEach
    void off(FxRobot robot) {
        robot.interact(() -> state.highContrastProperty().set(false));
    }

    /** The base map's tile pictures on screen (not the imagery layer's). */
    private List<Image> shownTiles() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            List<Image> out = new ArrayList<>();
            collect(map(), out);
            return out;
        }).get(5, TimeUnit.SECONDS);
    }

    private static void collect(Node n, List<Image> out) {
        if (n instanceof ImageryLayer || !n.isVisible()) {
            return;
        }
        if (n instanceof ImageView v && v.getImage() != null && v.getImage().getWidth() == TileRenderer.SIZE
                && v.getImage().getProgress() >= 1) {
            out.add(v.getImage());
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                collect(c, out);
            }
        }
    }

    private static int[] pixels(Image img) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            int[] px = new int[TileRenderer.SIZE * TileRenderer.SIZE];
            img.getPixelReader().getPixels(0, 0, TileRenderer.SIZE, TileRenderer.SIZE, PixelFormat.getIntArgbInstance(), px, 0, TileRenderer.SIZE);
            return px;
        }).get(5, TimeUnit.SECONDS);
    }

    private static int[] rendered(BasemapStyle style, int zoom, long x, long y) {
        BufferedImage img = new TileRenderer(atlas.db(), style).render(zoom, x, y);
        return img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
    }

    private static int[] served(int zoom, long x, long y) throws Exception {
        Image img = new AtlasTileRetriever().loadTile(zoom, x, y).get(60, TimeUnit.SECONDS);
        return pixels(img);
    }

    @Test
    void highContrastSwitchesTheTilesAndTheTilesOnScreen(FxRobot robot) throws Exception {
        settle();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !shownTiles().isEmpty());
        assertEquals(BasemapStyle.ATLAS, AtlasTileRetriever.style());
        Image onScreen = shownTiles().get(shownTiles().size() / 2);
        int[] before = pixels(onScreen);

        // Osh, inside the region at the home view's zoom
        int zoom = 8;
        long x = (long) Math.floor(GeoConventions.lonToTileX(72.8, zoom)), y = (long) Math.floor(GeoConventions.latToTileY(40.5, zoom));
        int[] atlasTile = rendered(BasemapStyle.ATLAS, zoom, x, y), contrastTile = rendered(BasemapStyle.HIGH_CONTRAST, zoom, x, y);
        assertFalse(Arrays.equals(atlasTile, contrastTile));
        assertArrayEquals(atlasTile, served(zoom, x, y), "the atlas palette first");

        robot.interact(() -> state.highContrastProperty().set(true));
        settle();
        assertEquals(BasemapStyle.HIGH_CONTRAST, AtlasTileRetriever.style());
        assertArrayEquals(contrastTile, served(zoom, x, y), "high contrast serves the high-contrast tiles");
        // the tile the map already holds is repainted (Gluon would not ask for it again)
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !Arrays.equals(before, pixels(onScreen)));

        robot.interact(() -> state.highContrastProperty().set(false));
        settle();
        assertEquals(BasemapStyle.ATLAS, AtlasTileRetriever.style());
        assertArrayEquals(atlasTile, served(zoom, x, y), "and the atlas palette again");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> Arrays.equals(before, pixels(onScreen)));
    }
}
