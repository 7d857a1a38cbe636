package io.github.dlcareer.advisor.bench;

import io.github.dlcareer.advisor.Advice;
import io.github.dlcareer.advisor.Advisor;
import io.github.dlcareer.advisor.Batch;
import io.github.dlcareer.advisor.BatchInput;
import io.github.dlcareer.advisor.BatchRecord;
import io.github.dlcareer.advisor.Profile;
import io.github.dlcareer.advisor.ProfileReader;
import io.github.dlcareer.advisor.format.AdviceJson;
import io.github.dlcareer.advisor.internal.batch.BatchPipeline;
import io.github.dlcareer.advisor.internal.batch.JsonSource;
import io.github.dlcareer.advisor.internal.batch.Limits;
import io.github.dlcareer.advisor.internal.profile.ProfileJson;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
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
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Batch throughput, JSON Lines in and out, on all cores: the whole pipeline, and beside it in the same run the
 * same pipeline with rule evaluation skipped (the I/O floor: reading, parsing, formatting, writing). Also the
 * peak heap. Generates its input (the example profiles, cycled, with unique ids) in a temporary file.
 *
 * <p>{@code mvn -Pbench test-compile exec:exec@batch [-Dbatch.profiles=1000000] [-Dbatch.heap=256m]}
 */
public final class BatchThroughput {

    public static void main(String[] args) throws IOException {
        int profiles = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int threads = Runtime.getRuntime().availableProcessors();
        Path input = Files.createTempFile("advisor-batch-", ".jsonl");
        Path output = Files.createTempFile("advisor-batch-", ".out.jsonl");
        try {
            generate(input, profiles);
            Advisor advisor = Advisor.builder().rules(Path.of("rules")).build();
            Function<Profile, Advice> none = p -> new Advice(p.id(), List.of(), List.of(), List.of(), List.of());
            System.out.printf(Locale.ROOT, "%,d profiles (%,d MB of JSON Lines), %d threads, max heap %,d MB, %d rules%n",
                    profiles, Files.size(input) >> 20, threads, Runtime.getRuntime().maxMemory() >> 20,
                    advisor.ruleCount());
            run(input, output, none, threads, Math.min(profiles, 50_000)); // warm-up of both paths
            run(input, output, advisor::advise, threads, Math.min(profiles, 50_000));
            System.out.printf("%-34s %14s %14s%n", "pipeline", "profiles/s", "seconds");
            for (int round = 1; round <= 3; round++) {
                report("I/O floor (rules skipped), run " + round, run(input, output, none, threads, profiles), profiles);
                report("whole pipeline, run " + round, run(input, output, advisor::advise, threads, profiles), profiles);
            }
            System.out.printf(Locale.ROOT, "peak heap used: %,d MB%n", peakHeap() >> 20);
            // The public API, for comparison: Batch with the same work.
            long start = System.nanoTime();
            try (InputStream in = Files.newInputStream(input);
                 OutputStream out = new BufferedOutputStream(Files.newOutputStream(output), 1 << 16)) {
                Batch.of(advisor).run(BatchInput.json(in, "bench"),
                        BatchThroughput::format, line -> write(out, line));
            }
            report("Batch (public API)", (System.nanoTime() - start) / 1e9, profiles);
        } finally {
            Files.deleteIfExists(input);
            Files.deleteIfExists(output);
        }
    }

    private static double run(Path input, Path output, Function<Profile, Advice> advise, int threads, int limit)
            throws IOException {
        long start = System.nanoTime();
        try (InputStream in = Files.newInputStream(input);
             OutputStream out = new BufferedOutputStream(Files.newOutputStream(output), 1 << 16)) {
            JsonSource source = new JsonSource(limit(in, limit), "bench");
            BatchPipeline.run(source, advise, false, threads, Limits.RECORD_SIZE, BatchThroughput::format,
                    line -> write(out, line));
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** As the CLI does: UTF-8 bytes made on the worker threads. */
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

    private static void report(String what, double seconds, int profiles) {
        System.out.printf(Locale.ROOT, "%-34s %,14.0f %14.2f%n", what, profiles / seconds, seconds);
    }

    /** The first {@code lines} lines of a reader. */
    private static InputStream limit(InputStream reader, int lines) {
        return new InputStream() {
            private int seen;

            @Override
            public int read() {
                throw new UnsupportedOperationException();
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                if (seen >= lines) {
                    return -1;
                }
                int n = reader.read(buffer, offset, length);
                for (int i = offset; i < offset + Math.max(n, 0); i++) {
                    if (buffer[i] == '\n' && ++seen >= lines) {
                        return i - offset + 1;
                    }
                }
                return n;
            }

            @Override
            public void close() throws IOException {
                reader.close();
            }
        };
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

    private static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    }

    static {
        // Keep the numbers apart from earlier JIT noise.
        Arrays.asList(ManagementFactory.getMemoryPoolMXBeans().toArray(new MemoryPoolMXBean[0]))
                .forEach(MemoryPoolMXBean::resetPeakUsage);
    }
}
