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

    /** The features of a layer in the order they were added. */
    public CompletableFuture<List<UserFeature>> features(long layerId) {
        return db.read("layer features", c -> {
            WKBReader reader = new WKBReader(new GeometryFactory(new PrecisionModel(), 4326));
            List<UserFeature> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, name, geometry, attributes FROM user_feature"
                    + " WHERE layer_id = ? ORDER BY id")) {
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
        });
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
