package io.github.dlcareer.advisor.internal.compile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.zip.CRC32C;

/**
 * The one shape of every entry kept beside the kjars, in the compiled-rules cache and among the precompiled rules
 * (parsed rules, a decision table's DRL, a folder's knowledge): a line of the key it was made under and a checksum of
 * the rest, then the rest. Both are checked before the rest is read, so that an entry edited by hand, corrupt or
 * copied under another key is never used: it would change the advice in silence (a weight, a title, a condition).
 * The checksum is a CRC-32C, not a SHA-256 like the key: it guards against damage, not against someone who would
 * forge an entry in a folder they can write (they could as well edit the rules); and the first SHA-256 of a JVM
 * costs ~45 ms of security providers set up, a twentieth of an application's start on the bundled rules.
 */
final class CacheEntry {

    private CacheEntry() {
    }

    /** What reads the checked rest of an entry. */
    interface Reader<T> {
        T read(byte[] body) throws IOException;
    }

    /** An entry that reads, but is not the intact entry its name says. */
    static final class UnusableEntry extends IOException {
        UnusableEntry(String why) {
            super(why);
        }
    }

    static byte[] seal(String key, byte[] body) {
        byte[] header = (key + " " + checksum(body) + "\n").getBytes(StandardCharsets.US_ASCII);
        byte[] entry = Arrays.copyOf(header, header.length + body.length);
        System.arraycopy(body, 0, entry, header.length, body.length);
        return entry;
    }

    /** The rest of an entry, checked to be the intact entry of {@code key}. */
    static byte[] open(byte[] entry, String key) throws UnusableEntry {
        int newLine = 0;
        while (newLine < entry.length && entry[newLine] != '\n') {
            newLine++;
        }
        byte[] body = Arrays.copyOfRange(entry, Math.min(newLine + 1, entry.length), entry.length);
        String header = new String(entry, 0, newLine, StandardCharsets.US_ASCII);
        if (!header.startsWith(key + " ")) {
            throw new UnusableEntry("it was made from other files than its name says");
        }
        if (!header.equals(key + " " + checksum(body))) {
            throw new UnusableEntry("it does not match its digest (edited by hand?)");
        }
        return body;
    }

    private static String checksum(byte[] body) {
        CRC32C crc = new CRC32C();
        crc.update(body);
        return HexFormat.of().toHexDigits((int) crc.getValue());
    }

    /** The value of an entry's bytes, checked to be the intact entry of {@code key}. */
    static <T> T read(byte[] entry, String key, Reader<T> reader) throws IOException {
        return reader.read(open(entry, key));
    }
}
