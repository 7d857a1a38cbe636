package io.github.dlcareer.advisor.cli.daemon;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.ServiceConfigurationError;

/**
 * A run of {@code advisor advise} asking a running daemon for its answer. Light on purpose: it loads nothing of
 * the advisor, picocli or Drools, so that a run the daemon answers costs a JVM's start and a message.
 */
public final class DaemonClient {

    /** How long a daemon has to accept a request before the run goes on without it. */
    private static final long ACCEPT_MILLIS = 5_000;
    /** The selector provider of the JDK on Linux. */
    private static final String EPOLL = "sun.nio.ch.EPollSelectorProvider";

    private DaemonClient() {
    }

    /**
     * The exit code of {@code args} as a daemon of this process's jar, java and settings answered them, having
     * printed what it printed; empty when the run should go on itself: no such daemon, not an {@code advise},
     * {@code -Dadvisor.daemon=off} (the launcher's training runs), or the daemon declined or failed (then standard input is as it was: what was sent is read again first).
     */
    public static OptionalInt ask(String[] args) {
        if (args.length == 0 || !args[0].equals("advise") || "off".equals(System.getProperty("advisor.daemon"))) {
            return OptionalInt.empty();
        }
        DaemonSocket where = DaemonSocket.ofThisProcess();
        if (where.listening().isEmpty()) {
            return OptionalInt.empty();
        }
        nameSelectorProvider();
        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        OptionalInt answer = ask(where.socket(), where.identity(), Path.of("").toAbsolutePath(), args,
                System.in, sent, System.out, System.err);
        if (answer.isEmpty() && sent.size() > 0) {
            System.setIn(new SequenceInputStream(new ByteArrayInputStream(sent.toByteArray()), System.in));
        }
        return answer;
    }

    /**
     * Asks the daemon at {@code socket} to run {@code args} for a caller in {@code directory}; what it asks of
     * {@code in} is also copied to {@code sent}. Returns the exit code having written the outputs, or empty (having
     * written nothing) when the caller should run them itself.
     */
    public static OptionalInt ask(Path socket, String identity, Path directory, String[] args, InputStream in,
                                  OutputStream sent, OutputStream out, OutputStream err) {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            DataOutputStream request = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel)));
            DataInputStream answer = new DataInputStream(new BufferedInputStream(Channels.newInputStream(channel)));
            Wire.begin(request, Wire.ADVISE, identity);
            request.writeUTF(directory.toString());
            request.writeUTF(encoding("sun.stdout.encoding"));
            request.writeUTF(encoding("sun.stderr.encoding"));
            request.writeInt(args.length);
            for (String arg : args) {
                request.writeUTF(arg); // over 64 KB encoded: refused here, and the run goes on itself
            }
            request.flush();
            if (acceptedInTime(channel, answer) != Wire.ACCEPTED) {
                return OptionalInt.empty();
            }
            while (true) {
                byte kind = answer.readByte();
                if (kind == Wire.INPUT) {
                    byte[] chunk = new byte[Math.max(0, Math.min(answer.readInt(), Wire.MAX_INPUT_CHUNK))];
                    int read = chunk.length == 0 ? 0 : in.read(chunk);
                    request.writeInt(read);
                    if (read > 0) {
                        request.write(chunk, 0, read);
                        sent.write(chunk, 0, read);
                    }
                    request.flush();
                } else if (kind == Wire.RESULT) {
                    int exit = answer.readInt();
                    byte[] errBytes = bytes(answer);
                    byte[] outBytes = bytes(answer);
                    err.write(errBytes);
                    err.flush();
                    out.write(outBytes);
                    out.flush();
                    return OptionalInt.of(exit);
                } else {
                    return OptionalInt.empty(); // LOCAL, or anything else
                }
            }
        } catch (IOException | RuntimeException | ServiceConfigurationError e) {
            return OptionalInt.empty(); // no daemon after all, or it stopped: the run goes on itself
        }
    }

    /**
     * Names the JDK's own selector provider, which a channel needs: else the JDK first looks for another among the
     * ~95 jars of the class path (there is none; ~60 ms, a third of the run). Only where this JDK has that class.
     */
    private static void nameSelectorProvider() {
        String property = "java.nio.channels.spi.SelectorProvider";
        if (System.getProperty(property) == null) {
            try {
                Class.forName(EPOLL, false, null);
                System.setProperty(property, EPOLL);
            } catch (ClassNotFoundException notLinux) {
                // the JDK searches, and finds its own
            }
        }
    }

    /** The status of the daemon at {@code where}, or null when none answers. */
    static String status(DaemonSocket where) {
        return Files.exists(where.socket()) ? text(where, Wire.STATUS) : null;
    }

    /** Asks the daemon at {@code where} to stop; what it says, or null when none answers. */
    static String stop(DaemonSocket where) {
        return text(where, Wire.STOP);
    }

    /** Sends {@code kind} (STATUS or STOP) to the daemon at {@code where}; its text, or null when none answers. */
    private static String text(DaemonSocket where, byte kind) {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(where.socket()));
            DataOutputStream request = new DataOutputStream(Channels.newOutputStream(channel));
            Wire.begin(request, kind, where.identity());
            request.flush();
            DataInputStream answer = new DataInputStream(new BufferedInputStream(Channels.newInputStream(channel)));
            return answer.readByte() == Wire.TEXT ? answer.readUTF() : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** The daemon's first answer, or 0 when it gave none in time (a daemon stopped with SIGSTOP, say). */
    private static byte acceptedInTime(SocketChannel channel, DataInputStream answer) throws IOException {
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(ACCEPT_MILLIS);
                channel.close();
            } catch (InterruptedException | IOException answered) {
                // in time
            }
        }, "advisor-daemon-accept");
        watchdog.setDaemon(true);
        watchdog.start();
        try {
            return answer.readByte();
        } finally {
            watchdog.interrupt();
        }
    }

    private static byte[] bytes(DataInputStream answer) throws IOException {
        int length = answer.readInt();
        if (length < 0 || length > Wire.MAX_OUTPUT) {
            throw new IOException("an output of " + length + " bytes");
        }
        byte[] bytes = new byte[length];
        answer.readFully(bytes);
        return bytes;
    }

    /** The charset picocli writes a stream in: the JVM's console encoding when it is a terminal, else the default. */
    private static String encoding(String property) {
        String name = System.getProperty(property);
        return name == null ? Charset.defaultCharset().name() : name;
    }
}
