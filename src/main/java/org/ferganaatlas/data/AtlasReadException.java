package org.ferganaatlas.data;

/**
 * A read from an already opened atlas database failed (for example the file was damaged or removed
 * while the app was running). Unchecked because it is not expected once {@link AtlasDatabase#open} succeeded.
 */
public class AtlasReadException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AtlasReadException(String message, Throwable cause) {
        super(message, cause);
    }
}
