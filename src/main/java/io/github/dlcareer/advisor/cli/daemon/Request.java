package io.github.dlcareer.advisor.cli.daemon;

import java.io.DataInputStream;
import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A caller's request as the daemon reads it (see {@link Wire}).
 *
 * @param directory for {@code ADVISE}: the caller's working directory (absolute); null otherwise
 */
record Request(byte kind, String identity, Path directory, String outCharset, String errCharset, String[] args) {

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "advisor-daemon-timer");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * The request on {@code channel}, or null when it is not one (the wrong magic, a bad size or kind, a relative
     * directory); the channel is closed when the request is not whole within {@code millis}.
     */
    static Request read(DataInputStream in, SocketChannel channel, long millis) throws IOException {
        ScheduledFuture<?> timeout = TIMER.schedule(() -> {
            try {
                channel.close();
            } catch (IOException ignored) {
                // closed already
            }
        }, millis, TimeUnit.MILLISECONDS);
        try {
            if (in.readInt() != Wire.MAGIC) {
                return null;
            }
            byte kind = in.readByte();
            String identity = in.readUTF();
            if (kind == Wire.STATUS || kind == Wire.STOP) {
                return new Request(kind, identity, null, null, null, new String[0]);
            }
            if (kind != Wire.ADVISE) {
                return null;
            }
            Path directory = Path.of(in.readUTF());
            String outCharset = in.readUTF();
            String errCharset = in.readUTF();
            int count = in.readInt();
            if (!directory.isAbsolute() || count < 0 || count > Wire.MAX_ARGUMENTS) {
                return null;
            }
            String[] args = new String[count];
            for (int i = 0; i < count; i++) {
                args[i] = in.readUTF();
            }
            return new Request(kind, identity, directory, outCharset, errCharset, args);
        } catch (java.nio.file.InvalidPathException e) {
            return null;
        } finally {
            timeout.cancel(false);
        }
    }
}
