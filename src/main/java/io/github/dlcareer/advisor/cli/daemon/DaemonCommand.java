package io.github.dlcareer.advisor.cli.daemon;

import io.github.dlcareer.advisor.Advisor;
import io.github.dlcareer.advisor.cli.Caller;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/** {@code advisor daemon start|stop|status|run}: the resident process that answers {@code advise} runs. */
@Command(name = "daemon",
        mixinStandardHelpOptions = true,
        description = {"Keep the advisor running in the background: `advise` then answers in ~0.2 s, not ~0.8 s.",
                "`advise` uses a daemon of the same jar, java and settings (JAVA_OPTS, ADVISOR_CACHE) when one is"
                        + " running, else answers itself; a daemon sees edited rules at once, as a run does. It listens"
                        + " on a socket only its user may use, and stops when idle for --idle-minutes or when the jar"
                        + " is rebuilt."},
        subcommands = {DaemonCommand.Start.class, DaemonCommand.Stop.class, DaemonCommand.Status.class,
                DaemonCommand.Run.class})
public final class DaemonCommand implements Runnable {

    private final String mainClass;
    private final BiFunction<Caller, String[], CommandLine> commandLines;

    @Spec
    CommandSpec spec;

    /**
     * @param mainClass    the class whose main runs the command line (started again for {@code start})
     * @param commandLines the command line a daemon runs for a caller (the same as a run's own)
     */
    public DaemonCommand(String mainClass, BiFunction<Caller, String[], CommandLine> commandLines) {
        this.mainClass = mainClass;
        this.commandLines = commandLines;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name what to do: start, stop, status or run");
    }

    /** The idle time, shared by start and run. */
    static final class Idle {
        @Option(names = "--idle-minutes", paramLabel = "N", defaultValue = "180",
                description = "Stop after N minutes without a request (default: 180).")
        long minutes;
    }

    @Command(name = "start", mixinStandardHelpOptions = true,
            description = "Start a daemon in the background (if none is running) and wait until it answers.")
    static final class Start implements java.util.concurrent.Callable<Integer> {
        @Spec
        CommandSpec spec;
        @CommandLine.ParentCommand
        DaemonCommand parent;
        @CommandLine.Mixin
        Idle idle;

        @Override
        public Integer call() throws IOException, InterruptedException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            DaemonSocket where = DaemonSocket.ofThisProcess();
            if (!where.folderIsPrivate(true)) {
                err.println("advisor: cannot start a daemon: " + where.folder() + " must be a folder of this user's"
                        + " alone (mode 700)");
                return 1;
            }
            String running = DaemonClient.status(where);
            if (running != null) {
                out.println("advisor: a daemon is running already: " + running.lines().findFirst().orElse(""));
                return 0;
            }
            pruneLogs(where);
            Process process = new ProcessBuilder(daemonCommand(parent.mainClass, idle.minutes))
                    .directory(where.folder().toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(where.log().toFile()))
                    .redirectErrorStream(true)
                    .start();
            for (int waited = 0; waited < 1_200 && process.isAlive(); waited++) { // up to 60 s
                String status = DaemonClient.status(where);
                if (status != null) {
                    prepare(where);
                    out.println("advisor: daemon started: " + status.lines().findFirst().orElse(""));
                    out.println("`advisor daemon stop` stops it; its log: " + where.log());
                    return 0;
                }
                Thread.sleep(50);
            }
            err.println("advisor: the daemon did not start; the end of its log (" + where.log() + "):");
            List<String> log = Files.readAllLines(where.log());
            log.subList(Math.max(0, log.size() - 15), log.size()).forEach(err::println);
            process.destroy();
            return 1;
        }

        /** Removes the logs of daemons long gone (each jar, java and settings has its own) after a week unwritten. */
        private static void pruneLogs(DaemonSocket where) {
            java.time.Instant weekAgo = java.time.Instant.now().minus(Duration.ofDays(7));
            try (java.util.stream.Stream<Path> files = Files.list(where.folder())) {
                for (Path log : files.filter(file -> file.getFileName().toString().endsWith(".log")).toList()) {
                    if (Files.getLastModifiedTime(log).toInstant().isBefore(weekAgo)) {
                        Files.deleteIfExists(log);
                    }
                }
            } catch (IOException e) {
                // a log left behind does no harm
            }
        }

        /**
         * Has the daemon build the rules a run here would use (./rules, else the bundled ones), by asking it for the
         * advice of an empty profile: the first real request then waits for nothing.
         */
        private static void prepare(DaemonSocket where) {
            OutputStream discard = OutputStream.nullOutputStream();
            byte[] profile = "{\"id\": \"warm-up\"}".getBytes(StandardCharsets.UTF_8);
            DaemonClient.ask(where.socket(), where.identity(), Path.of("").toAbsolutePath(), new String[] {"advise", "-"},
                    new ByteArrayInputStream(profile), discard, discard, discard);
        }

        /** This JVM again (its java, class path and JAVA_OPTS), running {@code daemon run}, in a session of its own. */
        private static List<String> daemonCommand(String mainClass, long idleMinutes) {
            List<String> command = new ArrayList<>();
            if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
                command.add("/usr/bin/setsid"); // no terminal's hang-up or Ctrl-C reaches it
            }
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.add("-XX:+UseSerialGC");
            String javaOpts = System.getenv("JAVA_OPTS");
            if (javaOpts != null && !javaOpts.isBlank()) {
                command.addAll(List.of(javaOpts.trim().split("\\s+")));
            }
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass,
                    "daemon", "run", "--idle-minutes", Long.toString(idleMinutes)));
            return command;
        }
    }

    @Command(name = "stop", mixinStandardHelpOptions = true, description = "Stop the daemon, if one is running.")
    static final class Stop implements java.util.concurrent.Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws InterruptedException {
            DaemonSocket where = DaemonSocket.ofThisProcess();
            String stopping = where.listening().isPresent() ? DaemonClient.stop(where) : null;
            if (stopping == null) {
                spec.commandLine().getOut().println("advisor: no daemon was running");
                return 0;
            }
            for (int waited = 0; waited < 200 && Files.exists(where.socket()); waited++) {
                Thread.sleep(50);
            }
            spec.commandLine().getOut().println("advisor: daemon " + stopping.replace("stopping ", "") + " stopped");
            return 0;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Say whether a daemon is running, since when, and what it holds (exit code 3 when none).")
    static final class Status implements java.util.concurrent.Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            String status = DaemonClient.status(DaemonSocket.ofThisProcess());
            spec.commandLine().getOut().println(status == null
                    ? "advisor: no daemon is running (`advisor daemon start` starts one)" : "advisor daemon: " + status);
            return status == null ? 3 : 0;
        }
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = "Run a daemon in the foreground (what start runs in the background); stops on Ctrl-C.")
    static final class Run implements java.util.concurrent.Callable<Integer> {
        @Spec
        CommandSpec spec;
        @CommandLine.ParentCommand
        DaemonCommand parent;
        @CommandLine.Mixin
        Idle idle;

        @Override
        public Integer call() throws IOException, InterruptedException {
            // a consequence looping in plain Java cannot be stopped: the daemon exits, its callers run themselves
            Advisor.onStuckEvaluation(problem -> {
                System.err.println("advisor daemon: exiting, since the evaluation cannot be stopped otherwise: " + problem);
                System.exit(1);
            });
            Daemon daemon = new Daemon(DaemonSocket.ofThisProcess(), parent.commandLines, Duration.ofMinutes(idle.minutes),
                    Daemon.REQUEST_TIME);
            try {
                daemon.start();
            } catch (IOException e) {
                spec.commandLine().getErr().println("advisor: cannot run a daemon: " + e.getMessage());
                return 1;
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> daemon.stop("a signal")));
            daemon.awaitStop();
            return 0;
        }
    }
}
