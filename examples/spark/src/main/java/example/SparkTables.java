package example;

import io.github.dlcareer.advisor.CohortTables;
import io.github.dlcareer.advisor.CohortTables.Column;
import io.github.dlcareer.advisor.CohortTables.Table;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * {@link CohortTables} in Spark's terms: each table's columns as a schema, each of its rows as a Spark row. The
 * columns and their types are CohortTables' own; only the mapping of its types to Spark's is here.
 */
final class SparkTables {

    /** The tables of the catalogues (one set per run, from the driver): the rows of {@link CohortTables#catalogueRows}. */
    static final List<Table> CATALOGUE_TABLES = List.of(CohortTables.ADVICE, CohortTables.PASSAGES,
            CohortTables.SOURCES);

    /**
     * The tables each input record has rows in (the rows of {@link CohortTables#rows}): every table but the
     * catalogues and {@code run}, so that a table the library adds is written here too.
     */
    static final List<Table> RECORD_TABLES = CohortTables.tables().stream()
            .filter(t -> !CATALOGUE_TABLES.contains(t) && !t.equals(CohortTables.RUN)).toList();

    /**
     * One input record's results, as one Spark row: an array column per record table, holding the record's rows of
     * that table (a profile's row, or none for a rejected record; its recommendations; ...).
     */
    static final StructType RECORD_RESULTS = new StructType(RECORD_TABLES.stream()
            .map(t -> DataTypes.createStructField(t.name(), DataTypes.createArrayType(schema(t), false), false))
            .toArray(StructField[]::new));

    private static final Map<String, Integer> RECORD_TABLE_INDEX = IntStream.range(0, RECORD_TABLES.size()).boxed()
            .collect(Collectors.toMap(i -> RECORD_TABLES.get(i).name(), i -> i));

    private SparkTables() {
    }

    /** The place of a record table in {@link #RECORD_TABLES} (and among the columns of {@link #RECORD_RESULTS}). */
    static int recordTable(Table table) {
        return RECORD_TABLE_INDEX.get(table.name());
    }

    static StructType schema(Table table) {
        return new StructType(table.columns().stream()
                .map(c -> DataTypes.createStructField(c.name(), type(c), true))
                .toArray(StructField[]::new));
    }

    static DataType type(Column column) {
        return switch (column.type()) {
            case TEXT -> DataTypes.StringType;
            case INTEGER -> DataTypes.IntegerType;
            case BIGINT -> DataTypes.LongType;
            case DOUBLE -> DataTypes.DoubleType;
            case BOOLEAN -> DataTypes.BooleanType;
            case TEXT_LIST -> DataTypes.createArrayType(DataTypes.StringType, false);
            // Parquet TIMESTAMP adjusted to UTC when written as TIMESTAMP_MICROS: DuckDB's TIMESTAMP WITH TIME ZONE.
            case TIMESTAMP -> DataTypes.TimestampType;
        };
    }

    /** A row of CohortTables as a Spark row of {@link #schema} (the values of each type as Spark takes them). */
    static Row row(CohortTables.Row row) {
        Object[] values = new Object[row.values().size()];
        for (int i = 0; i < values.length; i++) {
            Object value = row.values().get(i);
            if (value instanceof List<?> words) {
                value = words.toArray(new String[0]);
            } else if (value instanceof OffsetDateTime instant) {
                value = Timestamp.from(instant.toInstant());
            }
            values[i] = value;
        }
        return RowFactory.create(values);
    }
}
