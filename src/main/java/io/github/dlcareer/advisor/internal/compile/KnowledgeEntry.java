package io.github.dlcareer.advisor.internal.compile;

import io.github.dlcareer.advisor.internal.knowledge.RulesFiles;
import io.github.dlcareer.advisor.internal.knowledge.StoredKnowledge;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A folder's {@link StoredKnowledge} as an entry of the jar's precompiled rules or of the compiled-rules cache,
 * under a key of every file it was read from: a line with the key and a digest of the rest, both checked on
 * reading (an entry edited by hand, corrupt or misplaced would change the advice in silence), then the knowledge.
 */
final class KnowledgeEntry {

    private static final Logger LOG = LoggerFactory.getLogger(KnowledgeEntry.class);

    private KnowledgeEntry() {
    }

    static String name(String key) {
        return "knowledge-" + key + ".bin";
    }

    /** The digest of each file the knowledge is read from ({@link RulesFiles#knowledgeFiles}): what its keys hash. */
    static Map<String, String> digests(Map<String, byte[]> files) {
        Map<String, String> digests = new LinkedHashMap<>();
        files.forEach((name, bytes) -> digests.put(name, CompiledRulesCache.digest(bytes)));
        return digests;
    }

    /**
     * The key of a folder's knowledge: its files' {@link #digests}, and the versions of the advisor (or what stands
     * for it) and of Drools, whose parser read the rules.
     */
    static String key(String advisor, Map<String, String> digests) {
        return CompiledRulesCache.key(advisor, digests);
    }

    static String key(Map<String, String> digests) {
        return key(CompiledRulesCache.ADVISOR_VERSION, digests);
    }

    /** The knowledge of an entry's bytes, checked to be the intact entry of {@code key}. */
    static StoredKnowledge read(byte[] entry, String key) throws IOException {
        int newLine = 0;
        while (newLine < entry.length && entry[newLine] != '\n') {
            newLine++;
        }
        byte[] body = Arrays.copyOfRange(entry, Math.min(newLine + 1, entry.length), entry.length);
        if (!new String(entry, 0, newLine, StandardCharsets.UTF_8).equals(key + " " + CompiledRulesCache.digest(body))) {
            throw new CompiledRulesCache.UnusableEntry("it does not match its key or digest");
        }
        return StoredKnowledge.read(body);
    }

    static byte[] bytes(String key, StoredKnowledge knowledge) throws IOException {
        byte[] body = knowledge.bytes();
        byte[] header = (key + " " + CompiledRulesCache.digest(body) + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] entry = Arrays.copyOf(header, header.length + body.length);
        System.arraycopy(body, 0, entry, header.length, body.length);
        return entry;
    }

    /** The knowledge a cache keeps under a key, if readable and intact; an entry that is not is a warning, and is removed. */
    static Optional<StoredKnowledge> read(CompiledRulesCache cache, String key) {
        Path file = cache.folder().resolve(name(key));
        try {
            return Optional.of(read(Files.readAllBytes(file), key));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            LOG.warn("ignoring the knowledge in {} ({}); reading the rules folder", file, e.toString());
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException | SecurityException e) {
            LOG.debug("cannot remove {}: {}", file, e.toString());
        }
        return Optional.empty();
    }

    /** Keeps knowledge read without errors in a cache under its key; a failure is a warning. */
    static void write(CompiledRulesCache cache, String key, StoredKnowledge knowledge) {
        try {
            cache.write(cache.folder().resolve(name(key)), bytes(key, knowledge));
        } catch (IOException e) {
            LOG.warn("cannot keep the knowledge in the cache in {} ({})", cache.folder(), e.toString());
        }
    }
}
