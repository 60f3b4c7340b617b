package org.ferganaatlas.gui.app;

import javafx.application.Platform;
import org.ferganaatlas.gui.state.AtlasState;
import org.ferganaatlas.map.AtlasTileRetriever;
import org.ferganaatlas.map.BasemapStyle;

/**
 * The basemap follows the high-contrast setting: its tiles switch to {@link BasemapStyle#HIGH_CONTRAST} with the
 * interface (and back). The tiles are drawn again on the tile threads; only their pixels are copied on the FX thread.
 * One window's state decides: an off-screen map (a handout) shares the retriever but does not switch it.
 */
final class BasemapLook {
    private BasemapLook() {}

    static BasemapStyle styleFor(boolean highContrast) {
        return highContrast ? BasemapStyle.HIGH_CONTRAST : BasemapStyle.ATLAS;
    }

    static void follow(AtlasState state) {
        Runnable apply = () -> AtlasTileRetriever.restyle(styleFor(state.highContrastProperty().get()), Platform::runLater);
        state.highContrastProperty().addListener(o -> apply.run());
        apply.run();
    }
}
