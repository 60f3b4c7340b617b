package org.ferganaatlas.gui.state;

/** The tabs of the left side: the layer switches, the treaties reader, the timeline, the user's notes, the guided tours. */
public enum SideTab {
    LAYERS, TREATIES, TIMELINE, NOTES, TOURS;

    /** Lower-case id ({@code --tab=treaties}). */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The tab with this id, or {@link #LAYERS}. */
    public static SideTab byId(String id) {
        for (SideTab t : values()) {
            if (t.id().equalsIgnoreCase(id == null ? "" : id.strip())) {
                return t;
            }
        }
        return LAYERS;
    }
}
