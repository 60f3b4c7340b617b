package org.ferganaatlas.gui;

import java.util.Set;

/**
 * The overlay layers the user can switch on and off in the layers panel, each with its bundle key and
 * the database feature kinds it draws.
 */
public enum LayerId {
    BORDERS("layer.borders", Set.of("border", "tripoint")),
    ENCLAVES("layer.enclaves", Set.of("enclave")),
    CROSSINGS("layer.crossings", Set.of("crossing")),
    JUNCTION("layer.junction", Set.of("junction", "monument")),
    VILLAGES("layer.villages", Set.of("village")),
    TOWNS("layer.towns", Set.of("town")),
    WATER("layer.water", Set.of("water_facility", "reservoir")),
    RIVERS("layer.rivers", Set.of("river", "lake"));

    private final String messageKey;
    private final Set<String> kinds;

    LayerId(String messageKey, Set<String> kinds) {
        this.messageKey = messageKey;
        this.kinds = kinds;
    }

    /** Bundle key of the layer's name. */
    public String messageKey() {
        return messageKey;
    }

    /** Bundle key of the one-line legend explanation ({@code layer.borders.hint}). */
    public String hintKey() {
        return messageKey + ".hint";
    }

    /** Feature kinds drawn by this layer. */
    public Set<String> kinds() {
        return kinds;
    }

    /** The layer that draws features of {@code kind}, or null. */
    public static LayerId forKind(String kind) {
        for (LayerId id : values()) {
            if (id.kinds.contains(kind)) {
                return id;
            }
        }
        return null;
    }
}
