package io.github.dlcareer.advisor;

import io.github.dlcareer.advisor.format.AdviceJson;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class BatchTest {

    private static List<BatchRecord> run(Batch batch, BatchInput input) {
        List<BatchRecord> records = new ArrayList<>();
        Batch.Counts counts = batch.run(input, records::add);
        assertThat(counts.read()).isEqualTo(records.size()).isEqualTo(counts.advised() + counts.rejected());
        return records;
    }

    @Nested
    @DisplayName("JSON Lines")
    class JsonLines {

        @Test
        void givesOneResultPerRecordInInputOrderWhateverTheThreads() {
            String lines = IntStream.range(0, 2000)
                    .mapToObj(i -> i % 7 == 3 ? "{\"id\": \"bad-" + i + "\", \"skills\": {\"math\": 9}}"
                            : "{\"id\": \"p" + i + "\", \"hardware\": {\"gpu\": \"" + (i % 2 == 0 ? "NONE" : "OWN") + "\"}}")
                    .collect(Collectors.joining("\n"));

            List<BatchRecord> records = run(Batch.of(TestRules.advisor()).threads(4),
                    BatchInput.json(new StringReader(lines), "cohort.jsonl"));

            assertThat(records).hasSize(2000);
            assertThat(records).extracting(BatchRecord::line)
                    .containsExactlyElementsOf(IntStream.rangeClosed(1, 2000).mapToObj(i -> (long) i).toList());
            assertThat(records.get(0).advice().recommendation("buy-a-gpu")).isPresent();
            assertThat(records.get(1).advice().recommendation("buy-a-gpu")).isEmpty();
            assertThat(records.get(3).advised()).isFalse();
            assertThat(records.get(3).id()).isEqualTo("bad-3");
        }

        @Test
        void givesTheSameAdviceAsAdvisingOneByOne() {
            String line = "{\"id\": \"advisor-red-flags\", \"advisor\": {\"encouragesExternalCollaboration\": false,"
                    + " \"allowsInternships\": false, \"freeInteraction\": false, \"labHasHardware\": false,"
                    + " \"publishesAtTopVenues\": false}}";
            Advice alone = TestRules.advisor().advise(ProfileReader.create().parse(line, "x.json"));

            BatchRecord record = run(Batch.of(TestRules.advisor()), BatchInput.json(new StringReader(line), "x")).get(0);

            assertThat(AdviceJson.write(record.advice())).isEqualTo(AdviceJson.write(alone));
            assertThat(record.profile()).isEqualTo(ProfileReader.create().parse(line, "x.json"));
        }

        @Test
        void rejectsABadLineWithItsLineNumberAndGoesOn() {
            String input = "{\"id\": \"a\"}\n\n{\"id\": \"b\", \"skills\": {\"math\": \"lots\"}}\n{not json\n{\"id\": \"c\"}\n";

            List<BatchRecord> records = run(Batch.of(TestRules.advisor()), BatchInput.json(new StringReader(input), "in.jsonl"));

            assertThat(records).extracting(BatchRecord::line).containsExactly(1L, 3L, 4L, 5L);
            assertThat(records).extracting(BatchRecord::advised).containsExactly(true, false, false, true);
            assertThat(records.get(1).problems()).singleElement().satisfies(p -> {
                assertThat(p.source()).isEqualTo("in.jsonl");
                assertThat(p.line()).isEqualTo(3);
                assertThat(p.field()).isEqualTo("skills.math");
            });
            assertThat(records.get(2).problems().get(0).message()).startsWith("broken syntax");
        }

        @Test
        void readsAJsonArrayToo() {
            String input = "[\n {\"id\": \"a\", \"hardware\": {\"gpu\": \"NONE\"}},\n {\"id\": \"b\", \"skills\": {\"math\": -1}},\n {\"id\": \"c\"}\n]";

            List<BatchRecord> records = run(Batch.of(TestRules.advisor()), BatchInput.json(new StringReader(input), "in.json"));

            assertThat(records).extracting(BatchRecord::id).containsExactly("a", "b", "c");
            assertThat(records).extracting(BatchRecord::line).containsExactly(2L, 3L, 4L);
            assertThat(records).extracting(BatchRecord::advised).containsExactly(true, false, true);
        }

        @Test
        void rejectsUnknownFieldsOnlyWhenStrict() {
            String input = "{\"id\": \"a\", \"hobbies\": [\"chess\"]}";

            assertThat(run(Batch.of(TestRules.advisor()), BatchInput.json(new StringReader(input), "x")).get(0).advised())
                    .isTrue();
            assertThat(run(Batch.of(TestRules.advisor()).strict(true), BatchInput.json(new StringReader(input), "x"))
                    .get(0).advised()).isFalse();
        }
    }

    @Nested
    @DisplayName("CSV with a mapping")
    class Csv {

        private CsvMapping mapping(Path dir) throws Exception {
            Path file = dir.resolve("m.yaml");
            Files.writeString(file, """
                    id: {column: row, prefix: "r-"}
                    fields:
                      education.level:
                        column: degree
                        values: {"Master’s degree": MASTERS, "Rather not say": null}
                      hardware.gpu:
                        column: gpu
                        values: {"yes, my own": OWN, "no": NONE}
                        default: null
                      experience.frameworks:
                        column: frameworks
                        split: ";"
                        values: {PyTorch: pytorch, None: null}
                      skills.programming:
                        column: coding
                        values: {"never": 0}
                        range: [{from: 0, value: 1}, {from: 1, value: 2}, {from: 5, value: 4}]
                      location.country: {column: country, empty: IN}
                      plans.goal: {value: PHD}
                    ignore: [notes]
                    """);
            return CsvMapping.read(file);
        }

        private static final String CSV = """
                row,degree,gpu,frameworks,coding,country,notes
                1,Master’s degree,"yes, my own",PyTorch;Keras;None,< 1 year,FR,"a note
                on two lines"
                2,Rather not say,maybe,None,5-10 years,,
                3,Doctorate,no,,never,US,
                """;

        @Test
        void mapsValueTablesMultiSelectRangesDefaultsAndConstants(@TempDir Path dir) throws Exception {
            List<BatchRecord> records = run(Batch.of(TestRules.advisor()),
                    BatchInput.csv(new StringReader(CSV), "survey.csv", mapping(dir)));

            assertThat(records).hasSize(3);
            Profile first = reparse(records.get(0));
            assertThat(first.id()).isEqualTo("r-1");
            assertThat(first.education().level()).isEqualTo(Profile.EducationLevel.MASTERS);
            assertThat(first.hardware().gpu()).isEqualTo(Profile.Gpu.OWN);
            assertThat(first.experience().frameworks()).containsExactly("pytorch", "keras");
            assertThat(first.skills().programming()).isEqualTo(1);
            assertThat(first.plans().goal()).isEqualTo(Profile.Goal.PHD);
            assertThat(first.location().country()).isEqualTo("FR");

            Profile second = reparse(records.get(1));
            assertThat(second.education().level()).isNull();
            assertThat(second.hardware().gpu()).isNull();
            assertThat(second.experience().frameworks()).isEmpty();
            assertThat(second.skills().programming()).isEqualTo(4);
            assertThat(second.location().country()).isEqualTo("IN");
        }

        @Test
        void rejectsARowWhoseAnswerIsNotAValidValueNamingTheColumn(@TempDir Path dir) throws Exception {
            BatchRecord third = run(Batch.of(TestRules.advisor()),
                    BatchInput.csv(new StringReader(CSV), "survey.csv", mapping(dir))).get(2);

            assertThat(third.advised()).isFalse();
            assertThat(third.id()).isEqualTo("r-3");
            assertThat(third.line()).isEqualTo(5);
            assertThat(third.problems()).singleElement().satisfies(p -> {
                assertThat(p.field()).isEqualTo("education.level");
                assertThat(p.message()).startsWith("(column degree) expected one of HIGH_SCHOOL");
            });
        }

        @Test
        void aHeaderWithoutAMappedColumnIsAnInputError(@TempDir Path dir) throws Exception {
            InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                    () -> BatchInput.csv(new StringReader("row,degree\n1,x\n"), "survey.csv", mapping(dir)));

            assertThat(e.problems()).extracting(Problem::field).containsExactly("gpu", "frameworks", "coding", "country");
        }

        @Test
        void aMappingWithMistakesListsThemAll(@TempDir Path dir) throws Exception {
            Path file = dir.resolve("bad.yaml");
            Files.writeString(file, """
                    fields:
                      skills.maths: {column: m}
                      hardware.gpu: {colum: g}
                      education.level: {column: e, split: ";"}
                    """);

            InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> CsvMapping.read(file));

            assertThat(e.problems()).extracting(Problem::field).containsExactly("id", "fields.skills.maths",
                    "fields.hardware.gpu", "fields.hardware.gpu", "fields.education.level");
            assertThat(e.problems().get(1).message()).contains("did you mean skills.math?");
        }

        private static Profile reparse(BatchRecord record) {
            assertThat(record.advised()).as("record at line " + record.line() + ": " + record.problems()).isTrue();
            return record.profile();
        }
    }
}
