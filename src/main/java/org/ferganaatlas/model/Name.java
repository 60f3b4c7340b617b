package org.ferganaatlas.model;

import java.util.List;

/**
 * A name of a feature in one language.
 *
 * @param lang      en, ru, ky, tg, uz, or alt (other languages and spelling variants)
 * @param name      the name as written
 * @param primary   true for the name to show in that language
 * @param sourceIds ids of the {@link Source}s giving this name
 */
public record Name(String lang, String name, boolean primary, List<String> sourceIds) {
    public Name {
        sourceIds = sourceIds == null ? List.of() : List.copyOf(sourceIds);
    }
}
