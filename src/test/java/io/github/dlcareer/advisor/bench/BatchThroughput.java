package io.github.dlcareer.advisor.bench;

import com.sun.management.OperatingSystemMXBean;
import io.github.dlcareer.advisor.Advice;
import io.github.dlcareer.advisor.BatchRecord;
import io.github.dlcareer.advisor.Profile;
import io.github.dlcareer.advisor.ProfileReader;
import io.github.dlcareer.advisor.cli.InProcessCli;
import io.github.dlcareer.advisor.format.AdviceJson;
import io.github.dlcareer.advisor.internal.batch.BatchPipeline;
import io.github.dlcareer.advisor.internal.batch.CsvSource;
import io.github.dlcareer.advisor.internal.batch.JsonSource;
import io.github.dlcareer.advisor.internal.batch.Limits;
import io.github.dlcareer.advisor.internal.batch.Mapping;
import io.github.dlcareer.advisor.internal.batch.RecordSource;
import io.github.dlcareer.advisor.internal.profile.ProfileJson;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Batch throughput by output, in one run, on generated profiles (the example profiles cycled, with unique ids) and
 * on the Kaggle survey through its mapping: the I/O floor (input read and parsed, an empty advice formatted and
 * written, the rules skipped), then full JSON Lines, compact JSON Lines, a DuckDB database and Parquet files, each
 * through the command line run in-process ({@code advisor batch ... --quiet}, rules read from {@code ./rules}, so
 * their loading counts). For each: profiles per second, seconds, CPU seconds of the whole JVM (the figure that
 * holds on a shared machine) and the peak heap. JSON Lines go to {@code /dev/null}; tables to a temporary folder.
 *
 * <p>{@code mvn -Pbench test-compile exec:exec@batch [-Dbatch.profiles=200000] [-Dbatch.heap=256m]}; the survey
 * is read from {@code ../shared/data/kaggle-survey-2018/respondents.csv} (or the file named by the system property
 * {@code batch.survey}, when run by itself) and left
 * out when missing.
 */
public final class BatchThroughput {

    private static final String MAPPING = "examples/batch/kaggle-survey-2018.mapping.yaml";

    public static void main(String[] args) throws IOException {
        int profiles = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        Path survey = Path.of(System.getProperty("batch.survey", "../shared/data/kaggle-survey-2018/respondents.csv"));
        Path folder = Files.createTempDirectory("advisor-batch-");
        try {
            Path generated = folder.resolve("generated.jsonl");
            generate(generated, profiles);
            System.out.printf(Locale.ROOT, "%d cores, max heap %,d MB%n", Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().maxMemory() >> 20);
            cli(folder, "warm-up", List.of(head(generated, folder, Math.min(profiles, 20_000)).toString(),
                    "--out", "/dev/null")); // the JIT, and the rules' cache
            outputs(folder, "generated", generated, profiles, null);
            if (Files.isRegularFile(survey)) {
                outputs(folder, "survey", survey, lines(survey) - 1, Path.of(MAPPING));
            } else {
                System.out.println("(no survey at " + survey + ")");
            }
        } finally {
            deleteTree(folder);
        }
    }

    /** One input through the floor and every output. */
    private static void outputs(Path folder, String name, Path input, long records, Path mapping)
            throws IOException {
        System.out.printf(Locale.ROOT, "%n%s: %,d records, %,d MB (%s)%n", name, records, Files.size(input) >> 20,
                input);
        System.out.printf("%-22s %12s %9s %9s %11s %14s%n", "output", "profiles/s", "seconds", "CPU-s", "peak heap",
                "vs full JSONL");
        floor(input, mapping, folder.resolve("floor.jsonl")); // its JIT warm-up
        Figure floor = measure(() -> floor(input, mapping, folder.resolve("floor.jsonl")));
        report("I/O floor (no rules)", floor, records, null);
        List<String> in = new ArrayList<>(List.of(input.toString()));
        if (mapping != null) {
            in.addAll(List.of("--mapping", mapping.toString()));
        }
        Figure full = cli(folder, "full JSONL", concat(in, "--out", "/dev/null"));
        report("full JSON Lines", full, records, null);
        report("compact JSON Lines", cli(folder, "compact", concat(in, "--out", "/dev/null", "--detail", "compact")),
                records, full);
        report("DuckDB", cli(folder, "duckdb", concat(in, "--out", folder.resolve(name + ".duckdb").toString())),
                records, full);
        report("Parquet", cli(folder, "parquet", concat(in, "--format", "parquet", "--out",
                folder.resolve(name + "-parquet").toString())), records, full);
        report("(I/O floor, again)", measure(() -> floor(input, mapping, folder.resolve("floor.jsonl"))), records,
                null);
    }

    /** Seconds, CPU seconds and peak heap of one piece of work. */
    private record Figure(double seconds, double cpu, long peakHeap) {
    }

    private static Figure measure(Runnable work) {
        System.gc();
        heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu = os.getProcessCpuTime();
        long start = System.nanoTime();
        work.run();
        return new Figure((System.nanoTime() - start) / 1e9, (os.getProcessCpuTime() - cpu) / 1e9,
                heapPools().stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum());
    }

    /** {@code advisor batch ARGS --quiet}, in-process, as the command line runs it. */
    private static Figure cli(Path folder, String what, List<String> args) {
        List<String> all = concat(List.of("batch"), args.toArray(String[]::new));
        all.add("--quiet");
        InProcessCli cli = new InProcessCli();
        int[] code = new int[1];
        Figure figure = measure(() -> code[0] = cli.run(all.toArray(String[]::new)));
        if (code[0] != 0 && code[0] != 3) { // 3: some records rejected, as in the survey
            throw new IllegalStateException(what + ": exit code " + code[0] + "\n" + cli.err());
        }
        return figure;
    }

    /** Reading, parsing, formatting an empty advice as the CLI formats advice, writing: all but the rules. */
    private static void floor(Path input, Path mapping, Path output) {
        Function<Profile, Advice> none = p -> new Advice(p.id(), List.of(), List.of(), List.of(), List.of());
        try (InputStream in = Files.newInputStream(input);
             OutputStream out = new BufferedOutputStream(Files.newOutputStream(output), 1 << 16)) {
            RecordSource source = mapping == null ? new JsonSource(in, input.toString())
                    : new CsvSource(in, input.toString(), Mapping.read(mapping));
            BatchPipeline.run(source, none, false, Math.min(Runtime.getRuntime().availableProcessors(),
                    Limits.MAX_THREADS), Limits.RECORD_SIZE, BatchThroughput::format, line -> write(out, line));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] format(BatchRecord record) {
        return record.advised() ? AdviceJson.line(record.advice())
                : (record.problems() + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static void write(OutputStream out, byte[] line) {
        try {
            out.write(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void report(String what, Figure f, long records, Figure full) {
        System.out.printf(Locale.ROOT, "%-22s %,12.0f %9.1f %9.1f %8d MB %14s%n", what, records / f.seconds(),
                f.seconds(), f.cpu(), f.peakHeap() >> 20, full == null ? "" : String.format(Locale.ROOT,
                        "%.2f× (%.2f× CPU)", full.seconds() / f.seconds(), full.cpu() / f.cpu()));
    }

    private static List<String> concat(List<String> head, String... tail) {
        List<String> all = new ArrayList<>(head);
        all.addAll(List.of(tail));
        return all;
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
    }

    private static long lines(Path file) throws IOException {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        }
    }

    /** The first {@code n} lines of a file, in a file of their own. */
    private static Path head(Path file, Path folder, int n) throws IOException {
        Path head = folder.resolve("head.jsonl");
        try (Stream<String> lines = Files.lines(file)) {
            Files.write(head, lines.limit(n).toList());
        }
        return head;
    }

    private static void generate(Path file, int profiles) throws IOException {
        List<String> examples = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("examples", "profiles"))) {
            for (Path profile : files.sorted().toList()) {
                Profile p = ProfileReader.create().read(profile);
                examples.add(ProfileJson.write(p));
            }
        }
        try (Writer out = Files.newBufferedWriter(file)) {
            for (int i = 0; i < profiles; i++) {
                String json = examples.get(i % examples.size());
                out.write(json.replaceFirst("\"id\":\"[^\"]*\"", "\"id\":\"p" + i + "\""));
                out.write('\n');
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
