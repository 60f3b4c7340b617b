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

/** Saved views ({@code bookmark} + its {@code view}); each change is one transaction on the user database's thread. */
public final class Bookmarks {
    private final UserDatabase db;

    Bookmarks(UserDatabase db) {
        this.db = db;
    }

    /** Saves the view under a title. */
    public CompletableFuture<Bookmark> add(String title, ViewSnapshot view) {
        String t = checkTitle(title);
        Objects.requireNonNull(view, "view");
        String at = UserDatabase.now();
        return db.change("bookmark", c -> {
            long viewId = Views.insert(c, view);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO bookmark(title, view_id, created_at, updated_at)"
                    + " VALUES (?, ?, ?, ?) RETURNING id")) {
                ps.setString(1, t);
                ps.setLong(2, viewId);
                ps.setString(3, at);
                ps.setString(4, at);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return new Bookmark(rs.getLong(1), t, view, Instant.parse(at), Instant.parse(at));
                }
            }
        });
    }

    /** Every bookmark, oldest first. */
    public CompletableFuture<List<Bookmark>> list() {
        return db.read("bookmarks", Bookmarks::readAll);
    }

    /** Gives a bookmark a new title; completes with whether it exists. */
    public CompletableFuture<Boolean> rename(long id, String title) {
        String t = checkTitle(title);
        String at = UserDatabase.now();
        return db.change("bookmark", c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE bookmark SET title = ?, updated_at = ? WHERE id = ?")) {
                ps.setString(1, t);
                ps.setString(2, at);
                ps.setLong(3, id);
                return ps.executeUpdate() > 0;
            }
        });
    }

    /** Deletes a bookmark and its view; completes with whether it existed. */
    public CompletableFuture<Boolean> delete(long id) {
        return db.change("bookmark", c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM bookmark WHERE id = ?")) {
                ps.setLong(1, id);
                return ps.executeUpdate() > 0;
            }
        });
    }

    private static List<Bookmark> readAll(Connection c) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, title, view_id, created_at, updated_at FROM bookmark ORDER BY id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.add(new Object[] {rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5)});
            }
        }
        List<Bookmark> out = new ArrayList<>();
        for (Object[] r : rows) {
            out.add(new Bookmark((Long) r[0], (String) r[1], Views.read(c, (Long) r[2]), Instant.parse((String) r[3]),
                    Instant.parse((String) r[4])));
        }
        return out;
    }

    private static String checkTitle(String title) {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("A bookmark needs a title");
        }
        return title.strip();
    }
}
