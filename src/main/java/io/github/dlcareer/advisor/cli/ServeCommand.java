package io.github.dlcareer.advisor.cli;

import io.github.dlcareer.advisor.Advisor;
import io.github.dlcareer.advisor.Problem;
import io.github.dlcareer.advisor.server.AdvisorServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/** {@code advisor serve}: the JSON API and the consultation page, until Ctrl-C. */
@Command(name = "serve",
        mixinStandardHelpOptions = true,
        description = "Serve the advisor over HTTP: a page at / where a person answers questions and reads their"
                + " advice, and a JSON API (/api/advice, /api/explain/ID, /api/what-if, /api/questions, ..., listed"
                + " at /api/openapi.json). Stores no profile. Ctrl-C stops it.")
final class ServeCommand implements Callable<Integer> {

    private static final String JETTY_REFERENCES = "org.eclipse.jetty.util.referencesPerCacheLine";

    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "8080", description = "The port (default 8080; 0 picks a free one).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "The address to listen on (default 127.0.0.1, this machine only; 0.0.0.0 for every one).")
    String host;

    @Option(names = "--watch", description = "Reload the rules folder on every change: requests in flight finish on"
            + " the rules they started with; an edit that does not compile leaves the old rules serving.")
    boolean watch;

    @Mixin
    RulesOption rules;

    @Mixin
    VerboseOption verbose;

    /** Counted down to stop serving: by a shutdown (Ctrl-C), or by a test. */
    final CountDownLatch stop = new CountDownLatch(1);

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        if (port < 0 || port > 65_535) {
            err.println("advisor serve: --port must be from 0 to 65535, not " + port);
            return ExitCodes.INVALID_INPUT;
        }
        // Jetty asks the JVM over JMX how wide a reference is, starting the platform MBean server (~0.1 s of
        // start) to pad a queue; told, it asks nothing. 16 per 64-byte cache line: compressed references.
        if (System.getProperty(JETTY_REFERENCES) == null) {
            System.setProperty(JETTY_REFERENCES, "16");
        }
        AtomicReference<AdvisorServer> serving = new AtomicReference<>();
        Advisor advisor = rules.advisor(watch, new Advisor.ReloadListener() {
            @Override
            public void reloaded(Advisor reloaded) {
                AdvisorServer server = serving.get();
                if (server != null) {
                    server.rulesChanged();
                }
                err.println("advisor serve: the rules changed; now serving " + reloaded.ruleCount() + " rules");
                err.flush();
            }

            @Override
            public void failed(List<Problem> problems) {
                err.println("advisor serve: the edited rules do not compile; the previous rules go on serving:");
                Problems.print(err, problems);
            }
        });
        CountDownLatch closed = new CountDownLatch(1);
        // On Ctrl-C the JVM waits for its hooks only: this one lets the requests in flight finish.
        Thread shutdown = new Thread(() -> {
            stop.countDown();
            awaitQuietly(closed);
        }, "advisor-serve-stop");
        try (advisor; AdvisorServer server = AdvisorServer.start(advisor, rules::read, host, port)) {
            serving.set(server);
            Runtime.getRuntime().addShutdownHook(shutdown);
            err.println("advisor: serving " + advisor.ruleCount() + " rules from " + advisor.rulesLocation()
                    + " at http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + server.port()
                    + "/ (Ctrl-C to stop)");
            err.flush();
            stop.await();
        } finally {
            closed.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(shutdown);
            } catch (IllegalStateException | IllegalArgumentException e) {
                // shutting down already, or never started: nothing to remove
            }
        }
        return 0;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
