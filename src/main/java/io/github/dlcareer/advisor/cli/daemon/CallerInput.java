package io.github.dlcareer.advisor.cli.daemon;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The caller's standard input, asked of it as the command reads: no more is read from the caller than a run of its
 * own would read (a profile on standard input is read up to its size limit, and no further).
 */
final class CallerInput extends InputStream {

    private final DataInputStream in;
    private final DataOutputStream out;
    private boolean ended;

    CallerInput(DataInputStream in, DataOutputStream out) {
        this.in = in;
        this.out = out;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (ended) {
            return -1;
        }
        int asked = Math.min(length, Wire.MAX_INPUT_CHUNK);
        out.writeByte(Wire.INPUT);
        out.writeInt(asked);
        out.flush();
        int count = in.readInt();
        if (count < 0) {
            ended = true;
            return -1;
        }
        if (count == 0 || count > asked) {
            throw new IOException("the caller sent " + count + " bytes of input where 1 to " + asked + " were asked");
        }
        in.readFully(bytes, offset, count);
        return count;
    }
}
