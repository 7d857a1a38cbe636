package io.github.dlcareer.advisor;

import io.github.dlcareer.advisor.internal.profile.ProfileParser;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Reads profiles in the format of the README's "The profile", as JSON or YAML, into validated {@link Profile}s.
 *
 * <p>Immutable and thread-safe. Every problem in a profile is reported at once, each naming its line,
 * column and field; an unknown field is a warning (given to {@link #onWarning}) unless the reader is
 * {@link #strict}, when it is an error.
 *
 * <p>Hostile input is refused early and cheaply: a profile larger than {@link #maxSize(int) the size limit}
 * (by default {@value #DEFAULT_MAX_SIZE} bytes, 1 MiB) is refused before more than the limit is read or
 * parsed, whatever the source — a file, a stream that never ends such as {@code /dev/zero}, or a string;
 * a text that is not UTF-8 is refused with the line of the first bad byte; a byte-order mark at the start is
 * skipped. Inside the profile, these are errors, each naming its line, column and field: a text value (an id,
 * an industry) longer than 200 characters, a word longer than 100, a list of more than 100 words (the rest is
 * skipped, not held), nesting deeper than 10 levels, a YAML line longer than 10,000 characters (SnakeYAML's
 * cost grows with the square of a line's length), and a YAML alias ({@code *name}). At most 50 problems are
 * listed for one profile, then how many more there were.
 *
 * <pre>{@code
 * Profile profile = ProfileReader.create().strict(true).read(Path.of("anna.yaml"));
 * }</pre>
 */
public final class ProfileReader {

    /**
     * The size limit of a profile unless {@link #maxSize(int)} says otherwise: 1 MiB (1,048,576 bytes). A full
     * profile is about 2 KB; the limit leaves room for anything a person writes, and refuses a runaway
     * input (a wrong file, an endless stream) before it fills the memory.
     */
    public static final int DEFAULT_MAX_SIZE = 1 << 20;

    /** The largest size limit that may be set: 1 GiB. */
    public static final int LARGEST_MAX_SIZE = 1 << 30;

    private static final Consumer<Problem> IGNORE = problem -> { };
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final boolean strict;
    private final Consumer<Problem> warnings;
    private final int maxSize;

    private ProfileReader(boolean strict, Consumer<Problem> warnings, int maxSize) {
        this.strict = strict;
        this.warnings = warnings;
        this.maxSize = maxSize;
    }

    /** A lenient reader that ignores warnings, with the default size limit of 1 MiB. */
    public static ProfileReader create() {
        return new ProfileReader(false, IGNORE, DEFAULT_MAX_SIZE);
    }

    /** A reader that treats unknown fields as errors ({@code true}) or as warnings ({@code false}). */
    public ProfileReader strict(boolean strict) {
        return new ProfileReader(strict, warnings, maxSize);
    }

    /** A reader that hands each warning (such as an ignored unknown field) to {@code sink}. */
    public ProfileReader onWarning(Consumer<Problem> sink) {
        return new ProfileReader(strict, Objects.requireNonNull(sink, "sink"), maxSize);
    }

    /**
     * A reader that refuses a profile larger than {@code bytes} (its UTF-8 encoding, for a string), with an
     * {@link InvalidProfileException} naming the limit; at most {@code bytes + 1} bytes are read to find out.
     * The default is {@link #DEFAULT_MAX_SIZE}.
     *
     * @throws IllegalArgumentException unless {@code 1 <= bytes <= }{@link #LARGEST_MAX_SIZE}
     */
    public ProfileReader maxSize(int bytes) {
        if (bytes < 1 || bytes > LARGEST_MAX_SIZE) {
            throw new IllegalArgumentException("the size limit of a profile must be from 1 byte to 1 GiB, not " + bytes);
        }
        return new ProfileReader(strict, warnings, bytes);
    }

    /** The size limit of this reader, in bytes. */
    public int maxSize() {
        return maxSize;
    }

    /**
     * Reads a profile file: YAML when its name ends in {@code .yaml} or {@code .yml}, JSON when it ends in
     * {@code .json}, otherwise whichever the content looks like. No more than {@link #maxSize()} + 1 bytes are
     * read, whatever size the file claims (a device such as {@code /dev/zero} claims 0).
     *
     * @throws InvalidProfileException when the file cannot be read, is larger than the limit, is not UTF-8,
     *                                 or the profile is not valid
     */
    public Profile read(Path file) {
        Objects.requireNonNull(file, "file");
        return read(file, file.toString());
    }

    /**
     * Reads a profile file as {@link #read(Path)} does, naming it {@code source} in problems: the name the person
     * gave (e.g. relative to their own directory) where the file is read by another path.
     *
     * @throws InvalidProfileException when the file cannot be read, is larger than the limit, is not UTF-8,
     *                                 or the profile is not valid
     */
    public Profile read(Path file, String source) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(source, "source");
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = readAtMost(in, source);
        } catch (NoSuchFileException e) {
            throw invalid(source, "no such file");
        } catch (AccessDeniedException e) {
            throw invalid(source, "cannot be read: permission denied");
        } catch (IOException e) {
            throw invalid(source, Files.isDirectory(file) ? "is a folder, not a profile file"
                    : "cannot be read: " + e.getMessage());
        }
        return parse(decode(bytes, source), source);
    }

    /**
     * Reads a profile from a stream, such as standard input; {@code source} names it in problems (e.g.
     * {@code <stdin>}, or a file name whose ending chooses the format). Reads no more than
     * {@link #maxSize()} + 1 bytes, and does not close the stream.
     *
     * @throws InvalidProfileException when the stream cannot be read, holds more than the limit, is not UTF-8,
     *                                 or the profile is not valid
     */
    public Profile read(InputStream in, String source) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(source, "source");
        byte[] bytes;
        try {
            bytes = readAtMost(in, source);
        } catch (IOException e) {
            throw invalid(source, "cannot be read: " + e.getMessage());
        }
        return parse(decode(bytes, source), source);
    }

    /**
     * Parses a profile held in a string; {@code source} names it in problems (a file name, or e.g.
     * {@code <stdin>}). The format is chosen from the source's ending, else from the content. A string whose
     * UTF-8 encoding is larger than {@link #maxSize()} is refused before it is parsed.
     *
     * @throws InvalidProfileException when the profile is larger than the limit or not valid
     */
    public Profile parse(String text, String source) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(source, "source");
        if (text.length() > maxSize || (text.length() > maxSize / 3 && utf8Length(text) > maxSize)) {
            throw invalid(source, tooLarge());
        }
        if (!text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK) {
            text = text.substring(1);
        }
        List<Problem> found = new ArrayList<>();
        Profile profile = ProfileParser.parse(text, source, looksLikeYaml(text, source), strict, found);
        found.forEach(warnings);
        return profile;
    }

    /** The stream's bytes, refused when there are more than the limit: at most limit + 1 are read. */
    private byte[] readAtMost(InputStream in, String source) throws IOException {
        byte[] bytes = in.readNBytes(maxSize + 1);
        if (bytes.length > maxSize) {
            throw invalid(source, tooLarge());
        }
        return bytes;
    }

    private String tooLarge() {
        String bytes = String.format(Locale.ROOT, "%,d bytes", maxSize);
        String size = maxSize % (1 << 20) == 0 ? (maxSize >> 20) + " MiB"
                : maxSize % (1 << 10) == 0 ? (maxSize >> 10) + " KiB" : null;
        return "larger than the " + (size == null ? "limit for a profile (" + bytes + ")"
                : size + " limit for a profile (" + bytes + ")") + "; a profile is a few KB";
    }

    /** Strict UTF-8: a byte that is not UTF-8 is refused, naming its line and column. */
    private static String decode(byte[] bytes, String source) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int at = in.position();
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < at; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            String before = new String(bytes, lineStart, at - lineStart, StandardCharsets.UTF_8);
            int column = before.codePointCount(0, before.length()) + 1;
            throw new InvalidProfileException(List.of(Problem.error(source, line, column, null,
                    String.format(Locale.ROOT, "not UTF-8 text (the byte 0x%02X here); save the profile as UTF-8",
                            bytes[at] & 0xFF))));
        }
        return out.flip().toString();
    }

    private static int utf8Length(String text) {
        int length = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                length++;
            } else if (c < 0x800) {
                length += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                length += 4;
                i++;
            } else {
                length += 3;
            }
        }
        return length;
    }

    private static InvalidProfileException invalid(String source, String message) {
        return new InvalidProfileException(List.of(Problem.error(source, 0, 0, null, message)));
    }

    private static boolean looksLikeYaml(String text, String source) {
        String name = source.toLowerCase(Locale.ROOT);
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            return true;
        }
        if (name.endsWith(".json")) {
            return false;
        }
        String start = text.stripLeading();
        return !(start.startsWith("{") || start.startsWith("["));
    }
}
