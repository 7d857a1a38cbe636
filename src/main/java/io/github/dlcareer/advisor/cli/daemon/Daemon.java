package io.github.dlcareer.advisor.cli.daemon;

import io.github.dlcareer.advisor.InvalidRulesException;
import io.github.dlcareer.advisor.cli.Caller;
import jdk.net.ExtendedSocketOptions;
import picocli.CommandLine;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;

/**
 * The resident process: answers {@code advise} runs of its user (see the package's description) until asked to
 * stop, idle for its idle time, or its jar changes. A request is untrusted all the same: its sizes are bounded, a
 * request not sent whole within seconds is dropped, and at most {@link #ANSWERING} are answered at once (beyond
 * that a caller is turned away and runs itself).
 */
final class Daemon {

    static final int ANSWERING = 16;
    /** How long a caller has to send its request, unless told otherwise. */
    static final Duration REQUEST_TIME = Duration.ofSeconds(10);
    /** Options the daemon leaves to the run itself: they watch, log or compile in that process. */
    private static final Set<String> LOCAL_OPTIONS = Set.of("--watch", "--verbose", "--no-cache");

    private final DaemonSocket where;
    private final BiFunction<Caller, String[], CommandLine> commandLines;
    private final Duration idle;
    private final Duration requestTime;
    private final HeldAdvisors advisors = new HeldAdvisors();
    private final Semaphore answering = new Semaphore(ANSWERING);
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "advisor-daemon-request");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicLong answered = new AtomicLong();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final Instant started = Instant.now();
    private volatile Instant lastRequest = Instant.now();
    private ServerSocketChannel server;
    private UserPrincipal owner;

    /**
     * @param idle        how long without a request before it stops
     * @param requestTime how long a caller has to send its request whole
     */
    Daemon(DaemonSocket where, BiFunction<Caller, String[], CommandLine> commandLines, Duration idle,
           Duration requestTime) {
        this.where = where;
        this.commandLines = commandLines;
        this.idle = idle;
        this.requestTime = requestTime;
    }

    /** Builds the bundled rules, then listens: returns once listening, or throws saying why it cannot. */
    void start() throws IOException {
        if (!where.folderIsPrivate(true)) {
            throw new IOException(where.folder() + " is not a folder of this user's alone (mode 700)");
        }
        owner = Files.getOwner(where.folder());
        advisors.get(null); // the first caller should not wait for it
        if (Files.exists(where.socket())) {
            if (DaemonClient.status(where) != null) {
                throw new IOException("a daemon is already listening on " + where.socket());
            }
            Files.delete(where.socket()); // left by a daemon that was killed
        }
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(where.socket()));
        Files.setPosixFilePermissions(where.socket(), PosixFilePermissions.fromString("rw-------"));
        Thread acceptor = new Thread(this::accept, "advisor-daemon-accept");
        acceptor.start();
        Thread watch = new Thread(this::watch, "advisor-daemon-watch");
        watch.setDaemon(true);
        watch.start();
        log("pid " + ProcessHandle.current().pid() + " listening on " + where.socket());
    }

    /** Stops listening and removes the socket; the answers under way go on (see {@link #awaitStop}). */
    void stop(String why) {
        if (!stopping.compareAndSet(false, true)) {
            return;
        }
        log("stopping (" + why + ") after " + answered.get() + " answers");
        try {
            server.close();
            Files.deleteIfExists(where.socket());
        } catch (IOException e) {
            log("while stopping: " + e);
        }
        threads.shutdown();
    }

    /** Waits until it is asked to stop, then (up to 10 s) for the answers under way: a caller cut short runs itself. */
    void awaitStop() throws InterruptedException {
        while (!stopping.get()) {
            Thread.sleep(200);
        }
        threads.awaitTermination(10, TimeUnit.SECONDS);
    }

    private void accept() {
        while (!stopping.get()) {
            try {
                SocketChannel channel = server.accept();
                if (!answering.tryAcquire()) {
                    channel.close(); // the caller runs itself
                    continue;
                }
                threads.execute(() -> {
                    try (channel) {
                        answer(channel);
                    } catch (IOException | RuntimeException e) {
                        log("a request failed: " + e);
                    } finally {
                        answering.release();
                    }
                });
            } catch (IOException e) {
                if (!stopping.get()) {
                    log("cannot accept: " + e);
                    stop("the socket failed");
                }
            }
        }
    }

    /** Stops the daemon once it has been idle long enough, or its jar or socket is gone or changed. */
    private void watch() {
        while (!stopping.get()) {
            try {
                Thread.sleep(2_000);
            } catch (InterruptedException e) {
                return;
            }
            if (!Files.exists(where.socket())) {
                stop("its socket was removed");
            } else if (!DaemonSocket.ofThisProcess().identity().equals(where.identity())) {
                stop("its jar changed");
            } else if (Duration.between(lastRequest, Instant.now()).compareTo(idle) > 0) {
                stop("idle for " + idle.toMinutes() + " min");
            }
        }
    }

    private void answer(SocketChannel channel) throws IOException {
        UserPrincipal peer = channel.getOption(ExtendedSocketOptions.SO_PEERCRED).user();
        if (!peer.equals(owner)) {
            log("refused a request from user " + peer.getName());
            return;
        }
        DataInputStream in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(channel)));
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel)));
        Request request = Request.read(in, channel, requestTime.toMillis());
        if (request == null) {
            return;
        }
        lastRequest = Instant.now();
        switch (request.kind()) {
            case Wire.STATUS -> text(out, status());
            case Wire.STOP -> {
                text(out, "stopping pid " + ProcessHandle.current().pid());
                stop("asked to");
            }
            default -> advise(request, in, out);
        }
    }

    private void advise(Request request, DataInputStream in, DataOutputStream out) throws IOException {
        if (!request.identity().equals(where.identity()) || !servable(request.args())) {
            out.writeByte(Wire.LOCAL);
            out.flush();
            return;
        }
        out.writeByte(Wire.ACCEPTED);
        out.flush();
        AtomicBoolean local = new AtomicBoolean();
        Caller caller = new Caller(request.directory(), new CallerInput(in, out), rules -> {
            try {
                return advisors.get(rules.folder(request.directory()));
            } catch (InvalidRulesException e) {
                local.set(true); // its problems name the folder as the caller wrote it: the run says them itself
                throw e;
            }
        });
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        PrintWriter stdout = new PrintWriter(new OutputStreamWriter(outBytes, charset(request.outCharset())));
        PrintWriter stderr = new PrintWriter(new OutputStreamWriter(errBytes, charset(request.errCharset())));
        CommandLine commandLine = commandLines.apply(caller, request.args()).setOut(stdout).setErr(stderr);
        int exit = commandLine.execute(request.args());
        stdout.flush();
        stderr.flush();
        if (local.get()) {
            out.writeByte(Wire.LOCAL);
        } else {
            out.writeByte(Wire.RESULT);
            out.writeInt(exit);
            out.writeInt(errBytes.size());
            errBytes.writeTo(out);
            out.writeInt(outBytes.size());
            outBytes.writeTo(out);
            answered.incrementAndGet();
        }
        out.flush();
    }

    /** Whether the daemon answers {@code args} exactly as a run of its own would. */
    static boolean servable(String[] args) {
        if (args.length == 0 || !args[0].equals("advise")) {
            return false;
        }
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            boolean shortVerbose = arg.matches("-[A-Za-z]*v[A-Za-z]*"); // -v, or -v among clustered options
            if (LOCAL_OPTIONS.contains(name) || shortVerbose || arg.startsWith("@")) { // @FILE: picocli's argument file
                return false;
            }
        }
        return true;
    }

    private String status() {
        return "pid " + ProcessHandle.current().pid() + ", up " + Duration.between(started, Instant.now()).toMinutes()
                + " min, " + answered.get() + " answers; idle stop after " + idle.toMinutes() + " min\nsocket: "
                + where.socket() + "\nlog: " + where.log() + "\nrules held: " + String.join(", ", advisors.folders());
    }

    /** A line of the daemon's log (its standard error: {@code start} sends that to the log file). */
    private static void log(String message) {
        System.err.println(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + " advisor daemon: " + message);
    }

    private static void text(DataOutputStream out, String text) throws IOException {
        out.writeByte(Wire.TEXT);
        out.writeUTF(text);
        out.flush();
    }

    private static Charset charset(String name) {
        try {
            return Charset.forName(name);
        } catch (RuntimeException e) {
            return Charset.defaultCharset();
        }
    }
}
