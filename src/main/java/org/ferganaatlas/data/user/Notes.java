package org.ferganaatlas.data.user;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.ferganaatlas.data.jdbc.Rows;
import org.ferganaatlas.logic.TextMatch;

/**
 * The user's notes ({@code note}, {@code note_tag}). Every method runs on the user database's thread and returns
 * at once; each change (a note with all its tags) is one transaction. Lists are in the order notes were made.
 */
public final class Notes {
    private static final String COLUMNS =
            "n.id, n.feature_key, n.lat, n.lon, n.title, n.text, n.note_date, n.author, n.created_at, n.updated_at, n.photo";

    private final UserDatabase db;

    Notes(UserDatabase db) {
        this.db = db;
    }

    /** Saves a new note; completes with it (its id and times filled in) once it is on disk. */
    public CompletableFuture<Note> insert(NoteDraft draft) {
        String at = UserDatabase.now();
        return db.change("note", c -> {
            long id;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO note(feature_key, lat, lon, title, text, note_date,"
                    + " author, created_at, updated_at, photo) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")) {
                Rows.bind(ps, Arrays.asList(draft.featureKey(), draft.lat(), draft.lon(),
                        draft.title(), draft.text(), date(draft.date()), draft.author(), at, at, draft.photo()));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    id = rs.getLong(1);
                }
            }
            writeTags(c, id, draft.tags());
            return read(c, id).orElseThrow();
        });
    }

    /** Replaces the note's fields and tags; completes with the saved note, or empty if there is no such note. */
    public CompletableFuture<Optional<Note>> update(long id, NoteDraft draft) {
        String at = UserDatabase.now();
        return db.change("note", c -> {
            int n;
            try (PreparedStatement ps = c.prepareStatement("UPDATE note SET feature_key = ?, lat = ?, lon = ?, title = ?,"
                    + " text = ?, note_date = ?, author = ?, updated_at = ?, photo = ? WHERE id = ?")) {
                Rows.bind(ps, Arrays.asList(draft.featureKey(), draft.lat(), draft.lon(),
                        draft.title(), draft.text(), date(draft.date()), draft.author(), at, draft.photo(), id));
                n = ps.executeUpdate();
            }
            if (n == 0) {
                return Optional.<Note>empty();
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM note_tag WHERE note_id = ?")) {
                ps.setLong(1, id);
                ps.executeUpdate();
            }
            writeTags(c, id, draft.tags());
            return read(c, id);
        });
    }

    /** Deletes the note and its tags; completes with whether there was one. */
    public CompletableFuture<Boolean> delete(long id) {
        return db.change("note", c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM note WHERE id = ?")) {
                ps.setLong(1, id);
                return ps.executeUpdate() > 0;
            }
        });
    }

    /**
     * Deletes the note and its tags in one transaction; completes with the note as it was (for {@link #restore}, the
     * undo), or empty if there was none.
     */
    public CompletableFuture<Optional<Note>> remove(long id) {
        return db.change("note", c -> {
            Optional<Note> was = read(c, id);
            if (was.isPresent()) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM note WHERE id = ?")) {
                    ps.setLong(1, id);
                    ps.executeUpdate();
                }
            }
            return was;
        });
    }

    /**
     * Puts a removed note back as it was: the same id, times and tags, in one transaction (undo of {@link #remove}).
     * Completes with the note; fails if a note with its id exists.
     */
    public CompletableFuture<Note> restore(Note note) {
        NoteDraft d = note.draft(); // checks the fields as a new note would be
        return db.change("note", c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO note(id, feature_key, lat, lon, title, text,"
                    + " note_date, author, created_at, updated_at, photo) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                Rows.bind(ps, Arrays.asList(note.id(), d.featureKey(), d.lat(), d.lon(), d.title(), d.text(),
                        date(d.date()), d.author(), note.created().toString(), note.updated().toString(), d.photo()));
                ps.executeUpdate();
            }
            writeTags(c, note.id(), d.tags());
            return read(c, note.id()).orElseThrow();
        });
    }

    /**
     * The notes whose title, text or tags match {@code query} by the atlas search's rule ({@link TextMatch}: each
     * word starts a word, Latin and Cyrillic alike); every note for a blank query.
     */
    public CompletableFuture<List<Note>> search(String query) {
        TextMatch match = TextMatch.of(query);
        return list().thenApply(all -> all.stream().filter(n -> matches(match, n)).toList());
    }

    /** Whether a note's title, text or tags match (the same rule as {@link #search}, for a list already in memory). */
    public static boolean matches(TextMatch match, Note n) {
        List<String> texts = new ArrayList<>(n.tags());
        texts.add(n.title());
        texts.add(n.text());
        return match.matches(texts);
    }

    /** The note with this id. */
    public CompletableFuture<Optional<Note>> get(long id) {
        return db.read("notes", c -> read(c, id));
    }

    /** Every note. */
    public CompletableFuture<List<Note>> list() {
        return db.read("notes", c -> query(c, "SELECT " + COLUMNS + " FROM note n ORDER BY n.id", List.of()));
    }

    /** The notes about one atlas feature. */
    public CompletableFuture<List<Note>> listFor(String featureKey) {
        return db.read("notes", c -> query(c, "SELECT " + COLUMNS + " FROM note n WHERE n.feature_key = ? ORDER BY n.id",
                List.of(featureKey)));
    }

    /** The notes with this tag. */
    public CompletableFuture<List<Note>> listTagged(String tag) {
        return db.read("notes", c -> query(c, "SELECT " + COLUMNS + " FROM note n WHERE n.id IN"
                + " (SELECT note_id FROM note_tag WHERE tag = ?) ORDER BY n.id", List.of(tag.strip())));
    }

    private static void writeTags(Connection c, long id, List<String> tags) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO note_tag(note_id, tag) VALUES (?, ?)")) {
            for (String t : tags) {
                ps.setLong(1, id);
                ps.setString(2, t);
                ps.executeUpdate();
            }
        }
    }

    private static Optional<Note> read(Connection c, long id) throws SQLException {
        List<Note> one = query(c, "SELECT " + COLUMNS + " FROM note n WHERE n.id = ?", List.of(id));
        return one.isEmpty() ? Optional.empty() : Optional.of(one.get(0));
    }

    private static List<Note> query(Connection c, String sql, List<?> args) throws SQLException {
        Map<Long, Object[]> rows = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Rows.bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String d = rs.getString(7);
                    rows.put(rs.getLong(1), new Object[] {rs.getString(2), Rows.doubleOrNull(rs, 3), Rows.doubleOrNull(rs, 4),
                            rs.getString(5), rs.getString(6), d == null ? null : LocalDate.parse(d), rs.getString(8),
                            Instant.parse(rs.getString(9)), Instant.parse(rs.getString(10)), rs.getString(11)});
                }
            }
        }
        Map<Long, List<String>> tags = new LinkedHashMap<>();
        if (!rows.isEmpty()) {
            // the tags of exactly these notes, in one query (json_each takes the id list as one parameter)
            try (PreparedStatement ps = c.prepareStatement("SELECT note_id, tag FROM note_tag WHERE note_id IN"
                    + " (SELECT value FROM json_each(?)) ORDER BY note_id, tag")) {
                ps.setString(1, rows.keySet().toString());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        tags.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
                    }
                }
            }
        }
        List<Note> out = new ArrayList<>(rows.size());
        rows.forEach((id, r) -> out.add(new Note(id, (String) r[0], (Double) r[1], (Double) r[2], (String) r[3],
                (String) r[4], (LocalDate) r[5], (String) r[6], tags.getOrDefault(id, List.of()), (Instant) r[7],
                (Instant) r[8], (String) r[9])));
        return out;
    }

    private static String date(LocalDate d) {
        return d == null ? null : d.toString();
    }
}
