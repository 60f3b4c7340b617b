package org.ferganaatlas.data.io;

import java.util.ArrayList;

/** The issues an importer collects: the first {@link #KEPT} are kept, the rest only counted, so memory stays bounded. */
final class FirstIssues extends ArrayList<ImportIssue> {
    private static final long serialVersionUID = 1L;
    /** More than a dialog lists, few enough to keep whatever the file. */
    static final int KEPT = 100;
    private int total;

    @Override
    public boolean add(ImportIssue issue) {
        total++;
        return size() < KEPT && super.add(issue);
    }

    /** How many were added, kept or not. */
    int total() {
        return total;
    }
}
