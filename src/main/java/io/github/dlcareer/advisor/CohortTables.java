package io.github.dlcareer.advisor;

import io.github.dlcareer.advisor.internal.knowledge.Catalogues;
import io.github.dlcareer.advisor.internal.profile.ProfileSchema;
import io.github.dlcareer.advisor.internal.profile.ProfileSchema.Leaf;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The results of a cohort as tables: the one definition of their names, columns and types, and of the rows that a
 * batch record, the rules' catalogues and the run give. The command line writes them into a DuckDB file or Parquet
 * files; a job on another engine (Apache Spark) writes the same tables from the same rows. They are a contract:
 * columns are added, never renamed or retyped.
 *
 * <pre>{@code
 * CohortTables tables = CohortTables.of(advisor, mapping);     // mapping: the CsvMapping, or null for JSON input
 * for (CohortTables.Row row : tables.rows(record)) {
 *     store(row.table().name(), row.values());                // in the order of row.table().columns()
 * }
 * }</pre>
 *
 * <ul>
 *   <li>{@code profiles(profile_id, line, …)}: one row per advised record, with every profile field as a column
 *       named by its path in snake case ({@code education.level} is {@code education_level}); unknown is null;
 *   <li>{@code recommendations(profile_id, rank, advice_id, kind, topic, score)}, {@code citations(profile_id,
 *       advice_id, passage_id)}, {@code questions(profile_id, rank, question_id)}, {@code conflicts(profile_id,
 *       conflict_id, advice_id)}: a row per recommendation, citation, question, and side of a conflict shown;
 *   <li>{@code rejections(line, profile_id, field, column, message)}: a row per problem of a rejected record;
 *       {@code column} is the CSV column the field was read from;
 *   <li>{@code kept(profile_id, line, column, value)}: a row per input column passed through ({@link BatchInput#keep})
 *       of every record, advised or rejected; long, so that the tables' shape never depends on the input;
 *   <li>the catalogues {@code advice(advice_id, kind, topic, title, text)}, {@code passages(passage_id, source_id,
 *       section, quote)}, {@code sources(source_id, title, author)};
 *   <li>{@code run(started, finished, rules, input, read, advised, rejected)}: one row.
 * </ul>
 */
public final class CohortTables {

    /** A column's type: the class of its values in a {@link Row}, and its SQL type. */
    public enum Type {
        TEXT(String.class, "VARCHAR"),
        INTEGER(Integer.class, "INTEGER"),
        BIGINT(Long.class, "BIGINT"),
        DOUBLE(Double.class, "DOUBLE"),
        BOOLEAN(Boolean.class, "BOOLEAN"),
        /** A list of texts: an unmodifiable {@code List<String>}. */
        TEXT_LIST(List.class, "VARCHAR[]"),
        /** An instant with its offset (UTC). */
        TIMESTAMP(OffsetDateTime.class, "TIMESTAMP WITH TIME ZONE");

        private final Class<?> javaType;
        private final String sql;

        Type(Class<?> javaType, String sql) {
            this.javaType = javaType;
            this.sql = sql;
        }

        /** The class of the values of a column of this type. */
        public Class<?> javaType() {
            return javaType;
        }

        /** The type in SQL, as DuckDB writes it. */
        public String sql() {
            return sql;
        }
    }

    /** A column: its name and type. Every column may hold null. */
    public record Column(String name, Type type) {
        public Column {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
        }
    }

    /** A table: its name and its columns, in order. */
    public record Table(String name, List<Column> columns) {
        public Table {
            Objects.requireNonNull(name, "name");
            columns = List.copyOf(columns);
        }
    }

    /**
     * One row of a table.
     *
     * @param values one per column of the table, in its order, each of the column type's class or null
     */
    public record Row(Table table, List<Object> values) {
        public Row {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(values, "values");
            if (values.size() != table.columns().size()) {
                throw new IllegalArgumentException(table.name() + " has " + table.columns().size() + " columns, not "
                        + values.size());
            }
        }
    }

    /** The profile fields that are columns of {@code profiles}: all but the id, which is {@code profile_id}. */
    private static final List<Leaf> PROFILE_LEAVES = ProfileSchema.leaves().stream()
            .filter(leaf -> !leaf.path().equals("id")).toList();

    public static final Table PROFILES = new Table("profiles", Stream.concat(
            Stream.of(new Column("profile_id", Type.TEXT), new Column("line", Type.BIGINT)),
            PROFILE_LEAVES.stream().map(leaf -> new Column(columnName(leaf.path()), type(leaf)))).toList());
    public static final Table RECOMMENDATIONS = table("recommendations", "profile_id", Type.TEXT, "rank", Type.INTEGER,
            "advice_id", Type.TEXT, "kind", Type.TEXT, "topic", Type.TEXT, "score", Type.DOUBLE);
    public static final Table CITATIONS = table("citations", "profile_id", Type.TEXT, "advice_id", Type.TEXT,
            "passage_id", Type.TEXT);
    public static final Table QUESTIONS = table("questions", "profile_id", Type.TEXT, "rank", Type.INTEGER,
            "question_id", Type.TEXT);
    public static final Table CONFLICTS = table("conflicts", "profile_id", Type.TEXT, "conflict_id", Type.TEXT,
            "advice_id", Type.TEXT);
    public static final Table REJECTIONS = table("rejections", "line", Type.BIGINT, "profile_id", Type.TEXT,
            "field", Type.TEXT, "column", Type.TEXT, "message", Type.TEXT);
    public static final Table KEPT = table("kept", "profile_id", Type.TEXT, "line", Type.BIGINT, "column", Type.TEXT,
            "value", Type.TEXT);
    public static final Table ADVICE = table("advice", "advice_id", Type.TEXT, "kind", Type.TEXT, "topic", Type.TEXT,
            "title", Type.TEXT, "text", Type.TEXT);
    public static final Table PASSAGES = table("passages", "passage_id", Type.TEXT, "source_id", Type.TEXT,
            "section", Type.TEXT, "quote", Type.TEXT);
    public static final Table SOURCES = table("sources", "source_id", Type.TEXT, "title", Type.TEXT,
            "author", Type.TEXT);
    public static final Table RUN = table("run", "started", Type.TIMESTAMP, "finished", Type.TIMESTAMP,
            "rules", Type.TEXT, "input", Type.TEXT, "read", Type.BIGINT, "advised", Type.BIGINT,
            "rejected", Type.BIGINT);

    private static final List<Table> TABLES = List.of(PROFILES, RECOMMENDATIONS, CITATIONS, QUESTIONS, CONFLICTS,
            REJECTIONS, KEPT, ADVICE, PASSAGES, SOURCES, RUN);

    private final Catalogues catalogues;
    private final CsvMapping mapping;

    private CohortTables(Catalogues catalogues, CsvMapping mapping) {
        this.catalogues = catalogues;
        this.mapping = mapping;
    }

    /**
     * The tables of a batch run on {@code advisor} (its catalogues, as they serve now), over input read through
     * {@code mapping} (which names the column of a rejected field), or over JSON input when it is null.
     */
    public static CohortTables of(Advisor advisor, CsvMapping mapping) {
        return new CohortTables(Objects.requireNonNull(advisor, "advisor").catalogues(), mapping);
    }

    /** Every table, in the order above. */
    public static List<Table> tables() {
        return TABLES;
    }

    /** The column named for a profile field's path: {@code job.involvesDeepLearning} is {@code job_involves_deep_learning}. */
    public static String columnName(String path) {
        return path.replace('.', '_').replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    /**
     * The rows of one batch record: for an advised one, its row of {@code profiles} and its rows of
     * {@code recommendations}, {@code citations}, {@code questions} and {@code conflicts}; for a rejected one, its
     * rows of {@code rejections}; for either, its rows of {@code kept}.
     */
    public List<Row> rows(BatchRecord record) {
        Objects.requireNonNull(record, "record");
        List<Row> rows = new ArrayList<>();
        if (!record.advised()) {
            for (Problem p : record.problems()) {
                rows.add(row(REJECTIONS, record.line(), record.id(), p.field(), column(p.field()), p.message()));
            }
            return kept(record, rows);
        }
        String id = record.id();
        Object[] profile = new Object[PROFILES.columns().size()];
        profile[0] = id;
        profile[1] = record.line();
        for (int i = 0; i < PROFILE_LEAVES.size(); i++) {
            Object value = PROFILE_LEAVES.get(i).getter().apply(record.profile());
            profile[i + 2] = value instanceof Enum<?> constant ? constant.name() : value;
        }
        rows.add(new Row(PROFILES, Collections.unmodifiableList(Arrays.asList(profile))));
        Advice advice = record.advice();
        for (Recommendation r : advice.recommendations()) {
            rows.add(row(RECOMMENDATIONS, id, r.rank(), r.id(), r.kind().name(), r.topic(), r.score()));
            for (Citation c : r.citations()) {
                rows.add(row(CITATIONS, id, r.id(), c.passage()));
            }
        }
        for (int i = 0; i < advice.questions().size(); i++) {
            rows.add(row(QUESTIONS, id, i + 1, advice.questions().get(i).id()));
        }
        for (Advice.Conflict conflict : advice.conflicts()) {
            for (Advice.Side side : conflict.sides()) {
                rows.add(row(CONFLICTS, id, conflict.id(), side.advice()));
            }
        }
        return kept(record, rows);
    }

    private static List<Row> kept(BatchRecord record, List<Row> rows) {
        record.kept().forEach((column, value) -> rows.add(row(KEPT, record.id(), record.line(), column, value)));
        return rows;
    }

    /** The rows of {@code advice}, {@code passages} and {@code sources}: the catalogues of the rules. */
    public List<Row> catalogueRows() {
        List<Row> rows = new ArrayList<>();
        for (Catalogues.Entry e : catalogues.advice().values()) {
            rows.add(row(ADVICE, e.id(), e.kind().name(), e.topic(), e.title(), e.advice()));
        }
        for (Catalogues.Passage p : catalogues.passages().values()) {
            rows.add(row(PASSAGES, p.id(), p.source(), p.section(), p.quote()));
        }
        for (Catalogues.Source s : catalogues.sources().values()) {
            rows.add(row(SOURCES, s.id(), s.title(), s.author()));
        }
        return rows;
    }

    /** The row of {@code run}: when it ran, on which rules ({@code Advisor.rulesLocation()}), which input, the counts. */
    public static Row runRow(OffsetDateTime started, OffsetDateTime finished, String rules, String input,
                             Batch.Counts counts) {
        return row(RUN, started, finished, rules, input, counts.read(), counts.advised(), counts.rejected());
    }

    /** The CSV column a problem's field was read from, or null (JSON input, a problem of no field). */
    private String column(String field) {
        if (mapping == null || field == null) {
            return null;
        }
        String path = field.endsWith("]") ? field.substring(0, field.lastIndexOf('[')) : field; // a list's item
        return mapping.column(path).orElse(null);
    }

    private static Row row(Table table, Object... values) {
        return new Row(table, Collections.unmodifiableList(Arrays.asList(values)));
    }

    private static Table table(String name, Object... namesAndTypes) {
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < namesAndTypes.length; i += 2) {
            columns.add(new Column((String) namesAndTypes[i], (Type) namesAndTypes[i + 1]));
        }
        return new Table(name, columns);
    }

    private static Type type(Leaf leaf) {
        return switch (leaf.kind()) {
            case TEXT, COUNTRY, ENUM -> Type.TEXT;
            case BOOLEAN -> Type.BOOLEAN;
            case SKILL, COUNT, RANK, RATIO -> Type.INTEGER;
            case WORDS -> Type.TEXT_LIST;
        };
    }
}
