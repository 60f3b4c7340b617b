package org.ferganaatlas.data.user;

import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.ferganaatlas.data.AtlasPaths;
import org.ferganaatlas.data.UserFolders;
import org.sqlite.SQLiteConfig;

/**
 * The user's own database ({@link AtlasPaths#userDatabase()}): settings, bookmarks, tours, notes and imported
 * layers, in a file of its own so that reinstalling the atlas never touches it (docs/decisions/0005-user-database.md).
 *
 * <p><b>Durability.</b> WAL journal with {@code synchronous=FULL}: a change whose future has completed is on disk
 * and survives the process being killed ({@code kill -9}) or the power going. Every change is one transaction:
 * all of it is saved or none (a note with its tags, an imported layer with all its features).
 *
 * <p><b>Threads.</b> One connection, owned by one daemon thread ({@code user-db}). Every read and write of the
 * stores runs there, in the order asked, and returns a {@link CompletableFuture}; the caller (the FX thread) never
 * runs SQL and never waits unless it joins. {@link Settings} reads come from memory. {@link #open} itself runs on
 * that thread too but waits for it: call it off the FX thread (at start, with the atlas database).
 *
 * <p><b>Opening.</b> {@link #open} checks the file before changing anything: that it is an SQLite file
 * ({@link UserDataException.Problem#NOT_DATABASE}), ours ({@code application_id}), passes {@code PRAGMA quick_check}
 * ({@code DAMAGED}), and is not of a newer schema ({@code NEWER_VERSION}); then it applies the missing
 * {@link UserSchema#MIGRATIONS}, each in its own transaction. A file that fails is left as it was; {@link #setAside}
 * moves it out of the way so that the next open starts an empty one.
 *
 * <p><b>Errors after opening.</b> A change that fails (disk full, file made read-only) completes its future with
 * {@link UserStoreException}, is rolled back, and is reported once to {@link UserFolders}; input that breaks the
 * schema's rules completes it with {@link IllegalArgumentException}.
 */
public final class UserDatabase implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(UserDatabase.class.getName());
    /** How long another program (a second atlas window) may hold the write lock before a change fails. */
    private static final int BUSY_TIMEOUT_MS = 5_000;
    /** How long {@link #close} waits for queued changes to be saved. */
    private static final long CLOSE_WAIT_SECONDS = 10;
    private static final int SQLITE_CONSTRAINT = 19;
    /** SQLITE_READONLY, SQLITE_IOERR, SQLITE_FULL, SQLITE_CANTOPEN: the disk or the folder, not the data. */
    private static final java.util.Set<Integer> DISK_PROBLEMS = java.util.Set.of(8, 10, 13, 14);

    /** Work on the connection, run on the database's own thread. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private final Path file;
    private final ExecutorService thread;
    private final Connection connection;
    private final int versionAtOpen;
    private final Settings settings;
    private final Notes notes;
    private final Bookmarks bookmarks;
    private final Tours tours;
    private final UserLayers layers;
    private final Thread shutdownHook;
    private volatile boolean closed;

    private UserDatabase(Path file, ExecutorService thread, Opened opened) {
        this.file = file;
        this.thread = thread;
        this.connection = opened.connection;
        this.versionAtOpen = opened.versionBefore;
        this.settings = new Settings(this, opened.settings);
        this.notes = new Notes(this);
        this.bookmarks = new Bookmarks(this);
        this.tours = new Tours(this);
        this.layers = new UserLayers(this);
        // System.exit (the window's close, a crash) still saves what is queued; kill -9 loses only unreturned changes.
        this.shutdownHook = new Thread(this::close, "user-db-close");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Opens (creating if needed) the user database at {@link AtlasPaths#userDatabase()}. */
    public static UserDatabase openDefault() throws UserDataException {
        return open(AtlasPaths.userDatabase());
    }

    /**
     * Opens the user database at {@code file}, creating it and its folder if missing, and brings it to
     * {@link UserSchema#LATEST}. Blocks while it checks and migrates (milliseconds for a small file).
     *
     * @throws UserDataException with a message for the user when the file cannot be used; the file is then unchanged
     */
    public static UserDatabase open(Path file) throws UserDataException {
        return open(file, UserSchema.MIGRATIONS);
    }

    /** {@link #open(Path)} with other migrations (tests of the migration rules). */
    static UserDatabase open(Path file, List<Migration> migrations) throws UserDataException {
        Path abs = file.toAbsolutePath().normalize();
        ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "user-db");
            t.setDaemon(true);
            return t;
        });
        Future<Opened> f = thread.submit(() -> openOnThread(abs, migrations));
        try {
            return new UserDatabase(abs, thread, f.get());
        } catch (ExecutionException e) {
            thread.shutdown();
            if (e.getCause() instanceof UserDataException u) {
                throw u;
            }
            throw new UserDataException(UserDataException.Problem.OTHER, "Your own atlas data could not be opened ("
                    + e.getCause() + ").", abs, e.getCause(), String.valueOf(e.getCause()));
        } catch (InterruptedException e) {
            thread.shutdown();
            Thread.currentThread().interrupt();
            throw new UserDataException(UserDataException.Problem.OTHER, "Opening your own atlas data was interrupted.",
                    abs, e, "interrupted");
        }
    }

    /** What opening found: the connection, the version the file had, and the settings. */
    private record Opened(Connection connection, int versionBefore, Map<String, String> settings) {}

    private static Opened openOnThread(Path abs, List<Migration> migrations) throws UserDataException {
        int latest = migrations.isEmpty() ? 0 : migrations.get(migrations.size() - 1).version();
        boolean existed = Files.exists(abs);
        if (existed) {
            if (!Files.isRegularFile(abs) || !Files.isReadable(abs)) {
                throw new UserDataException(UserDataException.Problem.UNREADABLE,
                        "Your own atlas data (settings, notes, bookmarks) cannot be read: it is not a readable file.", abs, null);
            }
            if (!Files.isWritable(abs)) {
                throw unwritable(abs, "the file is read-only", null);
            }
            checkHeader(abs);
        } else {
            try {
                Files.createDirectories(abs.getParent());
            } catch (IOException | RuntimeException e) {
                throw unwritable(abs, "its folder cannot be created: " + e.getMessage(), e);
            }
        }
        SQLiteConfig config = new SQLiteConfig();
        config.enforceForeignKeys(true);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        Connection c;
        try {
            c = config.createConnection("jdbc:sqlite:" + abs.toUri().toASCIIString());
        } catch (SQLException e) {
            throw classify(abs, e, "cannot be opened");
        }
        try {
            int version = checkReadOnly(c, abs, latest);
            // Only now is anything written: the journal mode is kept in the file's header.
            String mode = text(c, "PRAGMA journal_mode = WAL");
            if (!"wal".equalsIgnoreCase(mode)) {
                throw new UserDataException(UserDataException.Problem.UNWRITABLE, "Your own atlas data cannot be saved"
                        + " safely here: the folder does not allow SQLite's write-ahead log (journal mode " + mode + ").",
                        abs, null, "journal_mode " + mode);
            }
            for (Migration m : migrations) {
                if (m.version() > version) {
                    migrate(c, abs, m, version);
                }
            }
            Map<String, String> settings = new LinkedHashMap<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT key, value FROM setting ORDER BY key")) {
                while (rs.next()) {
                    settings.put(rs.getString(1), rs.getString(2));
                }
            }
            return new Opened(c, version, settings);
        } catch (SQLException e) {
            closeQuietly(c);
            throw classify(abs, e, "cannot be read");
        } catch (UserDataException | RuntimeException e) {
            closeQuietly(c);
            throw e;
        }
    }

    /** The checks that change nothing: ours, undamaged, not newer. Returns the file's {@code user_version}. */
    private static int checkReadOnly(Connection c, Path abs, int latest) throws SQLException, UserDataException {
        List<String> problems = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA quick_check")) {
            while (rs.next()) {
                for (String line : String.valueOf(rs.getString(1)).split("\n")) {
                    if (!line.isBlank() && !line.startsWith("***")) { // "*** in database main ***" headings
                        problems.add(line.strip());
                    }
                }
            }
        }
        if (!problems.equals(List.of("ok"))) {
            String first = problems.isEmpty() ? "no answer" : problems.get(0);
            throw new UserDataException(UserDataException.Problem.DAMAGED, "Your own atlas data (settings, notes,"
                    + " bookmarks) is damaged: SQLite's check of the file found " + problems.size() + " problem"
                    + (problems.size() == 1 ? "" : "s") + " (" + first + ").", abs, null, first);
        }
        int appId = Integer.parseInt(text(c, "PRAGMA application_id"));
        int version = Integer.parseInt(text(c, "PRAGMA user_version"));
        int tables = Integer.parseInt(text(c, "SELECT count(*) FROM sqlite_master"));
        if (appId != 0 && appId != UserSchema.APPLICATION_ID || appId == 0 && (version != 0 || tables != 0)) {
            throw new UserDataException(UserDataException.Problem.NOT_DATABASE, "The file where the atlas keeps your own"
                    + " data is a database of another program, not of Fergana Border Atlas.", abs, null,
                    "application_id " + appId + ", user_version " + version);
        }
        if (version > latest) {
            throw new UserDataException(UserDataException.Problem.NEWER_VERSION, "Your own atlas data was saved by a"
                    + " newer version of Fergana Border Atlas (file version " + version + "; this version knows up to "
                    + latest + ").", abs, null, version, latest);
        }
        return version;
    }

    /** One step in one transaction, with its version: a failed step leaves the file at the previous version. */
    private static void migrate(Connection c, Path abs, Migration m, int from) throws UserDataException {
        try (Statement st = c.createStatement()) {
            st.executeUpdate("BEGIN IMMEDIATE");
            try {
                for (String sql : m.statements()) {
                    st.executeUpdate(sql);
                }
                st.executeUpdate("PRAGMA user_version = " + m.version());
                st.executeUpdate("COMMIT");
            } catch (SQLException e) {
                rollbackQuietly(c);
                throw e;
            }
        } catch (SQLException e) {
            throw new UserDataException(UserDataException.Problem.UPGRADE_FAILED, "Your own atlas data could not be"
                    + " brought up to date (step " + m.version() + ", " + m.purpose() + ": " + e.getMessage() + ").",
                    abs, e, from, m.version(), String.valueOf(e.getMessage()));
        }
    }

    /** A non-empty file that is not an SQLite file at all is refused before SQLite sees it. */
    private static void checkHeader(Path abs) throws UserDataException {
        byte[] magic = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
        byte[] head = new byte[magic.length];
        int n;
        long size;
        try (InputStream in = Files.newInputStream(abs)) {
            size = Files.size(abs);
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new UserDataException(UserDataException.Problem.UNREADABLE, "Your own atlas data cannot be read ("
                    + e.getMessage() + ").", abs, e, String.valueOf(e.getMessage()));
        }
        if (size == 0) {
            return; // SQLite treats an empty file as a new database, and so do we
        }
        if (n < head.length || !java.util.Arrays.equals(head, magic)) {
            throw new UserDataException(UserDataException.Problem.NOT_DATABASE, "The file where the atlas keeps your"
                    + " own data (settings, notes, bookmarks) is not a database: it may have been overwritten or damaged.",
                    abs, null, "not an SQLite file");
        }
    }

    private static UserDataException classify(Path abs, SQLException e, String what) {
        int code = e.getErrorCode() & 0xff;
        String reason = String.valueOf(e.getMessage());
        switch (code) {
            case 26: // SQLITE_NOTADB
                return new UserDataException(UserDataException.Problem.NOT_DATABASE, "The file where the atlas keeps your"
                        + " own data (settings, notes, bookmarks) is not a database: it may have been overwritten or damaged.",
                        abs, e, reason);
            case 8: // SQLITE_READONLY
            case 13: // SQLITE_FULL
            case 14: // SQLITE_CANTOPEN
                return unwritable(abs, reason, e);
            default: // SQLITE_CORRUPT (11) and the rest
                return new UserDataException(UserDataException.Problem.DAMAGED, "Your own atlas data (settings, notes,"
                        + " bookmarks) " + what + ": the file is damaged (" + reason + ").", abs, e, reason);
        }
    }

    private static UserDataException unwritable(Path abs, String reason, Throwable cause) {
        UserFolders.report(UserFolders.Folder.USER_DATA, abs.getParent(), cause != null ? cause : new IOException(reason));
        return new UserDataException(UserDataException.Problem.UNWRITABLE, "Your own atlas data (settings, notes,"
                + " bookmarks) cannot be saved: " + reason + ".", abs, cause, reason);
    }

    private static String text(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /**
     * Moves a file that {@link #open} refused (and its {@code -wal}/{@code -shm} companions) to
     * {@code <name>.set-aside-<UTC time>} next to it, so the next open starts an empty database and the old data
     * is kept for repair. The file must not be open.
     *
     * @return where the file now is
     */
    public static Path setAside(Path file) throws UserDataException {
        Path abs = file.toAbsolutePath().normalize();
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(Instant.now());
        Path target = abs.resolveSibling(abs.getFileName() + ".set-aside-" + stamp);
        try {
            // companions first: if the main file cannot move, SQLite still finds its log next to it
            for (String suffix : List.of("-wal", "-shm")) {
                Path companion = abs.resolveSibling(abs.getFileName() + suffix);
                if (Files.exists(companion)) {
                    Files.move(companion, target.resolveSibling(target.getFileName() + suffix), StandardCopyOption.ATOMIC_MOVE);
                }
            }
            Files.move(abs, target, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException | RuntimeException e) {
            throw unwritable(abs, "it could not be moved aside (" + e.getMessage() + ")", e);
        }
    }

    /** The database file. */
    public Path file() {
        return file;
    }

    /** The schema version the file had before this open migrated it (0 for a new file). */
    public int versionAtOpen() {
        return versionAtOpen;
    }

    /** Preferences (language, text size, window bounds …): read from memory, saved in the background. */
    public Settings settings() {
        return settings;
    }

    /** The user's notes on features and points. */
    public Notes notes() {
        return notes;
    }

    /** Saved map views. */
    public Bookmarks bookmarks() {
        return bookmarks;
    }

    /** Tours: ordered stops, each a saved view with a text. */
    public Tours tours() {
        return tours;
    }

    /** Layers the user imported or drew. */
    public UserLayers layers() {
        return layers;
    }

    /** Whether {@link #close()} was called. */
    public boolean isClosed() {
        return closed;
    }

    /**
     * Makes a checked copy in {@link UserBackups#folder} unless one was made today (the first start of each day),
     * on the database's thread (saves queue behind it for the moment it takes; the FX thread never waits).
     * Completes with the new copy, or empty when none was due; a copy that could not be made completes it
     * exceptionally and leaves the older copies as they were.
     */
    public CompletableFuture<java.util.Optional<UserBackups.Backup>> backupIfDue() {
        return outsideTransaction("backup", c -> {
            Instant now = Instant.now();
            if (UserBackups.madeToday(file, now, java.time.ZoneId.systemDefault())) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(backupNow(c, now));
        });
    }

    /** Makes a checked copy now, whatever was made today. */
    public CompletableFuture<UserBackups.Backup> backup() {
        return outsideTransaction("backup", c -> backupNow(c, Instant.now()));
    }

    private UserBackups.Backup backupNow(Connection c, Instant now) throws SQLException {
        try {
            return UserBackups.make(c, file, now);
        } catch (IOException e) {
            throw new SQLException("could not write the copy in " + UserBackups.folder(file) + ": " + e.getMessage(), e);
        }
    }

    /** For tests of the backup rules: runs {@code work} on the database's thread outside a transaction. */
    <T> CompletableFuture<T> outsideTransactionForTest(BackupWork<T> work) {
        return outsideTransaction("test", c -> {
            try {
                return work.run(c);
            } catch (IOException e) {
                throw new SQLException(e);
            }
        });
    }

    @FunctionalInterface
    interface BackupWork<T> {
        T run(Connection c) throws SQLException, IOException;
    }

    /** Work that must not run inside a transaction ({@code VACUUM INTO}), still on the database's thread. */
    private <T> CompletableFuture<T> outsideTransaction(String what, Work<T> work) {
        return submit(what, null, work);
    }

    /** A change: runs {@code work} in one write transaction on the database's thread. */
    <T> CompletableFuture<T> change(String what, Work<T> work) {
        return submit(what, "BEGIN IMMEDIATE", work);
    }

    /** A read: runs {@code work} in one read transaction (a consistent snapshot) on the database's thread. */
    <T> CompletableFuture<T> read(String what, Work<T> work) {
        return submit(what, "BEGIN", work);
    }

    private <T> CompletableFuture<T> submit(String what, String begin, Work<T> work) {
        if (closed) {
            return CompletableFuture.failedFuture(new IllegalStateException("The user database " + file + " is closed"));
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            thread.execute(() -> {
                try {
                    result.complete(inTransaction(begin, work));
                } catch (SQLException e) {
                    result.completeExceptionally(failed(what, e));
                } catch (RuntimeException | Error e) {
                    result.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(new IllegalStateException("The user database " + file + " is closed", e));
        }
        return result;
    }

    private <T> T inTransaction(String begin, Work<T> work) throws SQLException {
        if (begin == null) {
            return work.run(connection);
        }
        try (Statement st = connection.createStatement()) {
            st.executeUpdate(begin);
            try {
                T out = work.run(connection);
                st.executeUpdate("COMMIT");
                return out;
            } catch (SQLException | RuntimeException | Error e) {
                rollbackQuietly(connection);
                throw e;
            }
        }
    }

    private RuntimeException failed(String what, SQLException e) {
        int code = e.getErrorCode() & 0xff;
        if (code == SQLITE_CONSTRAINT) {
            return new IllegalArgumentException("Not saved (" + what + "): " + e.getMessage(), e);
        }
        if (DISK_PROBLEMS.contains(code)) {
            // the folder's problem, not the change's: the window says once that work is not being saved
            UserFolders.report(UserFolders.Folder.USER_DATA, file.getParent(), e);
        }
        return new UserStoreException("Could not save your " + what + " in " + file + " (" + e.getMessage() + ").", e);
    }

    /** Now, in the form every {@code *_at} column holds. */
    static String now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
    }

    /**
     * Saves what is queued (waiting up to {@value #CLOSE_WAIT_SECONDS} s), folds the write-ahead log into the file
     * and closes it. Later calls to the stores fail with {@link IllegalStateException}.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        try {
            thread.submit(() -> {
                try (Statement st = connection.createStatement()) {
                    st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
                } catch (SQLException e) {
                    LOG.log(Level.DEBUG, "checkpoint at close", e);
                }
                closeQuietly(connection);
            }).get(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException | RejectedExecutionException e) {
            LOG.log(Level.WARNING, "the user database did not close cleanly; WAL recovery will finish it at next open", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            thread.shutdown();
        }
        if (Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down: the hook runs (and finds us closed)
            }
        }
    }

    private static void rollbackQuietly(Connection c) {
        try (Statement st = c.createStatement()) {
            st.executeUpdate("ROLLBACK");
        } catch (SQLException e) {
            // SQLite may have rolled back already (e.g. on SQLITE_FULL); nothing of the change was kept either way
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            LOG.log(Level.DEBUG, "closing the user database", e);
        }
    }
}
