package org.ferganaatlas.data.user;

import java.sql.PreparedStatement;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * The user's preferences as text by key ({@code setting} table). Reads come from a copy in memory, loaded at
 * open, so any thread (the FX thread included) may read without SQL; {@link #put} changes the copy at once and
 * saves in the background, in the order the calls were made. If a save fails, the value still holds for this
 * session and the folder is reported to {@link org.ferganaatlas.data.UserFolders}.
 */
public final class Settings {
    /** The window's language: a BCP 47 tag ({@code en}, {@code ru}, {@code ky}, {@code tg}, {@code uz}). */
    public static final String LANGUAGE = "ui.language";
    /** The text size step (the gui defines the steps). */
    public static final String TEXT_SIZE = "ui.text_size";
    /** The high-contrast theme: {@code true} or {@code false}. */
    public static final String HIGH_CONTRAST = "ui.high_contrast";
    /** The main window's bounds, {@code x,y,width,height} in screen pixels. */
    public static final String WINDOW_BOUNDS = "window.bounds";
    /** The MBTiles files the user added as basemaps: absolute paths, one a line (the files stay where they are). */
    public static final String BASEMAP_FILES = "basemap.mbtiles_files";
    /** The basemap in use: one of {@link #BASEMAP_FILES}, or absent for the atlas map. */
    public static final String BASEMAP_CURRENT = "basemap.current";

    static final int MAX_KEY_LENGTH = 200;

    private final UserDatabase db;
    /** Guarded by itself; also orders the saves, so disk and memory agree on the last value. */
    private final Map<String, String> values;

    Settings(UserDatabase db, Map<String, String> loaded) {
        this.db = db;
        this.values = new TreeMap<>(loaded);
    }

    /** The value saved under {@code key}, if any. */
    public Optional<String> get(String key) {
        synchronized (values) {
            return Optional.ofNullable(values.get(key));
        }
    }

    /** The value saved under {@code key}, or {@code fallback}. */
    public String get(String key, String fallback) {
        return get(key).orElse(fallback);
    }

    /** The value as an int, or {@code fallback} when missing or not a whole number (an edited file never breaks start). */
    public int getInt(String key, int fallback) {
        try {
            return get(key).map(v -> Integer.parseInt(v.strip())).orElse(fallback);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** The value as a finite double, or {@code fallback} when missing or not a number. */
    public double getDouble(String key, double fallback) {
        try {
            double d = get(key).map(v -> Double.parseDouble(v.strip())).orElse(fallback);
            return Double.isFinite(d) ? d : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** {@code true}/{@code false} (any case), else {@code fallback}. */
    public boolean getBoolean(String key, boolean fallback) {
        String v = get(key).map(String::strip).orElse("");
        return v.equalsIgnoreCase("true") || !v.equalsIgnoreCase("false") && fallback;
    }

    /** Every setting, sorted by key (a copy). */
    public Map<String, String> all() {
        synchronized (values) {
            return Collections.unmodifiableMap(new TreeMap<>(values));
        }
    }

    /** Sets {@code key} to {@code value} ({@code null} removes it); the future completes once it is on disk. */
    public CompletableFuture<Void> put(String key, String value) {
        Map<String, String> one = new LinkedHashMap<>();
        one.put(key, value);
        return putAll(one);
    }

    /** Several settings in one transaction (window bounds, say: all four numbers or none); null values remove. */
    public CompletableFuture<Void> putAll(Map<String, String> changes) {
        Map<String, String> copy = new LinkedHashMap<>(changes);
        copy.keySet().forEach(Settings::checkKey);
        synchronized (values) {
            copy.forEach((k, v) -> {
                if (v == null) {
                    values.remove(k);
                } else {
                    values.put(k, v);
                }
            });
            String at = UserDatabase.now();
            return db.change("settings", c -> {
                try (PreparedStatement up = c.prepareStatement("INSERT INTO setting(key, value, updated_at) VALUES (?, ?, ?)"
                        + " ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at");
                     PreparedStatement del = c.prepareStatement("DELETE FROM setting WHERE key = ?")) {
                    for (Map.Entry<String, String> e : copy.entrySet()) {
                        if (e.getValue() == null) {
                            del.setString(1, e.getKey());
                            del.executeUpdate();
                        } else {
                            up.setString(1, e.getKey());
                            up.setString(2, e.getValue());
                            up.setString(3, at);
                            up.executeUpdate();
                        }
                    }
                }
                return null;
            });
        }
    }

    /** Removes {@code key}. */
    public CompletableFuture<Void> remove(String key) {
        return put(key, null);
    }

    private static void checkKey(String key) {
        Objects.requireNonNull(key, "key");
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("A setting key must be 1 to " + MAX_KEY_LENGTH + " characters, not blank");
        }
    }
}
