package org.ferganaatlas.data.user;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rotating copies of the user's database in {@code backups/} beside it, so that a damaged file can be replaced by
 * the last good one (docs/decisions/0016-backups-large-imports-mbtiles.md).
 *
 * <p>A copy is made with SQLite's own {@code VACUUM INTO} on the database's thread (a consistent snapshot while the
 * file is in use, WAL included), into a temporary name; it must pass {@code PRAGMA integrity_check} and carry our
 * {@code application_id} before it is given its final name, and only then are the oldest copies beyond {@link #KEEP}
 * deleted, so a failed or damaged copy never pushes a good one out. At most one copy a day (the first start of the
 * day), so a week of daily use keeps the last three days rather than the last three starts of one bad afternoon.
 */
public final class UserBackups {
    /** How many copies are kept. */
    public static final int KEEP = 3;
    /** {@code user-20261201T231500Z.sqlite}: the UTC time the copy was made. */
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final Pattern NAME = Pattern.compile("(.+)-(\\d{8}T\\d{6}Z)(?:-(\\d+))?\\.sqlite");

    /** One copy: where it is and when it was made. */
    public record Backup(Path file, Instant madeAt) {}

    private UserBackups() {}

    /** The folder the copies of {@code database} are kept in. */
    public static Path folder(Path database) {
        return database.toAbsolutePath().normalize().resolveSibling("backups");
    }

    /** The copies of {@code database}, newest first (by the time in their names; files of other names are ignored). */
    public static List<Backup> list(Path database) {
        Path dir = folder(database);
        String base = baseName(database);
        List<Backup> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.sqlite")) {
            for (Path p : ds) {
                Matcher m = NAME.matcher(p.getFileName().toString());
                if (m.matches() && m.group(1).equals(base)) {
                    try {
                        out.add(new Backup(p, STAMP.parse(m.group(2), Instant::from)));
                    } catch (DateTimeParseException e) {
                        // not one of ours
                    }
                }
            }
        } catch (IOException e) {
            return out;
        }
        out.sort(Comparator.comparing(Backup::madeAt).thenComparing(b -> b.file().getFileName().toString()).reversed());
        return out;
    }

    /** Whether a copy made today (local calendar day) already exists. */
    static boolean madeToday(Path database, Instant now, ZoneId zone) {
        LocalDate today = LocalDate.ofInstant(now, zone);
        return list(database).stream().anyMatch(b -> LocalDate.ofInstant(b.madeAt(), zone).equals(today));
    }

    /**
     * Copies the open database through {@code c} (on its thread, outside a transaction), checks the copy, gives it
     * its name and deletes the oldest beyond {@link #KEEP}. A copy that fails its check is deleted and nothing else is.
     *
     * @return the new copy
     * @throws SQLException or IOException when the copy could not be made or failed its check (older copies remain)
     */
    static Backup make(Connection c, Path database, Instant now) throws SQLException, IOException {
        Path dir = folder(database);
        Files.createDirectories(dir);
        String base = baseName(database);
        Path target = dir.resolve(base + "-" + STAMP.format(now) + ".sqlite");
        for (int n = 1; Files.exists(target); n++) {
            target = dir.resolve(base + "-" + STAMP.format(now) + "-" + n + ".sqlite");
        }
        Path tmp = dir.resolve(".making-" + target.getFileName());
        Files.deleteIfExists(tmp);
        try {
            try (Statement st = c.createStatement()) {
                st.executeUpdate("VACUUM INTO '" + tmp.toString().replace("'", "''") + "'");
            }
            String why = check(tmp);
            if (why != null) {
                throw new SQLException("the new copy failed its check: " + why);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        List<Backup> all = list(database);
        for (int i = KEEP; i < all.size(); i++) {
            Files.deleteIfExists(all.get(i).file());
        }
        return new Backup(target, STAMP.parse(STAMP.format(now), Instant::from));
    }

    /**
     * Why {@code file} is not a good copy (not SQLite, not ours, {@code integrity_check} not "ok"), or null when it is.
     * Opens it read-only; changes nothing.
     */
    public static String check(Path file) {
        if (!Files.isRegularFile(file)) {
            return "missing";
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toUri().toASCIIString() + "?mode=ro");
             Statement st = c.createStatement()) {
            List<String> lines = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
                while (rs.next()) {
                    lines.add(String.valueOf(rs.getString(1)));
                }
            }
            if (!lines.equals(List.of("ok"))) {
                return lines.isEmpty() ? "no answer" : lines.get(0);
            }
            try (ResultSet rs = st.executeQuery("PRAGMA application_id")) {
                int id = rs.next() ? rs.getInt(1) : 0;
                if (id != UserSchema.APPLICATION_ID) {
                    return "application_id " + id;
                }
            }
            return null;
        } catch (SQLException e) {
            return String.valueOf(e.getMessage());
        }
    }

    /**
     * Puts the newest good copy in place of {@code database}, which must no longer be there (set aside first).
     * Copies to a temporary name and moves it in, so a cut-off restore leaves no half file under the real name.
     *
     * @param skip copies already tried (they did not open): they are passed over
     * @return the copy restored, or empty when none is good
     */
    public static Optional<Backup> restoreNewest(Path database, java.util.Set<Path> skip) throws IOException {
        Path abs = database.toAbsolutePath().normalize();
        if (Files.exists(abs)) {
            throw new IOException(abs + " is still there; set it aside first");
        }
        for (Backup b : list(abs)) {
            if (skip.contains(b.file()) || check(b.file()) != null) {
                continue;
            }
            Path tmp = abs.resolveSibling(abs.getFileName() + ".restoring");
            Files.copy(b.file(), tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE);
            return Optional.of(b);
        }
        return Optional.empty();
    }

    private static String baseName(Path database) {
        return database.getFileName().toString().replaceFirst("\\.sqlite$", "");
    }
}
