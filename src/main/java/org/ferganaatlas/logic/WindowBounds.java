package org.ferganaatlas.logic;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where the main window opens, in screen pixels, without knowing any toolkit: a size that suits the screen the
 * first time, and the remembered place afterwards, as long as it still fits on a screen there is.
 *
 * <p>First start: on a small screen (a laptop, a 1024x768 projector) the window takes the whole visible area, since
 * every pixel of map counts there; on a larger one it takes {@link #SHARE} of it, up to a comfortable
 * {@link #COMFORT_WIDTH} x {@link #COMFORT_HEIGHT}, centred. Never smaller than the layout's minimum, unless the
 * screen itself is smaller (then the screen wins: a window larger than the screen is cut off for good).
 */
public final class WindowBounds {
    /** A rectangle in screen pixels (x, y of the top left corner). */
    public record Box(double x, double y, double width, double height) {
        public double maxX() {
            return x + width;
        }

        public double maxY() {
            return y + height;
        }

        boolean contains(double px, double py) {
            return px >= x && px < maxX() && py >= y && py < maxY();
        }
    }

    /** Share of a large screen's visible area the window takes on its first start. */
    public static final double SHARE = 0.88;
    /** Up to this width and height; beyond that a larger window is no more comfortable to read. */
    public static final double COMFORT_WIDTH = 1680, COMFORT_HEIGHT = 1050;
    /** Below this (in either direction) the screen is "small" and the window takes all of it. */
    public static final double SMALL_WIDTH = 1400, SMALL_HEIGHT = 900;
    /** A remembered place counts only where at least this much of the window is on some screen (else that screen is gone). */
    static final double GRAB_WIDTH = 120, GRAB_HEIGHT = 24;

    private WindowBounds() {}

    /** The first-start bounds on a screen with this visible area, for a layout that needs {@code minW x minH}. */
    public static Box initial(Box visible, double minW, double minH) {
        boolean small = visible.width() < SMALL_WIDTH || visible.height() < SMALL_HEIGHT;
        double w = small ? visible.width() : Math.min(COMFORT_WIDTH, visible.width() * SHARE);
        double h = small ? visible.height() : Math.min(COMFORT_HEIGHT, visible.height() * SHARE);
        w = Math.min(visible.width(), Math.max(minW, w));
        h = Math.min(visible.height(), Math.max(minH, h));
        return new Box(Math.round(visible.x() + (visible.width() - w) / 2), Math.round(visible.y() + (visible.height() - h) / 2),
                Math.round(w), Math.round(h));
    }

    /**
     * The remembered bounds, made to fit the first screen they still overlap by a handful of pixels: shrunk to it, not below
     * the minimum (unless the screen is smaller), and moved inside it. Empty when no screen holds them any more (a
     * monitor was unplugged) or the text is not four numbers: then the window opens as on a first start.
     */
    public static Optional<Box> restore(Optional<String> saved, List<Box> visibleAreas, double minW, double minH) {
        Optional<Box> parsed = saved.flatMap(WindowBounds::parse);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        Box b = parsed.get();
        for (Box screen : visibleAreas) {
            if (grabbable(b, screen)) {
                return Optional.of(fit(b, screen, minW, minH));
            }
        }
        return Optional.empty();
    }

    /** {@code b} moved and shrunk so it lies inside {@code screen}, at least {@code minW x minH} where the screen allows. */
    public static Box fit(Box b, Box screen, double minW, double minH) {
        double w = Math.min(screen.width(), Math.max(Math.min(minW, screen.width()), b.width()));
        double h = Math.min(screen.height(), Math.max(Math.min(minH, screen.height()), b.height()));
        double x = Math.max(screen.x(), Math.min(b.x(), screen.maxX() - w));
        double y = Math.max(screen.y(), Math.min(b.y(), screen.maxY() - h));
        return new Box(x, y, w, h);
    }

    private static boolean grabbable(Box b, Box screen) {
        double w = Math.min(b.maxX(), screen.maxX()) - Math.max(b.x(), screen.x());
        double h = Math.min(b.maxY(), screen.maxY()) - Math.max(b.y(), screen.y());
        return w >= GRAB_WIDTH && h >= GRAB_HEIGHT;
    }

    /** The form kept in the user's settings: {@code x,y,width,height}, whole pixels. */
    public static String format(Box b) {
        return String.format(Locale.ROOT, "%d,%d,%d,%d", Math.round(b.x()), Math.round(b.y()), Math.round(b.width()), Math.round(b.height()));
    }

    /** Reads {@link #format}; empty for anything else (a hand-edited setting never breaks the start). */
    public static Optional<Box> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String[] v = text.strip().split("\\s*,\\s*");
        if (v.length != 4) {
            return Optional.empty();
        }
        try {
            double x = Double.parseDouble(v[0]), y = Double.parseDouble(v[1]), w = Double.parseDouble(v[2]), h = Double.parseDouble(v[3]);
            if (!Double.isFinite(x) || !Double.isFinite(y) || !(w > 0) || !(h > 0) || !Double.isFinite(w) || !Double.isFinite(h)) {
                return Optional.empty();
            }
            return Optional.of(new Box(x, y, w, h));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
