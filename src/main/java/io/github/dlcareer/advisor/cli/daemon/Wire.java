package io.github.dlcareer.advisor.cli.daemon;

import java.io.DataOutputStream;
import java.io.IOException;

/**
 * What the caller and the daemon say to each other, over {@code DataOutputStream}s.
 *
 * <pre>
 * caller: MAGIC, a request (ADVISE, STATUS or STOP), the identity (UTF);
 *         for ADVISE: the directory, the charsets of standard output and error, the arguments' count and each (UTF)
 * daemon: ACCEPTED at once, or LOCAL (run it yourself); then any number of
 *         INPUT n (the caller answers with a count m &lt;= n, or -1 at the end, then m bytes of its standard input),
 *         then RESULT (exit code, standard error's bytes, standard output's bytes) or LOCAL;
 *         for STATUS and STOP: TEXT (UTF)
 * </pre>
 */
final class Wire {

    static final int MAGIC = 0x41445631; // "ADV1"

    static final byte ADVISE = 'a';
    static final byte STATUS = 's';
    static final byte STOP = 'q';

    static final byte ACCEPTED = 'K';
    static final byte LOCAL = 'L';
    static final byte INPUT = 'I';
    static final byte RESULT = 'R';
    static final byte TEXT = 'T';

    /** The most arguments a request may carry. */
    static final int MAX_ARGUMENTS = 1_000;
    /** The most bytes of standard input asked for at once. */
    static final int MAX_INPUT_CHUNK = 1 << 16;
    /** The most bytes of output a result may carry. */
    static final int MAX_OUTPUT = 64 << 20;

    private Wire() {
    }

    /** Begins a request: the magic, its kind and the caller's identity (not flushed: more may follow). */
    static void begin(DataOutputStream request, byte kind, String identity) throws IOException {
        request.writeInt(MAGIC);
        request.writeByte(kind);
        request.writeUTF(identity);
    }
}
