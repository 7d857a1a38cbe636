package io.github.dlcareer.advisor.internal.batch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The bytes of a batch input, read once, with the line and column an editor shows (only {@code \n} ends a line;
 * a bare {@code \r} does not), and one record at a time gathered up to a size limit. A record over the limit is
 * not held: its bytes are counted and dropped, so a 100 MB line costs no more memory than a short one. A
 * byte-order mark at the start is skipped.
 */
final class ByteInput {

    private final InputStream in;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int end;
    private boolean started;
    private long line = 1;
    private int column = 1;

    private byte[] record = new byte[1 << 10];
    private int recordLength;
    private long recordSize;
    private int recordLimit;

    ByteInput(InputStream in) {
        this.in = in;
    }

    /** The next byte without consuming it, or -1 at the end of the input. */
    int peek() throws IOException {
        if (position == end && !fill()) {
            return -1;
        }
        return buffer[position] & 0xff;
    }

    /** Consumes the next byte and returns it, or -1 at the end of the input. */
    int read() throws IOException {
        int b = peek();
        if (b == '\n') {
            line++;
            column = 1;
        } else if (b >= 0 && (b & 0xc0) != 0x80) {
            column++; // a UTF-8 continuation byte is part of the character before it
        }
        position++;
        return b;
    }

    /** The line of the next byte (1-based). */
    long line() {
        return line;
    }

    /** The column of the next byte (1-based, in characters). */
    int column() {
        return column;
    }

    /** Starts gathering a record of at most {@code limit} bytes. */
    void startRecord(int limit) {
        recordLength = 0;
        recordSize = 0;
        recordLimit = limit;
    }

    /** Adds a byte to the record; past the limit it is only counted. */
    void append(int b) {
        recordSize++;
        if (recordSize > recordLimit) {
            return;
        }
        if (recordLength == record.length) {
            record = Arrays.copyOf(record, (int) Math.min((long) record.length * 2, recordLimit));
        }
        record[recordLength++] = (byte) b;
    }

    /** Drops the last byte gathered (a {@code \r} before a line's {@code \n}). */
    void unappend() {
        recordSize--;
        if (recordLength > recordSize) {
            recordLength--;
        }
    }

    /** The size of the record so far, in bytes, counting those past the limit. */
    long recordSize() {
        return recordSize;
    }

    boolean overLimit() {
        return recordSize > recordLimit;
    }

    /** How many of the record's bytes are held: all of them, or the limit's worth. */
    int recordLength() {
        return recordLength;
    }

    /** The record's bytes, valid until the next {@link #startRecord}. */
    byte[] recordBytes() {
        return record;
    }

    /** Whether the record holds only spaces, tabs and line ends. */
    boolean recordIsBlank() {
        for (int i = 0; i < recordLength; i++) {
            byte b = record[i];
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }

    /**
     * Decodes bytes as strict UTF-8.
     *
     * @throws BadUtf8 naming the offset of the first byte that is not UTF-8
     */
    static String utf8(byte[] bytes, int offset, int length) throws BadUtf8 {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
        ByteBuffer input = ByteBuffer.wrap(bytes, offset, length);
        CharBuffer output = CharBuffer.allocate(length);
        CoderResult result = decoder.decode(input, output, true);
        if (result.isError()) {
            throw new BadUtf8(input.position() - offset);
        }
        decoder.flush(output);
        return output.flip().toString();
    }

    /** The record, decoded. */
    String recordText() throws BadUtf8 {
        return utf8(record, 0, recordLength);
    }

    /** Bytes that are not UTF-8, at {@code offset} from the start of what was decoded. */
    static final class BadUtf8 extends Exception {
        final int offset;

        BadUtf8(int offset) {
            super(null, null, false, false);
            this.offset = offset;
        }
    }

    /** Where the byte at {@code offset} of the record is, counting from the record's start line and column. */
    long[] locate(int offset, long startLine, int startColumn) {
        long at = startLine;
        int col = startColumn;
        for (int i = 0; i < offset && i < recordLength; i++) {
            if (record[i] == '\n') {
                at++;
                col = 1;
            } else if ((record[i] & 0xc0) != 0x80) {
                col++;
            }
        }
        return new long[] {at, col};
    }

    private boolean fill() throws IOException {
        position = end = 0;
        int want = started ? 1 : 3; // the first time, enough bytes to see a byte-order mark
        while (end < want) {
            int n = in.read(buffer, end, buffer.length - end);
            if (n < 0) {
                break;
            }
            end += n;
        }
        if (!started) {
            started = true;
            if (end >= 3 && (buffer[0] & 0xff) == 0xef && (buffer[1] & 0xff) == 0xbb && (buffer[2] & 0xff) == 0xbf) {
                position = 3; // a byte-order mark is not content
                return position < end || fill();
            }
        }
        return position < end;
    }
}
