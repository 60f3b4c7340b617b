package org.ferganaatlas.data.io;

import java.nio.file.Path;
import java.util.List;

/**
 * A file that cannot be imported at all: empty, not of the format its name says, damaged, unsafe, or cancelled. Like
 * the database errors it carries a {@link Problem} (for the message in the user's language), the file, the line where
 * known, and the values the message shows; nothing has been imported when it is thrown.
 */
public final class ImportException extends Exception {
    /** Why a file cannot be imported. */
    public enum Problem {
        /** The file cannot be opened or read; details: the reason. */
        UNREADABLE("unreadable"),
        /** The file is empty (or only white space). */
        EMPTY("empty"),
        /** The file is not text of the format its name says (a picture or program renamed .kml); details: format. */
        NOT_THIS_FORMAT("notThisFormat"),
        /** The text breaks the format's rules at a place; details: format, the parser's reason. */
        MALFORMED("malformed"),
        /** The file ends in the middle of the data (cut off while copying); details: format. */
        TRUNCATED("truncated"),
        /** An XML file with a document type declaration or entities: refused, never expanded or followed. */
        UNSAFE_XML("unsafeXml"),
        /** Coordinates in a reference system other than WGS84 degrees; details: the system named. */
        OTHER_CRS("otherCrs"),
        /** A CSV file without latitude and longitude columns; details: the columns found. */
        NO_COORDINATE_COLUMNS("noCoordinateColumns"),
        /** More than the atlas reads from one file (a compressed file that unpacks to gigabytes); details: limit. */
        TOO_LARGE("tooLarge"),
        /** JSON, but not a tour file of the atlas (a GeoJSON file, another program's JSON). */
        NOT_A_TOUR("notATour"),
        /** A tour file written by a newer version of the atlas; details: its version, the newest this one reads. */
        NEWER_TOUR("newerTour"),
        /** The user cancelled the import. */
        CANCELLED("cancelled");

        private final String key;

        Problem(String key) {
            this.key = key;
        }

        /** Bundle key suffix ({@code import.error.malformed}). */
        public String key() {
            return key;
        }
    }

    private final Problem problem;
    private final Path file;
    private final long line;
    private final List<Object> details;

    public ImportException(Problem problem, Path file, long line, Throwable cause, Object... details) {
        super(problem + " in " + file + (line > 0 ? " at line " + line : "") + (details.length > 0 ? ": " + List.of(details) : ""),
                cause);
        this.problem = problem;
        this.file = file;
        this.line = line;
        this.details = List.of(details);
    }

    public Problem problem() {
        return problem;
    }

    public Path file() {
        return file;
    }

    /** The line of the problem, or 0 where unknown. */
    public long line() {
        return line;
    }

    public List<Object> details() {
        return details;
    }
}
