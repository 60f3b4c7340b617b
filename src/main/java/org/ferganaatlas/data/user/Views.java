package org.ferganaatlas.data.user;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.ferganaatlas.model.ViewSnapshot;

/** Writes and reads {@link ViewSnapshot}s for the stores that own views (bookmarks, tour stops). */
final class Views {
    private Views() {}

    /** Inserts the view with its layers and highlights; returns its id. Call inside the owner's transaction. */
    static long insert(Connection c, ViewSnapshot v) throws SQLException {
        long id;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO view(centre_lat, centre_lon, zoom, map_date, selection_key, record_key)"
                + " VALUES (?, ?, ?, ?, ?, ?) RETURNING id")) {
            ps.setDouble(1, v.centerLat());
            ps.setDouble(2, v.centerLon());
            ps.setDouble(3, v.zoom());
            ps.setString(4, v.date().toString());
            ps.setString(5, v.selectedKey());
            ps.setString(6, v.recordKey());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO view_layer(view_id, layer) VALUES (?, ?)")) {
            for (String layer : v.layers()) {
                ps.setLong(1, id);
                ps.setString(2, layer);
                ps.executeUpdate();
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO view_highlight(view_id, ordinal, feature_key) VALUES (?, ?, ?)")) {
            int i = 0;
            for (String key : v.highlight()) {
                ps.setLong(1, id);
                ps.setInt(2, i++);
                ps.setString(3, key);
                ps.executeUpdate();
            }
        }
        return id;
    }

    /** The view with this id (it exists: owners hold a foreign key to it). */
    static ViewSnapshot read(Connection c, long id) throws SQLException {
        double lat, lon, zoom;
        String date, selection, record;
        try (PreparedStatement ps = c.prepareStatement("SELECT centre_lat, centre_lon, zoom, map_date, selection_key, record_key FROM view WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("view " + id + " is missing");
                }
                lat = rs.getDouble(1);
                lon = rs.getDouble(2);
                zoom = rs.getDouble(3);
                date = rs.getString(4);
                selection = rs.getString(5);
                record = rs.getString(6);
            }
        }
        Set<String> layers = new LinkedHashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT layer FROM view_layer WHERE view_id = ? ORDER BY layer")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    layers.add(rs.getString(1));
                }
            }
        }
        List<String> highlights = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT feature_key FROM view_highlight WHERE view_id = ? ORDER BY ordinal")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    highlights.add(rs.getString(1));
                }
            }
        }
        return new ViewSnapshot(lat, lon, zoom, LocalDate.parse(date), layers, highlights, selection, record);
    }
}
