package org.ferganaatlas.data.user;

import org.ferganaatlas.model.ViewSnapshot;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Tours and their stops ({@code tour}, {@code tour_stop}, each stop's {@code view}). Basic operations for now:
 * create, add a stop at the end, list, delete; each change is one transaction on the user database's thread.
 */
public final class Tours {
    private final UserDatabase db;

    Tours(UserDatabase db) {
        this.db = db;
    }

    /** A new, empty tour. */
    public CompletableFuture<Tour> create(String title, String description, String author) {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("A tour needs a title");
        }
        String t = title.strip(), d = description == null ? "" : description, a = author == null || author.isBlank() ? null : author.strip();
        String at = UserDatabase.now();
        return db.change("tour", c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO tour(title, description, author, created_at, updated_at)"
                    + " VALUES (?, ?, ?, ?, ?) RETURNING id")) {
                ps.setString(1, t);
                ps.setString(2, d);
                ps.setString(3, a);
                ps.setString(4, at);
                ps.setString(5, at);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return new Tour(rs.getLong(1), t, d, a, Instant.parse(at), Instant.parse(at));
                }
            }
        });
    }

    /** Every tour, oldest first. */
    public CompletableFuture<List<Tour>> list() {
        return db.read("tours", c -> {
            List<Tour> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, title, description, author, created_at, updated_at FROM tour ORDER BY id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Tour(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            Instant.parse(rs.getString(5)), Instant.parse(rs.getString(6))));
                }
            }
            return out;
        });
    }

    /** Appends a stop to the tour (fails with IllegalArgumentException if there is no such tour). */
    public CompletableFuture<TourStop> addStop(long tourId, String title, String text, ViewSnapshot view) {
        Objects.requireNonNull(view, "view");
        String t = title == null ? "" : title.strip(), x = text == null ? "" : text;
        String at = UserDatabase.now();
        return db.change("tour stop", c -> {
            long viewId = Views.insert(c, view);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO tour_stop(tour_id, ordinal, title, text, view_id)"
                    + " VALUES (?1, (SELECT coalesce(max(ordinal) + 1, 0) FROM tour_stop WHERE tour_id = ?1), ?2, ?3, ?4)"
                    + " RETURNING id, ordinal")) {
                ps.setLong(1, tourId);
                ps.setString(2, t);
                ps.setString(3, x);
                ps.setLong(4, viewId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    TourStop stop = new TourStop(rs.getLong(1), tourId, rs.getInt(2), t, x, view);
                    touch(c, tourId, at);
                    return stop;
                }
            }
        });
    }

    /** The stops of a tour in order. */
    public CompletableFuture<List<TourStop>> stops(long tourId) {
        return db.read("tour stops", c -> {
            List<Object[]> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, ordinal, title, text, view_id FROM tour_stop"
                    + " WHERE tour_id = ? ORDER BY ordinal, id")) {
                ps.setLong(1, tourId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new Object[] {rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getLong(5)});
                    }
                }
            }
            List<TourStop> out = new ArrayList<>();
            for (Object[] r : rows) {
                out.add(new TourStop((Long) r[0], tourId, (Integer) r[1], (String) r[2], (String) r[3], Views.read(c, (Long) r[4])));
            }
            return out;
        });
    }

    /** Removes one stop (and its view); completes with whether it existed. */
    public CompletableFuture<Boolean> deleteStop(long stopId) {
        return db.change("tour stop", c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM tour_stop WHERE id = ?")) {
                ps.setLong(1, stopId);
                return ps.executeUpdate() > 0;
            }
        });
    }

    /** Deletes a tour with all its stops and their views; completes with whether it existed. */
    public CompletableFuture<Boolean> delete(long tourId) {
        return db.change("tour", c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM tour WHERE id = ?")) {
                ps.setLong(1, tourId);
                return ps.executeUpdate() > 0;
            }
        });
    }

    private static void touch(Connection c, long tourId, String at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE tour SET updated_at = ? WHERE id = ?")) {
            ps.setString(1, at);
            ps.setLong(2, tourId);
            ps.executeUpdate();
        }
    }
}
