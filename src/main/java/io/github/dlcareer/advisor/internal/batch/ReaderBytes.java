package io.github.dlcareer.advisor.internal.batch;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Characters as UTF-8 bytes, a buffer at a time: batch input is read as bytes, whatever the caller holds. */
public final class ReaderBytes extends InputStream {

    private final Reader reader;
    private final CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
            .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
    private final CharBuffer chars = CharBuffer.allocate(1 << 13);
    private final ByteBuffer bytes = ByteBuffer.allocate(1 << 15);
    private boolean ended;

    public ReaderBytes(Reader reader) {
        this.reader = reader;
        chars.flip();
        bytes.flip();
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        while (!bytes.hasRemaining()) {
            if (ended && !chars.hasRemaining()) {
                return -1;
            }
            chars.compact();
            int n = ended ? -1 : reader.read(chars);
            chars.flip();
            ended |= n < 0;
            bytes.clear();
            encoder.encode(chars, bytes, ended);
            bytes.flip();
        }
        int n = Math.min(length, bytes.remaining());
        bytes.get(buffer, offset, n);
        return n;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
