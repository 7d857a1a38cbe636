package io.github.dlcareer.advisor.internal.knowledge;

import io.github.dlcareer.advisor.Advisor;
import io.github.dlcareer.advisor.Problem;
import io.github.dlcareer.advisor.Profile;
import io.github.dlcareer.advisor.ProfileReader;
import io.github.dlcareer.advisor.TestRules;
import io.github.dlcareer.advisor.authoring.RulesFolder;
import io.github.dlcareer.advisor.internal.compile.CompiledRulesCache;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Decision tables beside DRL: their rows are rules, and their problems are at their cells. */
class DecisionTableTest {

    /** A small table: row 9 recommends "one" to someone without a GPU, row 10 "two" to a strong mathematician. */
    private static final String[][] TABLE = {
            {"RuleSet", "advisor"},
            {"Import", "io.github.dlcareer.advisor.Profile, io.github.dlcareer.advisor.Profile.Gpu"},
            {"Variables", "io.github.dlcareer.advisor.rules.Evidence evidence"},
            {"RuleTable T"},
            {"NAME", "CONDITION", "CONDITION", "METADATA", "METADATA", "METADATA", "ACTION"},
            {"", "Profile", "Profile"},
            {"", "hardware.gpu == $param", "skills.math >= $param", "recommend(\"$param\")", "cite(\"$param\")",
                    "weight($param)", "evidence.$param(kcontext);"},
            {"rule", "GPU", "maths at least", "advice", "passages", "weight", "does"},
            {"No GPU", "Gpu.NONE", "", "one", "p1", "0.7", "support"},
            {"Strong maths", "", "4", "two", "p1, p2", "0.5", "support"},
    };

    private static final Profile NO_GPU = ProfileReader.create().parse("id: n\nhardware: {gpu: NONE}", "n.yaml");

    /** The table with one cell of a data row (9 or 10, A = 0) changed. */
    private static String[][] edited(int row, int column, String value) {
        String[][] table = new String[TABLE.length][];
        for (int i = 0; i < TABLE.length; i++) {
            table[i] = TABLE[i].clone();
        }
        table[row - 1][column] = value;
        return table;
    }

    /** As a CSV file: merged cells are written the CSV way, with "..." after each. */
    private static void csv(Path file, String[][] table) throws Exception {
        List<String> lines = new ArrayList<>();
        for (int r = 0; r < table.length; r++) {
            List<String> cells = new ArrayList<>();
            for (String cell : table[r]) {
                String text = r == 5 && cell.equals("Profile") ? "Profile..." : cell;
                cells.add(text.contains(",") || text.contains("\"") ? "\"" + text.replace("\"", "\"\"") + "\"" : text);
            }
            lines.add(String.join(",", cells));
        }
        Files.write(file, lines);
    }

    /**
     * As a spreadsheet with one sheet, "Rules", the Profile cells merged as a spreadsheet program merges them, and
     * " (xlsx)" after each rule's name, so that it can sit beside the CSV file.
     */
    private static void xlsx(Path file, String[][] table) throws Exception {
        try (Workbook book = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = book.createSheet("Rules");
            for (int r = 0; r < table.length; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < table[r].length; c++) {
                    if (!table[r][c].isEmpty() || r == 5) {
                        row.createCell(c).setCellValue(r == 5 && c == 2 ? "" : r >= 8 && c == 0 ? table[r][c] + " (xlsx)"
                                : table[r][c]);
                    }
                }
            }
            sheet.addMergedRegion(new CellRangeAddress(5, 5, 1, 2));
            book.write(out);
        }
    }

    private static List<String> errors(Path dir) {
        return RulesFolder.check(dir, null).stream().filter(Problem::isError).map(Problem::toString).toList();
    }

    @Test
    void eachRowOfACsvOrXlsxTableIsARuleAtItsRow(@TempDir Path dir) throws Exception {
        TestRules.miniRules(dir);
        csv(dir.resolve("t.csv"), TABLE);
        xlsx(dir.resolve("u.xlsx"), TABLE);
        Files.writeString(dir.resolve("u.xlsx.notes"), "not a rule file");

        List<RulesFolder.Rule> rules = RulesFolder.read(dir).rules();

        assertThat(rules).extracting(r -> r.file() + ":" + r.line() + " " + r.name() + " " + r.recommend() + " "
                + r.weight() + " " + r.citations().size()).containsExactly(
                dir + "/t.csv:9 No GPU one 0.7 1", dir + "/t.csv:10 Strong maths two 0.5 2",
                dir + "/u.xlsx:9 No GPU (xlsx) one 0.7 1", dir + "/u.xlsx:10 Strong maths (xlsx) two 0.5 2");
        assertThat(errors(dir)).isEmpty();
        try (Advisor advisor = Advisor.builder().rules(dir).build()) {
            assertThat(advisor.advise(NO_GPU).recommendation("one").orElseThrow().score()).isCloseTo(0.91, within(1e-9));
            assertThat(advisor.advise(NO_GPU).recommendation("two")).isEmpty();
        }
    }

    /** A column that sets a rule attribute means what it means in Drools: here, one rule of the group fires. */
    @Test
    void aColumnThatSetsARuleAttributeIsKept(@TempDir Path dir) throws Exception {
        TestRules.miniRules(dir);
        String[][] table = new String[TABLE.length][];
        String[] added = {"", "", "", "", "ACTIVATION-GROUP", "", "", "group", "g", "g"};
        for (int i = 0; i < TABLE.length; i++) {
            table[i] = i < 4 ? TABLE[i] : java.util.Arrays.copyOf(TABLE[i], 8);
            if (i >= 4) {
                for (int c = TABLE[i].length; c < 7; c++) {
                    table[i][c] = "";
                }
                table[i][7] = added[i];
            }
        }
        csv(dir.resolve("t.csv"), table);
        Profile both = ProfileReader.create().parse("id: b\nhardware: {gpu: NONE}\nskills: {math: 5}", "b.yaml");

        assertThat(errors(dir)).isEmpty();
        try (Advisor advisor = Advisor.builder().rules(dir).build()) {
            assertThat(advisor.advise(both).recommendations()).extracting(r -> r.id()).containsAnyOf("one", "two")
                    .hasSize(1);
        }
    }

    @Test
    void aBrokenCellIsReportedAtItsRowAndColumnInCsvAndAtItsSheetAndCellInXlsx(@TempDir Path dir) throws Exception {
        TestRules.miniRules(dir);
        csv(dir.resolve("t.csv"), edited(10, 2, "four"));
        xlsx(dir.resolve("u.xlsx"), edited(9, 1, "Gpu.NON"));

        assertThat(errors(dir)).hasSize(2).anySatisfy(e -> assertThat(e).startsWith(dir + "/t.csv:10:3: Strong maths: "))
                .anySatisfy(e -> assertThat(e).startsWith(dir + "/u.xlsx:Rules!B9: No GPU (xlsx): NON is not a value of Profile.Gpu"));
    }

    @Test
    void anUnknownIdOrABadWeightIsAnErrorAtItsCell(@TempDir Path dir) throws Exception {
        TestRules.miniRules(dir);
        String[][] table = edited(9, 3, "won");
        table[9][4] = "p1, p3";
        table[9][5] = "1.5";
        csv(dir.resolve("t.csv"), table);
        xlsx(dir.resolve("u.xlsx"), edited(9, 3, "won"));

        assertThat(errors(dir)).containsExactlyInAnyOrder(
                dir + "/t.csv:9:4: No GPU: @recommend names the advice id 'won', which advice.yaml does not define",
                dir + "/t.csv:10:5: Strong maths: @cite names the passage 'p3', which sources.yaml does not define",
                dir + "/t.csv:10:6: Strong maths: @weight must be a number above 0 and at most 1, not '1.5'",
                dir + "/u.xlsx:Rules!D9: No GPU (xlsx): @recommend names the advice id 'won', which advice.yaml does"
                        + " not define");
    }

    @Test
    void aTableReadOnceIsReadFromTheCompiledRulesCacheAfterUnlessItsEntryWasChanged(@TempDir Path dir) throws Exception {
        Path rules = Files.createDirectory(dir.resolve("rules"));
        Path cacheFolder = dir.resolve("cache");
        TestRules.miniRules(rules);
        xlsx(rules.resolve("u.xlsx"), TABLE);
        byte[] table = Files.readAllBytes(rules.resolve("u.xlsx"));
        CompiledRulesCache cache = new CompiledRulesCache(cacheFolder);
        assertThat(cache.readTable("u.xlsx", table)).isEmpty();

        try (Advisor advisor = Advisor.builder().rules(rules).cache(cacheFolder).build()) {
            assertThat(advisor.advise(NO_GPU).recommendation("one")).isPresent();
        }
        String drl = cache.readTable("u.xlsx", table).orElseThrow();
        assertThat(drl.lines().toList().get(8)).startsWith("rule \"No GPU (xlsx)\" @recommend(\"one\")");
        assertThat(cache.readTable("v.xlsx", table)).as("another file's name").isEmpty();

        try (var entries = Files.list(cacheFolder)) {
            Path entry = entries.filter(f -> f.getFileName().toString().startsWith("table-")).findFirst().orElseThrow();
            Files.writeString(entry, Files.readString(entry).replace("weight(0.7)", "weight(0.9)"));
        }
        assertThat(cache.readTable("u.xlsx", table)).as("an entry edited by hand is not used").isEmpty();
    }

    @Test
    void aFileThatIsNoDecisionTableSaysSo(@TempDir Path dir) throws Exception {
        TestRules.miniRules(dir);
        csv(dir.resolve("t.csv"), TABLE);
        Files.writeString(dir.resolve("u.xlsx"), "not a spreadsheet");

        assertThat(errors(dir)).singleElement().asString()
                .startsWith(dir + "/u.xlsx: not a decision table Drools can read: ");
    }

    @Test
    void editingARowUnderWatchReloads(@TempDir Path dir) throws Exception {
        TestRules.miniRules(dir);
        csv(dir.resolve("t.csv"), TABLE);
        try (Advisor advisor = Advisor.builder().rules(dir).watch(true).build()) {
            assertThat(advisor.advise(NO_GPU).recommendation("one")).isPresent();

            csv(dir.resolve("t.csv"), edited(9, 3, "two"));

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (advisor.advise(NO_GPU).recommendation("two").isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertThat(advisor.advise(NO_GPU).recommendation("two")).isPresent();
            assertThat(advisor.advise(NO_GPU).recommendation("one")).isEmpty();
        }
    }
}
