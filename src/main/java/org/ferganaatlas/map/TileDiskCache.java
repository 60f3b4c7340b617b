package org.ferganaatlas.map;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * Housekeeping of the tile disk cache ({@code <cache>/tiles/<version>/z/x/y.png}, written by
 * {@link AtlasTileRetriever}); files only, no JavaFX, never throws.
 *
 * <ul>
 *   <li><b>Stale temporary files.</b> A tile is written to {@code tileNNN.tmp} and renamed; {@code kill -9} between
 *       the two leaves the {@code .tmp}. Those older than {@link #STALE_TMP_MILLIS} are deleted (younger ones may be
 *       another running atlas's write in progress).</li>
 *   <li><b>Other versions.</b> A folder under {@code tiles/} of another database or renderer version (its name:
 *       {@code <content id>-<style>-r<renderer>}) will never be read again: deleted, unless it was written to in the last
 *       {@link #OTHER_VERSION_GRACE_MILLIS} (a second atlas of another release running right now).</li>
 *   <li><b>Size limit.</b> If the current version's tiles take more than the limit (default
 *       {@value #DEFAULT_LIMIT_MB} MB, {@code -Datlas.tileCache.diskMb=N}; all styles together), the oldest tiles are
 *       deleted until they take at most 80 % of it (a tile is re-rendered when needed again).</li>
 * </ul>
 */
public final class TileDiskCache {
    public static final long DEFAULT_LIMIT_MB = 200;
    static final long STALE_TMP_MILLIS = 10 * 60_000L;
    static final long OTHER_VERSION_GRACE_MILLIS = 10 * 60_000L;

    /** What a clean-up did. */
    public record Report(int staleTmpDeleted, int otherVersionsDeleted, int tilesDeleted, long bytesAfter) {}

    private TileDiskCache() {}

    /** The limit in bytes from {@code atlas.tileCache.diskMb}. */
    public static long limitBytes() {
        return Math.max(1, Long.getLong("atlas.tileCache.diskMb", DEFAULT_LIMIT_MB)) * 1024 * 1024;
    }

    /**
     * Cleans {@code tilesRoot} (the {@code tiles} folder) for the version folder {@code current}: stale
     * {@code .tmp} files anywhere below it, other versions' folders, and the oldest tiles over {@code limitBytes}.
     * Every folder but {@code current} is another version.
     */
    public static Report clean(Path tilesRoot, Path current, long limitBytes, long nowMillis) {
        Path name = current == null ? null : current.getFileName();
        return clean(tilesRoot, current, p -> name != null && p.getFileName().equals(name), limitBytes, nowMillis);
    }

    /**
     * As {@link #clean(Path, Path, long, long)}, with {@code sameVersion} naming the folders that belong to this
     * version too (the same database and renderer in another style: switching to the presentation style must not
     * delete the normal style's tiles). The size limit holds for all of them together.
     */
    public static Report clean(Path tilesRoot, Path current, Predicate<Path> sameVersion, long limitBytes, long nowMillis) {
        int tmp = 0, versions = 0, tiles = 0;
        if (!Files.isDirectory(tilesRoot)) {
            return new Report(0, 0, 0, 0);
        }
        List<Path> kept = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(tilesRoot)) {
            for (Path child : ds) {
                if (child.equals(current) || (Files.isDirectory(child) && sameVersion.test(child))) {
                    kept.add(child);
                } else if (Files.isDirectory(child) && newestChange(child) < nowMillis - OTHER_VERSION_GRACE_MILLIS) {
                    if (deleteTree(child)) {
                        versions++;
                    }
                } else if (Files.isRegularFile(child) && isStaleTmp(child, nowMillis)) {
                    tmp += delete(child) ? 1 : 0;
                }
            }
        } catch (IOException | RuntimeException e) {
            // a cache: whatever could not be cleaned now is cleaned next time
        }
        List<Tile> all = new ArrayList<>();
        long total = 0;
        for (Path dir : kept) {
            for (Path f : files(dir)) {
                try {
                    BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
                    if (f.getFileName().toString().endsWith(".tmp")) {
                        if (a.lastModifiedTime().toMillis() < nowMillis - STALE_TMP_MILLIS) {
                            tmp += delete(f) ? 1 : 0;
                            continue;
                        }
                    } else {
                        all.add(new Tile(f, a.size(), a.lastModifiedTime().toMillis()));
                    }
                    total += a.size();
                } catch (IOException | RuntimeException e) {
                    // gone meanwhile
                }
            }
        }
        if (total > limitBytes) {
            long target = limitBytes * 8 / 10;
            all.sort(Comparator.comparingLong(Tile::modified));
            for (Tile t : all) {
                if (total <= target) {
                    break;
                }
                if (delete(t.path)) {
                    total -= t.size;
                    tiles++;
                }
            }
            kept.forEach(TileDiskCache::removeEmptyFolders);
        }
        return new Report(tmp, versions, tiles, total);
    }

    private record Tile(Path path, long size, long modified) {}

    private static boolean isStaleTmp(Path f, long now) {
        try {
            return f.getFileName().toString().endsWith(".tmp") && Files.getLastModifiedTime(f).toMillis() < now - STALE_TMP_MILLIS;
        } catch (IOException e) {
            return false;
        }
    }

    private static List<Path> files(Path dir) {
        List<Path> out = new ArrayList<>();
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile()) {
                        out.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException exc) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // what was seen so far
        }
        return out;
    }

    private static long newestChange(Path dir) {
        long newest = 0;
        for (Path f : files(dir)) {
            try {
                newest = Math.max(newest, Files.getLastModifiedTime(f).toMillis());
            } catch (IOException e) {
                // gone
            }
        }
        return newest;
    }

    private static boolean delete(Path f) {
        try {
            return Files.deleteIfExists(f);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static boolean deleteTree(Path dir) {
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException exc) {
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException exc) {
                    delete(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException | RuntimeException e) {
            return false;
        }
        return !Files.exists(dir);
    }

    private static void removeEmptyFolders(Path root) {
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException exc) {
                    if (!d.equals(root)) {
                        try (DirectoryStream<Path> ds = Files.newDirectoryStream(d)) {
                            if (!ds.iterator().hasNext()) {
                                Files.deleteIfExists(d);
                            }
                        } catch (IOException | RuntimeException e) {
                            // in use, or not empty after all
                        }
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // next time
        }
    }
}
