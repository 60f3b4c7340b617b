package org.ferganaatlas.data;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One atlas window per user: a second start hands its arguments (the file to open) to the running atlas and ends,
 * instead of opening an identical window on top of the first.
 *
 * <p><b>How.</b> The first instance holds an OS file lock on {@code <dir>/instance.lock} ({@code dir}: the user's data
 * folder's {@code instance/}); the OS releases it when the process ends, however it ends ({@code kill -9} included),
 * so a held lock always means a live atlas. A later start that cannot get the lock writes its arguments as one file
 * into {@code <dir>/requests/} (written aside, then renamed: never read half-written) and waits until the running
 * atlas has taken it (deleted it), at most the given time. The running atlas watches that folder from a daemon thread
 * ({@link Primary#listen}) and hands each request to the window (bring itself forward, open the file). Files only,
 * in a folder private to the user: no socket, no port, nothing another user or machine can reach (and the shipped
 * code has no network classes at all). No JavaFX: the listener hops to the FX thread itself.
 *
 * <p>If the folder cannot be used (read-only home) the atlas starts as before ({@link Outcome#UNAVAILABLE}).
 */
public final class SingleInstance {
    /** What {@link #claim} found. */
    public enum Outcome {
        /** No other atlas runs: this one goes on, and should {@link Primary#listen} once its window is shown. */
        PRIMARY,
        /** Another atlas runs and took this start's arguments: this one should say so and end (exit 0). */
        HANDED_OVER,
        /** Another atlas holds the lock but did not take the request in time (busy starting, or hung). */
        NOT_ANSWERED,
        /** The folder cannot be used: no single-instance check, start normally. */
        UNAVAILABLE
    }

    /** The result of {@link #claim}: the outcome and, for {@link Outcome#PRIMARY}, the held lock. */
    public record Claim(Outcome outcome, Primary primary) {}

    /** A request from a later start: its arguments, file arguments made absolute. */
    public record Request(List<String> args) {
        /** The arguments that are not options (files to open). */
        public List<String> files() {
            return args.stream().filter(a -> !a.startsWith("--")).toList();
        }
    }

    static final String LOCK = "instance.lock";
    static final String REQUESTS = "requests";
    private static final Duration POLL = Duration.ofMillis(250);

    private SingleInstance() {}

    /**
     * Tries to become the user's one atlas; if another runs, hands it {@code args} and waits at most {@code wait} for
     * it to take them. Relative file arguments are made absolute first (the running atlas has another working folder).
     */
    public static Claim claim(Path dir, List<String> args, Duration wait) {
        FileChannel ch = null;
        try {
            Files.createDirectories(dir);
            makePrivate(dir);
            ch = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // held by this very JVM (tests run two "instances" in one process)
            }
            if (lock != null) {
                Path requests = Files.createDirectories(dir.resolve(REQUESTS));
                makePrivate(requests);
                dropLeftovers(requests);
                return new Claim(Outcome.PRIMARY, new Primary(ch, lock, requests));
            }
            ch.close();
            ch = null;
            return handOver(dir.resolve(REQUESTS), absolute(args), wait);
        } catch (IOException | RuntimeException e) {
            if (ch != null) {
                try {
                    ch.close();
                } catch (IOException ignored) {
                    // nothing held
                }
            }
            return new Claim(Outcome.UNAVAILABLE, null);
        }
    }

    private static List<String> absolute(List<String> args) {
        List<String> out = new ArrayList<>();
        for (String a : args) {
            if (!a.startsWith("--")) {
                try {
                    a = Path.of(a).toAbsolutePath().normalize().toString();
                } catch (RuntimeException e) {
                    // not a path: passed on as given
                }
            }
            out.add(a);
        }
        return out;
    }

    private static Claim handOver(Path requests, List<String> args, Duration wait) throws IOException {
        Files.createDirectories(requests);
        String name = System.currentTimeMillis() + "-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
        Path tmp = requests.resolve(name + ".tmp");
        Path req = requests.resolve(name + ".req");
        // one argument per line; a line break inside an argument would split it, so such arguments are dropped
        StringBuilder sb = new StringBuilder();
        for (String a : args) {
            if (a.indexOf('\n') < 0 && a.indexOf('\r') < 0) {
                sb.append(a).append('\n');
            }
        }
        Files.writeString(tmp, sb, StandardCharsets.UTF_8);
        try {
            Files.move(tmp, req, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, req);
        }
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            if (!Files.exists(req)) {
                return new Claim(Outcome.HANDED_OVER, null);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        // not taken in time: withdraw it, so that it cannot surprise the atlas later; if it is already gone, the
        // atlas took it just now
        return new Claim(Files.deleteIfExists(req) ? Outcome.NOT_ANSWERED : Outcome.HANDED_OVER, null);
    }

    /** Requests a crashed start or an unanswered one left: never replayed into a later window. */
    private static void dropLeftovers(Path requests) throws IOException {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(requests)) {
            for (Path p : ds) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static void makePrivate(Path dir) {
        try {
            if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            }
        } catch (IOException | RuntimeException e) {
            // not ours to change (then the user's folder's own permissions apply)
        }
    }

    /** The running atlas's side: holds the lock until {@link #close()} or the process ends. */
    public static final class Primary implements AutoCloseable {
        private final FileChannel channel;
        private final FileLock lock;
        private final Path requests;
        private volatile boolean closed;
        private Thread watcher;

        Primary(FileChannel channel, FileLock lock, Path requests) {
            this.channel = channel;
            this.lock = lock;
            this.requests = requests;
        }

        /**
         * Calls {@code onRequest} (on a daemon thread, in arrival order) for each later start's request from now on.
         * Call once, when the window is ready to be brought forward.
         */
        public synchronized void listen(Consumer<Request> onRequest) {
            if (watcher != null) {
                throw new IllegalStateException("already listening");
            }
            watcher = new Thread(() -> {
                while (!closed) {
                    for (Request r : take()) {
                        try {
                            onRequest.accept(r);
                        } catch (RuntimeException e) {
                            // the listener's problem; keep taking requests
                        }
                    }
                    try {
                        Thread.sleep(POLL.toMillis());
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "atlas-instance-requests");
            watcher.setDaemon(true);
            watcher.start();
        }

        /** The requests waiting now, oldest first; each is deleted as it is read (which tells its sender). */
        List<Request> take() {
            List<Path> files = new ArrayList<>();
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(requests, "*.req")) {
                ds.forEach(files::add);
            } catch (IOException | RuntimeException e) {
                return List.of();
            }
            files.sort(null);
            List<Request> out = new ArrayList<>();
            for (Path f : files) {
                try {
                    List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
                    Files.delete(f);
                    out.add(new Request(List.copyOf(lines)));
                } catch (IOException | RuntimeException e) {
                    // withdrawn by its sender meanwhile
                }
            }
            return out;
        }

        @Override
        public synchronized void close() {
            closed = true;
            if (watcher != null) {
                watcher.interrupt();
            }
            try {
                lock.release();
                channel.close();
            } catch (IOException e) {
                // released when the process ends anyway
            }
        }
    }
}
