package org.ferganaatlas.data.user;

import java.util.List;

/**
 * One step of the user database's schema: applied in one transaction together with {@code PRAGMA user_version =
 * version}, so a file is always at exactly one version, never between two.
 *
 * @param version    the {@code user_version} the file has after this step (1, 2, … without gaps)
 * @param purpose    what the step adds, for docs and logs
 * @param statements the SQL, one statement per element (triggers hold semicolons, so no splitting)
 */
public record Migration(int version, String purpose, List<String> statements) {
    public Migration {
        if (version < 1) {
            throw new IllegalArgumentException("migration versions start at 1");
        }
        statements = List.copyOf(statements);
    }
}
