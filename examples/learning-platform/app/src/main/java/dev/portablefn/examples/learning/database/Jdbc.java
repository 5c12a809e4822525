package dev.portablefn.examples.learning.database;

import dev.portablefn.api.RetryableException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Plain JDBC for the repositories: each call borrows a connection, runs one parameterised statement in auto-commit
 * and gives the connection back; {@link #transaction} runs several on one connection. Parameters are bound by type
 * ({@link Instant} as {@code TIMESTAMPTZ}, {@code null} as SQL {@code NULL}).
 *
 * <p>A failure the database may not repeat (no connection, a statement cancelled by the statement timeout, a
 * serialization failure or deadlock, too many connections) is thrown as a {@link RetryableException}, so an HTTP
 * request gets a 503 and an event is delivered again; any other is an {@link IllegalStateException}. Either names
 * the statement, never its parameters.
 */
public final class Jdbc {

    private final DataSource dataSource;

    /** @param dataSource where connections come from, usually a pool from {@link Database#pool} */
    public Jdbc(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /** Reads the current row of a result into a value. */
    @FunctionalInterface
    public interface RowReader<T> {
        /** @param row a result positioned on a row @return its value @throws SQLException when a column fails */
        T read(ResultSet row) throws SQLException;
    }

    /** Statements run on one connection in one transaction. */
    @FunctionalInterface
    public interface Work<T> {
        /** @param transaction runs the statements @return the work's result @throws SQLException to roll back */
        T run(Transaction transaction) throws SQLException;
    }

    /**
     * @param sql        an {@code INSERT}, {@code UPDATE} or {@code DELETE} with {@code ?} placeholders
     * @param parameters the placeholders' values, in order
     * @return how many rows it changed
     */
    public int update(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection()) {
            return Transaction.update(connection, sql, parameters);
        } catch (SQLException e) {
            throw failure(sql, e);
        }
    }

    /**
     * @param sql        a {@code SELECT} with {@code ?} placeholders
     * @param reader     reads each row
     * @param parameters the placeholders' values, in order
     * @return the rows' values, in the result's order (unmodifiable)
     */
    public <T> List<T> list(String sql, RowReader<T> reader, Object... parameters) {
        try (Connection connection = dataSource.getConnection()) {
            return Transaction.list(connection, sql, reader, parameters);
        } catch (SQLException e) {
            throw failure(sql, e);
        }
    }

    /**
     * @param sql        a {@code SELECT} of at most one row
     * @param reader     reads the row
     * @param parameters the placeholders' values, in order
     * @return the row's value, or empty when there is none
     */
    public <T> Optional<T> one(String sql, RowReader<T> reader, Object... parameters) {
        return list(sql, reader, parameters).stream().findFirst();
    }

    /**
     * Runs statements in one transaction: committed when the work returns, rolled back when it throws.
     *
     * @param work the statements
     * @return what the work returns
     */
    public <T> T transaction(Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            Transaction transaction = new Transaction(connection);
            try {
                T result = work.run(transaction);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw failure("transaction", e);
        }
    }

    /** @param row a row @param column a {@code TIMESTAMPTZ} column @return its value, or {@code null} */
    public static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** Whether the database may well succeed when asked again (SQL states from the PostgreSQL manual, appendix A). */
    static boolean isTransient(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        return e instanceof SQLTransientException || e instanceof SQLRecoverableException
                || state.startsWith("08")      // connection exception
                || state.startsWith("40")      // serialization failure, deadlock
                || state.startsWith("53")      // insufficient resources: too many connections, out of memory
                || state.equals("57014")       // query_canceled: the statement timeout
                || state.startsWith("57P");    // the server is shutting down or cannot connect now
    }

    private static RuntimeException failure(String sql, SQLException e) {
        String message = "database statement failed (SQL state " + e.getSQLState() + "): " + sql + ": " + e.getMessage();
        return isTransient(e) ? new RetryableException(message, e) : new IllegalStateException(message, e);
    }

    /** Runs statements on the connection of a {@link Jdbc#transaction}. */
    public static final class Transaction {

        private final Connection connection;

        private Transaction(Connection connection) {
            this.connection = connection;
        }

        /** @param sql a changing statement @param parameters its values @return how many rows it changed */
        public int update(String sql, Object... parameters) throws SQLException {
            return update(connection, sql, parameters);
        }

        /** @param sql a query @param reader reads each row @param parameters its values @return the rows' values */
        public <T> List<T> list(String sql, RowReader<T> reader, Object... parameters) throws SQLException {
            return list(connection, sql, reader, parameters);
        }

        private static int update(Connection connection, String sql, Object... parameters) throws SQLException {
            try (PreparedStatement statement = prepare(connection, sql, parameters)) {
                return statement.executeUpdate();
            }
        }

        private static <T> List<T> list(Connection connection, String sql, RowReader<T> reader, Object... parameters)
                throws SQLException {
            try (PreparedStatement statement = prepare(connection, sql, parameters);
                 ResultSet rows = statement.executeQuery()) {
                List<T> values = new ArrayList<>();
                while (rows.next()) {
                    values.add(reader.read(rows));
                }
                return List.copyOf(values);
            }
        }

        private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
                throws SQLException {
            PreparedStatement statement = connection.prepareStatement(sql);
            try {
                for (int i = 0; i < parameters.length; i++) {
                    Object value = parameters[i];
                    if (value == null) {
                        statement.setNull(i + 1, Types.NULL);
                    } else if (value instanceof Instant instant) {
                        statement.setObject(i + 1, instant.atOffset(ZoneOffset.UTC));
                    } else {
                        statement.setObject(i + 1, value);
                    }
                }
                return statement;
            } catch (SQLException | RuntimeException e) {
                statement.close();
                throw e;
            }
        }
    }
}
