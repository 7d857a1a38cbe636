package io.github.dlcareer.advisor.internal.knowledge;

import io.github.dlcareer.advisor.Problem;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.drools.decisiontable.InputType;
import org.drools.decisiontable.parser.DefaultRuleSheetListener;
import org.drools.decisiontable.parser.xls.ExcelParser;
import org.drools.template.model.Condition;
import org.drools.template.model.Consequence;
import org.drools.template.model.Global;
import org.drools.template.model.Import;
import org.drools.template.model.Package;
import org.drools.template.model.Rule;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A decision table of the rules folder — a {@code .csv} file, or the first sheet of an {@code .xlsx} — read with
 * Drools' decision-table parser and written as DRL in which line N holds the whole rule of row N. So every
 * check of the DRL, and the compiler, reports a table's problem at its row; {@link #located} then moves it to the
 * cell: {@code employer.csv:13:6} (row and column), {@code abroad.xlsx:Abroad!G11} (sheet and cell).
 */
public final class DecisionTable {

    private static final Pattern QUOTED = Pattern.compile("'([^']+)'");
    private static final Pattern CELL = Pattern.compile("\\b([A-Z]{1,3})(\\d+)\\b");

    /** The table as DRL, the sheet it was read from (null for CSV) and its cells: by 1-based row, by 0-based column. */
    private record Read(String drl, String sheet, Map<Integer, TreeMap<Integer, String>> cells) {
    }

    private DecisionTable() {
    }

    /**
     * Where the DRL of tables read before is kept (the compiled-rules cache), by the table's name and content:
     * an unchanged table is not read again, and a start loads no spreadsheet reader (POI alone takes a second).
     */
    public interface Cache {
        Cache NONE = new Cache() {
            @Override
            public Optional<String> readTable(String file, byte[] content) {
                return Optional.empty();
            }

            @Override
            public void writeTable(String file, byte[] content, String drl) {
            }
        };

        Optional<String> readTable(String file, byte[] content);

        void writeTable(String file, byte[] content, String drl);
    }

    /** Whether a file of the rules folder is a decision table. */
    public static boolean isTable(String file) {
        String name = file.toLowerCase(Locale.ROOT);
        return name.endsWith(".csv") || name.endsWith(".xlsx");
    }

    /** The table's rules as DRL, one rule on the line of its row; null, with the problem added, if it is no table. */
    static String drl(RulesFiles files, String file, byte[] content, Cache cache, List<Problem> problems) {
        Optional<String> cached = cache.readTable(file, content);
        if (cached.isPresent()) {
            return cached.get();
        }
        try {
            String drl = read(file, content).drl();
            cache.writeTable(file, content, drl);
            return drl;
        } catch (RuntimeException e) {
            problems.add(unreadable(files, file, e));
        } catch (NoClassDefFoundError e) {
            // An application may leave Apache POI out when its rules have no .xlsx table.
            problems.add(Problem.error(files.where(file), 0, 0, null, "an .xlsx table needs Apache POI"
                    + " (org.apache.poi:poi-ooxml) on the class path, which is missing: " + e.getMessage()));
        }
        return null;
    }

    /**
     * The problems with those at a table's row moved to the cell they are about: the cell that holds the id or
     * value the message quotes, else one whose value the message names, else the cell at the column the DRL
     * check gave, else the row's first cell.
     */
    public static List<Problem> located(RulesFiles files, List<Problem> problems) {
        Map<String, Read> tables = new HashMap<>();
        List<Problem> located = new ArrayList<>(problems.size());
        String prefix = files.label() + "/";
        for (Problem problem : problems) {
            String file = problem.source().startsWith(prefix) ? problem.source().substring(prefix.length()) : null;
            Read table = file == null || !isTable(file) || problem.line() <= 0 ? null
                    : tables.computeIfAbsent(file, f -> readQuietly(files, f));
            TreeMap<Integer, String> row = table == null ? null : table.cells().get(problem.line());
            if (row == null) {
                located.add(problem);
                continue;
            }
            located.add(at(files, file, table.sheet(), problem.line(), column(table, row, problem), problem));
        }
        return located;
    }

    private static Read readQuietly(RulesFiles files, String file) {
        try {
            return read(file, Files.readAllBytes(files.folder().resolve(file)));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static Read read(String file, byte[] content) {
        Cells listener = new Cells();
        String sheet = null;
        if (file.toLowerCase(Locale.ROOT).endsWith(".csv")) {
            InputType.CSV.createParser(listener).parseFile(new ByteArrayInputStream(content));
        } else {
            try {
                Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(content));
                sheet = workbook.getSheetName(0);
                new ExcelParser(listener).parseWorkbook(workbook); // the first sheet; it closes the workbook
            } catch (IOException e) {
                throw new IllegalArgumentException("not a spreadsheet: " + e.getMessage(), e);
            }
        }
        return new Read(drl(listener.getRuleSet()), sheet, listener.rows);
    }

    /** Remembers every cell on its way to Drools' own listener, to say later where a problem is. */
    private static final class Cells extends DefaultRuleSheetListener {
        final Map<Integer, TreeMap<Integer, String>> rows = new HashMap<>();

        @Override
        public void newCell(int row, int column, String value, int mergedColStart) {
            if (value != null && !value.isBlank()) {
                rows.computeIfAbsent(row + 1, r -> new TreeMap<>()).put(column, value.strip());
            }
            super.newCell(row, column, value, mergedColStart);
        }
    }

    /**
     * The rule attributes a table's columns may set (PRIORITY, NO-LOOP, ACTIVATION-GROUP, ...), as Drools names
     * them: each is written, as Drools' own DRL would be, so that no column is dropped in silence.
     */
    private static final List<String> ATTRIBUTES = List.of("salience", "duration", "timer", "enabled", "calendars",
            "no-loop", "lock-on-active", "auto-focus", "activation-group", "agenda-group", "ruleflow-group",
            "date-effective", "date-expires");

    /** The package, imports and globals on line 1; then each rule whole, on the line of its row. */
    private static String drl(Package rules) {
        StringBuilder header = new StringBuilder("package " + rules.getName() + ";");
        for (Import i : rules.getImports()) {
            header.append(" import ").append(i.getClassName()).append(';');
        }
        for (Global g : rules.getVariables()) {
            header.append(" global ").append(g.getClassName()).append(' ').append(g.getIdentifier()).append(';');
        }
        List<String> lines = new ArrayList<>(List.of(header.toString()));
        for (Rule rule : rules.getRules()) {
            while (lines.size() < rule.getSpreadsheetRowNumber() - 1) {
                lines.add("");
            }
            StringBuilder line = new StringBuilder("rule " + rule.getName()); // quoted by Drools already
            rule.getMetadata().forEach(m -> line.append(" @").append(m));
            for (String attribute : ATTRIBUTES) {
                String value = rule.getAttribute(attribute); // as Drools writes it: quoted where it must be
                if (value != null) {
                    line.append(' ').append(attribute).append(' ').append(value);
                }
            }
            line.append(" when");
            for (Condition condition : rule.getConditions()) {
                line.append(' ').append(condition.getSnippet());
            }
            line.append(" then");
            for (Consequence consequence : rule.getConsequences()) {
                line.append(' ').append(consequence.getSnippet());
            }
            lines.add(line.append(" end").toString());
        }
        return String.join("\n", lines) + "\n";
    }

    /** The column (0-based) of the row's cell a problem is about. */
    private static int column(Read table, TreeMap<Integer, String> row, Problem problem) {
        Matcher quoted = QUOTED.matcher(problem.message());
        while (quoted.find()) {
            for (Map.Entry<Integer, String> cell : row.entrySet()) {
                if (cell.getValue().equals(quoted.group(1))) {
                    return cell.getKey();
                }
            }
            for (Map.Entry<Integer, String> cell : row.entrySet()) {
                if (cell.getValue().contains(quoted.group(1))) {
                    return cell.getKey();
                }
            }
        }
        // The compiler names the expression it cannot analyse: the longest value of the row in it (not its name).
        int named = -1;
        for (Map.Entry<Integer, String> cell : row.entrySet()) {
            String value = cell.getValue();
            if (!value.equals(problem.field()) && (named < 0 || value.length() > row.get(named).length())
                    && Pattern.compile("(?<![\\w.$])" + Pattern.quote(value) + "(?![\\w$])").matcher(problem.message()).find()) {
                named = cell.getKey();
            }
        }
        if (named >= 0) {
            return named;
        }
        List<String> lines = table.drl().lines().toList();
        if (problem.column() > 0 && problem.line() <= lines.size()) {
            // The cell whose value, written into the rule's line, starts nearest before the column.
            String line = lines.get(problem.line() - 1);
            int at = problem.column() - 1;
            int best = -1;
            int bestStart = -1;
            for (Map.Entry<Integer, String> cell : row.entrySet()) {
                for (int i = line.indexOf(cell.getValue()); i >= 0 && i <= at; i = line.indexOf(cell.getValue(), i + 1)) {
                    if (i > bestStart) {
                        bestStart = i;
                        best = cell.getKey();
                    }
                }
            }
            if (best >= 0) {
                return best;
            }
        }
        return row.firstKey();
    }

    /** A problem moved to a cell: row and column for a CSV file, sheet and cell for a spreadsheet. */
    private static Problem at(RulesFiles files, String file, String sheet, int row, int column, Problem problem) {
        return sheet == null
                ? new Problem(files.where(file), row, column + 1, problem.field(), problem.message(), problem.severity())
                : new Problem(files.where(file) + ":" + sheet + "!" + columnName(column) + row, 0, 0, problem.field(),
                problem.message(), problem.severity());
    }

    /** A table Drools cannot read: at the cell its message names, if any. */
    private static Problem unreadable(RulesFiles files, String file, RuntimeException e) {
        String message = String.valueOf(e.getMessage()).lines().findFirst().orElse("").strip();
        Problem problem = Problem.error(files.where(file), 0, 0, null, "not a decision table Drools can read: " + message);
        Matcher cell = CELL.matcher(message);
        if (!cell.find()) {
            return problem;
        }
        int column = 0;
        for (char c : cell.group(1).toCharArray()) {
            column = column * 26 + (c - 'A' + 1);
        }
        String sheet = file.toLowerCase(Locale.ROOT).endsWith(".csv") ? null : sheetQuietly(files, file);
        return at(files, file, sheet, Integer.parseInt(cell.group(2)), column - 1, problem);
    }

    private static String sheetQuietly(RulesFiles files, String file) {
        try (InputStream in = Files.newInputStream(files.folder().resolve(file));
             Workbook workbook = WorkbookFactory.create(in)) {
            return workbook.getSheetName(0);
        } catch (IOException | RuntimeException e) {
            return "Sheet1";
        }
    }

    /** A spreadsheet's name of a 0-based column: A, B, … Z, AA. */
    static String columnName(int column) {
        StringBuilder name = new StringBuilder();
        for (int c = column + 1; c > 0; c = (c - 1) / 26) {
            name.insert(0, (char) ('A' + (c - 1) % 26));
        }
        return name.toString();
    }
}
