package org.ferganaatlas.data;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ferganaatlas.data.jdbc.Jdbc;
import org.ferganaatlas.data.jdbc.Rows;
import org.ferganaatlas.model.AtlasEvent;
import org.ferganaatlas.model.PartialDate;
import org.ferganaatlas.model.SourceIds;

/** The timeline's events and the places each concerns. Tables: {@code event}, {@code event_feature}. Thread-safe. */
public final class EventRepository {
    private static final String EVENT_COLUMNS = "e.key, e.date, e.date_end, e.kind, e.title_en, e.summary_en, e.deaths_min,"
            + " e.deaths_max, e.injured_min, e.injured_max, e.displaced_min, e.displaced_max, e.confidence, e.source_ids,"
            + " e.notes, (SELECT group_concat(feature_key, ';') FROM (SELECT feature_key FROM event_feature ef"
            + "   WHERE ef.event_key = e.key ORDER BY feature_key))";

    private final Jdbc jdbc;

    EventRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Every event in date order (a partial date such as {@code 2021-04} sorts before the days of that month). */
    public List<AtlasEvent> events() {
        return sortEvents(jdbc.query("SELECT " + EVENT_COLUMNS + " FROM event e ORDER BY e.date, e.key", List.of(),
                EventRepository::readEvent));
    }

    /** The event with this key. */
    public Optional<AtlasEvent> event(String key) {
        return jdbc.queryOne("SELECT " + EVENT_COLUMNS + " FROM event e WHERE e.key = ?", List.of(key),
                EventRepository::readEvent);
    }

    /** Events at a feature in date order; a border segment key also gets the events of its country pair. */
    public List<AtlasEvent> eventsFor(String featureKey) {
        if (featureKey == null || featureKey.isBlank()) {
            return List.of();
        }
        List<Object> keys = BorderKeys.withPairKey(featureKey);
        return sortEvents(jdbc.query("SELECT " + EVENT_COLUMNS + " FROM event e WHERE e.key IN"
                        + " (SELECT event_key FROM event_feature WHERE feature_key IN " + Rows.placeholders(keys.size())
                        + ") ORDER BY e.date, e.key",
                keys, EventRepository::readEvent));
    }

    private static List<AtlasEvent> sortEvents(List<AtlasEvent> events) {
        List<AtlasEvent> out = new ArrayList<>(events);
        // Stable: text order (e.date) is kept among events whose dates do not parse.
        out.sort((a, b) -> {
            Optional<PartialDate> x = a.start(), y = b.start();
            if (x.isPresent() && y.isPresent()) {
                return x.get().compareTo(y.get());
            }
            return x.isPresent() ? -1 : y.isPresent() ? 1 : 0;
        });
        return out;
    }

    private static AtlasEvent readEvent(ResultSet rs) throws SQLException {
        return new AtlasEvent(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), Rows.intOrNull(rs, 7), Rows.intOrNull(rs, 8), Rows.intOrNull(rs, 9), Rows.intOrNull(rs, 10),
                Rows.intOrNull(rs, 11), Rows.intOrNull(rs, 12), rs.getString(13), SourceIds.split(rs.getString(14)),
                rs.getString(15), SourceIds.split(rs.getString(16)));
    }
}
