package org.ferganaatlas.gui.state;

import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.util.Duration;
import org.ferganaatlas.model.Drawing;
import org.ferganaatlas.model.GuidedTour;

/**
 * The guided tour being shown: which tour, which stop, and the autoplay (kiosk) timer. Each stop is shown through
 * {@link AtlasState#restore(org.ferganaatlas.model.ViewSnapshot, boolean)} (the map flies there) and brings its drawing.
 * Whoever steps it (the tour panel, the overlay's buttons, a clicker's keys) goes through here; FX thread only.
 */
public final class TourPlayer {
    /** Seconds per stop in autoplay, unless changed. */
    public static final double DEFAULT_SECONDS = 12;

    private final AtlasState state;
    private final ReadOnlyObjectWrapper<GuidedTour> tour = new ReadOnlyObjectWrapper<>(this, "tour");
    private final ReadOnlyIntegerWrapper index = new ReadOnlyIntegerWrapper(this, "index", -1);
    private final BooleanProperty autoplay = new SimpleBooleanProperty(this, "autoplay", false);
    private final BooleanProperty loop = new SimpleBooleanProperty(this, "loop", true);
    private final DoubleProperty seconds = new SimpleDoubleProperty(this, "seconds", DEFAULT_SECONDS);
    private final ObjectBinding<GuidedTour.Stop> stop;
    private PauseTransition timer; // made on first use: an animation needs the FX toolkit, a state in a test may not have it
    private Drawing shownDrawing;

    TourPlayer(AtlasState state) {
        this.state = state;
        stop = Bindings.createObjectBinding(() -> {
            GuidedTour t = tour.get();
            int i = index.get();
            return t == null || i < 0 || i >= t.stops().size() ? null : t.stops().get(i);
        }, tour, index);
        autoplay.addListener((o, a, on) -> restartTimer());
        seconds.addListener((o, a, n) -> restartTimer());
    }

    /** The tour shown, or null. */
    public ReadOnlyObjectProperty<GuidedTour> tourProperty() {
        return tour.getReadOnlyProperty();
    }

    /** The stop shown (0-based), −1 when none. */
    public ReadOnlyIntegerProperty indexProperty() {
        return index.getReadOnlyProperty();
    }

    /** The stop shown, or null. */
    public ObjectBinding<GuidedTour.Stop> stopProperty() {
        return stop;
    }

    /** Whether the tour moves on by itself every {@link #secondsProperty()} seconds. */
    public BooleanProperty autoplayProperty() {
        return autoplay;
    }

    /** Whether autoplay starts again at the first stop after the last. */
    public BooleanProperty loopProperty() {
        return loop;
    }

    public DoubleProperty secondsProperty() {
        return seconds;
    }

    /** Whether a tour is being shown. */
    public boolean active() {
        return tour.get() != null;
    }

    /** Number of stops of the tour shown (0 when none). */
    public int size() {
        return tour.get() == null ? 0 : tour.get().stops().size();
    }

    /** Shows {@code t} from stop {@code from} (a tour without stops is not started). */
    public void play(GuidedTour t, int from) {
        if (t == null || t.stops().isEmpty()) {
            return;
        }
        tour.set(t);
        index.set(-1);
        goTo(from);
    }

    /** Shows stop {@code i} (kept within the tour). */
    public void goTo(int i) {
        GuidedTour t = tour.get();
        if (t == null) {
            return;
        }
        int to = Math.max(0, Math.min(t.stops().size() - 1, i));
        index.set(to);
        GuidedTour.Stop s = t.stops().get(to);
        state.restore(s.view(), true);
        shownDrawing = s.drawing();
        state.drawingProperty().set(s.drawing());
        restartTimer();
        if (to + 1 < t.stops().size()) { // the next stop's basemap is drawn while the teacher talks about this one
            org.ferganaatlas.model.ViewSnapshot n = t.stops().get(to + 1).view();
            state.commands().send(new MapCommand.Prefetch(new MapCommand.CentreOn(n.centerLat(), n.centerLon(), n.zoom())));
        }
    }

    /** The next stop; at the last one, nothing (a clicker pressed once too often must not jump back). */
    public boolean next() {
        if (!active() || index.get() >= size() - 1) {
            return false;
        }
        goTo(index.get() + 1);
        return true;
    }

    public boolean previous() {
        if (!active() || index.get() <= 0) {
            return false;
        }
        goTo(index.get() - 1);
        return true;
    }

    /** Ends the tour: the view of its last stop stays; a drawing the tour brought goes. */
    public void stop() {
        if (timer != null) {
            timer.stop();
        }
        autoplay.set(false);
        if (shownDrawing != null && state.drawingProperty().get() == shownDrawing) {
            state.drawingProperty().set(Drawing.EMPTY);
        }
        shownDrawing = null;
        tour.set(null);
        index.set(-1);
    }

    private void advanceByTimer() {
        if (!autoplay.get() || !active()) {
            return;
        }
        if (!next()) {
            if (loop.get()) {
                goTo(0);
            } else {
                autoplay.set(false);
            }
        }
    }

    private void restartTimer() {
        if (timer != null) {
            timer.stop();
        }
        if (autoplay.get() && active()) {
            if (timer == null) {
                timer = new PauseTransition();
                timer.setOnFinished(e -> advanceByTimer());
            }
            timer.setDuration(Duration.seconds(Math.max(2, seconds.get())));
            timer.playFromStart();
        }
    }
}
