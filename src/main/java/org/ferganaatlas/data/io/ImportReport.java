package org.ferganaatlas.data.io;

import java.util.List;

/**
 * What reading a file found: its format, how many features were handed on, the first {@link FirstIssues#KEPT} that
 * could not be (a file of a million bad rows must not fill the memory with a million messages), how many could not
 * be in all, and (for CSV) the character set the text turned out to be in.
 */
public record ImportReport(String format, int features, List<ImportIssue> issues, int issueCount, String charset) {
    public ImportReport {
        issues = List.copyOf(issues);
        if (issueCount < issues.size()) {
            throw new IllegalArgumentException("issueCount " + issueCount + " < " + issues.size() + " issues listed");
        }
    }

    /** A report whose issues are all listed, or kept by a {@link FirstIssues} that counted the rest. */
    public ImportReport(String format, int features, List<ImportIssue> issues, String charset) {
        this(format, features, issues, issues instanceof FirstIssues f ? f.total() : issues.size(), charset);
    }

    /** Whether every feature could be read. */
    public boolean clean() {
        return issueCount == 0;
    }
}
