package org.ferganaatlas.data;

import java.nio.file.Path;
import java.util.List;

/**
 * The bundled atlas database cannot be used. {@link #getMessage()} is written for the user: what is
 * wrong, which file, and what to do about it; {@link #getCause()} keeps the technical detail.
 *
 * <p>{@link #problem()} and {@link #details()} let the window say the same in the user's language: it shows
 * the message {@code error.db.<problem key>} formatted with the details, the file, and the advice to reinstall.
 */
public class AtlasDataException extends Exception {
    private static final long serialVersionUID = 1L;

    /** What is wrong with the file; {@link #key()} names the message {@code error.db.<key>} in the window's bundle. */
    public enum Problem {
        /** The file does not exist. */
        MISSING("missing"),
        /** It exists but is not a readable regular file. */
        UNREADABLE("unreadable"),
        /** Shorter than its header says (interrupted copy); details: actual bytes, expected bytes. */
        TRUNCATED("truncated"),
        /** Not an SQLite atlas file at all. */
        NOT_ATLAS("notAtlas"),
        /** SQLite cannot read it, or tables are missing; details: the technical reason. */
        DAMAGED("damaged"),
        /** Made for a newer program; details: its version, ours. */
        NEWER_VERSION("newerVersion"),
        /** Made for an older program; details: its version, ours. */
        OLDER_VERSION("olderVersion"),
        /** Its bytes differ from the checksum written when it was built (edited, or damaged on disk). */
        ALTERED("altered"),
        /** Anything else. */
        OTHER("other");

        private final String key;

        Problem(String key) {
            this.key = key;
        }

        /** The suffix of the message key {@code error.db.<key>}. */
        public String key() {
            return key;
        }
    }

    private final transient Path file;
    private final Problem problem;
    private final transient List<Object> details;

    public AtlasDataException(String problem, Path file, Throwable cause) {
        this(Problem.OTHER, problem, file, cause, problem);
    }

    /** A classified problem; {@code text} is the English sentence for logs, {@code details} the values the message shows. */
    public AtlasDataException(Problem kind, String text, Path file, Throwable cause, Object... details) {
        super(text + "\nFile: " + file + "\n"
                + "The atlas data that comes with the program is missing or damaged. "
                + "Please reinstall Fergana Border Atlas to restore it.", cause);
        this.file = file;
        this.problem = kind;
        this.details = List.of(details);
    }

    /** The database file concerned. */
    public Path file() {
        return file;
    }

    /** What is wrong. */
    public Problem problem() {
        return problem;
    }

    /** The values for the problem's message (sizes, versions, reason), in order. */
    public List<Object> details() {
        return details;
    }
}
