package org.ferganaatlas.gui.map;

import org.ferganaatlas.gui.panels.StatusBar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ViewportTest {
    @Test
    void fitZoomShowsTheValleyAndStaysInLimits() {
        double z = Viewport.fitZoom(Viewport.VALLEY_WEST, Viewport.VALLEY_SOUTH, Viewport.VALLEY_EAST, Viewport.VALLEY_NORTH, 900, 650, 16);
        double w = Viewport.lonToPx(Viewport.VALLEY_EAST, z) - Viewport.lonToPx(Viewport.VALLEY_WEST, z);
        double h = Viewport.latToPx(Viewport.VALLEY_SOUTH, z) - Viewport.latToPx(Viewport.VALLEY_NORTH, z);
        assertTrue(w <= 900 - 32 && h <= 650 - 32, w + "x" + h);
        assertTrue(z >= Viewport.MIN_ZOOM && z <= Viewport.MAX_ZOOM);
        assertEquals(Viewport.MIN_ZOOM, Viewport.fitZoom(60, 30, 80, 50, 300, 200, 0));
    }

    @Test
    void pixelsAndDegreesRoundTrip() {
        double x = Viewport.lonToPx(71.234, 9.5), y = Viewport.latToPx(40.567, 9.5);
        assertEquals(71.234, Viewport.pxToLon(x, 9.5), 1e-9);
        assertEquals(40.567, Viewport.pxToLat(y, 9.5), 1e-9);
    }

    @Test
    void scaleBarDistancesAreRound() {
        assertEquals(50_000, StatusBar.ScaleBar.niceDistance(73_000));
        assertEquals(2_000, StatusBar.ScaleBar.niceDistance(4_900));
        assertEquals(100, StatusBar.ScaleBar.niceDistance(199));
    }
}
