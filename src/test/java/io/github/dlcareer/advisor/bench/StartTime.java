package io.github.dlcareer.advisor.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * How long the launcher takes to be useful, as a person meets it: {@code ./advisor serve} from launch to the first
 * 200 of {@code /api/health} (polled every 20 ms), and {@code ./advisor advise} from launch to exit. Each is run
 * several times after one untimed run (which builds the jar, the class-data-sharing archive and the rules cache
 * when they are missing); the median, the fastest and the slowest are printed, with the CPU time the server had
 * used by its first 200 and the CPU time of each advice (from {@code /usr/bin/time} when it is there): less
 * sensitive than wall time to a machine shared with other work.
 *
 * <p>{@code mvn -Pbench -DskipTests package exec:exec@start [-Dstart.runs=7]}, from the project folder (it runs
 * {@code ./advisor} there, with the rules cache of {@code $ADVISOR_CACHE} as a user's run has it).
 */
public final class StartTime {

    private static final Duration POLL = Duration.ofMillis(20);
    private static final Path TIME = Path.of("/usr/bin/time");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        serve(); // untimed: builds what is missing
        List<Long> serveWall = new ArrayList<>();
        List<Long> serveCpu = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long[] run = serve();
            serveWall.add(run[0]);
            serveCpu.add(run[1]);
        }
        advise();
        List<Long> adviseWall = new ArrayList<>();
        List<Long> adviseCpu = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long[] run = advise();
            adviseWall.add(run[0]);
            adviseCpu.add(run[1]);
        }
        System.out.printf(Locale.ROOT, "%d runs each, %d cores%n", runs, Runtime.getRuntime().availableProcessors());
        report("serve: launch to the first 200 of /api/health", serveWall);
        report("serve: CPU time used by then", serveCpu);
        report("advise examples/profiles/gpu-none.yaml: launch to exit", adviseWall);
        if (adviseCpu.get(0) >= 0) {
            report("advise: CPU time", adviseCpu);
        }
    }

    /** One server's start: wall and CPU milliseconds from launch to its first 200. */
    private static long[] serve() throws IOException, InterruptedException {
        int port = freePort();
        URI health = URI.create("http://127.0.0.1:" + port + "/api/health");
        long start = System.nanoTime();
        Process server = launch(List.of(), "serve", "--port", String.valueOf(port));
        try {
            while (!healthy(health)) {
                if (!server.isAlive()) {
                    throw new IllegalStateException("./advisor serve exited with " + server.exitValue()
                            + " before answering; run it by hand to see why");
                }
                Thread.sleep(POLL.toMillis());
            }
            long wall = (System.nanoTime() - start) / 1_000_000;
            // The launcher execs java: its process is the JVM's.
            long cpu = server.info().totalCpuDuration().map(Duration::toMillis).orElse(-1L);
            return new long[] {wall, cpu};
        } finally {
            server.destroy();
            server.waitFor();
        }
    }

    /**
     * One advice: wall milliseconds from launch to exit, and its CPU milliseconds as {@code /usr/bin/time} counts
     * them (-1 without it).
     */
    private static long[] advise() throws IOException, InterruptedException {
        Path times = Files.createTempFile("advisor-start-", ".time");
        try {
            List<String> timed = Files.isExecutable(TIME) ? List.of(TIME.toString(), "-f", "%U %S", "-o", times.toString())
                    : List.of();
            long start = System.nanoTime();
            Process advise = launch(timed, "advise", "examples/profiles/gpu-none.yaml");
            int status = advise.waitFor();
            long wall = (System.nanoTime() - start) / 1_000_000;
            if (status != 0) {
                throw new IllegalStateException("./advisor advise exited with " + status);
            }
            String[] cpu = Files.readString(times).strip().split(" ");
            return new long[] {wall, cpu.length < 2 ? -1
                    : Math.round((Double.parseDouble(cpu[0]) + Double.parseDouble(cpu[1])) * 1000)};
        } finally {
            Files.delete(times);
        }
    }

    private static Process launch(List<String> prefix, String... args) throws IOException {
        List<String> command = new ArrayList<>(prefix);
        command.add("./advisor");
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static boolean healthy(URI health) throws InterruptedException {
        try {
            HttpRequest request = HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(1)).build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false; // not listening yet
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void report(String what, List<Long> millis) {
        List<Long> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        System.out.printf(Locale.ROOT, "%-56s median %,6d ms (%,d to %,d)%n", what, sorted.get(sorted.size() / 2),
                sorted.get(0), sorted.get(sorted.size() - 1));
    }
}
