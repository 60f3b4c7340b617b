package org.ferganaatlas.logic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.ferganaatlas.logic.WindowBounds.Box;
import org.junit.jupiter.api.Test;

class WindowBoundsTest {
    private static final double MIN_W = 900, MIN_H = 600;

    private static void assertInside(Box b, Box screen) {
        assertTrue(b.x() >= screen.x() && b.y() >= screen.y() && b.maxX() <= screen.maxX() && b.maxY() <= screen.maxY(),
                () -> b + " not inside " + screen);
    }

    @Test
    void aProjectorScreenIsFilledAndNeverOverflowed() {
        Box screen = new Box(0, 0, 1024, 768);
        Box b = WindowBounds.initial(screen, MIN_W, MIN_H);
        assertInside(b, screen);
        assertEquals(new Box(0, 0, 1024, 768), b);
    }

    @Test
    void aLaptopGetsMostOfItsScreenAndALargeMonitorAComfortableSize() {
        Box laptop = new Box(0, 27, 1600, 973); // a top panel takes 27 px
        Box b = WindowBounds.initial(laptop, MIN_W, MIN_H);
        assertInside(b, laptop);
        assertTrue(b.width() >= 0.85 * 1600 && b.height() >= 0.85 * 973, b::toString);

        Box fullHd = new Box(0, 0, 1920, 1080);
        Box c = WindowBounds.initial(fullHd, MIN_W, MIN_H);
        assertInside(c, fullHd);
        assertTrue(c.width() >= 1600 && c.height() >= 900, c::toString);
        assertEquals(fullHd.width() / 2, c.x() + c.width() / 2, 1, "centred");

        Box big = new Box(0, 0, 3840, 2160);
        Box d = WindowBounds.initial(big, MIN_W, MIN_H);
        assertEquals(WindowBounds.COMFORT_WIDTH, d.width());
        assertEquals(WindowBounds.COMFORT_HEIGHT, d.height());
        assertInside(d, big);
    }

    @Test
    void neverBelowTheLayoutsMinimumUnlessTheScreenIsSmaller() {
        Box tiny = new Box(0, 0, 800, 560);
        assertEquals(new Box(0, 0, 800, 560), WindowBounds.initial(tiny, MIN_W, MIN_H));
        Box screen = new Box(0, 0, 1024, 768);
        Box restored = WindowBounds.restore(Optional.of("10,10,300,200"), List.of(screen), MIN_W, MIN_H).orElseThrow();
        assertEquals(MIN_W, restored.width());
        assertEquals(MIN_H, restored.height());
    }

    @Test
    void rememberedBoundsComeBackAndAreMovedInsideTheScreen() {
        Box screen = new Box(0, 0, 1024, 768);
        assertEquals(Optional.of(new Box(40, 30, 960, 700)),
                WindowBounds.restore(Optional.of(WindowBounds.format(new Box(40, 30, 960, 700))), List.of(screen), MIN_W, MIN_H));
        // saved on a larger screen, now on the projector: at most its size, inside it
        Box moved = WindowBounds.restore(Optional.of("-188,-37,1400,880"), List.of(screen), MIN_W, MIN_H).orElseThrow();
        assertInside(moved, screen);
        assertEquals(new Box(0, 0, 1024, 768), moved);
    }

    @Test
    void boundsOnAScreenThatIsGoneOrUnreadableAreIgnored() {
        List<Box> one = List.of(new Box(0, 0, 1920, 1080));
        assertEquals(Optional.empty(), WindowBounds.restore(Optional.of("2000,100,1200,800"), one, MIN_W, MIN_H), "second monitor unplugged");
        assertEquals(Optional.empty(), WindowBounds.restore(Optional.of("a,b,c,d"), one, MIN_W, MIN_H));
        assertEquals(Optional.empty(), WindowBounds.restore(Optional.of("1,2,3"), one, MIN_W, MIN_H));
        assertEquals(Optional.empty(), WindowBounds.restore(Optional.of("1,2,-3,4"), one, MIN_W, MIN_H));
        assertEquals(Optional.empty(), WindowBounds.restore(Optional.empty(), one, MIN_W, MIN_H));
        // a second monitor to the right keeps a window that was there
        List<Box> two = List.of(new Box(0, 0, 1920, 1080), new Box(1920, 0, 1280, 1024));
        assertEquals(Optional.of(new Box(2000, 100, 1200, 800)), WindowBounds.restore(Optional.of("2000,100,1200,800"), two, MIN_W, MIN_H));
    }
}
