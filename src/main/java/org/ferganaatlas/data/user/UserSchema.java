package org.ferganaatlas.data.user;

import java.util.List;

/**
 * The user database's schema as an ordered list of migrations (documented in docs/SCHEMA.md, "User database").
 * A new release that needs a table or a column appends a step; a released step is never edited, because files
 * already at that version will not run it again.
 *
 * <p>Conventions: coordinates are WGS84 degrees ({@code lat}/{@code lon} named, geometry WKB with x = longitude);
 * dates are ISO {@code YYYY-MM-DD}; times are UTC ISO-8601 instants ({@code 2026-12-01T20:30:00.123Z}); feature
 * keys are the atlas's keys ({@code village:dostuk}) and are not foreign keys, since they point into the other file.
 */
public final class UserSchema {
    private UserSchema() {}

    /** {@code PRAGMA application_id} of our files ("FBA1"): another program's SQLite file is refused, not migrated. */
    public static final int APPLICATION_ID = 0x46424131;

    /** Every step, in order; {@link #LATEST} is the version a file has once all ran. */
    public static final List<Migration> MIGRATIONS = List.of(
            new Migration(1, "settings, saved views (bookmarks, tour stops), tours, notes, user layers", List.of(
                    "PRAGMA application_id = " + APPLICATION_ID,
                    """
                    CREATE TABLE setting (
                      key        TEXT PRIMARY KEY NOT NULL CHECK (length(key) BETWEEN 1 AND 200),
                      value      TEXT NOT NULL,
                      updated_at TEXT NOT NULL
                    ) WITHOUT ROWID""",
                    """
                    CREATE TABLE view (
                      id            INTEGER PRIMARY KEY,
                      centre_lat    REAL NOT NULL CHECK (centre_lat BETWEEN -90 AND 90),
                      centre_lon    REAL NOT NULL CHECK (centre_lon BETWEEN -180 AND 180),
                      zoom          REAL NOT NULL CHECK (zoom BETWEEN 0 AND 24),
                      map_date      TEXT NOT NULL CHECK (map_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
                      selection_key TEXT,
                      record_key    TEXT
                    )""",
                    """
                    CREATE TABLE view_layer (
                      view_id INTEGER NOT NULL REFERENCES view(id) ON DELETE CASCADE,
                      layer   TEXT NOT NULL,
                      PRIMARY KEY (view_id, layer)
                    ) WITHOUT ROWID""",
                    """
                    CREATE TABLE view_highlight (
                      view_id     INTEGER NOT NULL REFERENCES view(id) ON DELETE CASCADE,
                      ordinal     INTEGER NOT NULL,
                      feature_key TEXT NOT NULL,
                      PRIMARY KEY (view_id, ordinal)
                    ) WITHOUT ROWID""",
                    """
                    CREATE TABLE bookmark (
                      id         INTEGER PRIMARY KEY,
                      title      TEXT NOT NULL CHECK (length(trim(title)) > 0),
                      view_id    INTEGER NOT NULL UNIQUE REFERENCES view(id),
                      created_at TEXT NOT NULL,
                      updated_at TEXT NOT NULL
                    )""",
                    """
                    CREATE TABLE tour (
                      id          INTEGER PRIMARY KEY,
                      title       TEXT NOT NULL CHECK (length(trim(title)) > 0),
                      description TEXT NOT NULL DEFAULT '',
                      author      TEXT,
                      created_at  TEXT NOT NULL,
                      updated_at  TEXT NOT NULL
                    )""",
                    """
                    CREATE TABLE tour_stop (
                      id      INTEGER PRIMARY KEY,
                      tour_id INTEGER NOT NULL REFERENCES tour(id) ON DELETE CASCADE,
                      ordinal INTEGER NOT NULL,
                      title   TEXT NOT NULL,
                      text    TEXT NOT NULL DEFAULT '',
                      view_id INTEGER NOT NULL UNIQUE REFERENCES view(id)
                    )""",
                    "CREATE INDEX tour_stop_by_tour ON tour_stop(tour_id, ordinal)",
                    // A view belongs to the one bookmark or tour stop that points at it: it goes with its owner
                    // (also when a tour's stops go by cascade).
                    "CREATE TRIGGER bookmark_drops_view AFTER DELETE ON bookmark BEGIN DELETE FROM view WHERE id = OLD.view_id; END",
                    "CREATE TRIGGER tour_stop_drops_view AFTER DELETE ON tour_stop BEGIN DELETE FROM view WHERE id = OLD.view_id; END",
                    """
                    CREATE TABLE note (
                      id          INTEGER PRIMARY KEY,
                      feature_key TEXT,
                      lat         REAL CHECK (lat IS NULL OR lat BETWEEN -90 AND 90),
                      lon         REAL CHECK (lon IS NULL OR lon BETWEEN -180 AND 180),
                      title       TEXT NOT NULL CHECK (length(trim(title)) > 0),
                      text        TEXT NOT NULL DEFAULT '',
                      note_date   TEXT CHECK (note_date IS NULL OR note_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
                      author      TEXT,
                      created_at  TEXT NOT NULL,
                      updated_at  TEXT NOT NULL,
                      CHECK ((lat IS NULL) = (lon IS NULL)),
                      CHECK (feature_key IS NOT NULL OR lat IS NOT NULL)
                    )""",
                    "CREATE INDEX note_by_feature ON note(feature_key) WHERE feature_key IS NOT NULL",
                    """
                    CREATE TABLE note_tag (
                      note_id INTEGER NOT NULL REFERENCES note(id) ON DELETE CASCADE,
                      tag     TEXT NOT NULL CHECK (length(tag) > 0),
                      PRIMARY KEY (note_id, tag)
                    ) WITHOUT ROWID""",
                    "CREATE INDEX note_tag_by_tag ON note_tag(tag)",
                    """
                    CREATE TABLE user_layer (
                      id            INTEGER PRIMARY KEY,
                      name          TEXT NOT NULL CHECK (length(trim(name)) > 0),
                      source_format TEXT NOT NULL CHECK (source_format IN ('geojson', 'kml', 'csv', 'drawn')),
                      source_file   TEXT,
                      visible       INTEGER NOT NULL DEFAULT 1 CHECK (visible IN (0, 1)),
                      ordinal       INTEGER NOT NULL,
                      created_at    TEXT NOT NULL
                    )""",
                    """
                    CREATE TABLE user_feature (
                      id         INTEGER PRIMARY KEY,
                      layer_id   INTEGER NOT NULL REFERENCES user_layer(id) ON DELETE CASCADE,
                      name       TEXT,
                      geometry   BLOB NOT NULL,
                      min_lon    REAL NOT NULL,
                      min_lat    REAL NOT NULL,
                      max_lon    REAL NOT NULL,
                      max_lat    REAL NOT NULL,
                      attributes TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(attributes) AND json_type(attributes) = 'object')
                    )""",
                    "CREATE INDEX user_feature_by_layer ON user_feature(layer_id)")),
            // Added columns only, with defaults: a version-1 file keeps every tour and stop as it was.
            new Migration(2, "tour stops: speaker notes and an optional drawing (JSON, see data.io.DrawingJson)", List.of(
                    "ALTER TABLE tour_stop ADD COLUMN notes TEXT NOT NULL DEFAULT ''",
                    "ALTER TABLE tour_stop ADD COLUMN drawing TEXT CHECK (drawing IS NULL OR json_valid(drawing))")),
            // A photo is the user's own file, named, never copied in: the database stays small and the photo stays
            // where the user keeps it (and opens with their own viewer).
            new Migration(3, "a note's photo file reference", List.of(
                    "ALTER TABLE note ADD COLUMN photo TEXT CHECK (photo IS NULL OR length(trim(photo)) > 0)")));

    /** The version of a file on which every migration ran. */
    public static final int LATEST = MIGRATIONS.get(MIGRATIONS.size() - 1).version();

    static {
        for (int i = 0; i < MIGRATIONS.size(); i++) {
            if (MIGRATIONS.get(i).version() != i + 1) {
                throw new IllegalStateException("user schema migrations must be numbered 1, 2, 3, ... in order");
            }
        }
    }
}
