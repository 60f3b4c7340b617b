package org.ferganaatlas.data;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.ferganaatlas.data.jdbc.Jdbc;
import org.ferganaatlas.data.jdbc.Rows;
import org.ferganaatlas.model.Provision;
import org.ferganaatlas.model.ProvisionLink;
import org.ferganaatlas.model.SourceIds;
import org.ferganaatlas.model.Treaty;
import org.ferganaatlas.model.TreatyStep;

/**
 * Treaties and agreements, their signing/ratification steps, their provisions and the places each provision
 * concerns. Tables: {@code treaty}, {@code treaty_step}, {@code provision}, {@code provision_feature}. Thread-safe.
 */
public final class TreatyRepository {
    private static final String TREATY_COLUMNS =
            "t.key, t.kind, t.title_en, t.parties, t.place, t.signed_date, t.in_force_date, t.summary_en, t.confidence, t.source_ids";
    private static final String PROVISION_COLUMNS =
            "p.key, p.treaty_key, p.ordinal, p.title_en, p.summary_en, p.confidence, p.source_ids,"
                    + " (SELECT group_concat(feature_key, ';') FROM (SELECT feature_key FROM provision_feature pf"
                    + "   WHERE pf.provision_key = p.key ORDER BY feature_key))";

    private final Jdbc jdbc;

    TreatyRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Every treaty and agreement: by signing date (undated last), then key. */
    public List<Treaty> treaties() {
        return jdbc.query("SELECT " + TREATY_COLUMNS + " FROM treaty t ORDER BY t.signed_date IS NULL, t.signed_date, t.key",
                List.of(), TreatyRepository::readTreaty);
    }

    /** The treaty or agreement with this key. */
    public Optional<Treaty> treaty(String key) {
        return jdbc.queryOne("SELECT " + TREATY_COLUMNS + " FROM treaty t WHERE t.key = ?", List.of(key),
                TreatyRepository::readTreaty);
    }

    /** The signing, ratification and entry-into-force steps of a treaty, by date (undated last), then country. */
    public List<TreatyStep> treatySteps(String treatyKey) {
        return jdbc.query("SELECT treaty_key, date, step, country, body, note, confidence, source_ids FROM treaty_step"
                        + " WHERE treaty_key = ? ORDER BY date IS NULL, date, country, rowid",
                List.of(treatyKey),
                rs -> new TreatyStep(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), SourceIds.split(rs.getString(8))));
    }

    /** The provisions of a treaty in their order, each with the keys of the places it concerns. */
    public List<Provision> provisions(String treatyKey) {
        return jdbc.query("SELECT " + PROVISION_COLUMNS + " FROM provision p WHERE p.treaty_key = ? ORDER BY p.ordinal, p.key",
                List.of(treatyKey), TreatyRepository::readProvision);
    }

    /** The provision with this key. */
    public Optional<Provision> provision(String key) {
        return jdbc.queryOne("SELECT " + PROVISION_COLUMNS + " FROM provision p WHERE p.key = ?",
                List.of(key), TreatyRepository::readProvision);
    }

    /**
     * The provisions (with their treaties) that concern a feature. A border segment key ({@code border:KGZ-TJK:2})
     * also gets the links recorded for its country pair ({@code border:KGZ-TJK}); any other key (a village,
     * {@code country:KGZ}, a pair key) gets its own links. By treaty signing date, treaty, then provision order.
     */
    public List<ProvisionLink> provisionsFor(String featureKey) {
        if (featureKey == null || featureKey.isBlank()) {
            return List.of();
        }
        List<Object> keys = BorderKeys.withPairKey(featureKey);
        return jdbc.query("SELECT p.key, p.ordinal, p.title_en, t.key, t.kind, t.title_en, t.parties, t.signed_date,"
                        + " t.in_force_date, pf.feature_key"
                        + " FROM provision_feature pf JOIN provision p ON p.key = pf.provision_key"
                        + " JOIN treaty t ON t.key = p.treaty_key WHERE pf.feature_key IN " + Rows.placeholders(keys.size())
                        + " ORDER BY t.signed_date IS NULL, t.signed_date, t.key, p.ordinal, p.key, pf.feature_key",
                keys,
                rs -> new ProvisionLink(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), SourceIds.split(rs.getString(7)), rs.getString(8), rs.getString(9),
                        rs.getString(10)));
    }

    /** Keys of the places a provision concerns, sorted. */
    public List<String> featuresForProvision(String provisionKey) {
        return jdbc.query("SELECT feature_key FROM provision_feature WHERE provision_key = ? ORDER BY feature_key",
                List.of(provisionKey), rs -> rs.getString(1));
    }

    private static Treaty readTreaty(ResultSet rs) throws SQLException {
        return new Treaty(rs.getString(1), rs.getString(2), rs.getString(3), SourceIds.split(rs.getString(4)),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                SourceIds.split(rs.getString(10)));
    }

    private static Provision readProvision(ResultSet rs) throws SQLException {
        return new Provision(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5),
                rs.getString(6), SourceIds.split(rs.getString(7)), SourceIds.split(rs.getString(8)));
    }
}
