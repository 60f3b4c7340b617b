package org.ferganaatlas.data.io;

import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;

/**
 * How a long import reports and stops: {@code progress} is told the bytes read so far (now and then, any thread),
 * {@code cancelled} is asked between features; a cancelled import ends with {@link ImportException.Problem#CANCELLED}.
 */
public record ImportControl(LongConsumer progress, BooleanSupplier cancelled) {
    /** No progress, never cancelled (tests, the command line). */
    public static final ImportControl NONE = new ImportControl(b -> { }, () -> false);

    void check(java.nio.file.Path file) throws ImportException {
        if (cancelled.getAsBoolean()) {
            throw new ImportException(ImportException.Problem.CANCELLED, file, 0, null);
        }
    }
}
