package io.github.dlcareer.advisor.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.dlcareer.advisor.Advisor;
import io.github.dlcareer.advisor.InvalidProfileException;
import io.github.dlcareer.advisor.InvalidRulesException;
import io.github.dlcareer.advisor.Printable;
import io.github.dlcareer.advisor.Profile;
import io.github.dlcareer.advisor.authoring.RulesFolder;
import io.github.dlcareer.advisor.format.AdviceJson;
import io.github.dlcareer.advisor.format.WhatIfJson;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The advisor over HTTP: a JSON API for other applications and, at {@code /}, a page where a person is interviewed
 * and reads their advice. It stores no profile: each request carries one. The routes and their errors are those of
 * the README's "Serving" and of {@code /api/openapi.json}.
 *
 * <p>Bounded: a request body of at most {@value #MAX_BODY} bytes, {@value #WORKERS} worker threads, at most
 * {@value #CONNECTIONS} connections open at once, and the advisor's own evaluation time limit. Each request is logged at
 * INFO as method, path, status and milliseconds — nothing of the profile.
 *
 * <pre>{@code
 * try (AdvisorServer server = AdvisorServer.start(advisor, RulesFolder::bundled, "127.0.0.1", 8080)) {
 *     ...
 * }
 * }</pre>
 */
public final class AdvisorServer implements AutoCloseable {

    /** The largest request body, in bytes: 256 KiB (a profile is a few KB). */
    public static final int MAX_BODY = 256 * 1024;
    /** The worker threads that serve requests (Jetty's own acceptor and selector among them). */
    public static final int WORKERS = 16;
    /** The connections open at once; past them, new ones wait to be accepted. */
    public static final int CONNECTIONS = 256;

    private static final Logger LOG = LoggerFactory.getLogger(AdvisorServer.class);
    private static final String PAGE = "/io/github/dlcareer/advisor/server/";
    /** The page and its script come from this server alone; nothing is fetched from elsewhere. */
    private static final String POLICY = "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'";

    /** What the server shows of one version of the rules besides the advice: the answers' labels, the catalogue. */
    private record Rules(RulesFolder folder, String catalogue) {
        static Rules of(RulesFolder folder) {
            return new Rules(folder, ApiJson.catalogue(folder));
        }
    }

    private final Advisor advisor;
    private final Supplier<RulesFolder> rules;
    /** Made once per version of the rules: at start after the port opens, then on each {@link #rulesChanged}. */
    private final AtomicReference<CompletableFuture<Rules>> shown = new AtomicReference<>();
    private final Javalin app;

    private AdvisorServer(Advisor advisor, Supplier<RulesFolder> rules, String host, int port) {
        this.advisor = Objects.requireNonNull(advisor, "advisor");
        this.rules = Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(host, "host");
        Map<String, byte[]> page = Map.of("/", resource("index.html"), "/app.js", resource("app.js"),
                "/app.css", resource("app.css"), "/api/openapi.json", resource("openapi.json"));
        QueuedThreadPool workers = new QueuedThreadPool(WORKERS);
        workers.setName("advisor-http");
        this.app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            cfg.http.maxRequestSize = MAX_BODY;
            cfg.http.prefer405over404 = true;
            cfg.jetty.threadPool = workers;
            // Jetty's job queue must stay unbounded; the connections are bounded instead.
            cfg.jetty.modifyServer(server -> server.addBean(new NetworkConnectionLimit(CONNECTIONS, server)));
            cfg.requestLogger.http((ctx, ms) -> LOG.info("{} {} {} {} ms", ctx.method().name(),
                    Printable.escape(ctx.path()), ctx.statusCode(), String.format(Locale.ROOT, "%.1f", ms)));
            cfg.routes.before(ctx -> ctx.header("Content-Security-Policy", POLICY)
                    .header("X-Content-Type-Options", "nosniff").header("Cache-Control", "no-store"));
            page.forEach((path, bytes) -> cfg.routes.get(path, ctx -> ctx.contentType(type(path)).result(bytes)));
            cfg.routes.get("/api/health", ctx -> json(ctx, ApiJson.health(advisor.rulesLocation(), advisor.ruleCount())));
            cfg.routes.get("/api/advice-catalogue", ctx -> json(ctx, shown().catalogue()));
            cfg.routes.post("/api/advice", this::advice);
            cfg.routes.post("/api/explain/{adviceId}", this::explain);
            cfg.routes.post("/api/what-if", this::whatIf);
            cfg.routes.post("/api/questions", ctx -> {
                Profile profile = Bodies.profile(ctx, false);
                json(ctx, ApiJson.questions(advisor.advise(profile), profile, shown().folder()));
            });
            cfg.routes.post("/api/profile", ctx -> json(ctx, ApiJson.profile(Bodies.profile(ctx, true))));
            cfg.routes.exception(ApiException.class, (e, ctx) -> refuse(ctx, e.status(), e));
            cfg.routes.exception(InvalidProfileException.class, (e, ctx) ->
                    refuse(ctx, 400, new ApiException(400, e.problems())));
            cfg.routes.exception(InvalidRulesException.class, (e, ctx) -> { // an evaluation stopped at its limit
                LOG.error("{}", e.getMessage());
                refuse(ctx, 500, new ApiException(500, e.problems()));
            });
            cfg.routes.exception(HttpResponseException.class, (e, ctx) -> refuse(ctx, e.getStatus(),
                    ApiException.of(e.getStatus(), null, message(e.getStatus(), ctx))));
            cfg.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("unexpected failure on {} {}", ctx.method().name(), Printable.escape(ctx.path()), e);
                refuse(ctx, 500, ApiException.of(500, null,
                        "unexpected failure in the server; its log has the details"));
            });
            cfg.routes.error(404, ctx -> problemUnlessJson(ctx, 404));
            cfg.routes.error(405, ctx -> problemUnlessJson(ctx, 405));
        });
        app.start(host, port);
        // Read while the first requests are answered: the port opens the sooner.
        shown.set(CompletableFuture.supplyAsync(() -> Rules.of(rules.get()), runnable -> {
            Thread reader = new Thread(runnable, "advisor-rules-reader");
            reader.setDaemon(true);
            reader.start();
        }));
    }

    /**
     * Serves {@code advisor} on {@code host} and {@code port} (0: a free port, see {@link #port()}). The advice
     * catalogue and the answers' labels come from {@code rules} (such as {@code () -> RulesFolder.read(folder)}),
     * read once in the background as the server starts and again on each {@link #rulesChanged()}.
     */
    public static AdvisorServer start(Advisor advisor, Supplier<RulesFolder> rules, String host, int port) {
        return new AdvisorServer(advisor, rules, host, port);
    }

    /** The port it listens on. */
    public int port() {
        return app.port();
    }

    /**
     * The rules changed (a watched folder reloaded): reads them again, on the caller's thread, for the advice
     * catalogue and the answers' labels. When they cannot be read (edited again meanwhile, and broken), the
     * previous ones go on serving and the problems are logged.
     */
    public void rulesChanged() {
        try {
            shown.set(CompletableFuture.completedFuture(Rules.of(rules.get())));
        } catch (InvalidRulesException e) {
            LOG.error("the changed rules could not be read for the advice catalogue: {}", e.getMessage());
        }
    }

    /** The rules as shown now; waits for them while they are first read. */
    private Rules shown() {
        try {
            return shown.get().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** Stops serving; requests in flight finish first. */
    @Override
    public void close() {
        app.stop();
    }

    private void advice(Context ctx) {
        StringWriter out = new StringWriter(4096);
        AdviceJson.write(advisor.advise(Bodies.profile(ctx, false)), out, true);
        json(ctx, out.append('\n').toString());
    }

    private void explain(Context ctx) throws IOException {
        String id = ctx.pathParam("adviceId");
        Profile profile = Bodies.profile(ctx, false);
        try {
            json(ctx, new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(advisor.explain(profile, id)) + "\n");
        } catch (IllegalArgumentException e) {
            throw ApiException.of(404, "adviceId", e.getMessage());
        }
    }

    private void whatIf(Context ctx) {
        Bodies.WhatIfRequest request = Bodies.whatIf(ctx);
        StringWriter out = new StringWriter(8192);
        WhatIfJson.write(advisor.whatIf(request.profile(), request.changes()), new PrintWriter(out));
        json(ctx, out.toString());
    }

    private static void json(Context ctx, String body) {
        ctx.contentType("application/json; charset=utf-8").result(body);
    }

    private static void refuse(Context ctx, int status, ApiException e) {
        ctx.status(status);
        json(ctx, ApiJson.problems(e.problems()));
    }

    /** Javalin's own 404 and 405 (no route, or not this method) answered as problems too. */
    private static void problemUnlessJson(Context ctx, int status) {
        if (!String.valueOf(ctx.res().getContentType()).startsWith("application/json")) {
            json(ctx, ApiJson.problems(ApiException.of(status, null, message(status, ctx)).problems()));
        }
    }

    private static String message(int status, Context ctx) {
        String what = ctx.method().name() + " " + Printable.escape(ctx.path());
        return switch (status) {
            case 404 -> "nothing at " + what + "; /api/openapi.json lists the API";
            case 405 -> "the method is not allowed: " + what + "; /api/openapi.json lists the API";
            case 413 -> "the body is larger than the limit of " + MAX_BODY + " bytes";
            default -> "refused: " + what + " (" + status + ")";
        };
    }

    private static String type(String path) {
        return path.endsWith(".js") ? "text/javascript; charset=utf-8" : path.endsWith(".css") ? "text/css; charset=utf-8"
                : path.endsWith(".json") ? "application/json; charset=utf-8" : "text/html; charset=utf-8";
    }

    private static byte[] resource(String name) {
        try (InputStream in = AdvisorServer.class.getResourceAsStream(PAGE + name)) {
            if (in == null) {
                throw new IllegalStateException("missing from the jar: " + PAGE + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
