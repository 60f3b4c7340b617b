package org.ferganaatlas.data;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.ferganaatlas.data.jdbc.Jdbc;
import org.ferganaatlas.data.jdbc.Rows;
import org.ferganaatlas.model.Fact;
import org.ferganaatlas.model.Source;
import org.ferganaatlas.model.SourceIds;
import org.ferganaatlas.model.StatusPeriod;
import org.ferganaatlas.model.TerritoryPeriod;

/**
 * What the atlas says about a feature and on whose word: dated facts ({@code fact}), status periods
 * ({@code status}) and the sources every row cites ({@code source}). Thread-safe.
 */
public final class FactRepository {
    /** Ids per {@code IN} list: well below SQLite's limit on bound parameters. */
    private static final int SOURCE_CHUNK = 500;

    private final Jdbc jdbc;

    FactRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Facts about a feature, by attribute then date. */
    public List<Fact> facts(String key) {
        return jdbc.query("SELECT attribute, value, value_max, unit, as_of, confidence, source_ids, note FROM fact"
                        + " WHERE feature_key = ? ORDER BY attribute, as_of, rowid",
                List.of(key),
                rs -> new Fact(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), SourceIds.split(rs.getString(7)), rs.getString(8)));
    }

    /** Status periods of a feature, by attribute then start date (open start first). */
    public List<StatusPeriod> status(String key) {
        return jdbc.query("SELECT attribute, value, from_date, to_date, confidence, source_ids, note, last_confirmed FROM status"
                        + " WHERE feature_key = ? ORDER BY attribute, from_date IS NOT NULL, from_date, rowid",
                List.of(key),
                rs -> new StatusPeriod(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), SourceIds.split(rs.getString(6)), rs.getString(7), rs.getString(8)));
    }

    /** Who held a piece of ground when, oldest first ({@code territory_period}); empty for most features. */
    public List<TerritoryPeriod> territory(String key) {
        return jdbc.query("SELECT feature_key, holder, from_date, to_date, drawn_as, confidence, source_ids, note"
                        + " FROM territory_period WHERE feature_key = ? ORDER BY from_date IS NOT NULL, from_date, rowid",
                List.of(key),
                rs -> new TerritoryPeriod(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), SourceIds.split(rs.getString(7)), rs.getString(8)));
    }

    /** The sources with these ids, in the order asked (duplicates and unknown ids dropped). */
    public List<Source> sources(Collection<String> ids) {
        if (ids == null || ids.isEmpty()) {
            return List.of();
        }
        List<String> wanted = new ArrayList<>(new LinkedHashSet<>(ids));
        Map<String, Source> found = new HashMap<>();
        for (int from = 0; from < wanted.size(); from += SOURCE_CHUNK) {
            List<String> chunk = wanted.subList(from, Math.min(wanted.size(), from + SOURCE_CHUNK));
            for (Source s : jdbc.query("SELECT id, title, publisher, published, url, licence FROM source WHERE id IN "
                            + Rows.placeholders(chunk.size()),
                    new ArrayList<>(chunk),
                    rs -> new Source(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6)))) {
                found.put(s.id(), s);
            }
        }
        List<Source> out = new ArrayList<>();
        for (String id : wanted) {
            Source s = found.get(id);
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }
}
