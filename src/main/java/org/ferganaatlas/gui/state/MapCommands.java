package org.ferganaatlas.gui.state;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** The channel of {@link MapCommand}s: anyone sends, the map listens (FX thread). */
public final class MapCommands {
    private final List<Consumer<MapCommand>> listeners = new CopyOnWriteArrayList<>();
    private MapCommand last;

    public void send(MapCommand c) {
        last = c;
        listeners.forEach(l -> l.accept(c));
    }

    public void listen(Consumer<MapCommand> listener) {
        listeners.add(listener);
    }

    /** The last command sent (tests). */
    public MapCommand last() {
        return last;
    }

    public void home() {
        send(MapCommand.HOME);
    }

    public void fit(MapCommand.Fit box) {
        send(box);
    }

    public void centreOn(double lat, double lon, double zoom) {
        send(new MapCommand.CentreOn(lat, lon, zoom));
    }

    public void zoomStep(int direction) {
        send(new MapCommand.ZoomStep(direction));
    }
}
