package org.ferganaatlas.data;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ferganaatlas.data.jdbc.Jdbc;
import org.ferganaatlas.data.jdbc.Rows;
import org.ferganaatlas.model.AtlasEvent;
import org.ferganaatlas.model.Fact;
import org.ferganaatlas.model.Feature;
import org.ferganaatlas.model.Name;
import org.ferganaatlas.model.PartialDate;
import org.ferganaatlas.model.PlaceMaterial;
import org.ferganaatlas.model.ProvisionLink;
import org.ferganaatlas.model.Resettlement;
import org.ferganaatlas.model.SourceIds;
import org.ferganaatlas.model.StatusPeriod;
import org.ferganaatlas.model.TerritoryPeriod;

/**
 * The affected-places table's reads: the {@code resettlement} table it owns, and everything about the places of some
 * kinds (their names, facts, statuses, territory periods, events, provisions and moves) in one query per table for
 * all of them, instead of seven queries per place through the other repositories. The rows are made by
 * {@code logic.AffectedPlaces}. Thread-safe; call it off the FX thread.
 */
public final class AffectedPlacesRepository {
    private static final String FEATURE_COLUMNS =
            "f.id, f.key, f.kind, f.name_en, f.country, f.countries, f.rank, f.min_zoom, f.lat, f.lon, "
                    + "f.accuracy_m, f.confidence, f.derivation, f.source_ids, f.props";

    private final Jdbc jdbc;

    AffectedPlacesRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Every documented move of people, by start date then places. */
    public List<Resettlement> resettlements() {
        List<Resettlement> out = new ArrayList<>(jdbc.query("SELECT from_key, to_key, date, date_end, people_min, people_max,"
                        + " households_min, households_max, confidence, source_ids, notes FROM resettlement"
                        + " ORDER BY date, from_key, to_key", List.of(),
                rs -> new Resettlement(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        Rows.intOrNull(rs, 5), Rows.intOrNull(rs, 6), Rows.intOrNull(rs, 7), Rows.intOrNull(rs, 8),
                        rs.getString(9), SourceIds.split(rs.getString(10)), rs.getString(11))));
        // a partial date (2025-10) sorts by its first day, before the days of that month
        out.sort((a, b) -> a.start().orElse(FAR).compareTo(b.start().orElse(FAR)));
        return out;
    }

    private static final PartialDate FAR = new PartialDate(9999, 0, 0);

    /** What the database says about every feature of these kinds, in key order. */
    public List<PlaceMaterial> places(List<String> kinds) {
        if (kinds.isEmpty()) {
            return List.of();
        }
        List<Object> args = new ArrayList<>(kinds);
        String in = " IN (SELECT key FROM feature WHERE kind IN " + Rows.placeholders(kinds.size()) + ")";
        List<Feature> features = jdbc.query("SELECT " + FEATURE_COLUMNS + " FROM feature f WHERE f.kind IN "
                + Rows.placeholders(kinds.size()) + " ORDER BY f.key", args, AffectedPlacesRepository::readFeature);

        Map<String, List<Name>> names = group(jdbc.query("SELECT feature_key, lang, name, is_primary, source_ids FROM name"
                        + " WHERE feature_key" + in + " ORDER BY feature_key, lang, is_primary DESC, name", args,
                rs -> Map.entry(rs.getString(1), new Name(rs.getString(2), rs.getString(3), rs.getInt(4) != 0,
                        SourceIds.split(rs.getString(5))))));
        Map<String, List<Fact>> facts = group(jdbc.query("SELECT feature_key, attribute, value, value_max, unit, as_of,"
                        + " confidence, source_ids, note FROM fact WHERE feature_key" + in
                        + " ORDER BY feature_key, attribute, as_of, rowid", args,
                rs -> Map.entry(rs.getString(1), new Fact(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), SourceIds.split(rs.getString(8)), rs.getString(9)))));
        Map<String, List<StatusPeriod>> status = group(jdbc.query("SELECT feature_key, attribute, value, from_date, to_date,"
                        + " confidence, source_ids, note, last_confirmed FROM status WHERE feature_key" + in
                        + " ORDER BY feature_key, attribute, from_date IS NOT NULL, from_date, rowid", args,
                rs -> Map.entry(rs.getString(1), new StatusPeriod(rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), SourceIds.split(rs.getString(7)), rs.getString(8), rs.getString(9)))));
        Map<String, List<TerritoryPeriod>> territory = group(jdbc.query("SELECT feature_key, holder, from_date, to_date,"
                        + " drawn_as, confidence, source_ids, note FROM territory_period WHERE feature_key" + in
                        + " ORDER BY feature_key, from_date IS NOT NULL, from_date, rowid", args,
                rs -> Map.entry(rs.getString(1), new TerritoryPeriod(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), SourceIds.split(rs.getString(7)), rs.getString(8)))));
        Map<String, List<AtlasEvent>> events = group(jdbc.query("SELECT ef.feature_key, e.key, e.date, e.date_end, e.kind,"
                        + " e.title_en, e.summary_en, e.deaths_min, e.deaths_max, e.injured_min, e.injured_max, e.displaced_min,"
                        + " e.displaced_max, e.confidence, e.source_ids, e.notes FROM event_feature ef JOIN event e"
                        + " ON e.key = ef.event_key WHERE ef.feature_key" + in + " ORDER BY ef.feature_key, e.date, e.key", args,
                rs -> Map.entry(rs.getString(1), new AtlasEvent(rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), Rows.intOrNull(rs, 8), Rows.intOrNull(rs, 9),
                        Rows.intOrNull(rs, 10), Rows.intOrNull(rs, 11), Rows.intOrNull(rs, 12), Rows.intOrNull(rs, 13),
                        rs.getString(14), SourceIds.split(rs.getString(15)), rs.getString(16), List.of(rs.getString(1))))));
        Map<String, List<ProvisionLink>> provisions = group(jdbc.query("SELECT pf.feature_key, p.key, p.ordinal, p.title_en,"
                        + " t.key, t.kind, t.title_en, t.parties, t.signed_date, t.in_force_date FROM provision_feature pf"
                        + " JOIN provision p ON p.key = pf.provision_key JOIN treaty t ON t.key = p.treaty_key"
                        + " WHERE pf.feature_key" + in
                        + " ORDER BY pf.feature_key, t.signed_date IS NULL, t.signed_date, t.key, p.ordinal, p.key", args,
                rs -> Map.entry(rs.getString(1), new ProvisionLink(rs.getString(2), rs.getInt(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), SourceIds.split(rs.getString(8)), rs.getString(9),
                        rs.getString(10), rs.getString(1)))));
        Map<String, List<Resettlement>> moves = new HashMap<>();
        for (Resettlement r : resettlements()) {
            moves.computeIfAbsent(r.fromKey(), k -> new ArrayList<>()).add(r);
            moves.computeIfAbsent(r.toKey(), k -> new ArrayList<>()).add(r);
        }
        List<PlaceMaterial> out = new ArrayList<>();
        for (Feature f : features) {
            String k = f.key();
            out.add(new PlaceMaterial(f, names.getOrDefault(k, List.of()), facts.getOrDefault(k, List.of()),
                    status.getOrDefault(k, List.of()), territory.getOrDefault(k, List.of()), events.getOrDefault(k, List.of()),
                    provisions.getOrDefault(k, List.of()), moves.getOrDefault(k, List.of())));
        }
        return out;
    }

    private static <T> Map<String, List<T>> group(List<Map.Entry<String, T>> rows) {
        Map<String, List<T>> out = new HashMap<>();
        rows.forEach(e -> out.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return out;
    }

    private static Feature readFeature(ResultSet rs) throws SQLException {
        return new Feature(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getInt(7), rs.getInt(8), Rows.doubleOrNull(rs, 9), Rows.doubleOrNull(rs, 10),
                Rows.doubleOrNull(rs, 11), rs.getString(12), rs.getString(13), SourceIds.split(rs.getString(14)),
                rs.getString(15));
    }
}
