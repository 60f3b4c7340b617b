package org.ferganaatlas.gui.map;

import org.ferganaatlas.gui.state.AtlasState;
import org.ferganaatlas.gui.state.MapData;

import java.util.function.Supplier;

/**
 * An overlay whose rebuild is planned on the FX thread and computed off it (see {@link OverlayLayer#plan}).
 * A synchronous build simply runs the plan at once, so a layer writes its drawing code only once.
 */
public abstract class PlannedOverlayLayer extends OverlayLayer {
    public PlannedOverlayLayer(AtlasState state, MapData data) {
        super(state, data);
    }

    @Override
    protected final void build(Frame f) {
        plan(f).get().run();
    }

    @Override
    protected final boolean asyncCapable() {
        return true;
    }

    @Override
    protected abstract Supplier<Runnable> plan(Frame f);
}
