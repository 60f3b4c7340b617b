package org.ferganaatlas.data;

import java.util.List;
import org.ferganaatlas.data.jdbc.Jdbc;
import org.ferganaatlas.model.Translation;

/**
 * Treaty, provision and event texts in languages other than English. Table: {@code translation}, which a database
 * built before it was added lacks: then there are none, and every reader shows the English original. Thread-safe.
 */
public final class TranslationRepository {
    private final Jdbc jdbc;
    private final boolean present;

    TranslationRepository(Jdbc jdbc, boolean present) {
        this.jdbc = jdbc;
        this.present = present;
    }

    /** Every translation, by record, field and language (a few hundred rows: callers keep them). */
    public List<Translation> all() {
        if (!present) {
            return List.of();
        }
        return jdbc.query("SELECT record_key, field, lang, text, method, translator, translated_on, reviewed_by"
                        + " FROM translation ORDER BY record_key, field, lang", List.of(),
                rs -> new Translation(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getString(8)));
    }
}
