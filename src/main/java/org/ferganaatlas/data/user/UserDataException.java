package org.ferganaatlas.data.user;

import java.nio.file.Path;
import java.util.List;

/**
 * The user's own database cannot be opened. {@link #getMessage()} is written for the user: what is wrong, which
 * file, and what to do; {@link #getCause()} keeps the technical detail. The file is never changed or deleted when
 * this is thrown: nothing the user made is lost by a failed open.
 *
 * <p>{@link #problem()} and {@link #details()} let the window say the same in the user's language (message
 * {@code error.userdb.<problem key>} formatted with the details and the file).
 */
public class UserDataException extends Exception {
    private static final long serialVersionUID = 1L;

    /** What is wrong; {@link #key()} names the message {@code error.userdb.<key>} in the window's bundle. */
    public enum Problem {
        /** The path exists but is not a readable file (a folder, no permission). */
        UNREADABLE("unreadable", "Check that the file is yours and can be read; until then nothing you make can be saved."),
        /** The file or its folder cannot be written (read-only, full disk, no permission). */
        UNWRITABLE("unwritable", "Check that the folder exists, that you may write to it and that the disk is not full;"
                + " until then nothing you make can be saved."),
        /** Not an SQLite file, or an SQLite file made by another program; details: the reason. */
        NOT_DATABASE("notDatabase", "The file has not been changed. Move it elsewhere (the atlas can do this for you)"
                + " and the atlas will start a new, empty file."),
        /** An SQLite file of ours that fails {@code PRAGMA quick_check} or cannot be read; details: the reason. */
        DAMAGED("damaged", "The file has not been changed. The atlas can set it aside, keeping it next to the new"
                + " file so that it can be repaired later, and start a new, empty one."),
        /** Saved by a newer program; details: the file's version, the newest this program knows. */
        NEWER_VERSION("newerVersion", "The file has not been changed. Use that newer version of Fergana Border Atlas"
                + " (or a later one) to work with it."),
        /** Bringing the file up to this program's version failed; it is left at its old version. */
        UPGRADE_FAILED("upgradeFailed", "The file has been left as it was. Please report this problem."),
        /** Anything else. */
        OTHER("other", "The file has been left as it was.");

        private final String key;
        private final String advice;

        Problem(String key, String advice) {
            this.key = key;
            this.advice = advice;
        }

        /** The suffix of the message key {@code error.userdb.<key>}. */
        public String key() {
            return key;
        }

        /** What the user can do, in English. */
        public String advice() {
            return advice;
        }
    }

    private final transient Path file;
    private final Problem problem;
    private final transient List<Object> details;

    /** A classified problem; {@code text} says what is wrong in plain words, {@code details} the values the message shows. */
    public UserDataException(Problem problem, String text, Path file, Throwable cause, Object... details) {
        super(text + "\nFile: " + file + "\n" + problem.advice(), cause);
        this.file = file;
        this.problem = problem;
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

    /** The values for the problem's message (versions, reason), in order. */
    public List<Object> details() {
        return details;
    }
}
