package io.github.dlcareer.advisor.cli.batch;

import io.github.dlcareer.advisor.Batch;
import io.github.dlcareer.advisor.CohortTables;
import io.github.dlcareer.advisor.CohortTables.Row;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The results as {@link CohortTables}: a DuckDB database file, or a folder of Parquet files. They are written under
 * a temporary name beside the final one ({@code .NAME.tmp-PID}) and moved into place only once the batch has
 * succeeded: a batch that fails or is stopped leaves nothing under the final name, and an existing database or
 * folder is replaced (with {@code --replace}) only then.
 */
final class TablesOutput implements AutoCloseable {

    private static final Set<String> TABLE_NAMES = CohortTables.tables().stream().map(CohortTables.Table::name)
            .collect(Collectors.toSet());

    private final Path target;
    private final boolean parquet;
    private final CohortTables tables;
    private final Path database; // the database written; for Parquet, the one the files are exported from
    private final Path folder;   // the Parquet files before they move into place; null for a database
    private TableStore store;
    private boolean committed;

    /** The tables go to {@code target}: a database file, or a folder of Parquet files when {@code parquet}. */
    TablesOutput(Path target, boolean parquet, CohortTables tables) {
        this.target = target;
        this.parquet = parquet;
        this.tables = tables;
        String temporary = ".tmp-" + ProcessHandle.current().pid();
        this.database = sibling(target, temporary + (parquet ? ".duckdb" : ""));
        this.folder = parquet ? sibling(target, temporary) : null;
    }

    private static Path sibling(Path target, String suffix) {
        return target.toAbsolutePath().resolveSibling("." + target.getFileName() + suffix);
    }

    /**
     * Why the tables cannot go to {@code target}, in words, or null when they can. An existing database, or a
     * folder holding anything but a previous run's tables, is refused unless {@code replace}.
     */
    static String problem(Path target, boolean parquet, boolean replace, Path input) {
        Path parent = target.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            return "no such folder: " + parent;
        }
        try {
            if (parquet && Files.exists(target) && !Files.isDirectory(target)) {
                return "is a file; --format parquet writes a folder of tables";
            }
            if (!parquet && Files.isDirectory(target)) {
                return "is a folder; expected a database file to write";
            }
            if (input != null && Files.exists(target) && Files.exists(input) && Files.isSameFile(target, input)) {
                return "is the input; writing it would destroy what is being read";
            }
            if (parquet && Files.isDirectory(target)) {
                String strangers = strangers(target);
                if (!strangers.isEmpty()) {
                    return "holds other files than a cohort's tables (" + strangers + "); it is never replaced";
                }
            }
            if (Files.exists(target) && !replace && !(parquet && isEmpty(target))) {
                return "exists; add --replace to replace it (only once the batch has succeeded)";
            }
            Path probe = sibling(target, ".probe-" + ProcessHandle.current().pid());
            Files.deleteIfExists(probe);
            Files.delete(Files.createFile(probe));
            return null;
        } catch (IOException e) {
            return "cannot be written: " + BatchOutputs.reason(e);
        }
    }

    /**
     * What in a folder is not a table of ours, a few of them: ours are folders named after a table holding Parquet
     * files (and Spark's {@code _SUCCESS} and {@code .crc} files), nothing else.
     */
    private static String strangers(Path folder) throws IOException {
        try (Stream<Path> entries = Files.walk(folder, 2)) {
            return entries.filter(p -> !p.equals(folder)).map(p -> folder.relativize(p))
                    .filter(p -> p.getNameCount() == 1 ? !TABLE_NAMES.contains(p.toString())
                            || !Files.isDirectory(folder.resolve(p)) : !isTableFile(folder.resolve(p)))
                    .map(Path::toString).sorted().limit(3).collect(Collectors.joining(", "));
        }
    }

    private static boolean isTableFile(Path file) {
        String name = file.getFileName().toString();
        return Files.isRegularFile(file) && (name.endsWith(".parquet") || name.endsWith(".crc")
                || name.equals("_SUCCESS"));
    }

    private static boolean isEmpty(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        }
    }

    /** Starts the temporary database, every table created. */
    void open() {
        try {
            removeTemporaries(); // a previous process of the same id may have left them
            store = TableStore.create(database);
        } catch (IOException e) {
            throw new BatchOutputs.OutputFailure(target.toString(), e);
        } catch (SQLException e) {
            throw new BatchOutputs.OutputFailure(target.toString(), e.getMessage());
        }
    }

    void append(List<Row> rows) {
        try {
            store.append(rows);
        } catch (SQLException e) {
            throw new BatchOutputs.OutputFailure(target.toString(), e.getMessage());
        }
    }

    /**
     * Appends the last rows — the catalogues, and the run: when it started, on which rules, which input, its
     * counts — completes the tables and moves them into place.
     */
    void commit(OffsetDateTime started, String rules, String input, Batch.Counts counts) {
        List<Row> last = new ArrayList<>(tables.catalogueRows());
        last.add(CohortTables.runRow(started, OffsetDateTime.now(ZoneOffset.UTC), rules, input, counts));
        try {
            store.append(last);
            store.finish();
            if (parquet) {
                Files.createDirectories(folder);
                store.exportParquet(folder);
            }
            store.close();
            store = null;
            if (parquet) {
                Files.delete(database);
                replace(folder);
            } else {
                Files.deleteIfExists(Path.of(target + ".wal")); // a replaced database's log must not outlive it
                Files.move(database, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            committed = true;
        } catch (IOException e) {
            throw new BatchOutputs.OutputFailure(target.toString(), e);
        } catch (SQLException e) {
            throw new BatchOutputs.OutputFailure(target.toString(), e.getMessage());
        }
    }

    /** Puts the finished folder in the target's place; a folder there (empty, or a previous run's) is removed. */
    private void replace(Path finished) throws IOException {
        if (!Files.exists(target)) {
            Files.move(finished, target, StandardCopyOption.ATOMIC_MOVE);
            return;
        }
        Path old = sibling(target, ".old-" + ProcessHandle.current().pid());
        Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        try {
            Files.move(finished, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
            throw e;
        }
        deleteTree(old);
    }

    /** Where the tables go, as given. */
    Path target() {
        return target;
    }

    /** Closes the database; unless the tables were committed, removes everything written. */
    @Override
    public void close() {
        try {
            if (store != null) {
                store.close();
            }
        } catch (SQLException ignored) {
            // the files are removed below all the same
        } finally {
            store = null;
            if (!committed) {
                try {
                    removeTemporaries();
                } catch (IOException ignored) {
                    // a hidden temporary file left beside the target; the target itself is untouched
                }
            }
        }
    }

    private void removeTemporaries() throws IOException {
        Files.deleteIfExists(database);
        Files.deleteIfExists(Path.of(database + ".wal"));
        if (folder != null) {
            deleteTree(folder);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
