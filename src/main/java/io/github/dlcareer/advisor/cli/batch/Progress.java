package io.github.dlcareer.advisor.cli.batch;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Locale;

/** A one-line progress bar on standard error: records, rate, share of the input read, time left. */
final class Progress {

    /** Counts the bytes read, for the progress bar's share done and time left. */
    static final class CountingInput extends FilterInputStream {
        final long size;
        volatile long read;

        /** {@code size} is the input's length in bytes, or -1 when unknown (standard input). */
        CountingInput(InputStream in, long size) {
            super(in);
            this.size = size;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                read++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                read += n;
            }
            return n;
        }
    }

    private final PrintWriter err;
    private final CountingInput input;
    private final long start = System.nanoTime();
    private long shown;

    Progress(PrintWriter err, CountingInput input) {
        this.err = err;
        this.input = input;
    }

    /** Shows {@code records} done when it is a multiple of 256, at most five times a second. */
    void tick(long records) {
        long now = System.nanoTime();
        if ((records & 255) != 0 || now - shown < 200_000_000L) {
            return;
        }
        shown = now;
        double seconds = (now - start) / 1e9;
        double rate = records / Math.max(seconds, 1e-9);
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "\r%,d records  %,.0f/s", records, rate));
        if (input.size > 0) {
            double done = Math.min(1.0, (double) input.read / input.size);
            int width = 30;
            int filled = (int) (done * width);
            line.append("  [").append("#".repeat(filled)).append(" ".repeat(width - filled)).append(']')
                    .append(String.format(Locale.ROOT, " %3.0f%%", done * 100));
            if (done > 0.01) {
                line.append(String.format(Locale.ROOT, "  ETA %.0f s", seconds * (1 - done) / done));
            }
        }
        err.print(line.append("   "));
        err.flush();
    }

    void clear() {
        err.print("\r" + " ".repeat(100) + "\r");
        err.flush();
    }
}
