package org.ferganaatlas.model;

import java.util.Optional;

/**
 * The records that are not places: treaties and other agreements, their provisions, and events. Each is shown by
 * its own reader (the treaties panel or the timeline); this enum and {@link RecordKey} own their key prefixes.
 */
public enum RecordKind {
    TREATY("treaty"), AGREEMENT("agreement"), PROVISION("provision"), EVENT("event");

    private final String prefix;

    RecordKind(String prefix) {
        this.prefix = prefix;
    }

    public String prefix() {
        return prefix;
    }

    /** Whether the treaties reader shows it (treaties, agreements, provisions); events belong to the timeline. */
    public boolean readInTreaties() {
        return this != EVENT;
    }

    static Optional<RecordKind> ofPrefix(String p) {
        for (RecordKind k : values()) {
            if (k.prefix.equals(p)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
