package org.ferganaatlas.gui.state;

/**
 * What every panel and map layer is built with: the shared state, the window's read model of the database, the
 * one way to show something, and the user's own database. The small contract of {@code AtlasPanel} rests on it: nothing else is passed around.
 */
public record AtlasContext(AtlasState state, MapData data, Focus focus, UserStore user) {
    public static AtlasContext of(AtlasState state, MapData data) {
        return new AtlasContext(state, data, new Focus(state, data), new UserStore());
    }
}
