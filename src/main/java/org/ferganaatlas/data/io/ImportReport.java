package org.ferganaatlas.data.io;

import java.util.List;

/**
 * What reading a file found: its format, how many features were handed on, the ones that could not be, and (for
 * CSV) the character set the text turned out to be in.
 */
public record ImportReport(String format, int features, List<ImportIssue> issues, String charset) {
    public ImportReport {
        issues = List.copyOf(issues);
    }

    /** Whether every feature could be read. */
    public boolean clean() {
        return issues.isEmpty();
    }
}
