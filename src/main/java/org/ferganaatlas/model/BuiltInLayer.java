package org.ferganaatlas.model;

/**
 * The overlay layers the atlas itself brings, each with its bundle key. The window's layer registry lists these
 * first and takes the user's own layers after them; {@link FeatureKind#layer()} says which one draws a kind.
 */
public enum BuiltInLayer {
    BORDERS("borders"),
    ENCLAVES("enclaves"),
    CROSSINGS("crossings"),
    JUNCTION("junction"),
    VILLAGES("villages"),
    TOWNS("towns"),
    WATER("water"),
    RIVERS("rivers"),
    /** The user's own notes as pins (drawn from the user's database, not from atlas features). */
    NOTES("notes");

    private final String id;

    BuiltInLayer(String id) {
        this.id = id;
    }

    /** Stable id, used in saved views (tour stops, bookmarks) and in the layer registry. */
    public String id() {
        return id;
    }

    /** Bundle key of the layer's name ({@code layer.borders}). */
    public String messageKey() {
        return "layer." + id;
    }

    /** Bundle key of its one-line legend explanation ({@code layer.borders.hint}). */
    public String hintKey() {
        return messageKey() + ".hint";
    }

    /** The layer with this id, or null. */
    public static BuiltInLayer byId(String id) {
        for (BuiltInLayer l : values()) {
            if (l.id.equals(id)) {
                return l;
            }
        }
        return null;
    }
}
