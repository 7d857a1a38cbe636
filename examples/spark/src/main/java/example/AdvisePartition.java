package example;

import io.github.dlcareer.advisor.Advisor;
import io.github.dlcareer.advisor.Batch;
import io.github.dlcareer.advisor.BatchInput;
import io.github.dlcareer.advisor.BatchRecord;
import io.github.dlcareer.advisor.CohortTables;
import io.github.dlcareer.advisor.CsvMapping;
import org.apache.spark.SparkFiles;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The advisor over one partition of numbered input lines ({@code line}, {@code bytes}): the lines are cut into
 * chunks, each chunk is read and advised by the library's own {@link Batch} (so a record is read, checked and
 * rejected exactly as {@code advisor batch} does), and each record becomes one row of
 * {@link SparkTables#RECORD_RESULTS}, its line numbers those of the whole input.
 */
final class AdvisePartition implements MapPartitionsFunction<Row, Row> {

    /** One advisor per executor JVM, shared by its tasks: the rules are compiled (or loaded from cache) once. */
    private static final Map<String, Job> JOBS = new ConcurrentHashMap<>();

    private record Job(Advisor advisor, CsvMapping mapping, CohortTables tables) {
    }

    private final String input;
    private final String rules;
    private final String mapping;
    private final byte[] header;
    private final int chunkLines;
    private final List<String> keep;

    /**
     * @param input      the input's name, as problems name it
     * @param rules      the rules folder's name as shipped with the job ({@code SparkContext.addFile}), or null for
     *                   the rules bundled in the library
     * @param mapping    the CSV mapping file's name as shipped with the job, or null for JSON Lines
     * @param header     the CSV header line (without its line break), put before every chunk that lacks it
     * @param chunkLines how many lines a chunk holds (at least): the results of one chunk are held at a time
     * @param keep       the input columns passed through to {@code kept}, or none
     */
    AdvisePartition(String input, String rules, String mapping, byte[] header, int chunkLines, List<String> keep) {
        this.input = input;
        this.rules = rules;
        this.mapping = mapping;
        this.header = header;
        this.chunkLines = chunkLines;
        this.keep = List.copyOf(keep);
    }

    @Override
    public Iterator<Row> call(Iterator<Row> lines) {
        Job job = job(rules, mapping);
        return new Iterator<>() {
            private final Queue<Row> ready = new ArrayDeque<>();

            @Override
            public boolean hasNext() {
                while (ready.isEmpty() && lines.hasNext()) {
                    advise(job, lines, ready);
                }
                return !ready.isEmpty();
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return ready.remove();
            }
        };
    }

    /** Reads the next chunk of lines, advises its records, and adds their results to {@code ready}. */
    private void advise(Job job, Iterator<Row> lines, Queue<Row> ready) {
        ByteArrayOutputStream chunk = new ByteArrayOutputStream();
        long first = -1;
        int count = 0;
        boolean inQuotes = false;
        // A CSV chunk ends only outside quotes: a quoted cell may hold line breaks.
        while (lines.hasNext() && (count < chunkLines || inQuotes)) {
            Row row = lines.next();
            if (first < 0) {
                first = row.getLong(0);
                if (mapping != null && first > 1) {
                    chunk.writeBytes(header);
                    chunk.write('\n');
                    first--; // the header took the chunk's first line
                }
            }
            byte[] bytes = row.getAs(1);
            chunk.writeBytes(bytes);
            chunk.write('\n');
            count++;
            if (mapping != null) {
                for (byte b : bytes) {
                    inQuotes ^= b == '"';
                }
            }
        }
        long offset = first - 1;
        BatchInput records = mapping == null
                ? BatchInput.json(new ByteArrayInputStream(chunk.toByteArray()), input)
                : BatchInput.csv(new ByteArrayInputStream(chunk.toByteArray()), input, job.mapping());
        Batch.of(job.advisor()).threads(1).run(keep.isEmpty() ? records : records.keep(keep),
                record -> ready.add(results(job.tables(), new BatchRecord(record.line() + offset, record.id(),
                        record.profile(), record.advice(), record.problems(), record.kept()))));
    }

    private static Row results(CohortTables tables, BatchRecord record) {
        List<List<Row>> byTable = new ArrayList<>();
        SparkTables.RECORD_TABLES.forEach(t -> byTable.add(new ArrayList<>()));
        for (CohortTables.Row row : tables.rows(record)) {
            byTable.get(SparkTables.recordTable(row.table())).add(SparkTables.row(row));
        }
        return RowFactory.create(byTable.stream().map(rows -> rows.toArray(new Row[0])).toArray());
    }

    private static Job job(String rules, String mapping) {
        return JOBS.computeIfAbsent(rules + "\0" + mapping, key -> {
            Advisor advisor = advisor(rules == null ? null : SparkFiles.get(rules));
            CsvMapping csv = mapping(mapping == null ? null : SparkFiles.get(mapping));
            return new Job(advisor, csv, CohortTables.of(advisor, csv));
        });
    }

    /** An advisor on a rules folder, or on the bundled rules (null); compiled rules cached as the command line does. */
    static Advisor advisor(String rules) {
        Advisor.Builder builder = Advisor.builder().cache(Advisor.defaultCacheFolder());
        return (rules == null ? builder : builder.rules(Path.of(rules))).build();
    }

    /** A CSV mapping file read, or null (JSON input) for null. */
    static CsvMapping mapping(String file) {
        return file == null ? null : CsvMapping.read(Path.of(file));
    }
}
