package org.ferganaatlas.data.user;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ByteOrderValues;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;

/**
 * Layers the user imported or drew ({@code user_layer}, {@code user_feature}); geometries are stored as 2D
 * little-endian WKB (like the atlas's) with their bounding box. Basic operations for now; an import is one
 * transaction, so a layer never ends up with half of a file's features.
 */
public final class UserLayers {
    static final Set<String> FORMATS = Set.of("geojson", "kml", "csv", "drawn");

    private final UserDatabase db;

    UserLayers(UserDatabase db) {
        this.db = db;
    }

    /** A new, empty, visible layer drawn above the others. */
    public CompletableFuture<UserLayer> create(String name, String sourceFormat, String sourceFile) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A layer needs a name");
        }
        if (!FORMATS.contains(sourceFormat)) {
            throw new IllegalArgumentException("Unknown layer source format " + sourceFormat + " (one of " + FORMATS + ")");
        }
        String n = name.strip();
        String at = UserDatabase.now();
        return db.change("layer", c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO user_layer(name, source_format, source_file, visible,"
                    + " ordinal, created_at) VALUES (?, ?, ?, 1, (SELECT coalesce(max(ordinal) + 1, 0) FROM user_layer), ?)"
                    + " RETURNING id, ordinal")) {
                ps.setString(1, n);
                ps.setString(2, sourceFormat);
                ps.setString(3, sourceFile);
                ps.setString(4, at);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return new UserLayer(rs.getLong(1), n, sourceFormat, sourceFile, true, rs.getInt(2), Instant.parse(at));
                }
            }
        });
    }

    /** Every user layer in drawing order. */
    public CompletableFuture<List<UserLayer>> list() {
        return db.read("layers", c -> {
            List<UserLayer> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, name, source_format, source_file, visible, ordinal, created_at"
                    + " FROM user_layer ORDER BY ordinal, id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new UserLayer(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5) != 0,
                            rs.getInt(6), Instant.parse(rs.getString(7))));
                }
            }
            return out;
        });
    }

    /**
     * Adds features to a layer, all in one transaction; completes with how many. Fails with IllegalArgumentException
     * (nothing saved) for an unknown layer, attributes that are not a JSON object, or coordinates off the earth.
     */
    public CompletableFuture<Integer> addFeatures(long layerId, List<UserFeature> features) {
        List<UserFeature> copy = List.copyOf(features);
        WKBWriter writer = new WKBWriter(2, ByteOrderValues.LITTLE_ENDIAN);
        List<byte[]> wkb = new ArrayList<>(copy.size());
        for (UserFeature f : copy) {
            Envelope e = f.geometry().getEnvelopeInternal();
            if (e.isNull() || e.getMinX() < -180 || e.getMaxX() > 180 || e.getMinY() < -90 || e.getMaxY() > 90) {
                throw new IllegalArgumentException("A feature's coordinates are not longitude/latitude degrees: " + e);
            }
            wkb.add(writer.write(f.geometry()));
        }
        return db.change("layer features", c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO user_feature(layer_id, name, geometry, min_lon,"
                    + " min_lat, max_lon, max_lat, attributes) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < copy.size(); i++) {
                    UserFeature f = copy.get(i);
                    Envelope e = f.geometry().getEnvelopeInternal();
                    ps.setLong(1, layerId);
                    ps.setString(2, f.name());
                    ps.setBytes(3, wkb.get(i));
                    ps.setDouble(4, e.getMinX());
                    ps.setDouble(5, e.getMinY());
                    ps.setDouble(6, e.getMaxX());
                    ps.setDouble(7, e.getMaxY());
                    ps.setString(8, f.attributesJson());
                    ps.executeUpdate();
                }
            }
            return copy.size();
        });
    }

    /** Rows sent to SQLite at once while an import streams in (one transaction whatever the batch). */
    static final int BATCH = 1_000;

    /**
     * Features read as an import runs, on the database's thread: {@link #format} first (it may look at the file),
     * then {@link #feed} hands each feature to the sink and returns what the reader found (its report).
     */
    public interface FeatureSource<R> {
        /** The layer's {@code source_format} ({@link #FORMATS} less "drawn"). */
        String format() throws Exception;

        /** Reads every feature into {@code sink}; returns the reader's report. */
        R feed(java.util.function.Consumer<UserFeature> sink) throws Exception;
    }

    /**
     * What a streamed import came to: the layer (null when it was rolled back because {@code keep} said no),
     * how many features were saved (or would have been), and the reader's report.
     */
    public record Imported<R>(UserLayer layer, int count, R report) {}

    /**
     * A new layer with every feature of {@code source}, streamed into the database in batches inside ONE transaction,
     * so a large file never sits in memory and a layer never ends up with part of a file: when the source fails or is
     * cancelled (its exception completes the future, unwrapped), or {@code keep} refuses its report (features the user
     * must decide about first), everything is rolled back and the layers are as they were. Other saves queue behind
     * the import on the database's thread and run when it ends.
     */
    public <R> CompletableFuture<Imported<R>> importLayer(String name, String sourceFile, FeatureSource<R> source,
                                                          java.util.function.Predicate<R> keep) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A layer needs a name");
        }
        String n = name.strip();
        String at = UserDatabase.now();
        CompletableFuture<Imported<R>> out = new CompletableFuture<>();
        db.change("imported layer", c -> {
            String format;
            try {
                format = source.format();
            } catch (Exception e) {
                throw new SourceFailed(e);
            }
            if (!FORMATS.contains(format) || "drawn".equals(format)) {
                throw new IllegalArgumentException("Unknown layer source format " + format);
            }
            UserLayer layer;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO user_layer(name, source_format, source_file, visible,"
                    + " ordinal, created_at) VALUES (?, ?, ?, 1, (SELECT coalesce(max(ordinal) + 1, 0) FROM user_layer), ?)"
                    + " RETURNING id, ordinal")) {
                ps.setString(1, n);
                ps.setString(2, format);
                ps.setString(3, sourceFile);
                ps.setString(4, at);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    layer = new UserLayer(rs.getLong(1), n, format, sourceFile, true, rs.getInt(2), Instant.parse(at));
                }
            }
            WKBWriter writer = new WKBWriter(2, ByteOrderValues.LITTLE_ENDIAN);
            int[] count = {0};
            R report;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO user_feature(layer_id, name, geometry, min_lon,"
                    + " min_lat, max_lon, max_lat, attributes) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                try {
                    report = source.feed(f -> {
                        try {
                            Envelope e = f.geometry().getEnvelopeInternal();
                            if (e.isNull() || e.getMinX() < -180 || e.getMaxX() > 180 || e.getMinY() < -90 || e.getMaxY() > 90) {
                                throw new IllegalArgumentException("A feature's coordinates are not longitude/latitude degrees: " + e);
                            }
                            ps.setLong(1, layer.id());
                            ps.setString(2, f.name());
                            ps.setBytes(3, writer.write(f.geometry()));
                            ps.setDouble(4, e.getMinX());
                            ps.setDouble(5, e.getMinY());
                            ps.setDouble(6, e.getMaxX());
                            ps.setDouble(7, e.getMaxY());
                            ps.setString(8, f.attributesJson());
                            ps.addBatch();
                            if (++count[0] % BATCH == 0) {
                                ps.executeBatch();
                            }
                        } catch (java.sql.SQLException x) {
                            throw new SourceFailed(x);
                        }
                    });
                } catch (SourceFailed | IllegalArgumentException e) {
                    throw e;
                } catch (Exception e) {
                    throw new SourceFailed(e);
                }
                ps.executeBatch();
            }
            if (!keep.test(report)) {
                throw new RolledBack(new Imported<>(null, count[0], report));
            }
            return new Imported<>(layer, count[0], report);
        }).whenComplete((done, e) -> {
            Throwable t = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
            if (t == null) {
                out.complete(done);
            } else if (t instanceof RolledBack rb) {
                @SuppressWarnings("unchecked")
                Imported<R> i = (Imported<R>) rb.imported;
                out.complete(i);
            } else if (t instanceof SourceFailed sf && sf.getCause() instanceof java.sql.SQLException sql) {
                out.completeExceptionally(new UserStoreException("Could not save the imported layer: " + sql.getMessage(), sql));
            } else if (t instanceof SourceFailed sf) {
                out.completeExceptionally(sf.getCause());
            } else {
                out.completeExceptionally(t);
            }
        });
        return out;
    }

    /** The reader's own exception, carried out of the transaction (which it rolls back). */
    private static final class SourceFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SourceFailed(Throwable cause) {
            super(cause);
        }
    }

    /** Not an error: {@code keep} said no, so the transaction is rolled back. */
    private static final class RolledBack extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Imported<?> imported;

        RolledBack(Imported<?> imported) {
            super(null, null, false, false);
            this.imported = imported;
        }
    }

    /** How many features a layer has. */
    public CompletableFuture<Integer> count(long layerId) {
        return db.read("layer features", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM user_feature WHERE layer_id = ?")) {
                ps.setLong(1, layerId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    /**
     * At most {@code max} features of a layer, spread evenly over it (every n-th in the order added), for drawing a
     * layer too large to hold whole; all of them when it has no more than {@code max}.
     */
    public CompletableFuture<List<UserFeature>> sample(long layerId, int max) {
        return db.read("layer features", c -> {
            int total;
            long first;
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*), coalesce(min(id), 0) FROM user_feature WHERE layer_id = ?")) {
                ps.setLong(1, layerId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getInt(1);
                    first = rs.getLong(2);
                }
            }
            if (total <= max) {
                return readFeatures(c, layerId, "SELECT id, name, geometry, attributes FROM user_feature WHERE layer_id = ?"
                        + " ORDER BY id");
            }
            // the i-th feature is taken where floor(i * max / total) steps up: exactly max of them, evenly spread
            // (an import's ids are consecutive: it is one transaction)
            return readFeatures(c, layerId, "SELECT id, name, geometry, attributes FROM user_feature WHERE layer_id = ?"
                    + " AND ((id - " + first + ") * " + max + ") % " + total + " >= " + (total - max)
                    + " ORDER BY id LIMIT " + max);
        });
    }

    private static List<UserFeature> readFeatures(java.sql.Connection c, long layerId, String sql) throws java.sql.SQLException {
        WKBReader reader = new WKBReader(new GeometryFactory(new PrecisionModel(), 4326));
        List<UserFeature> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, layerId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Geometry g;
                    try {
                        g = reader.read(rs.getBytes(3));
                    } catch (ParseException e) {
                        throw new java.sql.SQLException("user feature " + rs.getLong(1) + " has a damaged geometry", e);
                    }
                    g.setSRID(4326);
                    out.add(new UserFeature(rs.getLong(1), layerId, rs.getString(2), g, rs.getString(4)));
                }
            }
        }
        return out;
    }

    /** The features of a layer in the order they were added. */
    public CompletableFuture<List<UserFeature>> features(long layerId) {
        return db.read("layer features", c -> readFeatures(c, layerId,
                "SELECT id, name, geometry, attributes FROM user_feature WHERE layer_id = ? ORDER BY id"));
    }

    /** Shows or hides a layer; completes with whether it exists. */
    public CompletableFuture<Boolean> setVisible(long layerId, boolean visible) {
        return db.change("layer", c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE user_layer SET visible = ? WHERE id = ?")) {
                ps.setInt(1, visible ? 1 : 0);
                ps.setLong(2, layerId);
                return ps.executeUpdate() > 0;
            }
        });
    }

    /** Deletes a layer with all its features; completes with whether it existed. */
    public CompletableFuture<Boolean> delete(long layerId) {
        return db.change("layer", c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM user_layer WHERE id = ?")) {
                ps.setLong(1, layerId);
                return ps.executeUpdate() > 0;
            }
        });
    }
}
