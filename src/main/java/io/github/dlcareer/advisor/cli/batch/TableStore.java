package io.github.dlcareer.advisor.cli.batch;

import io.github.dlcareer.advisor.CohortTables;
import io.github.dlcareer.advisor.CohortTables.Column;
import io.github.dlcareer.advisor.CohortTables.Row;
import io.github.dlcareer.advisor.CohortTables.Table;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * A DuckDB database holding {@link CohortTables}: created with every table, filled row by row through one Appender
 * per table (rows are streamed into the file, never held), and exported as Parquet files when asked.
 */
final class TableStore implements AutoCloseable {

    /**
     * The storage format written: DuckDB 1.0's (storage version 64), which every DuckDB from 1.0 on opens — Python's
     * {@code duckdb}, the CLI, the JDBC driver. 2.0's own format (version 69) is refused by every 1.x reader, and
     * 1.5's (68) by those before 1.5 (checked with the 1.1.3 JDBC driver); the price is a file ~13% larger.
     */
    static final String STORAGE_VERSION = "v1.0.0";

    /**
     * DuckDB's own memory (outside the Java heap): without a limit it keeps what it wrote cached up to 80% of the
     * machine's memory, so its share of a 1M-profile batch grew with the cohort (848 MB resident in all, against 663
     * MB with this limit, for 7% more CPU time).
     */
    static final String MEMORY_LIMIT = "256MB";

    /**
     * Appended rows are committed every this many, so that no transaction grows with the cohort. In between, the rows
     * stay in one explicit transaction: without it every chunk of 2,048 rows an Appender flushes is a transaction of
     * its own, written to the log and synced to disk (measured: ~10% of the appending thread's time).
     */
    private static final long COMMIT_EVERY = 1 << 20;

    /**
     * DuckDB's threads while rows are appended: one. With more, the appending thread hands work to DuckDB's pool and
     * waits for it, and that pool takes the cores the batch's workers evaluate on (measured on 200,000 generated
     * profiles: ~25 CPU-µs less per profile in all, and the appending thread ~20% faster in wall time). The last
     * checkpoint and the Parquet export, which have the machine to themselves, run on every core again.
     */
    private static final String APPENDING_THREADS = "1";

    private final DuckDBConnection connection;
    private final Map<Table, DuckDBAppender> appenders = new IdentityHashMap<>();
    private long uncommitted;

    private TableStore(DuckDBConnection connection) {
        this.connection = connection;
    }

    /** Creates a database at {@code file} (which must not exist) with every table, empty. */
    static TableStore create(Path file) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("storage_compatibility_version", STORAGE_VERSION);
        properties.setProperty("memory_limit", MEMORY_LIMIT);
        properties.setProperty("threads", APPENDING_THREADS);
        DuckDBConnection connection = (DuckDBConnection) DriverManager.getConnection(
                "jdbc:duckdb:" + file.toAbsolutePath(), properties);
        TableStore store = new TableStore(connection);
        try {
            try (Statement statement = connection.createStatement()) {
                for (Table table : CohortTables.tables()) {
                    statement.execute(createTable(table));
                }
            }
            store.execute("BEGIN TRANSACTION");
            for (Table table : CohortTables.tables()) {
                store.appenders.put(table, connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, table.name()));
            }
            return store;
        } catch (SQLException | RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** {@code CREATE TABLE name ("column" TYPE, ...)}: names quoted, since {@code column} is an SQL keyword. */
    static String createTable(Table table) {
        return "CREATE TABLE " + table.name() + " (" + table.columns().stream()
                .map(c -> quote(c.name()) + " " + c.type().sql()).collect(Collectors.joining(", ")) + ")";
    }

    private static String quote(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    void append(List<Row> rows) throws SQLException {
        for (Row row : rows) {
            append(row);
        }
        uncommitted += rows.size();
        if (uncommitted >= COMMIT_EVERY) {
            for (DuckDBAppender appender : appenders.values()) {
                appender.flush();
            }
            execute("COMMIT");
            execute("BEGIN TRANSACTION");
            uncommitted = 0;
        }
    }

    private void append(Row row) throws SQLException {
        DuckDBAppender appender = appenders.get(row.table());
        appender.beginRow();
        List<Column> columns = row.table().columns();
        for (int i = 0; i < columns.size(); i++) {
            Object value = row.values().get(i);
            if (value == null) {
                appender.appendNull();
                continue;
            }
            switch (columns.get(i).type()) {
                case TEXT -> appender.append((String) value);
                case INTEGER -> appender.append((int) (Integer) value);
                case BIGINT -> appender.append((long) (Long) value);
                case DOUBLE -> appender.append((double) (Double) value);
                case BOOLEAN -> appender.append((boolean) (Boolean) value);
                case TEXT_LIST -> appender.append((List<?>) value);
                case TIMESTAMP -> appender.append((OffsetDateTime) value);
            }
        }
        appender.endRow();
    }

    /** Writes what the appenders hold and the database's last checkpoint: the file is then whole by itself. */
    void finish() throws SQLException {
        for (DuckDBAppender appender : appenders.values()) {
            appender.close();
        }
        execute("COMMIT");
        execute("RESET threads");
        execute("CHECKPOINT");
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** Writes every table as {@code folder/TABLE/part-0.parquet}: the layout Spark writes and reads too. */
    void exportParquet(Path folder) throws SQLException, IOException {
        try (Statement statement = connection.createStatement()) {
            for (Table table : CohortTables.tables()) {
                Path file = Files.createDirectories(folder.resolve(table.name())).resolve("part-0.parquet")
                        .toAbsolutePath();
                statement.execute("COPY " + table.name() + " TO '" + file.toString().replace("'", "''")
                        + "' (FORMAT parquet)");
            }
        }
    }

    @Override
    public void close() throws SQLException {
        try {
            for (DuckDBAppender appender : appenders.values()) {
                if (!appender.isClosed()) {
                    appender.close();
                }
            }
        } finally {
            connection.close();
        }
    }
}
