package io.github.dlcareer.advisor.cli.daemon;

import io.github.dlcareer.advisor.Advisor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * The advisors a daemon keeps built, by rules folder (null: the bundled rules): one is used again while its folder
 * holds the same files with the same contents, so that an edited rule is seen at once, as by a run of its own.
 * A folder too large to fingerprint cheaply is built for each request (with the compiled-rules cache, as a run is).
 */
final class HeldAdvisors {

    /** How many folders' advisors are kept; the least recently used is dropped. */
    private static final int HELD = 8;
    /** Beyond these a folder is not fingerprinted (nor held). */
    private static final int MOST_FILES = 2_000;
    private static final long MOST_BYTES = 64 << 20;

    private record Held(Advisor advisor, String fingerprint) {
    }

    private final Map<Path, Held> held = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Path, Held> eldest) {
            return size() > HELD;
        }
    };

    /** The advisor for {@code folder} (null: the bundled rules) as its files are now. */
    synchronized Advisor get(Path folder) {
        Path key = folder == null ? null : folder.toAbsolutePath().normalize();
        String fingerprint = key == null ? "" : fingerprint(key);
        Held found = held.get(key);
        if (found != null && found.fingerprint().equals(fingerprint)) {
            return found.advisor();
        }
        Advisor.Builder builder = Advisor.builder().cache(Advisor.defaultCacheFolder());
        Advisor advisor = (key == null ? builder.bundledRules() : builder.rules(key)).build();
        if (fingerprint != null) {
            held.put(key, new Held(advisor, fingerprint));
        }
        return advisor;
    }

    /** The folders held, for the status. */
    synchronized List<String> folders() {
        return held.keySet().stream().map(folder -> Objects.toString(folder, "the bundled rules")).toList();
    }

    /** Every file's path, size and checksum; null when the folder is too large (or unreadable: built each time). */
    private static String fingerprint(Path folder) {
        StringBuilder fingerprint = new StringBuilder();
        long bytes = 0;
        int files = 0;
        byte[] buffer = new byte[1 << 16];
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                if (++files > MOST_FILES || (bytes += Files.size(file)) > MOST_BYTES) {
                    return null;
                }
                CRC32C crc = new CRC32C();
                try (InputStream in = Files.newInputStream(file)) {
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        crc.update(buffer, 0, n);
                    }
                }
                fingerprint.append(folder.relativize(file)).append(' ').append(Files.size(file)).append(' ')
                        .append(Long.toHexString(crc.getValue())).append('\n');
            }
        } catch (IOException | UncheckedIOException e) {
            return null;
        }
        return fingerprint.toString();
    }
}
