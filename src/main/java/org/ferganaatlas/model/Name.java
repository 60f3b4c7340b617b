package org.ferganaatlas.model;

import java.util.List;

/**
 * A name of a feature in one language.
 *
 * @param lang      en, ru, ky, tg, uz, or alt (other languages and spelling variants)
 * @param name      the name as written
 * @param primary   true for the name to show in that language
 * @param sourceIds ids of the {@link Source}s giving this name
 * @param basis     how its language is known: {@link #SOURCE} (the source says so), {@code rule:<name>} (derived from
 *                  its letters by the database build), or null (a database built before this was recorded)
 */
public record Name(String lang, String name, boolean primary, List<String> sourceIds, String basis) {
    /** {@link #basis} of a name whose source states its language. */
    public static final String SOURCE = "source";

    public Name {
        sourceIds = sourceIds == null ? List.of() : List.copyOf(sourceIds);
    }

    public Name(String lang, String name, boolean primary, List<String> sourceIds) {
        this(lang, name, primary, sourceIds, null);
    }

    /** Whether the language was derived by a rule rather than given by the source. */
    public boolean derived() {
        return basis != null && basis.startsWith("rule:");
    }
}
