package org.ferganaatlas.data.user;

import org.ferganaatlas.data.io.DrawingJson;
import org.ferganaatlas.model.Drawing;
import org.ferganaatlas.model.GuidedTour;
import org.ferganaatlas.model.ViewSnapshot;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Tours and their stops ({@code tour}, {@code tour_stop}, each stop's {@code view}). Every change is one transaction on
 * the user database's thread and touches the tour's {@code updated_at}; a stop's drawing is kept as JSON
 * ({@link DrawingJson}) in {@code tour_stop.drawing}, NULL when nothing is drawn. After a move or a delete the
 * ordinals of a tour are 0, 1, … again, so "move to index" means what it says.
 */
public final class Tours {
    private final UserDatabase db;

    Tours(UserDatabase db) {
        this.db = db;
    }

    /** A new, empty tour. */
    public CompletableFuture<Tour> create(String title, String description, String author) {
        String t = title(title), d = description == null ? "" : description, a = author == null || author.isBlank() ? null : author.strip();
        String at = UserDatabase.now();
        return db.change("tour", c -> insertTour(c, t, d, a, at));
    }

    /** A new tour holding every stop of {@code tour} (an imported file), all in one transaction. */
    public CompletableFuture<StoredTour> create(GuidedTour tour) {
        Objects.requireNonNull(tour, "tour");
        String t = title(tour.title()), a = tour.author().isBlank() ? null : tour.author().strip();
        String at = UserDatabase.now();
        return db.change("tour", c -> {
            Tour made = insertTour(c, t, "", a, at);
            List<TourStop> stops = new ArrayList<>();
            for (GuidedTour.Stop s : tour.stops()) {
                stops.add(insertStop(c, made.id(), s.title(), s.caption(), s.notes(), s.view(), s.drawing()));
            }
            return new StoredTour(made, stops);
        });
    }

    /** Every tour, oldest first. */
    public CompletableFuture<List<Tour>> list() {
        return db.read("tours", c -> {
            List<Tour> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, title, description, author, created_at, updated_at FROM tour ORDER BY id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(tour(rs));
                }
            }
            return out;
        });
    }

    /** A tour with all its stops, or empty if there is no such tour. */
    public CompletableFuture<Optional<StoredTour>> load(long tourId) {
        return db.read("tour", c -> {
            Tour t;
            try (PreparedStatement ps = c.prepareStatement("SELECT id, title, description, author, created_at, updated_at FROM tour WHERE id = ?")) {
                ps.setLong(1, tourId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    t = tour(rs);
                }
            }
            return Optional.of(new StoredTour(t, stops(c, tourId)));
        });
    }

    /** Gives the tour a new title; completes with whether it existed. */
    public CompletableFuture<Boolean> rename(long tourId, String title) {
        String t = title(title);
        String at = UserDatabase.now();
        return db.change("tour", c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE tour SET title = ?, updated_at = ? WHERE id = ?")) {
                ps.setString(1, t);
                ps.setString(2, at);
                ps.setLong(3, tourId);
                return ps.executeUpdate() > 0;
            }
        });
    }

    /** Appends a stop to the tour (fails with IllegalArgumentException if there is no such tour). */
    public CompletableFuture<TourStop> addStop(long tourId, String title, String text, ViewSnapshot view) {
        return addStop(tourId, title, text, "", view, Drawing.EMPTY);
    }

    /** Appends a stop with speaker notes and a drawing (either may be empty). */
    public CompletableFuture<TourStop> addStop(long tourId, String title, String text, String notes, ViewSnapshot view, Drawing drawing) {
        Objects.requireNonNull(view, "view");
        String at = UserDatabase.now();
        return db.change("tour stop", c -> {
            TourStop stop = insertStop(c, tourId, title, text, notes, view, drawing);
            touch(c, tourId, at);
            return stop;
        });
    }

    /** The stops of a tour in order. */
    public CompletableFuture<List<TourStop>> stops(long tourId) {
        return db.read("tour stops", c -> stops(c, tourId));
    }

    /** New title, caption and speaker notes of a stop; completes with whether it existed. */
    public CompletableFuture<Boolean> editStop(long stopId, String title, String text, String notes) {
        String t = title == null ? "" : title.strip(), x = text == null ? "" : text, n = notes == null ? "" : notes;
        String at = UserDatabase.now();
        return db.change("tour stop", c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE tour_stop SET title = ?, text = ?, notes = ? WHERE id = ?")) {
                ps.setString(1, t);
                ps.setString(2, x);
                ps.setString(3, n);
                ps.setLong(4, stopId);
                if (ps.executeUpdate() == 0) {
                    return false;
                }
            }
            touchOfStop(c, stopId, at);
            return true;
        });
    }

    /** The stop shows {@code view} from now on (its old view is deleted); completes with whether it existed. */
    public CompletableFuture<Boolean> replaceView(long stopId, ViewSnapshot view) {
        Objects.requireNonNull(view, "view");
        String at = UserDatabase.now();
        return db.change("tour stop", c -> {
            long old;
            try (PreparedStatement ps = c.prepareStatement("SELECT view_id FROM tour_stop WHERE id = ?")) {
                ps.setLong(1, stopId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return false;
                    }
                    old = rs.getLong(1);
                }
            }
            long fresh = Views.insert(c, view);
            try (PreparedStatement ps = c.prepareStatement("UPDATE tour_stop SET view_id = ? WHERE id = ?")) {
                ps.setLong(1, fresh);
                ps.setLong(2, stopId);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM view WHERE id = ?")) {
                ps.setLong(1, old);
                ps.executeUpdate();
            }
            touchOfStop(c, stopId, at);
            return true;
        });
    }

    /** What is drawn at the stop ({@link Drawing#EMPTY} or null: nothing); completes with whether it existed. */
    public CompletableFuture<Boolean> setDrawing(long stopId, Drawing drawing) {
        String json = drawing == null || drawing.isEmpty() ? null : DrawingJson.toJson(drawing);
        String at = UserDatabase.now();
        return db.change("tour stop", c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE tour_stop SET drawing = ? WHERE id = ?")) {
                ps.setString(1, json);
                ps.setLong(2, stopId);
                if (ps.executeUpdate() == 0) {
                    return false;
                }
            }
            touchOfStop(c, stopId, at);
            return true;
        });
    }

    /**
     * Moves a stop to {@code index} (0 = first; beyond the end = last) of its tour, the others keeping their order;
     * completes with whether the stop existed.
     */
    public CompletableFuture<Boolean> moveStop(long stopId, int index) {
        String at = UserDatabase.now();
        return db.change("tour stop", c -> {
            Long tourId = tourOf(c, stopId);
            if (tourId == null) {
                return false;
            }
            List<Long> order = stopIds(c, tourId);
            order.remove(stopId);
            order.add(Math.max(0, Math.min(index, order.size())), stopId);
            renumber(c, order);
            touch(c, tourId, at);
            return true;
        });
    }

    /** Moves a stop one place earlier ({@code -1}) or later ({@code +1}); at either end nothing moves. */
    public CompletableFuture<Boolean> moveStopBy(long stopId, int delta) {
        String at = UserDatabase.now();
        return db.change("tour stop", c -> {
            Long tourId = tourOf(c, stopId);
            if (tourId == null) {
                return false;
            }
            List<Long> order = stopIds(c, tourId);
            int from = order.indexOf(stopId), to = from + Integer.signum(delta);
            if (to < 0 || to >= order.size()) {
                return false;
            }
            order.remove(from);
            order.add(to, stopId);
            renumber(c, order);
            touch(c, tourId, at);
            return true;
        });
    }

    /** Removes one stop (and its view); completes with whether it existed. */
    public CompletableFuture<Boolean> deleteStop(long stopId) {
        String at = UserDatabase.now();
        return db.change("tour stop", c -> {
            Long tourId = tourOf(c, stopId);
            if (tourId == null) {
                return false;
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM tour_stop WHERE id = ?")) {
                ps.setLong(1, stopId);
                ps.executeUpdate();
            }
            renumber(c, stopIds(c, tourId));
            touch(c, tourId, at);
            return true;
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

    // ---------------------------------------------------------------- inside a transaction

    private static String title(String title) {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("A tour needs a title");
        }
        return title.strip();
    }

    private static Tour tour(ResultSet rs) throws SQLException {
        return new Tour(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                Instant.parse(rs.getString(5)), Instant.parse(rs.getString(6)));
    }

    private static Tour insertTour(Connection c, String t, String d, String a, String at) throws SQLException {
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
    }

    private static TourStop insertStop(Connection c, long tourId, String title, String text, String notes, ViewSnapshot view,
                                       Drawing drawing) throws SQLException {
        Objects.requireNonNull(view, "view");
        String t = title == null ? "" : title.strip(), x = text == null ? "" : text, n = notes == null ? "" : notes;
        Drawing d = drawing == null ? Drawing.EMPTY : drawing;
        long viewId = Views.insert(c, view);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO tour_stop(tour_id, ordinal, title, text, view_id, notes, drawing)"
                + " VALUES (?1, (SELECT coalesce(max(ordinal) + 1, 0) FROM tour_stop WHERE tour_id = ?1), ?2, ?3, ?4, ?5, ?6)"
                + " RETURNING id, ordinal")) {
            ps.setLong(1, tourId);
            ps.setString(2, t);
            ps.setString(3, x);
            ps.setLong(4, viewId);
            ps.setString(5, n);
            ps.setString(6, d.isEmpty() ? null : DrawingJson.toJson(d));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new TourStop(rs.getLong(1), tourId, rs.getInt(2), t, x, n, view, d);
            }
        }
    }

    private static List<TourStop> stops(Connection c, long tourId) throws SQLException {
        record Row(long id, int ordinal, String title, String text, long viewId, String notes, String drawing) {}
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, ordinal, title, text, view_id, notes, drawing FROM tour_stop"
                + " WHERE tour_id = ? ORDER BY ordinal, id")) {
            ps.setLong(1, tourId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                            rs.getString(6), rs.getString(7)));
                }
            }
        }
        List<TourStop> out = new ArrayList<>();
        for (Row r : rows) {
            Drawing d;
            try {
                d = r.drawing() == null ? Drawing.EMPTY : DrawingJson.fromJson(r.drawing());
            } catch (IllegalArgumentException e) {
                // a drawing another program wrote badly costs the drawing, not the stop
                d = Drawing.EMPTY;
            }
            out.add(new TourStop(r.id(), tourId, r.ordinal(), r.title(), r.text(), r.notes(), Views.read(c, r.viewId()), d));
        }
        return out;
    }

    private static Long tourOf(Connection c, long stopId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT tour_id FROM tour_stop WHERE id = ?")) {
            ps.setLong(1, stopId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    private static List<Long> stopIds(Connection c, long tourId) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM tour_stop WHERE tour_id = ? ORDER BY ordinal, id")) {
            ps.setLong(1, tourId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }

    private static void renumber(Connection c, List<Long> order) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE tour_stop SET ordinal = ? WHERE id = ?")) {
            for (int i = 0; i < order.size(); i++) {
                ps.setInt(1, i);
                ps.setLong(2, order.get(i));
                ps.executeUpdate();
            }
        }
    }

    private static void touch(Connection c, long tourId, String at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE tour SET updated_at = ? WHERE id = ?")) {
            ps.setString(1, at);
            ps.setLong(2, tourId);
            ps.executeUpdate();
        }
    }

    private static void touchOfStop(Connection c, long stopId, String at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE tour SET updated_at = ? WHERE id = (SELECT tour_id FROM tour_stop WHERE id = ?)")) {
            ps.setString(1, at);
            ps.setLong(2, stopId);
            ps.executeUpdate();
        }
    }
}
