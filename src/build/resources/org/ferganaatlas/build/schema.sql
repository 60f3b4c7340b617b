-- Fergana Border Atlas database, schema version 2 (additive over 1: new columns and tables only).
-- Coordinates: WGS84 degrees. Geometry blobs are WKB with x = longitude, y = latitude (GeoJSON/JTS order).
-- The app opens this file read-only (SQLite URI mode=ro, immutable=1). Anything a user creates lives in a separate user database.
-- Deterministic: rows are inserted in sorted key order, no timestamps, VACUUM at the end.

CREATE TABLE metadata(          -- key/value facts about this build
  key   TEXT PRIMARY KEY,       -- schema_version, region_bbox, lod_bands, inputs (JSON: name, version, sha512, licence, taken), attribution, content_sha256
  value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE source(            -- every source a row cites (curated sources_*.csv plus the pinned datasets)
  id        TEXT PRIMARY KEY,   -- 'p-…' / 'h-…' (curated), 'ds-…' (dataset from the manifest)
  title     TEXT NOT NULL,
  publisher TEXT,
  published TEXT,               -- ISO date or partial date
  url       TEXT,
  licence   TEXT,
  accessed  TEXT,
  language  TEXT,
  notes     TEXT,
  reports_abuses_by TEXT        -- ISO3 ';'-separated: the parties whose abuses this source reports (NULL = none recorded).
                                -- A row citing a source with two or more must say what it found about each (checked by the build)
) WITHOUT ROWID;

CREATE TABLE feature(           -- everything that can be drawn or clicked
  id          INTEGER PRIMARY KEY,   -- dense ids assigned in sorted key order; also the R*Tree id
  key         TEXT NOT NULL UNIQUE,  -- 'country:KGZ', 'border:KGZ-TJK:2', 'tripoint:KAZ-KGZ-UZB', 'crossing:kyzyl-bel', 'town:1514879', 'river:gshhg:12'
  kind        TEXT NOT NULL,         -- country|border|boundary|tripoint|enclave|crossing|junction|monument|village|town|river|lake|water_facility|road|site (boundary = all segments of a pair, not drawn)
  name_en     TEXT NOT NULL,
  country     TEXT,                  -- ISO3 the feature lies in today (NULL for borders, tripoints)
  countries   TEXT,                  -- for borders, tripoints and crossings: ISO3 codes sorted, '-'-joined ('KGZ-TJK')
  rank        INTEGER NOT NULL,      -- label priority, 0 = most important
  min_zoom    INTEGER NOT NULL,      -- smallest map zoom at which it is drawn
  lat         REAL,                  -- representative point (label anchor / point features)
  lon         REAL,
  accuracy_m  REAL,                  -- how far the location may be off, metres
  confidence  TEXT NOT NULL,         -- high|medium|low
  derivation  TEXT,                  -- how the location was derived when no source gives it (NULL if sourced)
  source_ids  TEXT NOT NULL,         -- ';'-separated source.id
  props       TEXT NOT NULL          -- JSON object with kind-specific values (population, length_km, area_km2, admin codes, who_may_cross, notes ...)
);
CREATE INDEX feature_kind ON feature(kind, rank);

CREATE TABLE geometry(          -- one geometry per feature and level of detail
  feature_id INTEGER NOT NULL REFERENCES feature(id),
  lod        INTEGER NOT NULL,  -- 0..3, see metadata.lod_bands (0 = coarsest); points are stored at lod 0 only: read the highest stored lod <= wanted
  wkb        BLOB NOT NULL,     -- WKB, x = lon, y = lat
  PRIMARY KEY(feature_id, lod)
) WITHOUT ROWID;

CREATE VIRTUAL TABLE feature_rtree USING rtree(id, min_lon, max_lon, min_lat, max_lat);

CREATE TABLE name(              -- names of features, treaties and events in the five languages (and spelling variants)
  feature_key TEXT NOT NULL,
  lang        TEXT NOT NULL,    -- en ru ky tg uz, or 'alt' (other spellings: Latin transliterations and former names)
  name        TEXT NOT NULL,
  is_primary  INTEGER NOT NULL, -- 1 = the name to show for that language
  source_ids  TEXT NOT NULL,
  basis       TEXT,             -- how the language is known: 'source' (the source says so) or 'rule:<name>' (derived from
                                -- the letters by the build's NameTagging rules); NULL in files built before this column
  PRIMARY KEY(feature_key, lang, name)
) WITHOUT ROWID;

CREATE TABLE fact(              -- dated figures; several rows for one attribute when sources disagree
  feature_key TEXT NOT NULL,
  attribute   TEXT NOT NULL,    -- area_km2, population, people_resettled, households, length_km ...
  value       TEXT NOT NULL,
  value_max   TEXT,             -- upper end of a range (NULL = single value)
  unit        TEXT,
  as_of       TEXT,
  confidence  TEXT NOT NULL,
  source_ids  TEXT NOT NULL,
  note        TEXT
);
CREATE INDEX fact_key ON fact(feature_key);

CREATE TABLE status(            -- time-varying states: crossing_status, administered_by, residents
  feature_key TEXT NOT NULL,
  attribute   TEXT NOT NULL,
  value       TEXT NOT NULL,
  from_date   TEXT,             -- inclusive; NULL = since before our records
  to_date     TEXT,             -- exclusive; NULL = still so
  confidence  TEXT NOT NULL,
  source_ids  TEXT NOT NULL,
  note        TEXT,
  last_confirmed        TEXT,   -- latest date a cited source confirms the state; required when to_date is NULL.
                                -- After this date the state is unconfirmed: show "last reported <value> on <date>", not fact
  last_confirmed_source TEXT    -- the source.id that confirms it on last_confirmed (one of source_ids)
);
CREATE INDEX status_key ON status(feature_key);

CREATE TABLE territory_period(  -- schema 2: who held a piece of land that has its own polygon, by date
  feature_key TEXT NOT NULL,      -- a feature with a polygon (enclave:barak)
  holder      TEXT NOT NULL,      -- ISO3 holding it in this period
  from_date   TEXT,               -- inclusive; NULL = since before our records
  to_date     TEXT,               -- exclusive; NULL = no end reported
  drawn_as    TEXT NOT NULL,      -- ISO3 whose polygon includes it in the map's geometry (metadata.geometry_date)
  outline_border_keys TEXT,       -- ';'-separated border segments that are exactly its outline (draw them as a
                                  -- former border once holder <> the surrounding country)
  confidence  TEXT NOT NULL,
  source_ids  TEXT NOT NULL,
  note        TEXT
);
CREATE INDEX territory_period_key ON territory_period(feature_key);

CREATE TABLE treaty(
  key           TEXT PRIMARY KEY,
  kind          TEXT NOT NULL,  -- treaty|agreement|memorandum|protocol|declaration
  title_en      TEXT NOT NULL,
  parties       TEXT NOT NULL,  -- ISO3 ';'-separated
  place         TEXT,
  signed_date   TEXT,
  in_force_date TEXT,
  summary_en    TEXT,
  confidence    TEXT NOT NULL,
  source_ids    TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE treaty_step(
  treaty_key TEXT NOT NULL,
  date       TEXT,
  step       TEXT NOT NULL,     -- signed|approved_parliament|approved_senate|approved_upper_house|signed_into_law|instruments_exchanged|in_force
  country    TEXT,
  body       TEXT,
  note       TEXT,
  confidence TEXT NOT NULL,
  source_ids TEXT NOT NULL
);

CREATE TABLE provision(
  key        TEXT PRIMARY KEY,
  treaty_key TEXT NOT NULL,
  ordinal    INTEGER NOT NULL,
  title_en   TEXT NOT NULL,
  summary_en TEXT NOT NULL,
  confidence TEXT NOT NULL,
  source_ids TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE provision_feature(
  provision_key TEXT NOT NULL,
  feature_key   TEXT NOT NULL,
  PRIMARY KEY(provision_key, feature_key)
) WITHOUT ROWID;

CREATE TABLE event(
  key          TEXT PRIMARY KEY,
  date         TEXT NOT NULL,
  date_end     TEXT,
  kind         TEXT NOT NULL,
  title_en     TEXT NOT NULL,
  summary_en   TEXT,
  deaths_min   INTEGER, deaths_max INTEGER,
  injured_min  INTEGER, injured_max INTEGER,
  displaced_min INTEGER, displaced_max INTEGER,
  confidence   TEXT NOT NULL,
  source_ids   TEXT NOT NULL,
  notes        TEXT
) WITHOUT ROWID;

CREATE TABLE event_feature(
  event_key   TEXT NOT NULL,
  feature_key TEXT NOT NULL,
  PRIMARY KEY(event_key, feature_key)
) WITHOUT ROWID;

CREATE TABLE translation(       -- texts of treaties, provisions and events in other languages than English (additive:
                                -- readers that do not know this table keep showing title_en/summary_en/notes)
  record_key    TEXT NOT NULL,  -- a treaty, provision or event key
  field         TEXT NOT NULL,  -- title|summary|notes (the English original: title_en, summary_en, notes)
  lang          TEXT NOT NULL,  -- ru ky tg uz
  text          TEXT NOT NULL,
  method        TEXT NOT NULL,  -- machine-ai (made by an AI assistant) | human
  translator    TEXT NOT NULL,  -- who or what made it ('Claude (Anthropic)')
  translated_on TEXT NOT NULL,  -- ISO date, possibly partial
  reviewed_by   TEXT,           -- who checked it against the original; NULL = nobody yet
  source_ids    TEXT NOT NULL,  -- ';'-separated source.id: the translated record's own sources (a translation states its facts)
  PRIMARY KEY(record_key, field, lang)
);

-- Documented moves of people from one place to another (curated resettlements.csv): the map draws an arrow from
-- the old place to the new one from `date` on, where both have a location.
CREATE TABLE resettlement(
  from_key       TEXT NOT NULL,   -- feature the people left
  to_key         TEXT NOT NULL,   -- feature they moved to
  date           TEXT NOT NULL,   -- ISO (possibly partial): when the move began
  date_end       TEXT,            -- when it was reported complete, or NULL
  people_min     INTEGER, people_max INTEGER,         -- ranges where sources differ; NULL = no figure
  households_min INTEGER, households_max INTEGER,
  confidence     TEXT NOT NULL,
  source_ids     TEXT NOT NULL,
  notes          TEXT,
  PRIMARY KEY(from_key, to_key, date)
) WITHOUT ROWID;

-- Full-text index over every name and text. 'fold' holds TextFold.fold() of the names, a Latin
-- skeleton in which Khujand, Xo'jand, Худжанд and Хуҷанд coincide; queries are folded the same way.
CREATE VIRTUAL TABLE search USING fts5(
  ref UNINDEXED,                -- feature/treaty/provision/event key
  kind UNINDEXED,               -- feature kind, or treaty|provision|event
  name,                         -- primary English name
  names,                        -- every other name and spelling, space-separated
  body,                         -- descriptions, summaries
  fold,                         -- folded skeletons of name + names
  tokenize = "unicode61 remove_diacritics 2",
  prefix = '2 3'
);
