package org.ferganaatlas.data;

import java.nio.file.Path;

/**
 * The bundled atlas database cannot be used. {@link #getMessage()} is written for the user: what is
 * wrong, which file, and what to do about it; {@link #getCause()} keeps the technical detail.
 */
public class AtlasDataException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient Path file;

    public AtlasDataException(String problem, Path file, Throwable cause) {
        super(problem + "\nFile: " + file + "\n"
                + "The atlas data that comes with the program is missing or damaged. "
                + "Please reinstall Fergana Border Atlas to restore it.", cause);
        this.file = file;
    }

    /** The database file concerned. */
    public Path file() {
        return file;
    }
}
