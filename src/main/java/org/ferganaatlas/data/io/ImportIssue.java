package org.ferganaatlas.data.io;

import java.util.List;

/**
 * A feature of a file that cannot be imported as it is: which one, where, and what is wrong. The window words it
 * from {@link Problem#key()} and {@link #details()}; {@link #toString()} is the English text for logs and tests.
 *
 * @param number  the feature's place in the file, from 1
 * @param line    its line, or 0 where unknown
 * @param problem what is wrong
 * @param details the values the message shows (the bad value, the column)
 */
public record ImportIssue(int number, long line, Problem problem, List<Object> details) {
    public ImportIssue {
        details = List.copyOf(details);
    }

    /** What can be wrong with one feature. */
    public enum Problem {
        /** A coordinate outside −90..90 (latitude) or −180..180 (longitude), or not a number; details: lat, lon. */
        OUT_OF_RANGE("outOfRange"),
        /** No geometry, or one the format cannot hold; details: what was found. */
        NO_GEOMETRY("noGeometry"),
        /** A geometry that does not parse; details: the reader's reason. */
        BAD_GEOMETRY("badGeometry"),
        /** A number field that is not a number; details: the column, the value. */
        NOT_A_NUMBER("notANumber");

        private final String key;

        Problem(String key) {
            this.key = key;
        }

        /** Bundle key suffix ({@code import.issue.outOfRange}). */
        public String key() {
            return key;
        }
    }

    @Override
    public String toString() {
        return "feature " + number + (line > 0 ? " (line " + line + ")" : "") + ": " + problem + " " + details;
    }
}
