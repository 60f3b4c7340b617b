package org.ferganaatlas.data;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * A second process for {@link SingleInstanceTest}: {@code SingleInstanceProbe <dir> <hold|claim> [args...]} claims
 * the single-instance folder, prints the outcome, and with {@code hold} keeps the lock until killed.
 */
public final class SingleInstanceProbe {
    private SingleInstanceProbe() {}

    public static void main(String[] a) throws Exception {
        List<String> args = Arrays.asList(a).subList(2, a.length);
        SingleInstance.Claim c = SingleInstance.claim(Path.of(a[0]), args, Duration.ofSeconds(10));
        System.out.println("outcome " + c.outcome());
        System.out.flush();
        if (a[1].equals("hold") && c.primary() != null) {
            Thread.sleep(120_000);
        }
    }
}
