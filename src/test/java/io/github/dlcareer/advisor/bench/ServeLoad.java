package io.github.dlcareer.advisor.bench;

import io.github.dlcareer.advisor.ProfileFields;
import io.github.dlcareer.advisor.ProfileReader;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * {@code advisor serve} under load, as a client on the same machine meets it: N clients on loopback, each sending
 * {@code POST /api/advice} with the example profiles in turn as soon as its last answer came; requests per
 * second and the latency's median, 99th percentile and maximum. Run twice after a warm-up: steady, then with a
 * rule edit a third of the way in, which the server (started with {@code --watch} on a copy of {@code rules/})
 * recompiles and swaps in while the requests go on; every request must be answered with 200 (exit 1 if one is
 * not). The server is {@code ./advisor serve}, with the launcher's JVM options (and {@code $JAVA_OPTS}).
 *
 * <p>{@code mvn -Pbench -DskipTests package exec:exec@load [-Dload.clients=8] [-Dload.seconds=20]}
 */
public final class ServeLoad {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    /** The edit: one rule's weight (buy-a-gpu for a person without a GPU), a change the file must be recompiled for. */
    private static final String EDITED = "gpu.drl";
    private static final String BEFORE = "@weight(0.8)";
    private static final String AFTER = "@weight(0.75)";

    /** One timed run: each request's latency in nanoseconds with the time it ended, and the failures. */
    private record Run(double seconds, long[] ends, long[] latencies, List<String> failures) {
    }

    /** When the server said it had swapped in changed rules (nanoTime). */
    private static final List<Long> RELOADS = new CopyOnWriteArrayList<>();

    public static void main(String[] args) throws Exception {
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        Path rules = Files.createTempDirectory("advisor-load-rules-");
        List<String> profiles = profiles();
        int port = freePort();
        try (Stream<Path> files = Files.list(Path.of("rules"))) {
            for (Path file : files.toList()) {
                Files.copy(file, rules.resolve(file.getFileName()));
            }
        }
        Process server = new ProcessBuilder("./advisor", "serve", "--port", String.valueOf(port), "--watch",
                "--rules", rules.toString()).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        CountDownLatch serving = new CountDownLatch(1);
        Thread log = new Thread(() -> watchLog(server, serving), "server-log");
        log.setDaemon(true);
        log.start();
        try {
            if (!serving.await(300, TimeUnit.SECONDS)) {
                throw new IllegalStateException("./advisor serve did not start within 300 s");
            }
            URI advice = URI.create("http://127.0.0.1:" + port + "/api/advice");
            System.out.printf(Locale.ROOT, "%d clients on loopback, %d s a run, POST /api/advice with the %d example"
                    + " profiles in turn; %d cores; server: ./advisor serve --watch%s%n", clients, seconds,
                    profiles.size(), Runtime.getRuntime().availableProcessors(),
                    System.getenv("JAVA_OPTS") == null ? "" : " with JAVA_OPTS=" + System.getenv("JAVA_OPTS"));
            run(advice, profiles, clients, seconds, null); // warm-up as long as a run: the JIT, the pools
            System.out.printf("%-30s %9s %8s %8s %8s %8s %7s%n", "run", "requests", "req/s", "p50 ms", "p99 ms",
                    "max ms", "failed");
            Run steady = run(advice, profiles, clients, seconds, null);
            report("steady", steady, 0, Long.MAX_VALUE, steady.failures().size());
            Path file = rules.resolve(EDITED);
            AtomicLong edited = new AtomicLong();
            Run edit = run(advice, profiles, clients, seconds, () -> {
                try {
                    edited.set(System.nanoTime());
                    Files.writeString(file, Files.readString(file).replace(BEFORE, AFTER));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            report("with a rule edit", edit, 0, Long.MAX_VALUE, edit.failures().size());
            long reloaded = RELOADS.stream().filter(t -> t > edited.get()).findFirst().orElseThrow(() ->
                    new IllegalStateException("the server did not say it swapped in the edited rules during the run"));
            report(String.format(Locale.ROOT, "  edit to swap (%.1f s)", (reloaded - edited.get()) / 1e9), edit,
                    edited.get(), reloaded, -1);
            if (!steady.failures().isEmpty() || !edit.failures().isEmpty()) {
                System.out.println("FAILED requests, for example: " + Stream.concat(steady.failures().stream(),
                        edit.failures().stream()).limit(5).toList());
                System.exit(1);
            }
        } finally {
            server.destroy();
            server.waitFor(30, TimeUnit.SECONDS);
            try (Stream<Path> files = Files.list(rules)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(rules);
        }
    }

    /** Reads the server's standard error: counts down when it serves, and notes the time of each reload. */
    private static void watchLog(Process server, CountDownLatch serving) {
        try (BufferedReader err = new BufferedReader(new InputStreamReader(server.getErrorStream(),
                StandardCharsets.UTF_8))) {
            for (String line = err.readLine(); line != null; line = err.readLine()) {
                if (line.startsWith("advisor: serving")) {
                    serving.countDown();
                } else if (line.startsWith("advisor serve: the rules changed")) {
                    RELOADS.add(System.nanoTime());
                } else if (!line.startsWith("INFO AdvisorServer:")) { // not the log line of each request
                    System.out.println("server: " + line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code clients} threads sending requests for {@code seconds}; {@code edit}, when given, a third of the way in. */
    private static Run run(URI advice, List<String> profiles, int clients, int seconds, Runnable edit)
            throws InterruptedException {
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        List<long[]> perClient = new CopyOnWriteArrayList<>();
        List<String> failures = new CopyOnWriteArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread thread = new Thread(() -> perClient.add(send(advice, profiles, client, end, failures)),
                    "client-" + c);
            threads.add(thread);
            thread.start();
        }
        if (edit != null) {
            Thread.sleep(TimeUnit.NANOSECONDS.toMillis(end - start) / 3);
            edit.run();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        // each client's array: end time, latency, end time, latency...
        int total = perClient.stream().mapToInt(a -> a.length / 2).sum();
        long[][] pairs = new long[total][];
        int i = 0;
        for (long[] times : perClient) {
            for (int j = 0; j < times.length; j += 2) {
                pairs[i++] = new long[] {times[j], times[j + 1]};
            }
        }
        Arrays.sort(pairs, Comparator.comparingLong(p -> p[0]));
        return new Run((System.nanoTime() - start) / 1e9, Arrays.stream(pairs).mapToLong(p -> p[0]).toArray(),
                Arrays.stream(pairs).mapToLong(p -> p[1]).toArray(), failures);
    }

    /** One client's requests until {@code end}: the end time and latency of each, in pairs. */
    private static long[] send(URI advice, List<String> profiles, int client, long end, List<String> failures) {
        long[] times = new long[1 << 14];
        int n = 0;
        for (int k = client; System.nanoTime() < end; k++) {
            HttpRequest request = HttpRequest.newBuilder(advice).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(profiles.get(k % profiles.size()))).build();
            long sent = System.nanoTime();
            try {
                HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    failures.add(response.statusCode() + " " + response.body());
                }
            } catch (IOException e) {
                failures.add(e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            long done = System.nanoTime();
            if (n + 2 > times.length) {
                times = Arrays.copyOf(times, times.length * 2);
            }
            times[n++] = done;
            times[n++] = done - sent;
        }
        return Arrays.copyOf(times, n);
    }

    /** The requests of a run that ended between {@code from} and {@code to} (nanoTime); failures, -1 if not counted. */
    private static void report(String what, Run run, long from, long to, int failed) {
        long[] latencies = new long[run.latencies().length];
        int n = 0;
        for (int i = 0; i < run.ends().length; i++) {
            if (run.ends()[i] >= from && run.ends()[i] <= to) {
                latencies[n++] = run.latencies()[i];
            }
        }
        latencies = Arrays.copyOf(latencies, n);
        Arrays.sort(latencies);
        double seconds = to == Long.MAX_VALUE ? run.seconds() : (to - from) / 1e9;
        System.out.printf(Locale.ROOT, "%-30s %,9d %,8.0f %8.1f %8.1f %8.1f %7s%n", what, n, n / seconds,
                percentile(latencies, 0.50), percentile(latencies, 0.99),
                n == 0 ? 0 : latencies[n - 1] / 1e6, failed < 0 ? "" : String.valueOf(failed));
    }

    private static double percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))] / 1e6;
    }

    /** The example profiles as JSON bodies. */
    private static List<String> profiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("examples", "profiles"))) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted()
                    .map(f -> ProfileFields.toJson(ProfileReader.create().read(f))).toList();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
