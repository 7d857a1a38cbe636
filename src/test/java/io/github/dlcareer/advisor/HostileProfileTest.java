package io.github.dlcareer.advisor;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A profile written to hurt: endless, huge, deep, aliased, mis-encoded or full of control characters. Each is
 * refused quickly, with a message that says where and what was expected, or read safely.
 */
class HostileProfileTest {

    private static final String TOO_LARGE =
            "larger than the 1 MiB limit for a profile (1,048,576 bytes); a profile is a few KB";

    private final ProfileReader reader = ProfileReader.create();

    private List<Problem> problemsOf(String text, String source) {
        return catchThrowableOfType(InvalidProfileException.class, () -> reader.parse(text, source)).problems();
    }

    /** An endless stream of {@code yes}, counting what was read of it. */
    private static final class Endless extends InputStream {
        long read;

        @Override
        public int read() {
            return read++ % 2 == 0 ? 'y' : '\n';
        }
    }

    @Nested
    @DisplayName("1. a profile larger than the size limit is refused before the memory is spent")
    class SizeLimit {

        @Test
        @Timeout(10)
        void refusesDevZeroWhichClaimsToBeEmpty() {
            Path zero = Path.of("/dev/zero");
            assumeTrue(Files.isReadable(zero));

            InvalidProfileException e = catchThrowableOfType(InvalidProfileException.class, () -> reader.read(zero));

            assertThat(e.problems()).singleElement().hasToString("/dev/zero: " + TOO_LARGE);
        }

        @Test
        @Timeout(10)
        void readsNoMoreThanTheLimitOfAnEndlessStream() {
            Endless yes = new Endless();

            InvalidProfileException e = catchThrowableOfType(InvalidProfileException.class,
                    () -> reader.read(yes, "<stdin>"));

            assertThat(e.problems()).singleElement().hasToString("<stdin>: " + TOO_LARGE);
            assertThat(yes.read).isEqualTo(ProfileReader.DEFAULT_MAX_SIZE + 1);
        }

        @Test
        void refusesALargeFile(@TempDir Path dir) throws Exception {
            Path big = dir.resolve("big.json");
            Files.writeString(big, "{\"id\": \"big\", \"x\": \"" + "x".repeat(2 << 20) + "\"}");

            InvalidProfileException e = catchThrowableOfType(InvalidProfileException.class, () -> reader.read(big));

            assertThat(e.problems()).singleElement().hasToString(big + ": " + TOO_LARGE);
        }

        @Test
        void refusesALongStringBeforeParsingIt() {
            String json = "{\"id\": \"big\", \"x\": \"" + "x".repeat(1 << 20) + "\"}";

            assertThat(problemsOf(json, "big.json")).singleElement().hasToString("big.json: " + TOO_LARGE);
        }

        @Test
        void countsTheBytesOfAStringNotItsCharacters() {
            String json = "{\"id\": \"" + "é".repeat(600_000) + "\"}"; // 600,000 characters, 1.2 MB of UTF-8

            assertThat(problemsOf(json, "accents.json")).singleElement().hasToString("accents.json: " + TOO_LARGE);
        }

        @Test
        void readsAProfileJustUnderTheLimit() {
            String yaml = "id: padded\n" + ("# padding\n".repeat(100_000));

            assertThat(yaml.length()).isLessThan(ProfileReader.DEFAULT_MAX_SIZE);
            assertThat(reader.parse(yaml, "padded.yaml").id()).isEqualTo("padded");
        }

        @Test
        void takesAnotherLimit() {
            ProfileReader small = reader.maxSize(100);
            String fits = "{\"id\": \"" + "a".repeat(100 - 10) + "\"}";

            assertThat(small.maxSize()).isEqualTo(100);
            assertThat(small.parse(fits, "a.json").id()).hasSize(90);
            assertThat(catchThrowableOfType(InvalidProfileException.class,
                    () -> small.read(new ByteArrayInputStream((fits + " ").getBytes(StandardCharsets.UTF_8)), "b.json"))
                    .problems()).singleElement()
                    .hasToString("b.json: larger than the limit for a profile (100 bytes); a profile is a few KB");
            assertThat(reader.maxSize(64 << 10).parse(fits, "a.json").id()).hasSize(90);
            assertThatThrownBy(() -> reader.maxSize(0)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    @DisplayName("2. values and lists longer than sensible are errors, naming the field, where, and the limit")
    class FieldLimits {

        @Test
        void refusesAnOverlongText() {
            List<Problem> problems = problemsOf("id: a\njob:\n  industry: " + "b".repeat(201) + "\n", "a.yaml");

            assertThat(problems).singleElement().hasToString(
                    "a.yaml:3:13: job.industry: expected a text of at most 200 characters, got one of 201");
        }

        @Test
        void refusesAnOverlongId() {
            assertThat(problemsOf("{\"id\": \"" + "i".repeat(5000) + "\"}", "a.json")).singleElement()
                    .hasToString("a.json:1:8: id: expected a text of at most 200 characters, got one of 5,000");
        }

        @Test
        void acceptsTheLongestAllowedValues() {
            String words = IntStream.range(0, 100).mapToObj(i -> "    - " + "w".repeat(100) + "\n").collect(Collectors.joining());
            Profile p = reader.parse("id: " + "i".repeat(200) + "\ninterests:\n  domains:\n" + words, "a.yaml");

            assertThat(p.id()).hasSize(200);
            assertThat(p.interests().domains()).hasSize(100);
        }

        @Test
        void refusesAnOverlongWord() {
            assertThat(problemsOf("id: a\nexperience: {courses: [fast.ai, " + "c".repeat(101) + "]}\n", "a.yaml"))
                    .singleElement().hasToString("a.yaml:2:33: experience.courses[1]: expected a word of at most"
                            + " 100 characters, got one of 101");
        }

        @Test
        void refusesAnOverlongListOnceAndDoesNotHoldTheRest() {
            String json = "{\"id\": \"a\", \"interests\": {\"domains\": ["
                    + IntStream.range(0, 200_000).mapToObj(i -> "\"w\"").collect(Collectors.joining(",")) + "]}}";

            List<Problem> problems = catchThrowableOfType(InvalidProfileException.class,
                    () -> reader.maxSize(8 << 20).parse(json, "a.json")).problems();

            assertThat(problems).singleElement().hasToString("a.json:1:439: interests.domains: expected a list of at"
                    + " most 100 words, got more (the first one too many is here)");
        }

        @Test
        void limitsTheProblemsListedForOneProfile() {
            String json = "{\"id\": \"a\"" + IntStream.range(0, 500).mapToObj(i -> ", \"x" + i + "\": 1")
                    .collect(Collectors.joining()) + "}";

            List<Problem> problems = catchThrowableOfType(InvalidProfileException.class,
                    () -> reader.strict(true).parse(json, "a.json")).problems();

            assertThat(problems).hasSize(51);
            assertThat(problems.get(50).message()).isEqualTo("and 450 more problems, not listed (only the first 50 are)");
            assertThat(problems.get(50).isError()).isTrue();
        }

        @Test
        void applyToTheRecordsOfABatch() {
            String jsonl = "{\"id\": \"ok\"}\n{\"id\": \"" + "i".repeat(300) + "\"}\n";
            List<BatchRecord> records = new ArrayList<>();

            Batch.of(TestRules.advisor()).threads(1).run(BatchInput.json(new StringReader(jsonl), "cohort.jsonl"), records::add);

            assertThat(records.get(0).advised()).isTrue();
            assertThat(records.get(1).problems()).singleElement().satisfies(p -> {
                assertThat(p.field()).isEqualTo("id");
                assertThat(p.message()).isEqualTo("expected a text of at most 200 characters, got one of 300");
            });
        }
    }

    @Nested
    @DisplayName("3. YAML costs time in proportion to its size")
    class YamlCost {

        @Test
        @Timeout(10)
        void refusesA16MegabyteScalarAtOnce() {
            String yaml = "id: \"" + "x".repeat(16 << 20) + "\"\n";

            long start = System.nanoTime();
            List<Problem> fromString = problemsOf(yaml, "big.yaml");
            List<Problem> fromStream = catchThrowableOfType(InvalidProfileException.class, () -> reader.read(
                    new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "big.yaml")).problems();
            long millis = (System.nanoTime() - start) / 1_000_000;

            assertThat(fromString).singleElement().hasToString("big.yaml: " + TOO_LARGE);
            assertThat(fromStream).singleElement().hasToString("big.yaml: " + TOO_LARGE);
            assertThat(millis).isLessThan(3_000);
        }

        @Test
        @Timeout(10)
        void refusesAnOverlongLineBeforeSnakeYamlReadsIt() {
            String yaml = "id: a\njob: {industry: \"" + "x".repeat((1 << 20) - 100) + "\"}\n";

            long start = System.nanoTime();
            List<Problem> problems = problemsOf(yaml, "long.yaml");
            long millis = (System.nanoTime() - start) / 1_000_000;

            assertThat(problems).singleElement().hasToString("long.yaml:2:10001: a line longer than 10,000 characters;"
                    + " a profile's lines are short (its longest value is 200 characters)");
            assertThat(millis).as("SnakeYAML takes seconds for a 1 MiB line").isLessThan(500);
        }

        @Test
        @Timeout(10)
        void readsAMegabyteOfShortLinesQuickly() {
            String yaml = "id: a\nnotes: |\n" + ("  " + "z".repeat(9_000) + "\n").repeat(110);

            long start = System.nanoTime();
            reader.parse(yaml, "notes.yaml");
            long millis = (System.nanoTime() - start) / 1_000_000;

            assertThat(yaml.length()).isLessThan(ProfileReader.DEFAULT_MAX_SIZE);
            assertThat(millis).isLessThan(2_000);
        }
    }

    @Nested
    @DisplayName("4. YAML aliases are refused, anchors are harmless")
    class Aliases {

        @Test
        void refusesAnAliasWhereAValueShouldBe() {
            List<Problem> problems = problemsOf("id: a\njob: {industry: &OWN banking}\nhardware: {gpu: *OWN}\n", "a.yaml");

            assertThat(problems).singleElement().hasToString(
                    "a.yaml:3:17: hardware.gpu: YAML aliases (*OWN) are not supported; write the value out");
        }

        @Test
        void refusesAnAliasInAListAndForASection() {
            List<Problem> problems = problemsOf("""
                    id: a
                    interests: {domains: [&D bio, *D]}
                    experience: &E {papers: 1}
                    traits: *E
                    """, "a.yaml");

            assertThat(problems).extracting(Problem::field).containsExactly("interests.domains[1]", "traits");
            assertThat(problems).allSatisfy(p -> assertThat(p.message()).contains("YAML aliases (*"));
        }

        @Test
        void readsAnAnchorAsItsValue() {
            Profile p = reader.parse("id: a\njob: {industry: &OWN banking}\n", "a.yaml");

            assertThat(p.job().industry()).isEqualTo("banking");
        }
    }

    @Nested
    @DisplayName("5. a byte-order mark at the start is skipped")
    class ByteOrderMark {

        private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

        private byte[] withBom(String text) {
            byte[] body = text.getBytes(StandardCharsets.UTF_8);
            byte[] bytes = new byte[BOM.length + body.length];
            System.arraycopy(BOM, 0, bytes, 0, BOM.length);
            System.arraycopy(body, 0, bytes, BOM.length, body.length);
            return bytes;
        }

        @Test
        void inAJsonString() {
            assertThat(reader.parse("\uFEFF{\"id\": \"bom\"}", "a.json").id()).isEqualTo("bom");
        }

        @Test
        void inAJsonFile(@TempDir Path dir) throws Exception {
            Path file = dir.resolve("bom.json");
            Files.write(file, withBom("{\"id\": \"bom\", \"skills\": {\"math\": 3}}"));

            assertThat(reader.read(file).skills().math()).isEqualTo(3);
        }

        @Test
        void onStandardInputWhereTheContentTellsTheFormat() {
            Profile p = reader.read(new ByteArrayInputStream(withBom("{\"id\": \"bom\", \"hardware\": {\"gpu\": \"OWN\"}}")),
                    "<stdin>");

            assertThat(p.hardware().gpu()).isEqualTo(Profile.Gpu.OWN);
        }
    }

    @Nested
    @DisplayName("6. a profile that is not UTF-8 is refused, naming the line")
    class NotUtf8 {

        private final byte[] latin1 = "id: caf\u00e9\njob:\n  industry: \u00e9lectricit\u00e9\n"
                .getBytes(StandardCharsets.ISO_8859_1);

        @Test
        void inAFile(@TempDir Path dir) throws Exception {
            Path file = dir.resolve("latin1.yaml");
            Files.write(file, latin1);

            assertThat(catchThrowableOfType(InvalidProfileException.class, () -> reader.read(file)).problems())
                    .singleElement().hasToString(file + ":1:8: not UTF-8 text (the byte 0xE9 here); save the profile as UTF-8");
        }

        @Test
        void onAStream() {
            byte[] second = "id: ok\njob:\n  industry: \u00e9lectricit\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);

            assertThat(catchThrowableOfType(InvalidProfileException.class,
                    () -> reader.read(new ByteArrayInputStream(second), "<stdin>")).problems())
                    .singleElement().hasToString("<stdin>:3:13: not UTF-8 text (the byte 0xE9 here); save the profile as UTF-8");
        }
    }

    @Nested
    @DisplayName("7. syntax errors in plain words, each with its line and column")
    class Messages {

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
                trailing comma         | {"id": "a",}                                    | 1 | 12 | unexpected '}': expected a field name in double quotes; JSON allows no comma before '}'
                trailing comma in list | {"id": "a", "interests": {"domains": ["x",]}}   | 1 | 43 | JSON allows no comma before ']'
                single quotes          | {'id': 'a'}                                     | 1 | 2  | JSON quotes with ", not '
                a comment              | {"id": "a" // me\\n}                             | 1 | 12 | unexpected '/': JSON has no comments (YAML has: # like this)
                NaN                    | {"id": "a", "skills": {"math": NaN}}            | 1 | 35 | 'NaN' is not a number JSON allows
                leading zero           | {"id": "a", "skills": {"math": 03}}             | 1 | 33 | a number may not start with 0 (write 3, not 03)
                unquoted field name    | {id: "a"}                                       | 1 | 2  | in JSON a field name is quoted: "id"
                missing colon          | {"id" "a"}                                      | 1 | 7  | expected ':' between the field name and its value
                a line break in a text | {"id": "a\\nb"}                                  | 1 | 10 | a line break inside a text
                unknown word           | {"id": "a", "traits": {"curiosity": True}}      | 1 | 41 | unknown word 'True'
                unclosed object        | {"id": "a"                                      | 1 | 11 | the input ends before the object opened at line 1, column 1 is closed (with '}')
                """)
        void inJson(String situation, String json, int line, int column, String message) {
            Problem problem = problemsOf(json.replace("\\n", "\n"), "a.json").get(0);

            assertThat(problem.line()).isEqualTo(line);
            assertThat(problem.column()).isEqualTo(column);
            assertThat(problem.message()).startsWith("broken syntax: ").contains(message);
            assertPlain(problem);
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
                a tab for indentation  | id: a\\nskills:\\n\\tmath: 1   | 3 | 1  | a tab, which YAML does not allow for indentation: indent with spaces
                a colon out of place   | id: a\\n  skills: 1\\n x: 2      | 2 | 9  | a ':' where it cannot be (check the indentation
                an unclosed quote      | id: "a                        | 1 | 7  | while scanning a quoted text: found unexpected end of the file
                an unclosed flow       | id: a\\nskills: {math: 1       | 2 | 17 | expected ',' or '}', but got the end of the file
                """)
        void inYaml(String situation, String yaml, int line, int column, String message) {
            Problem problem = problemsOf(yaml.replace("\\n", "\n").replace("\\t", "\t"), "a.yaml").get(0);

            assertThat(problem.line()).isEqualTo(line);
            assertThat(problem.column()).isEqualTo(column);
            assertThat(problem.message()).startsWith("broken syntax: ").contains(message);
            assertPlain(problem);
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', textBlock = """
                JSON lists   | a.json | [
                JSON objects | a.json | {"a":
                YAML lists   | a.yaml | [
                YAML objects | a.yaml | {a:
                """)
        void refusesDeepNestingWithAPlaceAndAPlainMessage(String situation, String source, String opening) {
            List<Problem> problems = problemsOf(opening.repeat(2000), source);

            assertThat(problems).last().satisfies(p -> {
                assertThat(p.message()).isEqualTo("broken syntax: nested more than 10 levels deep; a profile has 3"
                        + " (a section such as interests, its roles, their values)");
                assertThat(p.line()).isEqualTo(1);
                assertThat(p.column()).isPositive();
                assertPlain(p);
            });
        }

        @Test
        void readsUnknownFieldsNestedALittle() {
            assertThat(reader.parse("id: a\nextra: {b: {c: {d: [[1]]}}}\n", "a.yaml").id()).isEqualTo("a");
        }

        @Test
        void refusesASecondYamlDocument() {
            assertThat(problemsOf("id: a\n---\nid: b\n", "a.yaml")).singleElement()
                    .hasToString("a.yaml:3:1: a second YAML document; a profile file holds one profile");
        }

        private static void assertPlain(Problem problem) {
            assertThat(problem.message()).doesNotContain("Feature", "Constraints", "`", "(code", "[Source", "\n",
                    "com.fasterxml", "Jackson", "JsonToken");
        }
    }

    @Nested
    @DisplayName("8. control characters in a value never reach a problem's text raw")
    class ControlCharacters {

        @Test
        void areEscapedInTheValueAProblemEchoes() {
            Problem problem = problemsOf("{\"id\": \"a\", \"hardware\": {\"gpu\": \"\\u001b[2J\\nFAKE\"}}", "a.json").get(0);

            assertThat(problem.message()).isEqualTo("expected one of NONE, CLOUD, OWN, got \"\\e[2J\\nFAKE\"");
        }

        @Test
        void areEscapedInAnUnknownFieldsName() {
            List<Problem> warnings = new ArrayList<>();
            reader.onWarning(warnings::add).parse("{\"id\": \"a\", \"x\\u0007\\nFAKE: 1\": 1}", "a.json");

            assertThat(warnings).singleElement().satisfies(w -> {
                assertThat(w.field()).isEqualTo("x\\u0007\\nFAKE: 1");
                assertThat(w.toString()).doesNotContain("\n", "\u0007");
            });
        }

        @Test
        void areEscapedWhereverAProblemIsPrinted() {
            Problem problem = Problem.error("a\nb.yaml", 1, 2, "x\u001b[31m", "got \u009b2J");

            assertThat(problem).hasToString("a\\nb.yaml:1:2: x\\e[31m: got \\u009B2J");
        }
    }
}
