package io.github.dlcareer.advisor.cli.batch;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * SIGTERM or Ctrl-C during a batch. The JVM runs shutdown hooks on either; ours asks the batch to stop at the
 * next whole record (and interrupts it, should it be waiting for input or a worker), then waits for the outputs
 * to be flushed before the JVM exits with the signal's status (143 for SIGTERM, 130 for Ctrl-C).
 */
final class Signals {

    /** What a stopped batch returns in process; the JVM's own exit status on a signal wins. */
    static final int EXIT = 130;

    /** How long the outputs have to be flushed before the JVM exits all the same. */
    private static final long GRACE_SECONDS = 10;

    /** Thrown at the next record once a stop is asked for. */
    static final class Stop extends RuntimeException {
        Stop() {
            super("stopped by a signal", null, false, false);
        }
    }

    private final Thread batch;
    private final Thread hook = new Thread(this::stop, "advisor-batch-signal");
    private final CountDownLatch flushed = new CountDownLatch(1);
    private volatile boolean stopping;

    Signals(Thread batch) {
        this.batch = batch;
    }

    void install() {
        Runtime.getRuntime().addShutdownHook(hook);
    }

    void uninstall() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running: it waits for done()
        }
    }

    boolean stopping() {
        return stopping;
    }

    /** The outputs are flushed and closed: the JVM may exit. */
    void done() {
        flushed.countDown();
    }

    private void stop() {
        stopping = true;
        batch.interrupt();
        try {
            flushed.await(GRACE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
