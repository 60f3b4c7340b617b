package org.ferganaatlas.offline;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real atlas as a separate process, headless (Monocle, software rendering), with the tests' class path,
 * optionally inside a network namespace with no interfaces but loopback ({@code unshare -n}). Each run gets its
 * own empty user and cache folders unless the test names others.
 */
final class AtlasProcess {
    /** What a run left behind. */
    record Result(int exitCode, String stdout, String stderr, long millis, Path userData, Path cache) {
        String all() {
            return "exit " + exitCode + " after " + millis + " ms\n--- stdout ---\n" + stdout + "\n--- stderr ---\n" + stderr;
        }

        List<String> lines(String prefix) {
            return stdout.lines().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length())).toList();
        }
    }

    private AtlasProcess() {}

    /** The {@code unshare} prefix that works here ({@code -n} as root, {@code -rn} in a user namespace), or null. */
    static List<String> unsharePrefix() {
        for (List<String> p : List.of(List.of("unshare", "-n"), List.of("unshare", "-r", "-n"))) {
            try {
                List<String> cmd = new ArrayList<>(p);
                cmd.add("true");
                Process pr = new ProcessBuilder(cmd).redirectErrorStream(true).start();
                pr.getInputStream().readAllBytes();
                if (pr.waitFor(10, TimeUnit.SECONDS) && pr.exitValue() == 0) {
                    return p;
                }
            } catch (IOException e) {
                return null; // no unshare at all
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }

    static String classPath() {
        String cp = System.getProperty("surefire.test.class.path");
        return cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path");
    }

    /**
     * Starts the atlas and waits for it (at most {@code timeoutSeconds}).
     *
     * @param prefix  e.g. the unshare command, or empty
     * @param props   extra -D properties (atlas.assets, atlas.userdata, atlas.cache ...); the defaults point the
     *                user and cache folders into a fresh temp folder
     * @param args    the app's own arguments
     */
    static Result run(List<String> prefix, Map<String, String> props, List<String> args, int timeoutSeconds)
            throws IOException, InterruptedException {
        return run(prefix, props, args, timeoutSeconds, null);
    }

    /** As {@link #run(List, Map, List, int)}; {@code started} hears of the process and its work folder (stdout.txt, stderr.txt) at once. */
    static Result run(List<String> prefix, Map<String, String> props, List<String> args, int timeoutSeconds,
            java.util.function.BiConsumer<Process, Path> started) throws IOException, InterruptedException {
        Path work = Files.createTempDirectory("atlas-process");
        Path userData = props.containsKey("atlas.userdata") ? Path.of(props.get("atlas.userdata")) : work.resolve("userdata");
        Path cache = props.containsKey("atlas.cache") ? Path.of(props.get("atlas.cache")) : work.resolve("cache");
        List<String> cmd = new ArrayList<>(prefix);
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(List.of("-cp", classPath(), "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "--add-opens", "javafx.graphics/com.sun.glass.ui=ALL-UNNAMED",
                "--add-exports", "javafx.graphics/com.sun.javafx.util=ALL-UNNAMED",
                "--add-exports", "javafx.base/com.sun.javafx.logging=ALL-UNNAMED",
                "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw", "-Dprism.text=t2k",
                "-Dheadless.geometry=1600x1000-32", "-Djava.awt.headless=true", "-Datlas.noninteractive=true", "-Djava.io.tmpdir=" + work,
                "-Datlas.userdata=" + userData, "-Datlas.cache=" + cache));
        props.forEach((k, v) -> {
            if (!k.equals("atlas.userdata") && !k.equals("atlas.cache")) {
                cmd.add("-D" + k + "=" + v);
            }
        });
        cmd.add(ClassPathLauncher.class.getName());
        cmd.addAll(args);
        File out = work.resolve("stdout.txt").toFile(), err = work.resolve("stderr.txt").toFile();
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectOutput(out).redirectError(err).start();
        if (started != null) {
            started.accept(p, work);
        }
        boolean done = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
        if (!done) {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        String o = Files.readString(out.toPath(), StandardCharsets.UTF_8), e = Files.readString(err.toPath(), StandardCharsets.UTF_8);
        return new Result(done ? p.exitValue() : -1, o, done ? e : e + "\n(killed after " + timeoutSeconds + " s)", ms, userData, cache);
    }
}
