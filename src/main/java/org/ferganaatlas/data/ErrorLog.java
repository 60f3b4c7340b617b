package org.ferganaatlas.data;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDateTime;
import java.util.Set;

/**
 * The error log: {@code <user data>/logs/atlas-errors.log}, rotated, and private to the user wherever it lies.
 *
 * <p><b>Rotation.</b> Before an entry would take the file past {@code maxBytes} (default {@value #DEFAULT_MAX_BYTES}
 * bytes) it becomes {@code atlas-errors.1.log}, the older ones move up, and at most {@code keep} (default
 * {@value #DEFAULT_KEEP}) old files stay: the log never holds more than about {@code (keep + 1) * maxBytes}. A single
 * entry longer than the limit is cut (its head kept: the message and the top of the stack trace).
 *
 * <p><b>Fallback.</b> If the user's folder cannot be written (read-only home, full disk), entries go to a folder of
 * the user's own in the temp folder, {@code fergana-atlas-<user>}, made {@code rwx------} and used only if it is a
 * real directory (not a link) owned by this user with no access for others; if someone else holds that name a fresh
 * private folder ({@code Files.createTempDirectory}) is used instead. Files are created {@code rw-------}. Never a
 * fixed shared file that the first user creates readable by all and nobody else can write. The failure is reported
 * once through {@link UserFolders#report}. No JavaFX; thread-safe within the process.
 */
public final class ErrorLog {
    /** The current log's file name. */
    public static final String FILE_NAME = "atlas-errors.log";
    public static final long DEFAULT_MAX_BYTES = 512 * 1024;
    public static final int DEFAULT_KEEP = 3;

    private static final Set<PosixFilePermission> PRIVATE_DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> PRIVATE_FILE = PosixFilePermissions.fromString("rw-------");

    private final Path preferredDir;
    private final Path tempRoot;
    private final long maxBytes;
    private final int keep;
    private Path fallbackDir;

    /**
     * @param preferredDir where the log belongs (the user's data folder's {@code logs/}); created if missing
     * @param tempRoot     the temp folder for the private fallback
     */
    public ErrorLog(Path preferredDir, Path tempRoot, long maxBytes, int keep) {
        this.preferredDir = preferredDir;
        this.tempRoot = tempRoot;
        this.maxBytes = Math.max(1024, maxBytes);
        this.keep = Math.max(0, keep);
    }

    private static volatile ErrorLog standard;

    /**
     * The app's log: {@code <AtlasPaths.userDataDir()>/logs}, temp folder fallback, default limits. Follows
     * {@link AtlasPaths#userDataDir()} if that changes (tests point it at fresh folders).
     */
    public static ErrorLog standard() {
        Path dir;
        try {
            dir = AtlasPaths.userDataDir().resolve("logs");
        } catch (RuntimeException e) {
            dir = null;
        }
        ErrorLog log = standard;
        if (log == null || !java.util.Objects.equals(log.preferredDir, dir)) {
            synchronized (ErrorLog.class) {
                log = standard;
                if (log == null || !java.util.Objects.equals(log.preferredDir, dir)) {
                    log = new ErrorLog(dir, Path.of(System.getProperty("java.io.tmpdir")), DEFAULT_MAX_BYTES, DEFAULT_KEEP);
                    standard = log;
                }
            }
        }
        return log;
    }

    /**
     * The file the next entry goes to (its folder is created; the file itself may not exist yet), or null if
     * neither the user's folder nor a private temp folder can be written.
     */
    public synchronized Path file() {
        Path dir = writableDir();
        return dir == null ? null : dir.resolve(FILE_NAME);
    }

    /** Appends {@code what} and the stack trace of {@code error} (may be null); returns the file written, or null. */
    public Path append(String what, Throwable error) {
        StringWriter sw = new StringWriter();
        sw.append(LocalDateTime.now().toString()).append("  ").append(what).append('\n');
        if (error != null) {
            error.printStackTrace(new PrintWriter(sw));
        }
        sw.append('\n');
        return appendText(sw.toString());
    }

    /** Appends one entry as given; returns the file written, or null if nothing could be written. */
    public synchronized Path appendText(String entry) {
        byte[] bytes = entry.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > maxBytes) {
            String cut = new String(bytes, 0, (int) maxBytes - 64, StandardCharsets.UTF_8);
            bytes = (cut + "\n[... cut: the entry had " + bytes.length + " bytes]\n\n").getBytes(StandardCharsets.UTF_8);
        }
        for (int attempt = 0; attempt < 2; attempt++) {
            Path dir = writableDir();
            if (dir == null) {
                return null;
            }
            Path file = dir.resolve(FILE_NAME);
            try {
                rotateIfNeeded(dir, file, bytes.length);
                createPrivate(file);
                Files.write(file, bytes, StandardOpenOption.APPEND);
                return file;
            } catch (IOException | RuntimeException e) {
                // the folder looked writable but is not (full disk, changed under us): try the fallback once
                if (dir.equals(preferredDir)) {
                    UserFolders.report(UserFolders.Folder.USER_DATA, preferredDir, e);
                    preferredBroken = true;
                } else {
                    return null;
                }
            }
        }
        return null;
    }

    private volatile boolean preferredBroken;

    private Path writableDir() {
        if (preferredDir != null && !preferredBroken) {
            try {
                Files.createDirectories(preferredDir);
                if (Files.isWritable(preferredDir)) {
                    return preferredDir;
                }
                throw new IOException("not writable: " + preferredDir);
            } catch (IOException | RuntimeException e) {
                UserFolders.report(UserFolders.Folder.USER_DATA, preferredDir, e);
                preferredBroken = true;
            }
        }
        return fallback();
    }

    /** The user's private folder in the temp folder (see the class comment), or null. */
    private Path fallback() {
        if (fallbackDir != null && Files.isDirectory(fallbackDir, LinkOption.NOFOLLOW_LINKS)) {
            return fallbackDir;
        }
        if (tempRoot == null) {
            return null;
        }
        String user = System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9._-]", "_");
        Path named = tempRoot.resolve("fergana-atlas-" + user);
        try {
            try {
                Files.createDirectory(named, dirAttributes());
            } catch (FileAlreadyExistsException e) {
                // ours from an earlier run, or someone else's: checked below
            }
            if (isPrivateToUs(named)) {
                fallbackDir = named;
                return named;
            }
            fallbackDir = Files.createTempDirectory(tempRoot, "fergana-atlas-" + user + "-", dirAttributes());
            return fallbackDir;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static boolean posix(Path p) {
        return p.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private FileAttribute<?>[] dirAttributes() {
        return tempRoot != null && posix(tempRoot)
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PRIVATE_DIR)} : new FileAttribute<?>[0];
    }

    /** A real directory (no link), owned by the user running us, that nobody else may enter. */
    static boolean isPrivateToUs(Path dir) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        if (!posix(dir)) {
            return Files.isWritable(dir); // Windows: the temp folder is in the user's own profile
        }
        PosixFileAttributeView view = Files.getFileAttributeView(dir, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        var attrs = view.readAttributes();
        // the owner of a file we create ourselves is who we are
        Path probe = Files.createTempFile(dir.getParent(), ".fergana-owner", ".tmp");
        try {
            if (!attrs.owner().equals(Files.getOwner(probe))) {
                return false;
            }
        } finally {
            Files.deleteIfExists(probe);
        }
        if (!attrs.permissions().equals(PRIVATE_DIR)) {
            if (!attrs.permissions().containsAll(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                    PosixFilePermission.OWNER_EXECUTE))) {
                return false;
            }
            view.setPermissions(PRIVATE_DIR); // ours: make it private again
        }
        return true;
    }

    private static void createPrivate(Path file) throws IOException {
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            if (posix(file)) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PRIVATE_FILE));
            } else {
                Files.createFile(file);
            }
        } catch (FileAlreadyExistsException e) {
            // another thread or instance made it first
        }
    }

    /** Shifts {@code atlas-errors.log} to {@code .1.log} (and so on) if the new entry would take it past the limit. */
    private void rotateIfNeeded(Path dir, Path file, long adding) throws IOException {
        long size = Files.exists(file) ? Files.size(file) : 0;
        if (size == 0 || size + adding <= maxBytes) {
            return;
        }
        if (keep == 0) {
            Files.delete(file);
            return;
        }
        Files.deleteIfExists(rotated(dir, keep));
        for (int i = keep - 1; i >= 1; i--) {
            Path from = rotated(dir, i);
            if (Files.exists(from)) {
                Files.move(from, rotated(dir, i + 1), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.move(file, rotated(dir, 1), StandardCopyOption.REPLACE_EXISTING);
    }

    /** {@code atlas-errors.<n>.log}. */
    public static Path rotated(Path dir, int n) {
        return dir.resolve("atlas-errors." + n + ".log");
    }
}
