package io.github.dlcareer.advisor.internal.batch;

import java.util.Locale;

/** The bounds a batch keeps to on untrusted input, and how it words them. */
public final class Limits {

    /** The default largest batch record: a rich profile is a few KB, so 1 MiB is room and still cheap to hold. */
    public static final int RECORD_SIZE = 1 << 20;

    /** The largest record size a batch can be set to: memory holds a few chunks of such records. */
    public static final int MAX_RECORD_SIZE = 256 << 20;

    /** Worker threads: more than this only adds memory in flight on any machine this runs on. */
    public static final int MAX_THREADS = 64;

    private Limits() {
    }

    static String tooLong(long size, int limit) {
        return String.format(Locale.ROOT, "this record is %,d bytes, over the limit of %s for one record;"
                + " it was skipped without being held in memory", size, size(limit));
    }

    static String notUtf8(byte b) {
        return String.format(Locale.ROOT, "not UTF-8 text (byte 0x%02X); save the file as UTF-8", b & 0xff);
    }

    /** A size in bytes as people say it: 1 MiB (1,048,576 bytes). */
    public static String size(long bytes) {
        String unit = bytes % (1 << 20) == 0 ? bytes / (1 << 20) + " MiB"
                : bytes % (1 << 10) == 0 ? bytes / (1 << 10) + " KiB" : null;
        String exact = String.format(Locale.ROOT, "%,d bytes", bytes);
        return unit == null ? exact : unit + " (" + exact + ")";
    }
}
