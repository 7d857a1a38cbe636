package io.github.dlcareer.advisor.cli.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.dlcareer.advisor.cli.InProcessCli;
import io.github.dlcareer.advisor.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** advisor batch with outputs that cannot be written, bad limits, hostile records, and a signal mid-way. */
class HostileBatchCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final InProcessCli cli = new InProcessCli();

    private static Path profiles(Path dir, String text) throws Exception {
        Path input = dir.resolve("in.jsonl");
        Files.writeString(input, text);
        return input;
    }

    @Test
    void everyOutputIsCheckedBeforeAnyWorkAndNoneIsTruncatedWhenOneCannotBeWritten(@TempDir Path dir)
            throws Exception {
        Path input = profiles(dir, "{\"id\":\"a\"}\n");
        Path out = dir.resolve("out.jsonl");
        Files.writeString(out, "precious\n");

        int exit = cli.run("batch", input.toString(), "--rules", "no-such-rules-folder", "--out", out.toString(),
                "--errors", dir.resolve("missing/e.jsonl").toString(), "--summary", dir.toString(),
                "--summary-html", "/proc/x/summary.html");

        assertThat(exit).isEqualTo(2); // usage, found before the (missing) rules are even looked at
        assertThat(cli.err())
                .contains("--errors " + dir.resolve("missing/e.jsonl") + ": no such folder")
                .contains("--summary " + dir + ": is a folder")
                .contains("--summary-html /proc/x/summary.html: no such folder")
                .doesNotContain("unexpected failure");
        assertThat(Files.readString(out)).isEqualTo("precious\n");
    }

    @Test
    void theOutputCannotBeTheInput(@TempDir Path dir) throws Exception {
        Path input = profiles(dir, "{\"id\":\"a\"}\n");

        assertThat(cli.run("batch", input.toString(), "--rules", "rules", "--out", input.toString())).isEqualTo(2);
        assertThat(cli.err()).contains("is the input");
        assertThat(Files.readString(input)).isEqualTo("{\"id\":\"a\"}\n");
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void aFullDiskIsNamedAsAnOutputFailureNotBlamedOnTheInput(@TempDir Path dir) throws Exception {
        Path input = profiles(dir, "{\"id\":\"a\"}\n");

        assertThat(cli.run("batch", input.toString(), "--rules", "rules", "--out", "/dev/full")).isEqualTo(1);
        assertThat(cli.err()).contains("/dev/full: cannot be written: No space left on device")
                .doesNotContain("unexpected failure").doesNotContain(input + ": ");
    }

    @Test
    void threadsAndTheRecordSizeLimitAreCheckedWithTheirRange(@TempDir Path dir) throws Exception {
        Path input = profiles(dir, "{\"id\":\"a\"}\n");

        assertThat(cli.run("batch", input.toString(), "--threads", "2147483647")).isEqualTo(2);
        assertThat(cli.run("batch", input.toString(), "--max-record-size", "10G")).isEqualTo(2);
        assertThat(cli.err()).contains("--threads must be from 1 to 64")
                .contains("--max-record-size must be from 1K to 256M").doesNotContain("unexpected failure");
    }

    @Test
    void aRecordOverTheLimitSetIsAnErrorRecordAndTheBatchGoesOn(@TempDir Path dir) throws Exception {
        Path input = profiles(dir, "{\"id\":\"a\"}\n{\"id\":\"b\",\"job\":{\"industry\":\"" + "x".repeat(3000)
                + "\"}}\n{\"id\":\"c\"}\n");
        Path out = dir.resolve("out.jsonl");
        Path errors = dir.resolve("errors.jsonl");

        int exit = cli.run("batch", input.toString(), "--rules", "rules", "--max-record-size", "2K", "--out",
                out.toString(), "--errors", errors.toString());

        assertThat(exit).isEqualTo(3);
        assertThat(Files.readAllLines(out)).hasSize(2);
        JsonNode error = JSON.readTree(Files.readAllLines(errors).get(0));
        assertThat(error.get("line").asInt()).isEqualTo(2);
        assertThat(error.get("problems").get(0).get("message").asText()).contains("over the limit of 2 KiB");
    }

    @Test
    void aCarriageReturnInACsvCellIsQuoted(@TempDir Path dir) throws Exception {
        Path input = profiles(dir, "{\"id\":\"a\\rb\"}\n");
        Path out = dir.resolve("out.csv");

        cli.run("batch", input.toString(), "--rules", "rules", "--format", "csv", "--out", out.toString());

        assertThat(Files.readString(out)).contains("1,\"a\rb\",");
    }

    @Test
    void repeatedIdsAreCountedAndNamedInTheSummary(@TempDir Path dir) throws Exception {
        Path input = profiles(dir, "{\"id\":\"a\"}\n{\"id\":\"b\"}\n{\"id\":\"a\"}\n{\"id\":\"a\"}\n{\"id\":\"c\"}\n");
        Path summary = dir.resolve("summary.json");

        cli.run("batch", input.toString(), "--rules", "rules", "--out", dir.resolve("o.jsonl").toString(),
                "--summary", summary.toString());

        assertThat(cli.err()).contains("2 records repeat the id of an earlier record").contains(": a");
        JsonNode duplicates = JSON.readTree(summary.toFile()).get("duplicateIds");
        assertThat(duplicates.get("records").asInt()).isEqualTo(2);
        assertThat(duplicates.get("first").get(0).asText()).isEqualTo("a");
    }

    /** SIGTERM mid-way: every output holds whole records, all up to the same input line, and the JVM exits 143. */
    @Test
    @EnabledOnOs(OS.LINUX)
    void aBatchStoppedBySigtermFlushesWholeRecordsUpToTheSameLine(@TempDir Path dir) throws Exception {
        StringBuilder text = new StringBuilder();
        for (int line = 1; line <= 200_000; line++) {
            text.append(line % 10 == 3 ? "{\"id\":\"p" + line + "\",\"skills\":{\"math\":9}}"
                    : "{\"id\":\"p" + line + "\",\"plans\":{\"goal\":\"PHD\"},\"skills\":{\"math\":" + line % 6 + "}}")
                    .append('\n');
        }
        Path input = profiles(dir, text.toString());
        Path out = dir.resolve("out.jsonl");
        Path errors = dir.resolve("errors.jsonl");
        Process batch = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "batch", input.toString(),
                "--rules", "rules", "--no-progress", "--threads", "2", "--out", out.toString(), "--errors",
                errors.toString())
                .redirectError(dir.resolve("stderr.txt").toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!(Files.exists(out) && Files.size(out) > 0) && batch.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(batch.isAlive()).as("still advising when signalled").isTrue();
            batch.destroy(); // SIGTERM
            assertThat(batch.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            batch.destroyForcibly();
        }

        assertThat(batch.exitValue()).isEqualTo(143);
        String stderr = Files.readString(dir.resolve("stderr.txt"));
        Matcher stopped = Pattern.compile("stopped by a signal after line (\\d+)").matcher(stderr);
        assertThat(stopped.find()).as(stderr).isTrue();
        long last = Long.parseLong(stopped.group(1));
        List<Long> lines = new ArrayList<>();
        for (String advice : Files.readAllLines(out, StandardCharsets.UTF_8)) {
            lines.add(Long.parseLong(JSON.readTree(advice).get("profile").asText().substring(1))); // whole JSON
        }
        for (String error : Files.readAllLines(errors, StandardCharsets.UTF_8)) {
            lines.add(JSON.readTree(error).get("line").asLong());
        }
        assertThat(last).isLessThan(200_000);
        assertThat(lines).hasSize((int) last); // every line up to the last one, in one output or the other
        assertThat(lines.stream().mapToLong(Long::longValue).max().orElse(0)).isEqualTo(last);
    }
}
