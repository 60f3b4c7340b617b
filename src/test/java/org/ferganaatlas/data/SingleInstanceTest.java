package org.ferganaatlas.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One atlas per user: the lock, the hand-off of a second start's file, and what happens when nobody answers. */
class SingleInstanceTest {
    @TempDir
    Path dir;

    private static String classPath() {
        String cp = System.getProperty("surefire.test.class.path");
        return cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path");
    }

    private static Process probe(Path dir, String mode, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPath(), SingleInstanceProbe.class.getName(), dir.toString(), mode));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true).start();
    }

    private static String firstLine(Process p) throws Exception {
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        return r.readLine();
    }

    @Test
    void aSecondStartHandsItsFileToTheRunningAtlasAndEnds() throws Exception {
        Path inst = dir.resolve("instance");
        SingleInstance.Claim first = SingleInstance.claim(inst, List.of(), Duration.ofSeconds(5));
        assertEquals(SingleInstance.Outcome.PRIMARY, first.outcome());
        LinkedBlockingQueue<SingleInstance.Request> got = new LinkedBlockingQueue<>();
        try (SingleInstance.Primary primary = first.primary()) {
            primary.listen(got::add);
            // a real second process, started in another folder with a relative file name
            Path other = Files.createDirectories(dir.resolve("downloads"));
            Process second = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                    classPath(), SingleInstanceProbe.class.getName(), inst.toString(), "claim",
                    "villages.geojson", "--view=40.2,71.0,9").directory(other.toFile()).redirectErrorStream(true).start();
            assertEquals("outcome HANDED_OVER", firstLine(second));
            assertTrue(second.waitFor(30, TimeUnit.SECONDS));
            assertEquals(0, second.exitValue());
            SingleInstance.Request r = got.poll(10, TimeUnit.SECONDS);
            assertNotNull(r, "the running atlas heard nothing");
            assertEquals(List.of(other.resolve("villages.geojson").toAbsolutePath().normalize().toString(), "--view=40.2,71.0,9"), r.args());
            assertEquals(List.of(other.resolve("villages.geojson").toAbsolutePath().normalize().toString()), r.files());
        }
    }

    @Test
    void anAtlasThatDoesNotAnswerIsReportedAndItsRequestWithdrawn() throws Exception {
        Path inst = dir.resolve("instance");
        try (SingleInstance.Primary primary = SingleInstance.claim(inst, List.of(), Duration.ofSeconds(1)).primary()) {
            assertNotNull(primary);
            // not listening (still starting, or hung)
            SingleInstance.Claim second = SingleInstance.claim(inst, List.of("a.kml"), Duration.ofMillis(300));
            assertEquals(SingleInstance.Outcome.NOT_ANSWERED, second.outcome());
            try (Stream<Path> s = Files.list(inst.resolve(SingleInstance.REQUESTS))) {
                assertEquals(0, s.count(), "a withdrawn request must not surprise the atlas later");
            }
            assertEquals(List.of(), primary.take());
        }
    }

    @Test
    void theLockGoesWithTheProcessEvenAfterKill9() throws Exception {
        Path inst = dir.resolve("instance");
        Process holder = probe(inst, "hold");
        try {
            assertEquals("outcome PRIMARY", firstLine(holder));
            assertEquals(SingleInstance.Outcome.NOT_ANSWERED, SingleInstance.claim(inst, List.of(), Duration.ofMillis(200)).outcome(),
                    "held by the other process");
        } finally {
            holder.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // SIGKILL: no shutdown hook, no clean-up
        }
        SingleInstance.Claim after = SingleInstance.claim(inst, List.of(), Duration.ofSeconds(1));
        assertEquals(SingleInstance.Outcome.PRIMARY, after.outcome(), "a killed atlas must not block the next start");
        after.primary().close();
    }

    @Test
    void closingReleasesTheLockAndLeftoverRequestsAreDropped() throws Exception {
        Path inst = dir.resolve("instance");
        SingleInstance.claim(inst, List.of(), Duration.ZERO).primary().close();
        Files.writeString(inst.resolve(SingleInstance.REQUESTS).resolve("1-2-3.req"), "old.geojson\n"); // a crashed start's
        SingleInstance.Claim again = SingleInstance.claim(inst, List.of(), Duration.ZERO);
        assertEquals(SingleInstance.Outcome.PRIMARY, again.outcome());
        assertEquals(List.of(), again.primary().take(), "never replayed into a later window");
        again.primary().close();
    }

    @Test
    void anUnusableFolderMeansStartAsBefore() throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
        assertEquals(SingleInstance.Outcome.UNAVAILABLE, SingleInstance.claim(file.resolve("instance"), List.of(), Duration.ZERO).outcome());
    }
}
