package io.github.dlcareer.advisor;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** A batch given input a hostile tester would give it: every record accounted for, nothing hangs. */
class HostileBatchInputTest {

    private static final Duration PROMPTLY = Duration.ofSeconds(30);

    @BeforeAll
    static void compileTheRulesOutsideTheTimeLimits() {
        TestRules.advisor();
    }

    private static List<BatchRecord> run(Batch batch, BatchInput input) {
        return assertTimeoutPreemptively(PROMPTLY, () -> {
            List<BatchRecord> records = new ArrayList<>();
            Batch.Counts counts = batch.run(input, records::add);
            assertThat(counts.read()).isEqualTo(records.size()).isEqualTo(counts.advised() + counts.rejected());
            return records;
        });
    }

    private static List<BatchRecord> json(byte[] bytes) {
        return run(Batch.of(TestRules.advisor()).threads(2), BatchInput.json(new ByteArrayInputStream(bytes), "in"));
    }

    private static List<BatchRecord> json(String text) {
        return json(text.getBytes(StandardCharsets.UTF_8));
    }

    private static Problem onlyProblem(BatchRecord record) {
        assertThat(record.advised()).isFalse();
        assertThat(record.problems()).hasSize(1);
        return record.problems().get(0);
    }

    @Nested
    @DisplayName("a JSON array")
    class Arrays {

        @Test
        void withABrokenRecordInTheMiddleRejectsThatRecordAloneAndReadsOn() {
            List<BatchRecord> records = json("[{\"id\":\"a\"},{\"id\":\"b\",},{\"id\":\"c\"}]\n");

            assertThat(records).extracting(BatchRecord::id).containsExactly("a", "b", "c");
            assertThat(records).extracting(BatchRecord::advised).containsExactly(true, false, true);
            Problem problem = onlyProblem(records.get(1));
            assertThat(problem.line()).isEqualTo(1);
            assertThat(problem.column()).isEqualTo(23); // the '}' after the stray comma
        }

        @Test
        void cutShortGivesTheRecordsBeforeAndOneErrorForTheCutRecord() {
            List<BatchRecord> records = json("[{\"id\":\"a\"},\n {\"id\":\"b\"");

            assertThat(records).extracting(BatchRecord::advised).containsExactly(true, false);
            assertThat(records.get(1).id()).isEqualTo("b");
            assertThat(onlyProblem(records.get(1))).satisfies(p -> {
                assertThat(p.line()).isEqualTo(2);
                assertThat(p.column()).isEqualTo(2);
                assertThat(p.message()).contains("ends inside this record");
            });
        }

        @Test
        void withAMissingCommaEndsWithOneErrorThere() {
            List<BatchRecord> records = json("[{\"id\":\"a\"} {\"id\":\"b\"}, {\"id\":\"c\"}]");

            assertThat(records).extracting(BatchRecord::advised).containsExactly(true, false);
            assertThat(onlyProblem(records.get(1))).satisfies(p -> {
                assertThat(p.column()).isEqualTo(13);
                assertThat(p.message()).contains("expected a comma or ]");
            });
        }

        @Test
        void printedOverManyLinesLocatesAProblemAtItsLineAndColumnInTheFile() {
            List<BatchRecord> records = json("[\n  {\"id\": \"a\"},\n  {\"id\": \"b\",\n   \"skills\": {\"math\": 9}}\n]\n");

            assertThat(records).extracting(BatchRecord::line).containsExactly(2L, 3L);
            assertThat(onlyProblem(records.get(1))).satisfies(p -> {
                assertThat(p.field()).isEqualTo("skills.math");
                assertThat(p.line()).isEqualTo(4);
                assertThat(p.column()).isEqualTo(23); // the 9
            });
        }
    }

    @Nested
    @DisplayName("JSON Lines")
    class Lines {

        @Test
        void aBrokenLineWithAHugeIdIsOneErrorRecordAndTheOthersAreAdvised() {
            String id = "A".repeat(100_000);
            List<BatchRecord> records = json("{\"id\":\"ok1\"}\n{,\"id\":\"" + id + "\"}\n{\"id\":\"ok2\"}\n");

            assertThat(records).extracting(BatchRecord::advised).containsExactly(true, false, true);
            assertThat(records.get(1).id()).startsWith("AAAA").hasSizeLessThanOrEqualTo(201);
        }

        @Test
        void aRecordOverTheSizeLimitIsRejectedNamingTheLimitAndTheOthersAreAdvised() {
            String big = "{\"id\":\"big\",\"job\":{\"industry\":\"" + "x".repeat(5000) + "\"}}";
            List<BatchRecord> records = run(Batch.of(TestRules.advisor()).maxRecordSize(4096),
                    BatchInput.json(new ByteArrayInputStream(("{\"id\":\"a\"}\n" + big + "\n{\"id\":\"b\"}\n")
                            .getBytes(StandardCharsets.UTF_8)), "in"));

            assertThat(records).extracting(BatchRecord::advised).containsExactly(true, false, true);
            assertThat(records.get(1).id()).isEqualTo("big");
            assertThat(onlyProblem(records.get(1)).message()).contains("5,034 bytes", "limit of 4 KiB (4,096 bytes)");
        }

        @Test
        void aRecordOfAHundredMegabytesIsSkippedAsItStreamsBy() {
            InputStream hundredMegabytes = new SequenceOfParts("{\"id\":\"first\"}\n{\"id\":\"huge\",\"x\":\"",
                    'x', 100L << 20, "\"}\n{\"id\":\"last\"}\n");

            List<BatchRecord> records = run(Batch.of(TestRules.advisor()), BatchInput.json(hundredMegabytes, "in"));

            assertThat(records).extracting(BatchRecord::id).containsExactly("first", "huge", "last");
            assertThat(records).extracting(BatchRecord::advised).containsExactly(true, false, true);
            assertThat(onlyProblem(records.get(1)).message()).contains("over the limit of 1 MiB");
        }

        @Test
        void aByteOrderMarkIsNotPartOfTheFirstRecord() {
            byte[] bom = {(byte) 0xef, (byte) 0xbb, (byte) 0xbf};
            byte[] text = "{\"id\":\"first\"}\n".getBytes(StandardCharsets.UTF_8);
            byte[] both = new byte[bom.length + text.length];
            System.arraycopy(bom, 0, both, 0, 3);
            System.arraycopy(text, 0, both, 3, text.length);

            assertThat(json(both)).singleElement().satisfies(r -> {
                assertThat(r.advised()).isTrue();
                assertThat(r.id()).isEqualTo("first");
            });
        }

        @Test
        void aLineThatIsNotUtf8IsRejectedAtItsLineAndColumn() {
            byte[] bytes = "{\"id\":\"a\"}\n{\"id\":\"b\u00ff\"}\n{\"id\":\"c\"}\n".getBytes(StandardCharsets.ISO_8859_1);

            List<BatchRecord> records = json(bytes);

            assertThat(records).extracting(BatchRecord::advised).containsExactly(true, false, true);
            assertThat(onlyProblem(records.get(1))).satisfies(p -> {
                assertThat(p.line()).isEqualTo(2);
                assertThat(p.column()).isEqualTo(9);
                assertThat(p.message()).contains("not UTF-8", "0xFF");
            });
        }

        @Test
        void aBareCarriageReturnEndsNoLineSoLineNumbersAreAnEditors() {
            List<BatchRecord> records = json("{\"id\":\"a\"}\r{\"id\":\"b\"}\n{\"id\":\"c\"}\r\n{\"id\":\"d\"}");

            assertThat(records).extracting(BatchRecord::line).containsExactly(1L, 2L, 3L);
            assertThat(onlyProblem(records.get(0))).satisfies(p -> {
                assertThat(p.line()).isEqualTo(1);
                assertThat(p.column()).isEqualTo(12);
            });
            assertThat(records.get(1).id()).isEqualTo("c");
            assertThat(records.get(2).id()).isEqualTo("d");
        }
    }

    @Nested
    @DisplayName("CSV")
    class Csv {

        private CsvMapping mapping(Path dir) throws IOException {
            Path file = dir.resolve("m.yaml");
            Files.writeString(file, """
                    id: {column: row}
                    fields:
                      education.level: {column: degree, values: {a: MASTERS, b: PHD}}
                    """);
            return CsvMapping.read(file);
        }

        private List<BatchRecord> csv(Path dir, String text) throws IOException {
            return run(Batch.of(TestRules.advisor()), BatchInput.csv(
                    new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "survey.csv", mapping(dir)));
        }

        @Test
        void anUnterminatedQuoteKeepsTheRowsBeforeItAndIsOneErrorRecord(@TempDir Path dir) throws IOException {
            List<BatchRecord> records = csv(dir, "row,degree\n1,a\n2,b\n3,\"never closed\n4,a\n5,b\n");

            assertThat(records).extracting(BatchRecord::advised).containsExactly(true, true, false);
            assertThat(onlyProblem(records.get(2))).satisfies(p -> {
                assertThat(p.line()).isEqualTo(4);
                assertThat(p.message()).contains("quoted cell opened on line 4 is never closed");
            });
        }

        @Test
        void readsQuotedCellsWithDelimitersQuotesAndLineBreaksAndKeepsEditorLines(@TempDir Path dir)
                throws IOException {
            List<BatchRecord> records = csv(dir, "\ufeffrow,degree\r\n\"1,\"\"x\"\"\",a\r\n\"2\n\",b\n3\r,a\n");

            assertThat(records).extracting(BatchRecord::id).containsExactly("1,\"x\"", "2", "3");
            assertThat(records).extracting(BatchRecord::line).containsExactly(2L, 3L, 5L);
            assertThat(records.get(1).profile().education().level()).isEqualTo(Profile.EducationLevel.PHD);
        }

        @Test
        void aRowThatIsNotUtf8IsRejectedAtItsLine(@TempDir Path dir) throws IOException {
            byte[] bytes = "row,degree\n1,a\n2,\u00e9\n3,b\n".getBytes(StandardCharsets.ISO_8859_1);

            List<BatchRecord> records = run(Batch.of(TestRules.advisor()),
                    BatchInput.csv(new ByteArrayInputStream(bytes), "survey.csv", mapping(dir)));

            assertThat(records).extracting(BatchRecord::advised).containsExactly(true, false, true);
            assertThat(onlyProblem(records.get(1))).satisfies(p -> assertThat(p.line()).isEqualTo(3));
        }
    }

    @Nested
    @DisplayName("failures")
    class Failures {

        @Test
        void theReaderRunningOutOfMemoryEndsTheBatchPromptlyWithAClearMessage() {
            InputStream failing = new SequenceOfParts("{\"id\":\"a\"}\n", 'x', 0, "") {
                private boolean once;

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    if (once) {
                        throw new OutOfMemoryError("Java heap space");
                    }
                    once = true;
                    return super.read(buffer, offset, length);
                }
            };

            assertTimeoutPreemptively(PROMPTLY, () -> assertThatThrownBy(() ->
                    Batch.of(TestRules.advisor()).run(BatchInput.json(failing, "in"), r -> { }))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("ran out of memory"));
        }

        @Test
        void anInputThatFailsMidWayHandsOnTheRecordsBeforeAndThenTheFailure() {
            List<BatchRecord> seen = new ArrayList<>();
            InputStream failing = new InputStream() {
                private final InputStream first = new ByteArrayInputStream("{\"id\":\"a\"}\n".getBytes(StandardCharsets.UTF_8));

                @Override
                public int read() {
                    throw new UnsupportedOperationException();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = first.read(buffer, offset, length);
                    if (n < 0) {
                        throw new IOException("Input/output error");
                    }
                    return n;
                }
            };

            assertTimeoutPreemptively(PROMPTLY, () -> assertThatThrownBy(() ->
                    Batch.of(TestRules.advisor()).run(BatchInput.json(failing, "in"), seen::add))
                    .isInstanceOf(UncheckedIOException.class).hasMessageContaining("Input/output error"));
        }

        @Test
        void aSinkThatThrowsStopsTheBatchAndPassesItOn() {
            StringBuilder many = new StringBuilder();
            for (int i = 0; i < 5000; i++) {
                many.append("{\"id\":\"p").append(i).append("\"}\n");
            }
            List<BatchRecord> seen = new ArrayList<>();

            assertTimeoutPreemptively(PROMPTLY, () -> assertThatThrownBy(() -> Batch.of(TestRules.advisor())
                    .run(BatchInput.json(new ByteArrayInputStream(many.toString().getBytes(StandardCharsets.UTF_8)),
                            "in"), record -> {
                        if (seen.size() == 10) {
                            throw new IllegalStateException("disk full");
                        }
                        seen.add(record);
                    })).hasMessage("disk full"));
            assertThat(seen).hasSize(10);
        }

        @Test
        void threadsAreCappedAtADocumentedMaximum() {
            Batch batch = Batch.of(TestRules.advisor());

            assertThatThrownBy(() -> batch.threads(Integer.MAX_VALUE)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("from 1 to " + Batch.MAX_THREADS);
            assertThat(run(batch.threads(Batch.MAX_THREADS), BatchInput.json(new ByteArrayInputStream(
                    "{\"id\":\"a\"}\n{\"id\":\"b\"}\n".getBytes(StandardCharsets.UTF_8)), "in"))).hasSize(2);
        }
    }

    /** A head, then {@code count} copies of one byte, then a tail; never held in memory whole. */
    static class SequenceOfParts extends InputStream {
        private final byte[] head;
        private final byte filler;
        private final byte[] tail;
        private final long count;
        private long position;

        SequenceOfParts(String head, char filler, long count, String tail) {
            this.head = head.getBytes(StandardCharsets.UTF_8);
            this.filler = (byte) filler;
            this.count = count;
            this.tail = tail.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public int read() {
            throw new UnsupportedOperationException();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            long total = head.length + count + tail.length;
            if (position >= total) {
                return -1;
            }
            int n = (int) Math.min(length, total - position);
            for (int i = 0; i < n; i++, position++) {
                buffer[offset + i] = position < head.length ? head[(int) position]
                        : position < head.length + count ? filler : tail[(int) (position - head.length - count)];
            }
            return n;
        }
    }
}
