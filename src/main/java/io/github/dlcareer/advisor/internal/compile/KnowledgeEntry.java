package io.github.dlcareer.advisor.internal.compile;

import io.github.dlcareer.advisor.internal.knowledge.RulesFiles;
import io.github.dlcareer.advisor.internal.knowledge.StoredKnowledge;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A folder's {@link StoredKnowledge} as an entry of the jar's precompiled rules or of the compiled-rules cache,
 * under a key of every file it was read from, in the shape of every {@link CacheEntry}.
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

    /** The knowledge of an entry's bytes ({@link CacheEntry}), checked to be the intact entry of {@code key}. */
    static StoredKnowledge read(byte[] entry, String key) throws IOException {
        return CacheEntry.read(entry, key, StoredKnowledge::read);
    }

    static byte[] bytes(String key, StoredKnowledge knowledge) throws IOException {
        return CacheEntry.seal(key, knowledge.bytes());
    }

    /** The knowledge a cache keeps under a key, if readable and intact; an entry that is not is a warning, and is removed. */
    static Optional<StoredKnowledge> read(CompiledRulesCache cache, String key) {
        return cache.read(cache.folder().resolve(name(key)), key, StoredKnowledge::read, "the knowledge",
                "reading the rules folder");
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
