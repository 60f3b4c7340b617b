package org.ferganaatlas.data.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.sqlite.SQLiteConfig;

/**
 * Read-only SQL over one SQLite file for many threads: a small connection pool with prepared statements
 * kept per connection, and {@link #query} as the one way repositories read.
 *
 * <p><b>Threads.</b> Any thread may call {@link #query}; each call borrows a connection (read-only SQLite
 * connections are cheap to open; at most {@code maxIdle} are kept idle) and returns it afterwards. A connection
 * whose query failed is closed rather than reused.
 *
 * <p><b>Errors.</b> The owner decides what a failed read means to the user: {@code onFailure} turns the
 * {@link SQLException} into the unchecked exception {@link #query} throws.
 */
public final class Jdbc implements AutoCloseable {
    /** Prepared statements kept per connection before the cache is cleared (repositories use a few dozen). */
    private static final int MAX_STATEMENTS = 64;

    private final String url;
    private final String name;
    private final int maxIdle;
    private final Function<SQLException, RuntimeException> onFailure;
    private final ArrayDeque<PooledConnection> idle = new ArrayDeque<>();
    private final List<PooledConnection> all = new ArrayList<>();
    private volatile boolean closed;

    /**
     * @param url       a JDBC URL, opened read-only
     * @param name      what to call the database in messages (usually its file)
     * @param maxIdle   connections kept open between calls
     * @param onFailure the exception a failed read throws
     */
    public Jdbc(String url, String name, int maxIdle, Function<SQLException, RuntimeException> onFailure) {
        this.url = url;
        this.name = name;
        this.maxIdle = maxIdle;
        this.onFailure = onFailure;
    }

    /** Work on one borrowed connection that may throw the raw {@link SQLException} (checks at open). */
    @FunctionalInterface
    public interface ConnectionWork<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Every row {@code sql} returns with {@code args} bound, read by {@code reader}. */
    public <T> List<T> query(String sql, List<?> args, RowReader<T> reader) {
        if (closed) {
            throw new IllegalStateException("The database " + name + " is closed");
        }
        PooledConnection c = null;
        boolean broken = false;
        try {
            c = borrow();
            PreparedStatement ps = c.statement(sql);
            Rows.bind(ps, args);
            List<T> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(reader.read(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            broken = true;
            throw onFailure.apply(e);
        } finally {
            if (c != null) {
                if (broken) {
                    discard(c);
                } else {
                    release(c);
                }
            }
        }
    }

    /** The first row, if any (for lookups by key). */
    public <T> Optional<T> queryOne(String sql, List<?> args, RowReader<T> reader) {
        List<T> list = query(sql, args, reader);
        return list.isEmpty() ? Optional.empty() : Optional.of(list.get(0));
    }

    /**
     * Runs {@code work} on a pooled connection and lets {@link SQLException} through, for the checks made while
     * opening a file, where the caller classifies the failure itself.
     */
    public <T> T withConnection(ConnectionWork<T> work) throws SQLException {
        PooledConnection c = borrow();
        boolean broken = true;
        try {
            T result = work.run(c.connection);
            broken = false;
            return result;
        } finally {
            if (broken) {
                discard(c);
            } else {
                release(c);
            }
        }
    }

    /** Whether {@link #close()} was called. */
    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        closed = true;
        List<PooledConnection> toClose;
        synchronized (this) {
            toClose = new ArrayList<>(all);
            all.clear();
            idle.clear();
        }
        for (PooledConnection c : toClose) {
            c.closeQuietly();
        }
    }

    private PooledConnection borrow() throws SQLException {
        synchronized (this) {
            PooledConnection c = idle.pollLast();
            if (c != null) {
                return c;
            }
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        PooledConnection c = new PooledConnection(config.createConnection(url));
        synchronized (this) {
            if (closed) {
                c.closeQuietly();
                throw new SQLException("database closed");
            }
            all.add(c);
        }
        return c;
    }

    private void release(PooledConnection c) {
        synchronized (this) {
            if (!closed && idle.size() < maxIdle) {
                idle.addLast(c);
                return;
            }
            all.remove(c);
        }
        c.closeQuietly();
    }

    private void discard(PooledConnection c) {
        synchronized (this) {
            all.remove(c);
        }
        c.closeQuietly();
    }

    /** One connection with its prepared statements (used by one thread at a time). */
    private static final class PooledConnection {
        final Connection connection;
        final Map<String, PreparedStatement> statements = new HashMap<>();

        PooledConnection(Connection connection) {
            this.connection = connection;
        }

        PreparedStatement statement(String sql) throws SQLException {
            PreparedStatement ps = statements.get(sql);
            if (ps == null) {
                if (statements.size() > MAX_STATEMENTS) {
                    for (PreparedStatement old : statements.values()) {
                        old.close();
                    }
                    statements.clear();
                }
                ps = connection.prepareStatement(sql);
                statements.put(sql, ps);
            }
            return ps;
        }

        void closeQuietly() {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // closing a read-only connection cannot lose anything
            }
        }
    }
}
