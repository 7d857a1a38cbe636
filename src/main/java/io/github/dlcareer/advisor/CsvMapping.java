package io.github.dlcareer.advisor;

import io.github.dlcareer.advisor.internal.batch.Mapping;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How the columns of a CSV or TSV export become profile fields: configuration in YAML, not code.
 *
 * <pre>
 * delimiter: ","                      # "\t" for TSV
 * id: {column: respondent_row, prefix: "kaggle-"}
 * fields:
 *   education.level:
 *     column: education
 *     values: {"Master’s degree": MASTERS, "I prefer not to answer": null}   # answer → value (null: unknown)
 *     default: null                   # for answers not in the table (absent: the answer as it is)
 *   experience.frameworks:
 *     column: ml_frameworks
 *     split: ";"                      # a multi-select cell
 *     values: {PyTorch: pytorch, None: null}
 *   skills.programming:
 *     column: years_coding_data
 *     range: [{from: 0, value: 1}, {from: 5, value: 4}]   # "5-10 years": its first number picks the value
 *     values: {"I have never written code": 0}
 *   hardware.gpu: {value: null}       # the same for every row
 * ignore: [age, languages]            # columns deliberately not used
 * </pre>
 */
public final class CsvMapping {

    private final Mapping mapping;
    private final Map<String, String> columns;

    private CsvMapping(Mapping mapping) {
        this.mapping = mapping;
        this.columns = mapping.columnsByPath();
    }

    /**
     * Reads a mapping file.
     *
     * @throws InvalidInputException listing every mistake in it, each with its field
     */
    public static CsvMapping read(Path file) {
        return new CsvMapping(Mapping.read(Objects.requireNonNull(file, "file")));
    }

    /** The column a profile field is read from ({@code education.level} → {@code education}), if it is mapped to one. */
    public Optional<String> column(String path) {
        return Optional.ofNullable(columns.get(Objects.requireNonNull(path, "path")));
    }

    Mapping mapping() {
        return mapping;
    }
}
